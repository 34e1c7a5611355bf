package io.modelarts.sql.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.modelarts.sql.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IAM password authenticator against a WireMock IAM. */
class IamTokenAuthenticatorTest {
  @RegisterExtension
  static final WireMockExtension IAM =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String USER = "alice";
  private static final String PASSWORD = "Pa55-w0rd!Secret";
  private static final String DOMAIN = "acme";
  private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final String TOKENS = "/v3/auth/tokens?nocatalog=true";
  private static final Instant T0 = Instant.parse("2026-11-27T15:33:07.123Z");

  private final MutableClock clock = new MutableClock(T0);
  private final OkHttpClient client = new OkHttpClient();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  private HttpUrl iamBase() {
    return HttpUrl.get(IAM.baseUrl());
  }

  private IamTokenAuthenticator authenticator() {
    return new IamTokenAuthenticator(client, iamBase(), USER, PASSWORD, DOMAIN, PROJECT, clock);
  }

  private static Request apiRequest() {
    return new Request.Builder()
        .url("https://modelarts.eu-de.example/v1/" + PROJECT + "/notebooks")
        .build();
  }

  private static String tokenBody(Instant issuedAt, Instant expiresAt) {
    StringBuilder token = new StringBuilder("{\"token\":{\"methods\":[\"password\"]");
    if (expiresAt != null) {
      token.append(",\"expires_at\":\"").append(iamTime(expiresAt)).append('"');
    }
    if (issuedAt != null) {
      token.append(",\"issued_at\":\"").append(iamTime(issuedAt)).append('"');
    }
    return token
        .append(
            ",\"user\":{\"domain\":{\"name\":\"acme\",\"id\":\"d1\"},\"name\":\"alice\",\"id\":\"u1\"}")
        .append(
            ",\"project\":{\"id\":\""
                + PROJECT
                + "\",\"name\":\"eu-de\"},\"roles\":[{\"name\":\"te_admin\"}]}}")
        .toString();
  }

  /** IAM writes microseconds: 2026-11-28T15:33:07.123000Z. */
  private static String iamTime(Instant t) {
    String s = t.toString();
    return s.endsWith("Z") && s.contains(".") ? s.replace("Z", "000Z") : s;
  }

