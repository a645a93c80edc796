package org.socius.platform.internal;

/** The version of this build, from the jar's manifest (or "dev" when run from classes). */
public final class Versions {

  private Versions() {}

  public static String current() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
