package io.modelarts.sql.jdbc;

import io.modelarts.sql.auth.AkSkAuthenticator;
import io.modelarts.sql.auth.IamTokenAuthenticator;
import io.modelarts.sql.auth.RequestAuthenticator;
import io.modelarts.sql.auth.StaticTokenAuthenticator;
import io.modelarts.sql.calcite.ModelArtsSession;
import io.modelarts.sql.config.ConnectionConfig;
import io.modelarts.sql.http.ApiCallLog;
import io.modelarts.sql.http.HttpClients;
import io.modelarts.sql.http.ModelArtsClient;
import io.modelarts.sql.http.PageSource;
import io.modelarts.sql.http.RateLimiter;
import io.modelarts.sql.http.ResponseCache;
import io.modelarts.sql.http.RetryPolicy;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the run-time parts of one connection (HTTP client, authenticator, retries) from its
 * config.
 */
final class SessionFactory {
  private static final int CALL_LOG_CAPACITY = 1000;

  private SessionFactory() {}

  static ModelArtsSession open(ConnectionConfig config) throws SQLException {
    OkHttpClient http;
    try {
      http =
          HttpClients.forConnection(
              needsTls(config),
              config.connectTimeoutMillis(),
              config.readTimeoutMillis(),
              config.callTimeoutMillis(),
              config.trustStore(),
              config.trustStorePassword(),
              config.proxy(),
              config.proxyUser(),
              config.proxyPassword());
    } catch (IOException e) {
      throw new SQLException(
          "Connection property 'trustStore': " + e.getMessage(), ConnectionConfig.INVALID_VALUE, e);
    }
    RetryPolicy retries =
        new RetryPolicy(config.maxRetries() + 1, 200, 10_000, config.retryMaxElapsedMillis());
    RateLimiter limiter =
        RateLimiter.shared(
            config.endpoints().modelArts().toString(),
            config.projectId(),
            config.rateLimit(),
            config.rateLimitBurst());
    ApiCallLog log = new ApiCallLog(CALL_LOG_CAPACITY);
    ModelArtsClient client =
        new ModelArtsClient(
            http,
            config.endpoints().modelArts(),
            config.projectId(),
            authenticator(config, http),
            retries,
            limiter,
            log);
    PageSource pages =
        config.cacheTtlMillis() > 0
            ? ResponseCache.shared(config.identity(), config.cacheTtlMillis()).over(client, log)
            : client;
    return new ModelArtsSession(config, pages, log, HttpClients.pageFetchers());
  }

  /**
   * Whether any endpoint of the connection is https://; only then is TLS set up, which costs a cold
   * start ~0.2 s (plain http:// is only allowed to loopback or with allowInsecureHttp).
   */
  static boolean needsTls(ConnectionConfig config) {
    HttpUrl iam = config.endpoints().iam();
    return config.endpoints().modelArts().isHttps() || (iam != null && iam.isHttps());
  }

  private static RequestAuthenticator authenticator(ConnectionConfig config, OkHttpClient http) {
    return switch (config.authType()) {
      case "aksk" ->
          new AkSkAuthenticator(
              config.user(),
              config.password(),
              config.securityToken(),
              config.projectId(),
              Clock.systemUTC());
      case "password" ->
          new IamTokenAuthenticator(
              http,
              config.endpoints().iam(),
              config.user(),
              config.password(),
              config.domain(),
              config.projectId(),
              Clock.systemUTC());
      case "token" -> new StaticTokenAuthenticator(config.token());
      default -> throw new IllegalStateException(config.authType());
    };
  }
}
