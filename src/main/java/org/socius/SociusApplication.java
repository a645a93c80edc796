package org.socius;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The application: one capability per top-level package, {@code platform} shared by all. The
 * jar's entry point is the command line, {@code org.socius.cli.SociusCli}, which serves by default.
 */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class SociusApplication {}
