package org.socius.testing;

/** The databases every database test runs on. */
public enum Store {
  SQLITE,
  POSTGRES
}
