package io.modelarts.sql.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.modelarts.sql.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sends AK/SK-signed requests through OkHttp to WireMock and checks what arrived. */
class AkSkAuthenticatorTest {
  @RegisterExtension
  static final WireMockExtension API =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String AK = "HPUAEXAMPLEAK0000001";
  private static final String SK = "sk-Very/Secret+Key=0123456789abcdefghij";
  private static final String SECURITY_TOKEN = "gQpzZXNzaW9uLXRva2VuLXNlY3JldA";
  private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final Instant NOW = Instant.parse("2019-11-15T03:36:55.250Z");
  private static final String SDK_DATE = "20191115T033655Z";

  private final OkHttpClient client = new OkHttpClient();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeEach
  void stub() {
    API.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  private HttpUrl url(String pathAndQuery) {
    // 127.0.0.1 and a non-default port: OkHttp sends "Host: 127.0.0.1:{port}", which must be
    // signed.
    return HttpUrl.get("http://127.0.0.1:" + API.getPort() + pathAndQuery);
  }

  private LoggedRequest send(RequestAuthenticator auth, Request request) throws IOException {
    try (Response response = client.newCall(auth.authenticate(request)).execute()) {
      assertEquals(200, response.code());
    }
    List<LoggedRequest> received =
        API.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertEquals(1, received.size());
    return received.get(0);
  }

  /**
   * The signature the service would compute for what WireMock received, from the vector-checked
   * signer.
   */
  private static String expectedAuthorization(LoggedRequest got, String hostSeen, byte[] body) {
    HttpUrl seen = HttpUrl.get(got.getAbsoluteUrl());
    return AkSkSigner.sign(
            got.getMethod().getName(),
            seen,
            Map.of("host", hostSeen, "x-sdk-date", SDK_DATE),
            body,
            AK,
            SK,
            SDK_DATE)
        .authorization();
  }

  @Test
  void getRequestCarriesDateProjectAndAValidSignature() throws IOException {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, clock);
    HttpUrl url =
        url("/v1/" + PROJECT + "/notebooks")
            .newBuilder()
            .addQueryParameter("limit", "50")
            .addQueryParameter("offset", "0")
            .addQueryParameter("name", "a&status=RUNNING")
            .addQueryParameter("feature", "NOTEBOOK")
            .build();
    LoggedRequest got = send(auth, new Request.Builder().url(url).get().build());

    String host = got.getHeader("Host");
    assertEquals("127.0.0.1:" + API.getPort(), host, "OkHttp's Host header includes the port");
    assertEquals(SDK_DATE, got.getHeader("X-Sdk-Date"));
    assertEquals(PROJECT, got.getHeader("X-Project-Id"));
    assertFalse(got.containsHeader("X-Security-Token"));
    assertEquals(expectedAuthorization(got, host, new byte[0]), got.getHeader("Authorization"));
    assertTrue(
        got.getHeader("Authorization")
            .startsWith(
                "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-sdk-date, Signature="));
    // The canonical query the service rebuilds from the wire: the '&' inside a value stays encoded.
    assertEquals(
        "feature=NOTEBOOK&limit=50&name=a%26status%3DRUNNING&offset=0",
        AkSkSigner.canonicalQuery(HttpUrl.get(got.getAbsoluteUrl())));
  }

