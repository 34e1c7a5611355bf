package io.modelarts.sql.jdbc;

import io.modelarts.sql.config.ConnectionProperty;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for {@code jdbc:modelarts:} connections, for HikariCP's {@code
 * dataSourceClassName}, Spring and application servers: one bean property per connection property
 * ({@code setProjectId}, {@code setRegion}, {@code setEndpoint}, {@code setUser}, {@code
 * setPassword}...), named and typed as in {@link ConnectionProperty}, unset ones taking the
 * driver's defaults. Booleans are {@code boolean}, whole numbers {@code int}, milliseconds {@code
 * long}, all else (the decimal {@code rateLimit} included) {@code String}, the types pools can set
 * from configuration text.
 *
 * <p>Each {@code getConnection} opens a new connection; pool them with a connection pool.
 */
public class ModelArtsDataSource implements DataSource {
  private static final ModelArtsDriver DRIVER = new ModelArtsDriver();

  private final Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
  private int loginTimeoutSeconds;
  private PrintWriter logWriter;

  /** Sets a property; null removes it, so the driver's default applies. */
  private void set(ConnectionProperty property, Object value) {
    synchronized (values) {
      if (value == null) {
        values.remove(property);
      } else {
        values.put(property, value.toString());
      }
    }
  }

  private String get(ConnectionProperty property) {
    synchronized (values) {
      String v = values.get(property);
      return v != null ? v : property.defaultValue();
    }
  }

  private boolean bool(ConnectionProperty property) {
    return Boolean.parseBoolean(get(property));
  }

  private int integer(ConnectionProperty property) {
    String v = get(property);
    return v == null ? 0 : Integer.parseInt(v);
  }

  private long millis(ConnectionProperty property) {
    String v = get(property);
    return v == null ? 0 : Long.parseLong(v);
  }

  /** The connection properties set so far, as the driver reads them. */
  Properties properties() {
    Properties p = new Properties();
    synchronized (values) {
      values.forEach((k, v) -> p.setProperty(k.propertyName(), v));
    }
    return p;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DRIVER.connect(ModelArtsDriver.PREFIX, properties());
  }

  /**
   * A connection with these credentials instead of the configured {@code user}/{@code password}.
   */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Properties p = properties();
    p.remove(ConnectionProperty.USER.propertyName());
    p.remove(ConnectionProperty.PASSWORD.propertyName());
    if (username != null) {
      p.setProperty(ConnectionProperty.USER.propertyName(), username);
    }
    if (password != null) {
      p.setProperty(ConnectionProperty.PASSWORD.propertyName(), password);
    }
    return DRIVER.connect(ModelArtsDriver.PREFIX, p);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  /** Kept for the DataSource contract; the driver logs through SLF4J, not through this writer. */
  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /** Kept for the DataSource contract; connecting is bounded by {@code connectTimeout}. */
  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("The driver logs through SLF4J", "0A000");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper for " + type.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** Names the project and endpoint, never a credential. */
  @Override
  public String toString() {
    return "ModelArtsDataSource{projectId="
        + get(ConnectionProperty.PROJECT_ID)
        + ", region="
        + get(ConnectionProperty.REGION)
        + ", endpoint="
        + get(ConnectionProperty.ENDPOINT)
        + "}";
  }

  // One bean property per ConnectionProperty, in the enum's (alphabetical) order.
  // ModelArtsDataSourceTest checks that the two lists match in names and types.

  public void setAllowInsecureHttp(boolean value) {
    set(ConnectionProperty.ALLOW_INSECURE_HTTP, value);
  }

  public boolean getAllowInsecureHttp() {
    return bool(ConnectionProperty.ALLOW_INSECURE_HTTP);
  }

  public void setAuthType(String value) {
    set(ConnectionProperty.AUTH_TYPE, value);
  }

  public String getAuthType() {
    return get(ConnectionProperty.AUTH_TYPE);
  }

  public void setCacheTtl(long value) {
    set(ConnectionProperty.CACHE_TTL, value);
  }

  public long getCacheTtl() {
    return millis(ConnectionProperty.CACHE_TTL);
  }

  public void setCallTimeout(long value) {
    set(ConnectionProperty.CALL_TIMEOUT, value);
  }

  public long getCallTimeout() {
    return millis(ConnectionProperty.CALL_TIMEOUT);
  }

  public void setConnectTimeout(long value) {
    set(ConnectionProperty.CONNECT_TIMEOUT, value);
  }

  public long getConnectTimeout() {
    return millis(ConnectionProperty.CONNECT_TIMEOUT);
  }

  public void setDomain(String value) {
    set(ConnectionProperty.DOMAIN, value);
  }

  public String getDomain() {
    return get(ConnectionProperty.DOMAIN);
  }

  public void setEndpoint(String value) {
    set(ConnectionProperty.ENDPOINT, value);
  }

