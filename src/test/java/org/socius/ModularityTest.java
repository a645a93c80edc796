package org.socius;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities stay apart: each uses another only through its public types (the package
 * root), never its {@code internal} packages, and no cycles form. Also writes the module
 * diagram and canvas to target/spring-modulith-docs for docs/architecture.md.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(SociusApplication.class);

  @Test
  void capabilitiesOnlyUseEachOthersPublicTypes() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
  }
}
