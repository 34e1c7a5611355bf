package io.modelarts.sql.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The ready-token authenticator: header, no retry, no leaks. */
class StaticTokenAuthenticatorTest {
  private static final String TOKEN =
      "MIIEhQYJKoZIhvcNAQcCoIIEdjCCBHICAQExDTALBglghkgBZQMEAgEwggLrBgkqhkiG";

  @Test
  void sendsTheTokenAsXAuthToken() {
    StaticTokenAuthenticator auth = new StaticTokenAuthenticator(TOKEN);
    Request r =
        auth.authenticate(
            new Request.Builder()
                .url("https://modelarts.example/v1/p/notebooks")
                .header("X-Auth-Token", "old")
                .build());
    assertEquals(TOKEN, r.header("X-Auth-Token"));
    assertEquals(1, r.headers("X-Auth-Token").size());
  }

  @Test
  void retryIsPointless() {
    StaticTokenAuthenticator auth = new StaticTokenAuthenticator(TOKEN);
    assertFalse(auth.invalidate());
    assertFalse(auth.invalidate());
    assertEquals("token", auth.kind());
  }

  @Test
  void tokenNeverShows() {
    String s = new StaticTokenAuthenticator(TOKEN).toString();
    assertFalse(s.contains(TOKEN), s);
    assertTrue(s.contains("****"), s);
  }

  @Test
  void rejectsMissingToken() {
    assertEquals(
        "token == null",
        assertThrows(NullPointerException.class, () -> new StaticTokenAuthenticator(null))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StaticTokenAuthenticator(" "));
  }
}
