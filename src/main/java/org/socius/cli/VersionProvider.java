package org.socius.cli;

import picocli.CommandLine;

class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"Socius " + (version == null ? "dev" : version) + " (Java " + Runtime.version() + ")"};
  }
}
