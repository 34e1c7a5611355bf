package io.modelarts.sql.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains an IAM token with a user name and password ({@code POST /v3/auth/tokens}), caches it
 * until shortly before it expires and sends it as {@code X-Auth-Token}.
 *
 * <p>Thread-safe: concurrent callers that find no valid token wait for one fetch instead of each
 * asking IAM. A refused password is remembered for {@link #REFUSAL_MEMORY} so that a burst of
 * queries cannot run into IAM's lock-out after repeated failed logins.
 */
public final class IamTokenAuthenticator implements RequestAuthenticator {
  /** A token is replaced this long before it expires (or at half its life, if that is sooner). */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  /**
   * Lifetime assumed when IAM's answer carries no readable {@code expires_at}. Real tokens live 24
   * hours; an early refresh is cheap, and a revoked token is caught by {@link #invalidate()}
   * anyway.
   */
  static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

  /** How long a refusal of the credentials (400, 401, 403) is answered without asking IAM again. */
  static final Duration REFUSAL_MEMORY = Duration.ofSeconds(60);

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final JsonFactory JSON_FACTORY = new JsonFactory();

  /** Enough for any error body IAM sends; a proxy's endless page is not read further. */
  private static final long ERROR_BODY_LIMIT = 64 * 1024;

  private final OkHttpClient client;
  private final HttpUrl tokenUrl;
  private final String user;
  private final String password;
  private final String domain;
  private final String projectId;
  private final Clock clock;
  private final Logger log;

  private final AtomicReference<CachedToken> current = new AtomicReference<>();

  /** The token each thread last attached, so invalidate() can tell a stale 401 from a fresh one. */
  private final ThreadLocal<CachedToken> handedOut = new ThreadLocal<>();

  /** Held while asking IAM; guards the two refusal fields. */
  private final ReentrantLock fetchLock = new ReentrantLock();

  private AuthenticationException lastRefusal;
  private Instant lastRefusalAt;

  /**
   * @param client the HTTP client whose connection pool and timeouts the IAM call shares; its
   *     interceptors, authenticator and redirects are not used for the IAM call (see below)
   * @param iamBaseUrl the IAM endpoint, e.g. {@code https://iam.eu-de.otc.t-systems.com}; a
   *     trailing {@code /v3}, as OpenStack configurations write it, is accepted
   * @param user the IAM user name
   * @param password the IAM password; never shown
   * @param domain the IAM account (domain) name the user belongs to
   * @param projectId the project the token is scoped to
   * @param clock decides when the cached token is refreshed
   */
  public IamTokenAuthenticator(
      OkHttpClient client,
      HttpUrl iamBaseUrl,
      String user,
      String password,
      String domain,
      String projectId,
      Clock clock) {
    this(
        client,
        iamBaseUrl,
        user,
        password,
        domain,
        projectId,
        clock,
        LoggerFactory.getLogger(IamTokenAuthenticator.class));
  }

  /** Takes the logger as a parameter so that tests can check that no secret is logged. */
  IamTokenAuthenticator(
      OkHttpClient client,
      HttpUrl iamBaseUrl,
      String user,
      String password,
      String domain,
      String projectId,
      Clock clock,
      Logger log) {
    this.log = Objects.requireNonNull(log, "log == null");
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(iamBaseUrl, "iamBaseUrl == null");
    this.user = requireNonBlank(user, "user");
    this.password = requireNonBlank(password, "password");
    this.domain = requireNonBlank(domain, "domain");
    this.projectId = requireNonBlank(projectId, "projectId");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.tokenUrl = tokenUrl(iamBaseUrl);

    // The IAM call carries the password, so it runs on a stripped copy of the client: an
    // interceptor could log the body or (if it authenticates API calls) recurse into this class;
    // an OkHttp Authenticator could retry a refusal behind our back; a redirect could carry the
    // password to another host. Connection pool, dispatcher, timeouts, TLS and proxy settings (with
    // proxy authentication, which never sees the body) are shared.
    OkHttpClient.Builder iamClient =
        client
            .newBuilder()
            .followRedirects(false)
            .followSslRedirects(false)
            .authenticator(Authenticator.NONE);
    iamClient.interceptors().clear();
    iamClient.networkInterceptors().clear();
    this.client = iamClient.build();
  }

  private static String requireNonBlank(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  private static HttpUrl tokenUrl(HttpUrl base) {
    List<String> segments = base.pathSegments();
    String last = "";
    for (String s : segments) {
      if (!s.isEmpty()) {
        last = s;
      }
    }
    return base.newBuilder()
        .addPathSegments("v3".equals(last) ? "auth/tokens" : "v3/auth/tokens")
        .setQueryParameter("nocatalog", "true") // the catalog is large and of no use here
        .build();
  }

  /** The URL tokens are requested from. */
  public HttpUrl tokenUrl() {
    return tokenUrl;
  }

  @Override
  public Request authenticate(Request request) throws IOException {
    Objects.requireNonNull(request, "request == null");
    CachedToken token = validToken();
    handedOut.set(token);
    return request.newBuilder().header(AuthHeaders.X_AUTH_TOKEN, token.value).build();
  }

  /**
   * Drops the token this thread last sent, so the next {@link #authenticate} fetches a new one, and
   * returns true: a password can mint a new token, worth one retry. When another thread has already
   * replaced that token, the newer one is kept, so a burst of 401s on an expired token causes one
   * fetch, not one per request.
   */
  @Override
  public boolean invalidate() {
    CachedToken used = handedOut.get();
    handedOut.remove();
    boolean dropped;
    if (used == null) {
      // Not called on the thread that sent the request: drop whatever is cached.
      dropped = current.getAndSet(null) != null;
    } else {
      dropped = current.compareAndSet(used, null);
    }
    log.debug(
        dropped
            ? "Dropped the IAM token of user '{}' after the API refused it"
            : "The API refused an IAM token of user '{}' that has already been replaced",
        user);
    return true;
  }

  @Override
  public String kind() {
    return "password";
  }

  private CachedToken validToken() throws IOException {
    CachedToken token = current.get();
    if (token != null && token.isFresh(clock.instant())) {
      return token;
    }
    try {
      fetchLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an IAM token");
    }
    try {
      // Another thread may have fetched while this one waited for the lock.
      token = current.get();
      Instant now = clock.instant();
      if (token != null && token.isFresh(now)) {
        return token;
      }
      if (lastRefusal != null && now.isBefore(lastRefusalAt.plus(REFUSAL_MEMORY))) {
        throw remembered(lastRefusal);
      }
      try {
        token = fetch();
      } catch (AuthenticationException e) {
        if (e.credentialsRefused()) {
          lastRefusal = e;
          lastRefusalAt = clock.instant();
        }
        throw e;
      }
      lastRefusal = null;
      current.set(token);
      // Returned even when it is not "fresh" by our clock (a token shorter-lived than the clock
      // skew): it was minted just now and is the best there is.
      return token;
    } finally {
      fetchLock.unlock();
    }
  }

  private static AuthenticationException remembered(AuthenticationException refusal) {
    // A new instance per caller: one exception object shared between threads would collect their
    // suppressed exceptions and show a stack trace from another thread.
    return new AuthenticationException(
        refusal.getMessage()
            + " (IAM was not asked again: it refused these credentials less than "
            + REFUSAL_MEMORY.toSeconds()
            + " s ago, and repeated failed logins can lock the account)",
        refusal.kind(),
        refusal.httpStatus(),
        refusal.errorCode(),
        refusal.errorMessage(),
        refusal.requestId());
  }

  private CachedToken fetch() throws IOException {
    Request tokenRequest =
        new Request.Builder()
            .url(tokenUrl)
            .header("Accept", "application/json")
            .post(RequestBody.create(requestBody(), JSON))
            .build();
    Instant sentAt = clock.instant();
    Response response;
    try {
      response = client.newCall(tokenRequest).execute();
    } catch (InterruptedIOException e) {
      throw e; // timeouts and cancellation keep their type, callers react to it
    } catch (IOException e) {
      // Not an authentication failure: nothing was refused, IAM was not reached.
      throw new IOException(
          "could not reach IAM at "
              + tokenUrl
              + " to authenticate user '"
              + user
              + "': "
              + e.getMessage(),
          e);
    }
    try (response) {
      if (!response.isSuccessful()) {
        throw refusal(response);
      }
      String value = response.header(AuthHeaders.X_SUBJECT_TOKEN);
      if (value == null || value.isBlank()) {
        throw new IOException(
            "IAM at "
                + tokenUrl
                + " answered "
                + response.code()
                + " for user '"
                + user
                + "' without an "
                + AuthHeaders.X_SUBJECT_TOKEN
                + " header");
      }
      ResponseBody body = response.body();
      IamTokenTimes times =
          body == null ? IamTokenTimes.UNKNOWN : IamTokenTimes.parse(body.byteStream());
      if (times.expiresAt() == null) {
        log.warn(
            "IAM token response for user '{}' carried no readable token.expires_at; assuming the token lives {}",
            user,
            ASSUMED_LIFETIME);
      }
      CachedToken token = CachedToken.of(value, times, sentAt);
      log.debug(
          "Obtained an IAM token for user '{}' in domain '{}' (project {}), expires {}, refreshed after {}",
          user,
          domain,
          projectId,
          token.expiresAt,
          token.refreshAt);
      return token;
    }
  }

  private byte[] requestBody() throws IOException {
    // Built with a JSON generator, never by concatenation: user input with quotes or backslashes
    // must not change the document's structure.
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("auth");
      g.writeObjectFieldStart("identity");
      g.writeArrayFieldStart("methods");
      g.writeString("password");
      g.writeEndArray();
      g.writeObjectFieldStart("password");
      g.writeObjectFieldStart("user");
      g.writeStringField("name", user);
      g.writeStringField("password", password);
      g.writeObjectFieldStart("domain");
      g.writeStringField("name", domain);
      g.writeEndObject(); // domain
      g.writeEndObject(); // user
      g.writeEndObject(); // password
      g.writeEndObject(); // identity
      g.writeObjectFieldStart("scope");
      g.writeObjectFieldStart("project");
      g.writeStringField("id", projectId);
      g.writeEndObject(); // project
      g.writeEndObject(); // scope
      g.writeEndObject(); // auth
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private AuthenticationException refusal(Response response) throws IOException {
    int status = response.code();
    IamError error = IamError.parse(response.peekBody(ERROR_BODY_LIMIT).bytes());
    String requestId = response.header(AuthHeaders.X_REQUEST_ID);

    String detail = error.message() != null ? error.message() : error.title();
    if (detail == null || detail.isBlank()) {
      detail = response.message(); // the reason phrase; empty over HTTP/2
    }
    StringBuilder message =
        new StringBuilder("IAM password authentication for user '")
            .append(user)
            .append("' in domain '")
            .append(domain)
            .append('\'');
    if (AuthenticationException.isCredentialRefusal(status)) {
      message.append(" was refused: ").append(status);
    } else {
      message.append(" failed: IAM at ").append(tokenUrl).append(" answered ").append(status);
    }
    if (detail != null && !detail.isBlank()) {
      message.append(' ').append(detail.strip());
    }
    boolean showCode = error.code() != null && !error.code().equals(Integer.toString(status));
    if (showCode || requestId != null) {
      message.append(" [");
      if (showCode) {
        message.append("error ").append(error.code());
      }
      if (requestId != null) {
        message.append(showCode ? ", " : "").append("request id ").append(requestId);
      }
      message.append(']');
    }
    // IAM has no reason to echo the password, but the message is partly its text: make sure.
    return new AuthenticationException(
        Secrets.redact(message.toString(), password),
        kind(),
        status,
        Secrets.redact(error.code(), password),
        Secrets.redact(error.message() != null ? error.message() : error.title(), password),
        requestId);
  }

  @Override
  public String toString() {
    CachedToken token = current.get();
    return "IamTokenAuthenticator{iam="
        + tokenUrl
        + ", user="
        + user
        + ", domain="
        + domain
        + ", projectId="
        + projectId
        + ", password="
        + Secrets.MASK
        + ", token="
        + (token == null ? "none" : token)
        + '}';
  }

  /** A token with the local instants at which it is refreshed and expires. */
  private static final class CachedToken {
    final String value;
    final Instant refreshAt;
    final Instant expiresAt;

    private CachedToken(String value, Instant refreshAt, Instant expiresAt) {
      this.value = value;
      this.refreshAt = refreshAt;
      this.expiresAt = expiresAt;
    }

    /**
     * Places the token's life on the local clock. With {@code issued_at} the lifetime is IAM's own
     * difference of two IAM times, counted from when the request was sent, so a skewed local clock
     * cannot make a fresh token look expired (or an old one valid).
     */
    static CachedToken of(String value, IamTokenTimes times, Instant sentAt) {
      Instant expiresAt;
      if (times.expiresAt() == null) {
        expiresAt = sentAt.plus(ASSUMED_LIFETIME);
      } else if (times.issuedAt() != null) {
        expiresAt = sentAt.plus(Duration.between(times.issuedAt(), times.expiresAt()));
      } else {
        expiresAt = times.expiresAt();
      }
      Duration lifetime = Duration.between(sentAt, expiresAt);
      if (lifetime.isNegative() || lifetime.isZero()) {
        return new CachedToken(value, sentAt, expiresAt); // use once, fetch again next time
      }
      Duration halfLife = lifetime.dividedBy(2);
      Duration margin = halfLife.compareTo(REFRESH_MARGIN) < 0 ? halfLife : REFRESH_MARGIN;
      return new CachedToken(value, expiresAt.minus(margin), expiresAt);
    }

    boolean isFresh(Instant now) {
      return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
      return Secrets.MASK + " (refreshed after " + refreshAt + ", expires " + expiresAt + ")";
    }
  }
}