  @Test
  void signatureChangesWithTheHostPortSoThePortReallyIsSigned() throws IOException {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, clock);
    LoggedRequest got = send(auth, new Request.Builder().url(url("/v1/x/notebooks")).build());
    String withoutPort = expectedAuthorization(got, "127.0.0.1", new byte[0]);
    assertFalse(withoutPort.equals(got.getHeader("Authorization")));
  }

  @Test
  void securityTokenIsSentForTemporaryCredentials() throws IOException {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, SECURITY_TOKEN, PROJECT, clock);
    LoggedRequest got = send(auth, new Request.Builder().url(url("/v1/x/notebooks")).build());
    assertEquals(SECURITY_TOKEN, got.getHeader("X-Security-Token"));
    assertEquals(
        expectedAuthorization(got, got.getHeader("Host"), new byte[0]),
        got.getHeader("Authorization"));
  }

  @Test
  void blankSecurityTokenMeansNone() {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, "  ", PROJECT, clock);
    Request signed =
        assertDoesNotThrowIo(() -> auth.authenticate(new Request.Builder().url(url("/")).build()));
    assertNull(signed.header("X-Security-Token"));
  }

  @Test
  void postBodyIsHashedAndSentUnchanged() throws IOException {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, clock);
    byte[] body = "{\"name\":\"nb-ü\"}".getBytes(StandardCharsets.UTF_8);
    Request request =
        new Request.Builder()
            .url(url("/v1/x/notebooks"))
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    LoggedRequest got = send(auth, request);
    assertArrayEquals(body, got.getBody());
    assertTrue(got.getHeader("Content-Type").startsWith("application/json"));
    assertEquals(
        expectedAuthorization(got, got.getHeader("Host"), body), got.getHeader("Authorization"));
    assertFalse(
        expectedAuthorization(got, got.getHeader("Host"), new byte[0])
            .equals(got.getHeader("Authorization")),
        "the body is part of the signature");
  }

  @Test
  void oneShotBodyIsReadOnceAndStillSent() throws IOException {
    AtomicInteger writes = new AtomicInteger();
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    RequestBody oneShot =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/json");
          }

          @Override
          public boolean isOneShot() {
            return true;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            if (writes.incrementAndGet() > 1) {
              throw new IOException("one-shot body written twice");
            }
            sink.write(body);
          }
        };
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, clock);
    LoggedRequest got = send(auth, new Request.Builder().url(url("/v1/x/y")).put(oneShot).build());
    assertEquals(1, writes.get());
    assertArrayEquals(body, got.getBody());
    assertEquals(
        expectedAuthorization(got, got.getHeader("Host"), body), got.getHeader("Authorization"));
  }

  @Test
  void callerSuppliedHostHeaderIsTheOneSigned() throws IOException {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, clock);
    Request request =
        new Request.Builder()
            .url(url("/v1/x/notebooks"))
            .header("Host", "modelarts.eu-de.example")
            .build();
    LoggedRequest got = send(auth, request);
    assertEquals("modelarts.eu-de.example", got.getHeader("Host"));
    assertEquals(
        expectedAuthorization(got, "modelarts.eu-de.example", new byte[0]),
        got.getHeader("Authorization"));
  }

  @Test
  void defaultPortIsNotPartOfTheSignedHost() throws IOException {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, clock);
    Request signed =
        auth.authenticate(
            new Request.Builder()
                .url("https://modelarts.eu-de.otc.t-systems.com/v1/p/notebooks")
                .build());
    String expected =
        AkSkSigner.sign(
                "GET",
                signed.url(),
                Map.of("host", "modelarts.eu-de.otc.t-systems.com", "x-sdk-date", SDK_DATE),
                new byte[0],
                AK,
                SK,
                SDK_DATE)
            .authorization();
    assertEquals(expected, signed.header("Authorization"));
    assertNull(signed.header("Host"), "OkHttp adds Host itself");
  }

  @Test
  void dateFollowsTheClock() throws IOException {
    MutableClock moving = new MutableClock(Instant.parse("2030-02-03T04:05:06.999Z"));
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, moving);
    Request r = new Request.Builder().url(url("/")).build();
    assertEquals("20300203T040506Z", auth.authenticate(r).header("X-Sdk-Date"));
    moving.advance(java.time.Duration.ofHours(1));
    assertEquals("20300203T050506Z", auth.authenticate(r).header("X-Sdk-Date"));
  }

  @Test
  void retryIsPointlessAndKindIsAksk() {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, null, PROJECT, clock);
    assertFalse(auth.invalidate());
    assertEquals("aksk", auth.kind());
    assertEquals(AK, auth.accessKey());
  }

  @Test
  void secretsNeverShow() {
    AkSkAuthenticator auth = new AkSkAuthenticator(AK, SK, SECURITY_TOKEN, PROJECT, clock);
    String s = auth.toString();
    assertTrue(s.contains(AK), s);
    assertTrue(s.contains("secretKey=****"), s);
    assertTrue(s.contains("securityToken=****"), s);
    assertFalse(s.contains(SK), s);
    assertFalse(s.contains(SECURITY_TOKEN), s);
    assertTrue(
        new AkSkAuthenticator(AK, SK, null, PROJECT, clock)
            .toString()
            .contains("securityToken=none"));
  }

  @Test
  void constructorChecksWithoutShowingSecrets() {
    NullPointerException npe =
        assertThrows(
            NullPointerException.class,
            () -> new AkSkAuthenticator(AK, null, null, PROJECT, clock));
    assertEquals("secretKey == null", npe.getMessage());
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AkSkAuthenticator(AK, " ", null, PROJECT, clock));
    assertEquals("secretKey is blank", blank.getMessage());
    assertThrows(
        NullPointerException.class, () -> new AkSkAuthenticator(null, SK, null, PROJECT, clock));
    assertThrows(
        NullPointerException.class, () -> new AkSkAuthenticator(AK, SK, null, null, clock));
    assertThrows(
        NullPointerException.class, () -> new AkSkAuthenticator(AK, SK, null, PROJECT, null));
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T assertDoesNotThrowIo(IoSupplier<T> s) {
    try {
      return s.get();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
