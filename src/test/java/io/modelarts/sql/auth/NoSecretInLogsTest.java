package io.modelarts.sql.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the authenticators with every log level on and checks that no secret reaches a log line. */
class NoSecretInLogsTest {
  @RegisterExtension
  static final WireMockExtension IAM =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SK = "sk-Very/Secret+Key=0123456789abcdefghij";
  private static final String SECURITY_TOKEN = "gQpzZXNzaW9uLXRva2VuLXNlY3JldA";
  private static final String PASSWORD = "Pa55-w0rd!Secret";
  private static final String TOKEN = "MIIEhQYJKoZIhvcNAQcCoIIEdjCCBHICAQExDTALBglghkgBZQMEAgEw";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T15:33:07Z"), ZoneOffset.UTC);

  private static void assertClean(List<String> lines, String... secrets) {
    assertFalse(lines.isEmpty(), "the test must exercise some logging");
    for (String line : lines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), line);
      }
    }
  }

  @Test
  void akSkTraceLoggingShowsNoSecret() throws IOException {
    RecordingLogger log = new RecordingLogger();
    AkSkAuthenticator auth =
        new AkSkAuthenticator("AK1", SK, SECURITY_TOKEN, "p", CLOCK, log.logger());
    auth.authenticate(
        new Request.Builder()
            .url("https://modelarts.example/v1/p/notebooks?limit=10")
            .post(
                RequestBody.create(
                    "{}".getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
            .build());
    assertTrue(log.lines().get(0).contains("canonical request"), log.lines().get(0));
    assertClean(log.lines(), SK, SECURITY_TOKEN);
  }

  @Test
  void iamLoggingShowsNoPasswordOrToken() throws IOException {
    IAM.stubFor(
        post(urlPathEqualTo("/v3/auth/tokens"))
            .willReturn(
                aResponse().withStatus(201).withHeader("X-Subject-Token", TOKEN).withBody("{}")));
    RecordingLogger log = new RecordingLogger();
    IamTokenAuthenticator auth =
        new IamTokenAuthenticator(
            new OkHttpClient(),
            HttpUrl.get(IAM.baseUrl()),
            "alice",
            PASSWORD,
            "acme",
            "p",
            CLOCK,
            log.logger());
    Request api = new Request.Builder().url("https://modelarts.example/v1/p/notebooks").build();
    auth.authenticate(api);
    auth.invalidate();
    auth.invalidate();
    auth.authenticate(api);
    assertTrue(log.lines().size() >= 4, log.lines().toString()); // warn (no expiry), debug x2, ...
    assertClean(log.lines(), PASSWORD, TOKEN);
  }

  @Test
  void iamRefusalLogsNoPassword() {
    IAM.stubFor(
        post(urlPathEqualTo("/v3/auth/tokens"))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"error_msg\":\"bad " + PASSWORD + "\"}")));
    RecordingLogger log = new RecordingLogger();
    IamTokenAuthenticator auth =
        new IamTokenAuthenticator(
            new OkHttpClient(),
            HttpUrl.get(IAM.baseUrl()),
            "alice",
            PASSWORD,
            "acme",
            "p",
            CLOCK,
            log.logger());
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () ->
                auth.authenticate(new Request.Builder().url("https://modelarts.example/").build()));
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    for (String line : log.lines()) {
      assertFalse(line.contains(PASSWORD), line);
    }
  }
}
