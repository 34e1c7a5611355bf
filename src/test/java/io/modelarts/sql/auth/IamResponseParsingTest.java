package io.modelarts.sql.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Parsing of IAM error bodies and token times, including shapes IAM is not documented to send. */
class IamResponseParsingTest {
  private static IamError error(String json) {
    return IamError.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static IamTokenTimes times(String json) throws IOException {
    return IamTokenTimes.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keystoneError() {
    IamError e =
        error(
            "{\"error\":{\"code\":401,\"title\":\"Unauthorized\",\"message\":\"The username or password is wrong.\"}}");
    assertEquals("401", e.code());
    assertEquals("Unauthorized", e.title());
    assertEquals("The username or password is wrong.", e.message());
  }

  @Test
  void huaweiError() {
    IamError e =
        error(
            "{\"error_msg\":\"The username or password is wrong.\",\"error_code\":\"IAM.0101\",\"extra\":{\"a\":[1,2]}}");
    assertEquals("IAM.0101", e.code());
    assertEquals("The username or password is wrong.", e.message());
    assertNull(e.title());
  }

  @Test
  void unreadableErrorsGiveNone() {
    assertSame(IamError.NONE, error(""));
    assertSame(IamError.NONE, error("<html>502 Bad Gateway</html>"));
    assertSame(IamError.NONE, error("[1,2]"));
    assertSame(IamError.NONE, error("{\"error\":null,\"error_code\":null}"));
    assertSame(IamError.NONE, error("{\"other\":{\"code\":1}}"));
    // A body cut short keeps what was read before the damage.
    assertEquals("IAM.0101", error("{\"error_code\":\"IAM.0101\",\"error_msg\":").code());
  }

  @Test
  void tokenTimesWithMicroseconds() throws IOException {
    IamTokenTimes t =
        times(
            "{\"token\":{\"catalog\":[{\"endpoints\":[{\"url\":\"x\"}]}],"
                + "\"expires_at\":\"2026-11-28T15:33:07.123000Z\",\"issued_at\":\"2026-11-27T15:33:07.123000Z\"}}");
    assertEquals(Instant.parse("2026-11-28T15:33:07.123Z"), t.expiresAt());
    assertEquals(Instant.parse("2026-11-27T15:33:07.123Z"), t.issuedAt());
  }

  @Test
  void tokenTimesInOtherSpellings() {
    assertEquals(
        Instant.parse("2026-11-28T13:33:07Z"),
        IamTokenTimes.parseInstant("2026-11-28T15:33:07+02:00"));
    assertEquals(
        Instant.parse("2026-11-28T15:33:07Z"), IamTokenTimes.parseInstant("2026-11-28T15:33:07"));
    assertEquals(
        Instant.parse("2026-11-28T15:33:07.5Z"),
        IamTokenTimes.parseInstant(" 2026-11-28T15:33:07.500000Z "));
    assertNull(IamTokenTimes.parseInstant("tomorrow"));
    assertNull(IamTokenTimes.parseInstant(null));
  }

  @Test
  void tokenTimesMissingOrMalformed() throws IOException {
    assertSame(IamTokenTimes.UNKNOWN, times("not json"));
    assertSame(IamTokenTimes.UNKNOWN, times("{\"other\":1}"));
    IamTokenTimes noExpiry =
        times("{\"token\":{\"issued_at\":\"2026-11-27T15:33:07Z\",\"expires_at\":12}}");
    assertNull(noExpiry.expiresAt());
    assertEquals(Instant.parse("2026-11-27T15:33:07Z"), noExpiry.issuedAt());
  }

  @Test
  void authenticationExceptionKnowsCredentialRefusals() {
    assertTrue(
        new AuthenticationException("m", "password", 401, null, null, null).credentialsRefused());
    assertTrue(
        new AuthenticationException("m", "password", 403, null, null, null).credentialsRefused());
    assertTrue(
        new AuthenticationException("m", "password", 400, null, null, null).credentialsRefused());
    assertFalse(
        new AuthenticationException("m", "password", 429, null, null, null).credentialsRefused());
    assertFalse(
        new AuthenticationException("m", "password", 503, null, null, null).credentialsRefused());
  }

  @Test
  void redactionHelpers() {
    assertEquals("a **** b ****", Secrets.redact("a s3cr3t b s3cr3t", "s3cr3t"));
    assertEquals("text", Secrets.redact("text", ""));
    assertNull(Secrets.redact(null, "x"));
    assertEquals("none", Secrets.mask(null));
    assertEquals("****", Secrets.mask("x"));
  }
}
