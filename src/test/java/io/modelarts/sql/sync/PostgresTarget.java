package io.modelarts.sql.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one test class, created on the server that {@code
 * MODELARTS_TEST_PG_URL} names (with {@code MODELARTS_TEST_PG_USER} and {@code
 * MODELARTS_TEST_PG_PASSWORD}) and dropped afterwards.
 *
 * <p>Without the variable it tries the local server with the role {@code .ci/run} creates, and
 * skips the test when that is not reachable, so a laptop without PostgreSQL still builds. With the
 * variable set (as in CI) an unreachable server fails the test instead: CI must not pass by
 * skipping.
 */
public final class PostgresTarget implements TestTarget {
  static final String URL_ENV = "MODELARTS_TEST_PG_URL";
  static final String USER_ENV = "MODELARTS_TEST_PG_USER";
  static final String PASSWORD_ENV = "MODELARTS_TEST_PG_PASSWORD";

  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String DEFAULT_USER = "modelarts_test";
  private static final Pattern DATABASE =
      Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(.*)$");

  /** Why the local server could not be used, once a test found out; later tests skip at once. */
  private static volatile String unreachable;

  private final String adminUrl;
  private final Properties properties;
  private final String database;

  private PostgresTarget(String adminUrl, Properties properties, String database) {
    this.adminUrl = adminUrl;
    this.properties = properties;
    this.database = database;
  }

  /** Creates a database of its own, or skips the calling test when no server is configured. */
  public static PostgresTarget create() {
    if (unreachable != null) {
      Assumptions.abort(unreachable);
    }
    String configured = System.getenv(URL_ENV);
    String adminUrl = configured != null ? configured : DEFAULT_URL;
    Properties p = new Properties();
    p.setProperty("user", envOr(USER_ENV, DEFAULT_USER));
    p.setProperty("password", envOr(PASSWORD_ENV, DEFAULT_USER));
    p.setProperty("connectTimeout", "3");
    String database =
        "modelarts_sync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(adminUrl, p);
        Statement s = c.createStatement()) {
      // Collation C: ORDER BY on text is then byte order, as on H2 and in Java, so tests can
      // compute expected orders; the server's default locale would order '.' and '-' otherwise.
      s.execute(
          "CREATE DATABASE "
              + database
              + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    } catch (SQLException e) {
      String message =
          "PostgreSQL is not reachable at "
              + adminUrl
              + " as "
              + p.getProperty("user")
              + " ("
              + e.getMessage()
              + "); set "
              + URL_ENV
              + ", "
              + USER_ENV
              + " and "
              + PASSWORD_ENV
              + " (.ci/run does) to run the PostgreSQL tests";
      if (configured != null) {
        throw new AssertionError(message, e);
      }
      unreachable = message;
      System.err.println("Skipping the PostgreSQL tests: " + message); // surefire shows no reason
      Assumptions.abort(message);
    }
    return new PostgresTarget(adminUrl, p, database);
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v != null ? v : fallback;
  }

  @Override
  public String url() {
    Matcher m = DATABASE.matcher(adminUrl);
    if (!m.matches()) {
      throw new IllegalStateException(URL_ENV + " must look like jdbc:postgresql://host:port/db");
    }
    return m.group(1) + database + m.group(3);
  }

  @Override
  public Properties properties() {
    Properties p = new Properties();
    p.putAll(properties);
    return p;
  }

  /**
   * Drops the test database: plainly first, which makes an autovacuum worker in it give way (the
   * forced drop would try to terminate that superuser process, which the test role may not, and
   * fail), and forced only if a session is still connected to it.
   */
  @Override
  public void close() {
    String drop = "DROP DATABASE IF EXISTS " + database.toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(adminUrl, properties);
        Statement s = c.createStatement()) {
      try {
        s.execute(drop);
      } catch (SQLException e) {
        if (!OBJECT_IN_USE.equals(e.getSQLState())) {
          throw e;
        }
        s.execute(drop + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + database, e);
    }
  }

  /** PostgreSQL's SQLState for a database other sessions are still using. */
  private static final String OBJECT_IN_USE = "55006";
}
