package io.modelarts.sql.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statement.cancel() and setQueryTimeout stop a slow listing promptly, and the statement runs
 * again.
 */
class CancellationTest {
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(120, 5L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void fast() {
    sim.simulator().faults().setLatencyMillis(0);
  }

  private static int count(ResultSet rs) throws SQLException {
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  @Test
  void cancelFromAnotherThreadReturnsWithin500MillisAndTheStatementRunsAgain() throws Exception {
    try (Connection c = sim.connect();
        Statement s = c.createStatement()) {
      sim.simulator().faults().setLatencyMillis(5_000);
      CompletableFuture<Long> cancelledAt = new CompletableFuture<>();
      CompletableFuture.runAsync(
          () -> {
            try {
              Thread.sleep(400); // mid-page: the first call is waiting for its 5 s answer
              cancelledAt.complete(System.nanoTime());
              s.cancel();
            } catch (Exception e) {
              cancelledAt.completeExceptionally(e);
            }
          });
      SQLException e =
          assertThrows(SQLException.class, () -> count(s.executeQuery("SELECT * FROM notebooks")));
      long returnedAt = System.nanoTime();
      long millis = TimeUnit.NANOSECONDS.toMillis(returnedAt - cancelledAt.get());
      assertEquals("HY008", e.getSQLState(), e.toString());
      assertTrue(millis < 500, "returned " + millis + " ms after cancel()");

      sim.simulator().faults().setLatencyMillis(0);
      try (ResultSet rs = s.executeQuery("SELECT * FROM notebooks")) {
        assertEquals(120, count(rs));
      }
    }
  }

  @Test
  void queryTimeoutStopsASlowListing() throws Exception {
    try (Connection c = sim.connect();
        Statement s = c.createStatement()) {
      count(s.executeQuery("SELECT * FROM notebooks")); // warm: planning is not what is timed
      sim.simulator().faults().setLatencyMillis(5_000);
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e =
          assertThrows(SQLException.class, () -> count(s.executeQuery("SELECT * FROM notebooks")));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("HYT00", e.getSQLState(), e.toString());
      assertTrue(millis < 2_000, millis + " ms");
    }
  }

  @Test
  void closingTheConnectionAbortsItsWork() throws Exception {
    Connection c = sim.connect();
    Statement s = c.createStatement();
    sim.simulator().faults().setLatencyMillis(5_000);
    CompletableFuture<Object> query =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return count(s.executeQuery("SELECT * FROM notebooks"));
              } catch (SQLException e) {
                return e;
              }
            });
    Thread.sleep(300);
    long start = System.nanoTime();
    c.close();
    Object outcome = query.get(2, TimeUnit.SECONDS);
    assertTrue(outcome instanceof SQLException, String.valueOf(outcome));
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000);
  }
}
