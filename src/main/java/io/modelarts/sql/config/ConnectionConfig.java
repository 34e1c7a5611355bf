package io.modelarts.sql.config;

import static io.modelarts.sql.config.ConnectionProperty.*;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import okhttp3.HttpUrl;

/**
 * The checked, typed settings of one connection, made from the URL's and the caller's properties.
 * Every error names the property it is about; {@link #toString()} hides secrets.
 */
public final class ConnectionConfig {
  /** SQLState for a property with a bad value ("invalid attribute value"). */
  public static final String INVALID_VALUE = "HY024";

  /** SQLState for a connection that cannot be set up from what was given. */
  public static final String CANNOT_CONNECT = "08001";

  private final Map<ConnectionProperty, String> values;
  private final String authType;
  private final ServiceEndpoints endpoints;

  private ConnectionConfig(Map<ConnectionProperty, String> values) throws SQLException {
    this.values = values;
    for (ConnectionProperty p : ConnectionProperty.values()) {
      check(p);
    }
    this.authType = inferAuthType();
    this.endpoints =
        ServiceEndpoints.resolve(
            string(REGION),
            url(ENDPOINT),
            url(IAM_ENDPOINT),
            bool(ALLOW_INSECURE_HTTP),
            authType.equals("password"));
  }

  /**
   * Reads the settings from {@code properties}: blank values count as absent (forms leave them so),
   * unknown names are ignored, but a known name in the wrong case is reported.
   */
  public static ConnectionConfig from(Properties properties) throws SQLException {
    Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
    for (String name : properties.stringPropertyNames()) {
      String value = properties.getProperty(name);
      ConnectionProperty p = ConnectionProperty.byName(name);
      if (p == null) {
        ConnectionProperty near = ConnectionProperty.byNameIgnoringCase(name);
        if (near != null && properties.getProperty(near.propertyName()) == null) {
          throw new SQLException(
              "Unknown connection property '"
                  + name
                  + "': did you mean '"
                  + near.propertyName()
                  + "'? (property names are case-sensitive)",
              INVALID_VALUE);
        }
        continue;
      }
      if (value != null && !value.isBlank()) {
        values.put(p, p.secret() ? value : value.trim());
      }
    }
    return new ConnectionConfig(values);
  }