  public String getEndpoint() {
    return get(ConnectionProperty.ENDPOINT);
  }

  public void setExposeNotebookToken(boolean value) {
    set(ConnectionProperty.EXPOSE_NOTEBOOK_TOKEN, value);
  }

  public boolean getExposeNotebookToken() {
    return bool(ConnectionProperty.EXPOSE_NOTEBOOK_TOKEN);
  }

  public void setIamEndpoint(String value) {
    set(ConnectionProperty.IAM_ENDPOINT, value);
  }

  public String getIamEndpoint() {
    return get(ConnectionProperty.IAM_ENDPOINT);
  }

  public void setMaxRetries(int value) {
    set(ConnectionProperty.MAX_RETRIES, value);
  }

  public int getMaxRetries() {
    return integer(ConnectionProperty.MAX_RETRIES);
  }

  public void setPageConcurrency(int value) {
    set(ConnectionProperty.PAGE_CONCURRENCY, value);
  }

  public int getPageConcurrency() {
    return integer(ConnectionProperty.PAGE_CONCURRENCY);
  }

  public void setPassword(String value) {
    set(ConnectionProperty.PASSWORD, value);
  }

  public String getPassword() {
    return get(ConnectionProperty.PASSWORD);
  }

  public void setPlanCacheSize(int value) {
    set(ConnectionProperty.PLAN_CACHE_SIZE, value);
  }

  public int getPlanCacheSize() {
    return integer(ConnectionProperty.PLAN_CACHE_SIZE);
  }

  public void setProjectId(String value) {
    set(ConnectionProperty.PROJECT_ID, value);
  }

  public String getProjectId() {
    return get(ConnectionProperty.PROJECT_ID);
  }

  public void setProxy(String value) {
    set(ConnectionProperty.PROXY, value);
  }

  public String getProxy() {
    return get(ConnectionProperty.PROXY);
  }

  public void setProxyPassword(String value) {
    set(ConnectionProperty.PROXY_PASSWORD, value);
  }

  public String getProxyPassword() {
    return get(ConnectionProperty.PROXY_PASSWORD);
  }

  public void setProxyUser(String value) {
    set(ConnectionProperty.PROXY_USER, value);
  }

  public String getProxyUser() {
    return get(ConnectionProperty.PROXY_USER);
  }

  public void setPreloadClasses(boolean value) {
    set(ConnectionProperty.PRELOAD_CLASSES, value);
  }

  public boolean getPreloadClasses() {
    return bool(ConnectionProperty.PRELOAD_CLASSES);
  }

  public void setPushdown(boolean value) {
    set(ConnectionProperty.PUSHDOWN, value);
  }

  public boolean getPushdown() {
    return bool(ConnectionProperty.PUSHDOWN);
  }

  public void setRateLimit(String value) {
    set(ConnectionProperty.RATE_LIMIT, value);
  }

  public String getRateLimit() {
    return get(ConnectionProperty.RATE_LIMIT);
  }

  public void setRateLimitBurst(int value) {
    set(ConnectionProperty.RATE_LIMIT_BURST, value);
  }

  public int getRateLimitBurst() {
    return integer(ConnectionProperty.RATE_LIMIT_BURST);
  }

  public void setReadTimeout(long value) {
    set(ConnectionProperty.READ_TIMEOUT, value);
  }

  public long getReadTimeout() {
    return millis(ConnectionProperty.READ_TIMEOUT);
  }

  public void setRegion(String value) {
    set(ConnectionProperty.REGION, value);
  }

  public String getRegion() {
    return get(ConnectionProperty.REGION);
  }

  public void setRetryMaxElapsed(long value) {
    set(ConnectionProperty.RETRY_MAX_ELAPSED, value);
  }

  public long getRetryMaxElapsed() {
    return millis(ConnectionProperty.RETRY_MAX_ELAPSED);
  }

  public void setSecurityToken(String value) {
    set(ConnectionProperty.SECURITY_TOKEN, value);
  }

  public String getSecurityToken() {
    return get(ConnectionProperty.SECURITY_TOKEN);
  }

  public void setToken(String value) {
    set(ConnectionProperty.TOKEN, value);
  }

  public String getToken() {
    return get(ConnectionProperty.TOKEN);
  }

  public void setTrustStore(String value) {
    set(ConnectionProperty.TRUST_STORE, value);
  }

  public String getTrustStore() {
    return get(ConnectionProperty.TRUST_STORE);
  }

  public void setTrustStorePassword(String value) {
    set(ConnectionProperty.TRUST_STORE_PASSWORD, value);
  }

  public String getTrustStorePassword() {
    return get(ConnectionProperty.TRUST_STORE_PASSWORD);
  }

  public void setUser(String value) {
    set(ConnectionProperty.USER, value);
  }

  public String getUser() {
    return get(ConnectionProperty.USER);
  }
}
