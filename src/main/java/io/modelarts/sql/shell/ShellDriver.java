package io.modelarts.sql.shell;

import io.modelarts.sql.jdbc.ModelArtsDriver;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The driver sqlline connects through when the shell holds secrets besides the password (a token, a
 * security token, a proxy or trust-store password): it adds them to the connection's properties and
 * hands over to {@link ModelArtsDriver}, so that no secret rides in the URL that sqlline shows
 * ({@code !list}, {@code !dbinfo}) or keeps.
 *
 * <p>Its URLs are the driver's with another prefix, {@value #PREFIX}, so that only the shell's own
 * connection comes here; a {@code jdbc:modelarts:} URL typed in the shell goes to the driver as
 * typed.
 */
final class ShellDriver implements Driver {
  static final String PREFIX = "jdbc:modelarts-shell:";

  private final Map<String, String> secrets;

  private ShellDriver(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  /**
   * The URL sqlline is to connect with: {@code url} itself when there are no secrets to add, else
   * {@code url} under {@link #PREFIX}, for the driver {@link #register} makes.
   */
  static String url(String url, Map<String, String> secrets) {
    return secrets.isEmpty() ? url : PREFIX + url.substring(ModelArtsDriver.PREFIX.length());
  }

  /**
   * Registers a driver holding {@code secrets} for {@link #url}'s URLs, if there are any; closing
   * the result deregisters it, so that a later shell in the same JVM cannot reach these secrets.
   */
  static AutoCloseable register(Map<String, String> secrets) {
    if (secrets.isEmpty()) {
      return () -> {};
    }
    ShellDriver driver = new ShellDriver(secrets);
    try {
      DriverManager.registerDriver(driver);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot register the shell's driver", e);
    }
    return () -> DriverManager.deregisterDriver(driver);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties all = new Properties();
    if (info != null) {
      all.putAll(info);
    }
    secrets.forEach(all::putIfAbsent);
    return target().connect(driverUrl(url), all);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return target().getPropertyInfo(driverUrl(url), info);
  }

  @Override
  public int getMajorVersion() {
    return target0().getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return target0().getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target0().getParentLogger();
  }

  /** Never shows the secrets, only which ones it holds. */
  @Override
  public String toString() {
    return "ShellDriver[secrets=" + new java.util.TreeSet<>(secrets.keySet()) + "]";
  }

  private static String driverUrl(String url) {
    return ModelArtsDriver.PREFIX + url.substring(PREFIX.length());
  }

  private static Driver target() throws SQLException {
    return DriverManager.getDriver(ModelArtsDriver.PREFIX);
  }

  private static Driver target0() {
    try {
      return target();
    } catch (SQLException e) {
      throw new IllegalStateException("the jdbc:modelarts: driver is not registered", e);
    }
  }
}
