package io.modelarts.sql.jdbc;

/** The driver's version, as reported through JDBC metadata. */
final class Version {
  static final int MAJOR = 0;
  static final int MINOR = 1;
  static final String VERSION = MAJOR + "." + MINOR + ".0";

  private Version() {}
}
