package io.modelarts.sql.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.ServedRequest;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client-side rate limit spaces the calls of all connections to one endpoint and project. Only
 * a lower bound on the spacing is asserted: a busy machine can make calls slower, never faster than
 * the limit.
 */
class RateLimitTest {
  @Test
  void callsOfTwoConnectionsAreSpacedByTheSharedLimit() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(400, 12L)) {
      String limited = sim.url("pageConcurrency=4").replace(";rateLimit=0", ";rateLimit=20");
      try (Connection a = java.sql.DriverManager.getConnection(limited);
          Connection b = java.sql.DriverManager.getConnection(limited)) {
        Thread other = new Thread(() -> rows(b));
        other.start();
        rows(a);
        other.join();
      }
      List<ServedRequest> calls = sim.listCalls();
      assertTrue(calls.size() >= 16, "both connections listed everything: " + calls.size());
      Duration span =
          Duration.between(calls.get(0).receivedAt(), calls.get(calls.size() - 1).receivedAt());
      // n calls at 20 per second need at least (n - 1) × 50 ms; allow 20 % for clock granularity
      long floor = (calls.size() - 1) * 50L * 8 / 10;
      assertTrue(
          span.toMillis() >= floor,
          calls.size() + " calls in " + span.toMillis() + " ms, floor " + floor);
    }
  }

  private static void rows(Connection c) {
    try {
      SimulatorFixture.rows(c, "SELECT id FROM notebooks");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
