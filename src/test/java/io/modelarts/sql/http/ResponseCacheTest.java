package io.modelarts.sql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelarts.simulator.SimulatorCredentials;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response cache: reuse within the TTL, sharing between connections of one identity only. */
class ResponseCacheTest {
  private static SimulatorFixture sim;
  private static final String QUERY = "SELECT COUNT(*) FROM notebooks WHERE status = 'STOPPED'";

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(90, 21L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clear() {
    sim.resetLog();
    sim.simulator().faults().setLatencyMillis(0);
  }

  /** A URL whose cache TTL is unique to the test, so tests do not share cached pages. */
  private static String url(long ttl, boolean temporaryKey) {
    SimulatorCredentials c = sim.simulator().credentials();
    return "jdbc:modelarts:endpoint="
        + sim.simulator().baseUrl()
        + ";projectId="
        + sim.simulator().projectId()
        + ";rateLimit=0;cacheTtl="
        + ttl
        + (temporaryKey
            ? ";user="
                + c.temporaryAccessKey()
                + ";password="
                + c.temporarySecretKey()
                + ";securityToken="
                + c.securityToken()
            : ";user=" + c.accessKey() + ";password=" + c.secretKey());
  }

  @Test
  void repeatedQueryWithinTheTtlMakesNoCallAndShowsCacheHits() throws Exception {
    try (Connection a = DriverManager.getConnection(url(60_001, false));
        Connection b = DriverManager.getConnection(url(60_001, false))) {
      List<String> first = SimulatorFixture.rows(a, QUERY);
      assertEquals(2, sim.listCalls().size());
      sim.resetLog();
      assertEquals(first, SimulatorFixture.rows(a, QUERY));
      assertEquals(
          first, SimulatorFixture.rows(b, QUERY), "another connection of the same identity");
      assertEquals(0, sim.listCalls().size());
      assertEquals(
          List.of("2"),
          SimulatorFixture.rows(b, "SELECT COUNT(*) FROM api_calls WHERE from_cache"));
    }
  }

  @Test
  void anotherCredentialDoesNotShare() throws Exception {
    try (Connection a = DriverManager.getConnection(url(60_002, false));
        Connection b = DriverManager.getConnection(url(60_002, true))) {
      SimulatorFixture.rows(a, QUERY);
      SimulatorFixture.rows(b, QUERY);
      assertEquals(4, sim.listCalls().size());
    }
  }

  @Test
  void aWrongSecretKeyNeverReadsCachedPages() throws Exception {
    SimulatorCredentials c = sim.simulator().credentials();
    try (Connection right = DriverManager.getConnection(url(60_004, false));
        Connection wrong =
            DriverManager.getConnection(
                url(60_004, false).replace(c.secretKey(), "Wrong" + c.secretKey()))) {
      SimulatorFixture.rows(right, QUERY);
      java.sql.SQLException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class, () -> SimulatorFixture.rows(wrong, QUERY));
      assertEquals("28000", e.getSQLState());
    }
  }

  @Test
  void pagesExpireAfterTheTtl() throws Exception {
    // A query no other test runs, so a late request of another test cannot be counted here.
    String query = "SELECT COUNT(*) FROM notebooks WHERE status = 'STOPPING'";
    try (Connection a = DriverManager.getConnection(url(150, false))) {
      SimulatorFixture.rows(a, query);
      Thread.sleep(300);
      SimulatorFixture.rows(a, query);
      assertEquals(
          4,
          sim.listCalls().stream()
              .filter(r -> "STOPPING".equals(r.singleParameters().get("status")))
              .count());
    }
  }

  @Test
  void identicalCallsInFlightShareOneRequest() throws Exception {
    sim.simulator().faults().setLatencyMillis(400);
    try (Connection a = DriverManager.getConnection(url(60_003, false));
        Connection b = DriverManager.getConnection(url(60_003, false))) {
      CompletableFuture<List<String>> x = CompletableFuture.supplyAsync(() -> rows(a));
      CompletableFuture<List<String>> y = CompletableFuture.supplyAsync(() -> rows(b));
      assertEquals(x.get(), y.get());
      assertEquals(2, sim.listCalls().size(), "one call per feature, shared by both statements");
    }
  }

  private static List<String> rows(Connection c) {
    try {
      return SimulatorFixture.rows(c, QUERY);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
