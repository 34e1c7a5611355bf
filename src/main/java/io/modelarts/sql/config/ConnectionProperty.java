package io.modelarts.sql.config;

import java.sql.DriverPropertyInfo;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Every connection property of the driver, defined once: name, type, default, allowed values,
 * whether it is required or secret, and the sentence users read in {@code getPropertyInfo} and in
 * docs/connection-properties.md (generated from this enum and checked by a test).
 *
 * <p>Kept in alphabetical order.
 */
public enum ConnectionProperty {
  ALLOW_INSECURE_HTTP(
      "allowInsecureHttp",
      Type.BOOLEAN,
      "false",
      List.of(),
      false,
      false,
      "Accept a plain http:// endpoint on a host other than loopback. Off: such endpoints are"
          + " refused, since credentials and tokens would cross the network in clear text."),
  AUTH_TYPE(
      "authType",
      Type.CHOICE,
      null,
      List.of("aksk", "password", "token"),
      false,
      false,
      "How to authenticate: aksk (user = access key, password = secret key), password (IAM user"
          + " name and password with domain) or token (a ready IAM token). Inferred when"
          + " unambiguous: token if only token is set, password if domain is set, else aksk."),
  CACHE_TTL(
      "cacheTtl",
      Type.MILLIS,
      "5000",
      List.of(),
      false,
      false,
      "How long a fetched page may be reused, in milliseconds, by any connection with the same"
          + " endpoint, project and credential; identical calls in flight at once share one"
          + " request. 0 turns the cache (and the sharing) off."),
  CALL_TIMEOUT(
      "callTimeout",
      Type.MILLIS,
      "60000",
      List.of(),
      false,
      false,
      "Longest time one HTTP call may take, in milliseconds, including reading the body; 0 for"
          + " none."),
  CONNECT_TIMEOUT(
      "connectTimeout",
      Type.MILLIS,
      "10000",
      List.of(),
      false,
      false,
      "Longest time to open a TCP/TLS connection to the service, in milliseconds."),
  DOMAIN(
      "domain",
      Type.STRING,
      null,
      List.of(),
      false,
      false,
      "IAM account (domain) name, for authType=password."),
  ENDPOINT(
      "endpoint",
      Type.URL,
      null,
      List.of(),
      false,
      false,
      "Full base URL of the ModelArts API; overrides region, e.g. http://127.0.0.1:18080 for the"
          + " local simulator."),
  EXPOSE_NOTEBOOK_TOKEN(
      "exposeNotebookToken",
      Type.BOOLEAN,
      "false",
      List.of(),
      false,
      false,
      "Fill the notebooks.token column. Off: it is NULL, since the token is a credential to the"
          + " notebook."),
  IAM_ENDPOINT(
      "iamEndpoint",
      Type.URL,
      null,
      List.of(),
      false,
      false,
      "Full base URL of IAM for authType=password; derived from region when absent."),
  MAX_RETRIES(
      "maxRetries",
      Type.INTEGER,
      "4",
      List.of(),
      false,
      false,
      "How many times a list call that failed with 429, 5xx or an I/O error is repeated"
          + " (exponential backoff with full jitter, honouring Retry-After); 0 for never."),
  PAGE_CONCURRENCY(
      "pageConcurrency",
      Type.INTEGER,
      "4",
      List.of(),
      false,
      false,
      "How many pages a scan fetches at once once a listing's first page has told its total;"
          + " a scan reading several listings whole (both features) divides it among them."
          + " 1 pages strictly one after another."),
  PASSWORD(
      "password",
      Type.STRING,
      null,
      List.of(),
      false,
      true,
      "Secret key (SK) for authType=aksk, or the IAM password for authType=password. Never"
          + " logged or shown."),
  PLAN_CACHE_SIZE(
      "planCacheSize",
      Type.INTEGER,
      "100",
      List.of(),
      false,
      false,
      "How many query plans a connection keeps, by SQL text, so that a statement repeating a text"
          + " the connection has run skips parsing and planning (its API calls are made on every"
          + " run all the same); least recently used first out. 0 turns the cache off."),
  PRELOAD_CLASSES(
      "preloadClasses",
      Type.BOOLEAN,
      "true",
      List.of(),
      false,
      false,
      "On the JVM's first connection, start a background thread that loads (without"
          + " initialising) the classes a first query needs, so that the query's own thread finds"
          + " them loaded and a fresh JVM's first result comes sooner. Off: this connection starts"
          + " none."),
  PROJECT_ID(
      "projectId",
      Type.STRING,
      null,
      List.of(),
      true,
      false,
      "The project whose notebooks are listed (the {project_id} of the API path)."),
  PROXY(
      "proxy",
      Type.URL,
      null,
      List.of(),
      false,
      false,
      "HTTP proxy for all calls, as http://host:port. Absent: the JVM's proxy settings"
          + " (https.proxyHost, or a ProxySelector), else a direct connection."),
  PROXY_PASSWORD(
      "proxyPassword",
      Type.STRING,
      null,
      List.of(),
      false,
      true,
      "Password for proxyUser. Never logged or shown."),
  PROXY_USER(
      "proxyUser",
      Type.STRING,
      null,
      List.of(),
      false,
      false,
      "User name for a proxy that asks for Basic authentication (HTTP 407)."),
  PUSHDOWN(
      "pushdown",
      Type.BOOLEAN,
      "true",
      List.of(),
      false,
      false,
      "Push WHERE, LIMIT, COUNT(*) and joins into the API calls. Off: every query lists all"
          + " notebooks and does everything locally (for comparison and diagnosis)."),
  RATE_LIMIT(
      "rateLimit",
      Type.DECIMAL,
      "50",
      List.of(),
      false,
      false,
      "Most list calls per second in the long run, shared by all connections to the same"
          + " endpoint and project (a token bucket: see rateLimitBurst); after the service answers"
          + " 429 the bucket is emptied and refills at half this rate for ten seconds; 0 for no"
          + " limit."),
  RATE_LIMIT_BURST(
      "rateLimitBurst",
      Type.INTEGER,
      null,
      List.of(),
      false,
      false,
      "How many list calls may start at once when the rate limit has been idle (the token"
          + " bucket's size); absent: one second's worth of rateLimit, at least 1 (50 at the"
          + " default rate). 1 spaces every call evenly."),
  READ_TIMEOUT(
      "readTimeout",
      Type.MILLIS,
      "30000",
      List.of(),
      false,
      false,
      "Longest silence while reading a response, in milliseconds."),
  REGION(
      "region",
      Type.STRING,
      null,
      List.of(),
      false,
      false,
      "Huawei Cloud region id (e.g. cn-north-4, ap-southeast-3) or Open Telekom Cloud region"
          + " (eu-de); selects the API and IAM endpoints. Required unless endpoint is set."),
  RETRY_MAX_ELAPSED(
      "retryMaxElapsed",
      Type.MILLIS,
      "60000",
      List.of(),
      false,
      false,
      "Longest total time spent retrying one list call, in milliseconds."),
  SECURITY_TOKEN(
      "securityToken",
      Type.STRING,
      null,
      List.of(),
      false,
      true,
      "Security token of temporary AK/SK credentials, sent as X-Security-Token. Never logged or"
          + " shown."),
  TOKEN(
      "token",
      Type.STRING,
      null,
      List.of(),
      false,
      true,
      "A ready IAM token for authType=token, sent as X-Auth-Token. Never logged or shown."),
  TRUST_STORE(
      "trustStore",
      Type.STRING,
      null,
      List.of(),
      false,
      false,
      "Path of a PKCS12 or JKS trust store to check the service's TLS certificate with, instead"
          + " of the JVM's default."),
  TRUST_STORE_PASSWORD(
      "trustStorePassword",
      Type.STRING,
      null,
      List.of(),
      false,
      true,
      "Password of trustStore, if it has one. Never logged or shown."),
  USER(
      "user",
      Type.STRING,
      null,
      List.of(),
      false,
      false,
      "Access key (AK) for authType=aksk, or the IAM user name for authType=password.");