  private static ResponseDefinitionBuilder tokenResponse(
      String token, Instant issuedAt, Instant expiresAt) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Subject-Token", token)
        .withBody(tokenBody(issuedAt, expiresAt));
  }

  /**
   * IAM hands out token-1, token-2, ... in turn, each living 24 hours from the test clock's start.
   */
  private static void stubTokenSequence(int count) {
    for (int i = 1; i <= count; i++) {
      MappingBuilder m =
          post(urlEqualTo(TOKENS))
              .inScenario("tokens")
              .whenScenarioStateIs(i == 1 ? Scenario.STARTED : "issued-" + (i - 1))
              .willSetStateTo("issued-" + i)
              .willReturn(tokenResponse("token-" + i, T0, T0.plus(Duration.ofHours(24))));
      IAM.stubFor(m);
    }
  }

  private static int tokenPosts() {
    return IAM.findAll(postRequestedFor(urlPathEqualTo("/v3/auth/tokens"))).size();
  }

  private static String tokenOf(Request r) {
    return r.header("X-Auth-Token");
  }

  @Test
  void postsThePasswordDocumentAndSendsTheSubjectToken() throws IOException {
    stubTokenSequence(1);
    Request signed = authenticator().authenticate(apiRequest());
    assertEquals("token-1", tokenOf(signed));
    IAM.verify(
        1,
        postRequestedFor(urlEqualTo(TOKENS))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(
                equalToJson(
                    "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                        + "{\"name\":\"alice\",\"password\":\"Pa55-w0rd!Secret\",\"domain\":{\"name\":\"acme\"}}}},"
                        + "\"scope\":{\"project\":{\"id\":\""
                        + PROJECT
                        + "\"}}}}")));
  }

  @Test
  void userInputIsJsonEscaped() throws IOException {
    stubTokenSequence(1);
    String user = "al\"ice\\ \n";
    String password = "p\"}],\"x\":{\"";
    new IamTokenAuthenticator(client, iamBase(), user, password, "ac\u00e9me", PROJECT, clock)
        .authenticate(apiRequest());
    IAM.verify(
        postRequestedFor(urlEqualTo(TOKENS))
            .withRequestBody(
                equalToJson(
                    "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                        + "{\"name\":\"al\\\"ice\\\\ \\n\",\"password\":\"p\\\"}],\\\"x\\\":{\\\"\","
                        + "\"domain\":{\"name\":\"ac\u00e9me\"}}}},"
                        + "\"scope\":{\"project\":{\"id\":\""
                        + PROJECT
                        + "\"}}}}")));
  }

  @Test
  void tokenIsCachedAcrossCalls() throws IOException {
    stubTokenSequence(2);
    IamTokenAuthenticator auth = authenticator();
    assertEquals("token-1", tokenOf(auth.authenticate(apiRequest())));
    assertEquals("token-1", tokenOf(auth.authenticate(apiRequest())));
    clock.advance(Duration.ofHours(12));
    assertEquals("token-1", tokenOf(auth.authenticate(apiRequest())));
    assertEquals(1, tokenPosts());
  }

  @Test
  void tokenIsRefreshedFiveMinutesBeforeExpiry() throws IOException {
    stubTokenSequence(2);
    IamTokenAuthenticator auth = authenticator();
    assertEquals("token-1", tokenOf(auth.authenticate(apiRequest())));

    clock.set(T0.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(5)).minusMillis(1));
    assertEquals("token-1", tokenOf(auth.authenticate(apiRequest())));
    assertEquals(1, tokenPosts());

    clock.set(T0.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(5)));
    assertEquals("token-2", tokenOf(auth.authenticate(apiRequest())));
    assertEquals(2, tokenPosts());
  }

  @Test
  void shortLivedTokenIsRefreshedAtHalfItsLife() throws IOException {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(tokenResponse("short", T0, T0.plus(Duration.ofMinutes(4)))));
    IamTokenAuthenticator auth = authenticator();
    auth.authenticate(apiRequest());
    clock.advance(Duration.ofMinutes(2).minusSeconds(1));
    auth.authenticate(apiRequest());
    assertEquals(1, tokenPosts());
    clock.advance(Duration.ofSeconds(1));
    auth.authenticate(apiRequest());
    assertEquals(2, tokenPosts());
  }

  @Test
  void lifetimeComesFromIamTimesSoLocalClockSkewDoesNotMatter() throws IOException {
    // The local clock runs 3 hours ahead of IAM: by IAM's times the token lives 24 hours from now.
    Instant iamNow = T0.minus(Duration.ofHours(3));
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(tokenResponse("skewed", iamNow, iamNow.plus(Duration.ofHours(24)))));
    IamTokenAuthenticator auth = authenticator();
    auth.authenticate(apiRequest());
    clock.advance(Duration.ofHours(22));
    auth.authenticate(apiRequest());
    assertEquals(1, tokenPosts(), "still 2 hours left by IAM's account");
    clock.advance(Duration.ofMinutes(116));
    auth.authenticate(apiRequest());
    assertEquals(2, tokenPosts());
  }

  @Test
  void withoutIssuedAtTheExpiryIsReadOnTheLocalClock() throws IOException {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(tokenResponse("t", null, T0.plus(Duration.ofHours(1)))));
    IamTokenAuthenticator auth = authenticator();
    auth.authenticate(apiRequest());
    clock.advance(Duration.ofMinutes(54));
    auth.authenticate(apiRequest());
    assertEquals(1, tokenPosts());
    clock.advance(Duration.ofMinutes(1));
    auth.authenticate(apiRequest());
    assertEquals(2, tokenPosts());
  }

  @Test
  void unreadableExpiryAssumesAnHour() throws IOException {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("X-Subject-Token", "t")
                    .withBody("not json")));
    IamTokenAuthenticator auth = authenticator();
    assertEquals("t", tokenOf(auth.authenticate(apiRequest())));
    clock.advance(
        IamTokenAuthenticator.ASSUMED_LIFETIME.minus(Duration.ofMinutes(5)).minusSeconds(1));
    auth.authenticate(apiRequest());
    assertEquals(1, tokenPosts());
    clock.advance(Duration.ofSeconds(1));
    auth.authenticate(apiRequest());
    assertEquals(2, tokenPosts());
  }

  @Test
  void alreadyExpiredTokenIsUsedOnceAndFetchedAgainNextTime() throws IOException {
    IAM.stubFor(post(urlEqualTo(TOKENS)).willReturn(tokenResponse("stale", T0, T0)));
    IamTokenAuthenticator auth = authenticator();
    assertEquals("stale", tokenOf(auth.authenticate(apiRequest())));
    auth.authenticate(apiRequest());
    assertEquals(2, tokenPosts());
  }

  @Test
  void invalidateForcesANewTokenAndAllowsARetry() throws IOException {
    stubTokenSequence(2);
    IamTokenAuthenticator auth = authenticator();
    assertEquals("token-1", tokenOf(auth.authenticate(apiRequest())));
    assertTrue(auth.invalidate());
    assertEquals("token-2", tokenOf(auth.authenticate(apiRequest())));
    assertEquals(2, tokenPosts());
  }

  @Test
  void staleInvalidateDoesNotDropANewerToken() throws Exception {
    stubTokenSequence(3);
    IamTokenAuthenticator auth = authenticator();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      // The other thread sends a request with token-1 ...
      assertEquals("token-1", other.submit(() -> tokenOf(auth.authenticate(apiRequest()))).get());
      // ... meanwhile this thread finds token-1 due for refresh and gets token-2 ...
      clock.advance(Duration.ofHours(24));
      assertEquals("token-2", tokenOf(auth.authenticate(apiRequest())));
      // ... then the other thread's request comes back 401: token-2 must survive.
      assertTrue(other.submit(auth::invalidate).get());
      assertEquals("token-2", tokenOf(auth.authenticate(apiRequest())));
      assertEquals(2, tokenPosts());
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void eightConcurrentFirstCallsFetchOneToken() throws Exception {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                tokenResponse("shared", T0, T0.plus(Duration.ofHours(24))).withFixedDelay(300)));
    IamTokenAuthenticator auth = authenticator();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return tokenOf(auth.authenticate(apiRequest()));
              }));
    }
    start.countDown();
    Set<String> tokens = new HashSet<>();
    for (Future<String> f : results) {
      tokens.add(f.get(10, TimeUnit.SECONDS));
    }
    assertEquals(Set.of("shared"), tokens);
    assertEquals(1, tokenPosts());
  }

  @Test
  void wrongPasswordKeystoneShape() {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Request-Id", "req-9f8e")
                    .withBody(
                        "{\"error\":{\"code\":401,\"title\":\"Unauthorized\","
                            + "\"message\":\"The username or password is wrong.\"}}")));
    IamTokenAuthenticator auth = authenticator();
    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> auth.authenticate(apiRequest()));
    assertEquals(
        "IAM password authentication for user 'alice' in domain 'acme' was refused: 401 "
            + "The username or password is wrong. [request id req-9f8e]",
        e.getMessage());
    assertEquals("password", e.kind());
    assertEquals(401, e.httpStatus());
    assertEquals("401", e.errorCode());
    assertEquals("The username or password is wrong.", e.errorMessage());
    assertEquals("req-9f8e", e.requestId());
    assertTrue(e.credentialsRefused());
    assertNoSecret(e);
  }

  @Test
  void wrongPasswordHuaweiShape() {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error_code\":\"IAM.0101\",\"error_msg\":\"The username or password is wrong.\"}")));
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class, () -> authenticator().authenticate(apiRequest()));
    assertEquals(
        "IAM password authentication for user 'alice' in domain 'acme' was refused: 401 "
            + "The username or password is wrong. [error IAM.0101]",
        e.getMessage());
    assertEquals("IAM.0101", e.errorCode());
    assertEquals("The username or password is wrong.", e.errorMessage());
    assertNull(e.requestId());
    assertNoSecret(e);
  }

  @Test
  void forbiddenWithStringCodeInsideError() {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\":{\"code\":\"IAM.0002\",\"message\":\"You do not have permission.\"}}")));
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class, () -> authenticator().authenticate(apiRequest()));
    assertEquals(403, e.httpStatus());
    assertEquals("IAM.0002", e.errorCode());
    assertTrue(
        e.getMessage().endsWith("was refused: 403 You do not have permission. [error IAM.0002]"),
        e.getMessage());
  }

  @Test
  void refusalIsRememberedSoABurstCannotLockTheAccount() throws Exception {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withFixedDelay(200)
                    .withBody("{\"error_code\":\"IAM.0101\",\"error_msg\":\"wrong\"}")));
    IamTokenAuthenticator auth = authenticator();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Throwable>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(
          pool.submit(
              (Callable<Throwable>)
                  () -> {
                    start.await();
                    try {
                      auth.authenticate(apiRequest());
                      return null;
                    } catch (IOException e) {
                      return e;
                    }
                  }));
    }
    start.countDown();
    for (Future<Throwable> f : results) {
      AuthenticationException e =
          assertInstanceOf(AuthenticationException.class, f.get(10, TimeUnit.SECONDS));
      assertEquals(401, e.httpStatus());
      assertNoSecret(e);
    }
    assertEquals(1, tokenPosts());

    AuthenticationException again =
        assertThrows(AuthenticationException.class, () -> auth.authenticate(apiRequest()));
    assertTrue(again.getMessage().contains("IAM was not asked again"), again.getMessage());
    assertEquals(1, tokenPosts());

    clock.advance(IamTokenAuthenticator.REFUSAL_MEMORY);
    assertThrows(AuthenticationException.class, () -> auth.authenticate(apiRequest()));
    assertEquals(2, tokenPosts());
  }

  @Test
  void serverErrorIsReportedButNotRememberedAndNotCalledARefusal() throws IOException {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("recovered")
            .willReturn(aResponse().withStatus(503).withBody("<html>upstream down</html>")));
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(tokenResponse("after-outage", T0, T0.plus(Duration.ofHours(24)))));
    IamTokenAuthenticator auth = authenticator();
    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> auth.authenticate(apiRequest()));
    assertEquals(503, e.httpStatus());
    assertFalse(e.credentialsRefused());
    assertNull(e.errorCode());
    assertTrue(
        e.getMessage()
            .startsWith(
                "IAM password authentication for user 'alice' in domain 'acme' failed: IAM at "),
        e.getMessage());
    assertTrue(e.getMessage().contains(" answered 503"), e.getMessage());
    assertEquals("after-outage", tokenOf(auth.authenticate(apiRequest())));
  }

  @Test
  void passwordEchoedByIamIsRedacted() {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error_code\":\"IAM.0011\",\"error_msg\":\"Bad password '"
                            + PASSWORD
                            + "'\"}")));
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class, () -> authenticator().authenticate(apiRequest()));
    assertNoSecret(e);
    assertTrue(e.getMessage().contains("Bad password '****'"), e.getMessage());
    assertFalse(e.errorMessage().contains(PASSWORD));
  }

  @Test
  void unreachableIamIsAPlainIoException() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    IamTokenAuthenticator auth =
        new IamTokenAuthenticator(
            client,
            HttpUrl.get("http://127.0.0.1:" + closedPort),
            USER,
            PASSWORD,
            DOMAIN,
            PROJECT,
            clock);
    IOException e = assertThrows(IOException.class, () -> auth.authenticate(apiRequest()));
    assertFalse(e instanceof AuthenticationException, e.toString());
    assertTrue(
        e.getMessage().contains("could not reach IAM at http://127.0.0.1:" + closedPort),
        e.getMessage());
    assertTrue(e.getMessage().contains("'alice'"), e.getMessage());
    assertNoSecret(e);
  }

  @Test
  void successWithoutSubjectTokenIsAnError() {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(aResponse().withStatus(201).withBody(tokenBody(T0, T0.plusSeconds(60)))));
    IOException e =
        assertThrows(IOException.class, () -> authenticator().authenticate(apiRequest()));
    assertFalse(e instanceof AuthenticationException);
    assertTrue(e.getMessage().contains("X-Subject-Token"), e.getMessage());
  }

  @Test
  void redirectsAreNotFollowedWithThePassword() {
    IAM.stubFor(
        post(urlEqualTo(TOKENS))
            .willReturn(
                aResponse().withStatus(307).withHeader("Location", IAM.baseUrl() + "/elsewhere")));
    IAM.stubFor(
        post(urlEqualTo("/elsewhere"))
            .willReturn(tokenResponse("stolen", T0, T0.plusSeconds(3600))));
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class, () -> authenticator().authenticate(apiRequest()));
    assertEquals(307, e.httpStatus());
    assertEquals(0, IAM.findAll(postRequestedFor(urlEqualTo("/elsewhere"))).size());
  }

  @Test
  void callerInterceptorsDoNotSeeTheIamCall() throws IOException {
    stubTokenSequence(1);
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient withInterceptors =
        client
            .newBuilder()
            .addInterceptor(
                chain -> {
                  seen.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .addNetworkInterceptor(
                chain -> {
                  seen.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
    new IamTokenAuthenticator(withInterceptors, iamBase(), USER, PASSWORD, DOMAIN, PROJECT, clock)
        .authenticate(apiRequest());
    assertEquals(0, seen.get());
  }

  @Test
  void tokenUrlAcceptsTrailingSlashPathPrefixAndV3() {
    assertEquals(
        "https://iam.eu-de.otc.t-systems.com/v3/auth/tokens?nocatalog=true",
        tokenUrlFor("https://iam.eu-de.otc.t-systems.com").toString());
    assertEquals(
        "https://iam.eu-de.otc.t-systems.com/v3/auth/tokens?nocatalog=true",
        tokenUrlFor("https://iam.eu-de.otc.t-systems.com/").toString());
    assertEquals(
        "https://iam.eu-de.otc.t-systems.com/v3/auth/tokens?nocatalog=true",
        tokenUrlFor("https://iam.eu-de.otc.t-systems.com/v3").toString());
    assertEquals(
        "https://iam.eu-de.otc.t-systems.com/v3/auth/tokens?nocatalog=true",
        tokenUrlFor("https://iam.eu-de.otc.t-systems.com/v3/").toString());
    assertEquals(
        "http://127.0.0.1:9000/iam/v3/auth/tokens?nocatalog=true",
        tokenUrlFor("http://127.0.0.1:9000/iam").toString());
  }

  private HttpUrl tokenUrlFor(String base) {
    return new IamTokenAuthenticator(
            client, HttpUrl.get(base), USER, PASSWORD, DOMAIN, PROJECT, clock)
        .tokenUrl();
  }

  @Test
  void secretsNeverShowInToString() throws IOException {
    stubTokenSequence(1);
    IamTokenAuthenticator auth = authenticator();
    String before = auth.toString();
    auth.authenticate(apiRequest());
    String after = auth.toString();
    for (String s : List.of(before, after)) {
      assertFalse(s.contains(PASSWORD), s);
      assertFalse(s.contains("token-1"), s);
      assertTrue(s.contains("user=alice"), s);
      assertTrue(s.contains("domain=acme"), s);
      assertTrue(s.contains("password=****"), s);
    }
    assertTrue(before.contains("token=none"), before);
    assertTrue(after.contains("token=****"), after);
    assertEquals("password", auth.kind());
  }

  @Test
  void constructorChecksWithoutShowingSecrets() {
    HttpUrl base = iamBase();
    assertEquals(
        "password == null",
        assertThrows(
                NullPointerException.class,
                () -> new IamTokenAuthenticator(client, base, USER, null, DOMAIN, PROJECT, clock))
            .getMessage());
    assertEquals(
        "password is blank",
        assertThrows(
                IllegalArgumentException.class,
                () -> new IamTokenAuthenticator(client, base, USER, "", DOMAIN, PROJECT, clock))
            .getMessage());
    assertThrows(
        NullPointerException.class,
        () -> new IamTokenAuthenticator(null, base, USER, PASSWORD, DOMAIN, PROJECT, clock));
    assertThrows(
        NullPointerException.class,
        () -> new IamTokenAuthenticator(client, base, USER, PASSWORD, null, PROJECT, clock));
  }

  @Test
  void apiRequestIsOtherwiseUnchanged() throws IOException {
    stubTokenSequence(1);
    IAM.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)));
    Request original = apiRequest().newBuilder().header("X-Custom", "1").build();
    Request signed = authenticator().authenticate(original);
    assertEquals(original.url(), signed.url());
    assertEquals("1", signed.header("X-Custom"));
    assertNotEquals(original.headers(), signed.headers());
    assertEquals(
        1, IAM.findAll(anyRequestedFor(anyUrl())).size(), "only the token POST reached IAM");
  }

  private static void assertNoSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
      assertFalse(t.toString().contains(PASSWORD), t.toString());
    }
  }
}