  private void check(ConnectionProperty p) throws SQLException {
    String value = values.get(p);
    if (value == null) {
      if (p.required()) {
        throw new SQLException(
            "Connection property '" + p.propertyName() + "' is required: " + p.description(),
            CANNOT_CONNECT);
      }
      return;
    }
    switch (p.type()) {
      case BOOLEAN -> {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
          throw invalid(p, value, "true or false");
        }
      }
      case INTEGER, MILLIS -> {
        try {
          if (Long.parseLong(value) < 0) {
            throw invalid(p, value, "a whole number of at least 0");
          }
        } catch (NumberFormatException e) {
          throw invalid(p, value, "a whole number of at least 0");
        }
      }
      case DECIMAL -> {
        try {
          if (new BigDecimal(value).signum() < 0) {
            throw invalid(p, value, "a number of at least 0");
          }
        } catch (NumberFormatException e) {
          throw invalid(p, value, "a number of at least 0");
        }
      }
      case CHOICE -> {
        if (!p.choices().contains(value.toLowerCase(Locale.ROOT))) {
          throw invalid(p, value, "one of " + p.choices());
        }
      }
      case URL -> {
        HttpUrl url = HttpUrl.parse(value);
        if (url == null) {
          throw invalid(p, value, "an http:// or https:// URL");
        }
      }
      case STRING -> {}
    }
    if ((p == PAGE_CONCURRENCY || p == RATE_LIMIT_BURST) && integer(p) < 1) {
      throw invalid(p, value, "at least 1");
    }
  }

  private static SQLException invalid(ConnectionProperty p, String value, String expected) {
    String shown = p.secret() ? "****" : "'" + value + "'";
    return new SQLException(
        "Connection property '"
            + p.propertyName()
            + "' has the invalid value "
            + shown
            + ": expected "
            + expected,
        INVALID_VALUE);
  }

  private String inferAuthType() throws SQLException {
    String explicit = string(AUTH_TYPE);
    boolean hasToken = values.containsKey(TOKEN);
    boolean hasUser = values.containsKey(USER);
    boolean hasPassword = values.containsKey(PASSWORD);
    boolean hasDomain = values.containsKey(DOMAIN);
    String type;
    if (explicit != null) {
      type = explicit.toLowerCase(Locale.ROOT);
    } else if (hasToken && !hasUser && !hasPassword) {
      type = "token";
    } else if (hasToken) {
      throw new SQLException(
          "Connection property 'authType' is needed: both 'token' and 'user'/'password' are set,"
              + " so it is ambiguous which to use",
          CANNOT_CONNECT);
    } else if (hasDomain) {
      type = "password";
    } else if (hasUser || hasPassword) {
      type = "aksk";
    } else {
      throw new SQLException(
          "No credentials: set 'user' and 'password' (an access key and secret key, or with"
              + " 'domain' an IAM user name and password) or 'token'",
          CANNOT_CONNECT);
    }
    switch (type) {
      case "aksk" -> requireFor(type, USER, PASSWORD);
      case "password" -> requireFor(type, USER, PASSWORD, DOMAIN);
      case "token" -> requireFor(type, TOKEN);
      default -> throw new IllegalStateException(type);
    }
    return type;
  }

  private void requireFor(String type, ConnectionProperty... needed) throws SQLException {
    for (ConnectionProperty p : needed) {
      if (!values.containsKey(p)) {
        throw new SQLException(
            "Connection property '"
                + p.propertyName()
                + "' is required for authType="
                + type
                + ": "
                + p.description(),
            CANNOT_CONNECT);
      }
    }
  }

  String string(ConnectionProperty p) {
    String v = values.get(p);
    return v != null ? v : p.defaultValue();
  }

  private boolean bool(ConnectionProperty p) {
    return Boolean.parseBoolean(string(p).toLowerCase(Locale.ROOT));
  }

  private long integer(ConnectionProperty p) {
    return Long.parseLong(string(p));
  }

  private HttpUrl url(ConnectionProperty p) {
    String v = string(p);
    return v == null ? null : HttpUrl.parse(v);
  }

  public String projectId() {
    return string(PROJECT_ID);
  }

  /** "aksk", "password" or "token". */
  public String authType() {
    return authType;
  }

  public ServiceEndpoints endpoints() {
    return endpoints;
  }

  public String user() {
    return string(USER);
  }

  /** The password or secret key; for the authenticator only. */
  public String password() {
    return string(PASSWORD);
  }

  public String domain() {
    return string(DOMAIN);
  }

  public String securityToken() {
    return string(SECURITY_TOKEN);
  }

  public String token() {
    return string(TOKEN);
  }

  public String trustStore() {
    return string(TRUST_STORE);
  }

  public String trustStorePassword() {
    return string(TRUST_STORE_PASSWORD);
  }

  /** The proxy to use, null for the JVM's settings. */
  public HttpUrl proxy() {
    return url(PROXY);
  }

  public String proxyUser() {
    return string(PROXY_USER);
  }

  /** For the proxy authenticator only. */
  public String proxyPassword() {
    return string(PROXY_PASSWORD);
  }

  public boolean pushdown() {
    return bool(PUSHDOWN);
  }

  public boolean exposeNotebookToken() {
    return bool(EXPOSE_NOTEBOOK_TOKEN);
  }

  public int pageConcurrency() {
    return (int) integer(PAGE_CONCURRENCY);
  }

  public long planCacheSize() {
    return integer(PLAN_CACHE_SIZE);
  }

  public int maxRetries() {
    return (int) integer(MAX_RETRIES);
  }

  public long retryMaxElapsedMillis() {
    return integer(RETRY_MAX_ELAPSED);
  }

  public long connectTimeoutMillis() {
    return integer(CONNECT_TIMEOUT);
  }

  public long readTimeoutMillis() {
    return integer(READ_TIMEOUT);
  }

  public long cacheTtlMillis() {
    return integer(CACHE_TTL);
  }

  /**
   * Who the service sees: endpoint, project and the whole credential, secrets included as a SHA-256
   * digest (never the secret itself), so cached pages are only shared by connections that the
   * service would answer alike — a wrong secret key never reads another's pages.
   */
  public String identity() {
    String credential =
        switch (authType) {
          case "token" -> "token:" + sha256(token());
          case "password" -> "iam:" + domain() + "/" + user() + "/" + sha256(password());
          default -> "ak:" + user() + "/" + sha256(password() + "\u0000" + securityToken());
        };
    return endpoints.modelArts() + "|" + projectId() + "|" + credential;
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public long callTimeoutMillis() {
    return integer(CALL_TIMEOUT);
  }

  public double rateLimit() {
    return Double.parseDouble(string(RATE_LIMIT));
  }

  /** The token bucket's size: as set, else one second's worth of {@link #rateLimit()}. */
  public int rateLimitBurst() {
    if (values.containsKey(RATE_LIMIT_BURST)) {
      return (int) Math.min(Integer.MAX_VALUE, integer(RATE_LIMIT_BURST));
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(rateLimit())));
  }

  /** Whether the host is this machine (a local simulator), so plain HTTP is harmless. */
  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      // Only literal addresses: resolving a name here could be made to lie.
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return InetAddress.getByName(host).isLoopbackAddress();
      }
    } catch (java.net.UnknownHostException e) {
      return false;
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ConnectionConfig{");
    values.forEach(
        (p, v) ->
            sb.append(p.propertyName()).append('=').append(p.secret() ? "****" : v).append(", "));
    return sb.append("authType=").append(authType).append('}').toString();
  }
}
