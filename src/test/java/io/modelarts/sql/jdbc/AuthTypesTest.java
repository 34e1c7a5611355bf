package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.ServedRequest;
import io.modelarts.simulator.SimulatorCredentials;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each authentication type works against the simulator, and refusals are clean 28000 errors. */
class AuthTypesTest {
  private static SimulatorFixture sim;
  private static final String COUNT = "SELECT COUNT(*) FROM notebooks WHERE feature = 'NOTEBOOK'";

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(30, 3L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clear() {
    sim.resetLog();
  }

  private static String base() {
    return "jdbc:modelarts:endpoint="
        + sim.simulator().baseUrl()
        + ";projectId="
        + sim.simulator().projectId()
        + ";rateLimit=0;cacheTtl=0";
  }

  private static List<String> count(Connection c) throws SQLException {
    return SimulatorFixture.rows(c, COUNT);
  }

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void akSk() throws Exception {
    SimulatorCredentials c = sim.simulator().credentials();
    try (Connection conn =
        DriverManager.getConnection(
            base(), props("user", c.accessKey(), "password", c.secretKey()))) {
      assertEquals(1, count(conn).size());
    }
    ServedRequest r = sim.listCalls().get(0);
    assertEquals("aksk", r.authKind());
    assertTrue(
        r.headers().get("authorization").startsWith("SDK-HMAC-SHA256 Access=" + c.accessKey()));
    assertEquals(sim.simulator().projectId(), r.headers().get("x-project-id"));
  }

  @Test
  void temporaryAkSkWithSecurityToken() throws Exception {
    SimulatorCredentials c = sim.simulator().credentials();
    try (Connection conn =
        DriverManager.getConnection(
            base(),
            props(
                "user",
                c.temporaryAccessKey(),
                "password",
                c.temporarySecretKey(),
                "securityToken",
                c.securityToken()))) {
      assertEquals(1, count(conn).size());
    }
    assertEquals(c.securityToken(), sim.listCalls().get(0).headers().get("x-security-token"));
  }

  @Test
  void iamPassword() throws Exception {
    SimulatorCredentials c = sim.simulator().credentials();
    try (Connection conn =
        DriverManager.getConnection(
            base() + ";iamEndpoint=" + sim.simulator().baseUrl(),
            props("user", c.iamUser(), "password", c.iamPassword(), "domain", c.iamDomain()))) {
      assertEquals(1, count(conn).size());
      assertEquals(1, count(conn).size());
    }
    List<ServedRequest> all = sim.simulator().requestLog();
    assertEquals(
        1,
        all.stream().filter(r -> r.path().startsWith("/v3/auth/tokens")).count(),
        "token cached");
    assertEquals("token", sim.listCalls().get(0).authKind());
  }

  @Test
  void readyToken() throws Exception {
    try (Connection conn =
        DriverManager.getConnection(
            base(), props("token", sim.simulator().credentials().readyToken()))) {
      assertEquals(1, count(conn).size());
    }
  }

  @Test
  void expiredIamTokenIsRefreshedOnceAndTheQuerySucceeds() throws Exception {
    SimulatorCredentials c = sim.simulator().credentials();
    try (Connection conn =
        DriverManager.getConnection(
            base() + ";iamEndpoint=" + sim.simulator().baseUrl(),
            props("user", c.iamUser(), "password", c.iamPassword(), "domain", c.iamDomain()))) {
      assertEquals(1, count(conn).size());
      sim.simulator().revokeTokens();
      assertEquals(1, count(conn).size());
    }
    long tokenCalls =
        sim.simulator().requestLog().stream()
            .filter(r -> r.path().startsWith("/v3/auth/tokens"))
            .count();
    assertEquals(2, tokenCalls);
  }

  @Test
  void wrongSecretKeyIsA28000ErrorThatNamesTheKindAndHidesTheSecret() throws Exception {
    SimulatorCredentials c = sim.simulator().credentials();
    String wrong = "Wrong-Secret-" + System.nanoTime();
    try (Connection conn =
        DriverManager.getConnection(base(), props("user", c.accessKey(), "password", wrong))) {
      SQLException e = assertThrows(SQLException.class, () -> count(conn));
      assertEquals("28000", e.getSQLState());
      assertFalse(fullText(e).contains(wrong), "the secret is not shown");
      assertTrue(e instanceof ModelArtsSQLException m && m.apiErrorCode() != null, e.toString());
      assertTrue(e.getMessage().contains("request id"), e.getMessage());
    }
  }

  @Test
  void wrongPasswordIsA28000ErrorThatSaysWhichCredentialWasRefused() throws Exception {
    SimulatorCredentials c = sim.simulator().credentials();
    String wrong = "Wrong-Password-" + System.nanoTime();
    try (Connection conn =
        DriverManager.getConnection(
            base() + ";iamEndpoint=" + sim.simulator().baseUrl(),
            props("user", c.iamUser(), "password", wrong, "domain", c.iamDomain()))) {
      SQLException e = assertThrows(SQLException.class, () -> count(conn));
      assertEquals("28000", e.getSQLState());
      assertTrue(e.getMessage().contains("password"), e.getMessage());
      assertFalse(fullText(e).contains(wrong));
    }
  }

  @Test
  void wrongTokenIsA28000Error() throws Exception {
    String wrong = "MIIwrong" + System.nanoTime();
    try (Connection conn = DriverManager.getConnection(base(), props("token", wrong))) {
      SQLException e = assertThrows(SQLException.class, () -> count(conn));
      assertEquals("28000", e.getSQLState());
      assertFalse(fullText(e).contains(wrong));
    }
  }

  /** Message, class names and stack of an exception and all its causes. */
  static String fullText(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