  /** The value types properties can have; each parses and checks its text. */
  public enum Type {
    STRING,
    BOOLEAN,
    INTEGER,
    DECIMAL,
    MILLIS,
    URL,
    CHOICE
  }

  private final String propertyName;
  private final Type type;
  private final String defaultValue;
  private final List<String> choices;
  private final boolean required;
  private final boolean secret;
  private final String description;

  ConnectionProperty(
      String propertyName,
      Type type,
      String defaultValue,
      List<String> choices,
      boolean required,
      boolean secret,
      String description) {
    this.propertyName = propertyName;
    this.type = type;
    this.defaultValue = defaultValue;
    this.choices = choices;
    this.required = required;
    this.secret = secret;
    this.description = description;
  }

  /** The name users write, e.g. {@code projectId}. */
  public String propertyName() {
    return propertyName;
  }

  public Type type() {
    return type;
  }

  /** The default as text, null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  public List<String> choices() {
    return choices;
  }

  public boolean required() {
    return required;
  }

  /** Whether the value is a credential that must never be shown. */
  public boolean secret() {
    return secret;
  }

  public String description() {
    return description;
  }

  /** The property named {@code name} (exact spelling), or null. */
  public static ConnectionProperty byName(String name) {
    for (ConnectionProperty p : values()) {
      if (p.propertyName.equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The property whose name matches {@code name} ignoring case, or null (for "did you mean"). */
  public static ConnectionProperty byNameIgnoringCase(String name) {
    for (ConnectionProperty p : values()) {
      if (p.propertyName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }

  /** What {@code Driver.getPropertyInfo} reports; secret values are never echoed back. */
  public DriverPropertyInfo toPropertyInfo(Properties given) {
    String value = given == null ? null : given.getProperty(propertyName);
    DriverPropertyInfo info =
        new DriverPropertyInfo(
            propertyName, secret ? null : (value != null ? value : defaultValue));
    info.description = description;
    info.required = required;
    if (!choices.isEmpty()) {
      info.choices = choices.toArray(new String[0]);
    } else if (type == Type.BOOLEAN) {
      info.choices = new String[] {"true", "false"};
    }
    return info;
  }
}
