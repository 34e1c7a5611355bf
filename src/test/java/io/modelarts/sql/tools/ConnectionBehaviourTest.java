package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection behaviour pools and BI tools rely on: transaction calls that succeed on a
 * read-only source, an isValid that asks the service, typed getObject, maxRows and fetchSize.
 */
class ConnectionBehaviourTest {
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(600, 11L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clear() {
    sim.resetLog();
  }

  private static int drain(ResultSet rs) throws SQLException {
    int n = 0;
    try (rs) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void transactionAndSessionCallsSucceedAsNoOps() throws Exception {
    try (Connection c = sim.connect("cacheTtl=0")) {
      assertTrue(c.getAutoCommit(), "auto-commit on by default");
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
      c.setClientInfo("ApplicationName", "test");
      assertEquals("test", c.getClientInfo("ApplicationName"));
      Properties info = new Properties();
      info.setProperty("ClientUser", "me");
      c.setClientInfo(info);
      c.setCatalog("anything");
      c.setSchema("modelarts");
      c.setSchema("MODELARTS");
      assertEquals("modelarts", c.getSchema());
      SQLException unknown = assertThrows(SQLException.class, () -> c.setSchema("other"));
      assertEquals("3F000", unknown.getSQLState());
      c.setNetworkTimeout(Executors.newSingleThreadExecutor(), 5000);
      assertEquals(5000, c.getNetworkTimeout());
      assertEquals(0, sim.listCalls().size(), "none of these calls the service");
    }
  }

  @Test
  void isValidAsksTheServiceCheaply() throws Exception {
    try (Connection c = sim.connect("cacheTtl=0")) {
      sim.resetLog();
      assertTrue(c.isValid(2));
      assertEquals(1, sim.listCalls().size(), "one list call");
      assertTrue(Integer.parseInt(sim.listCalls().get(0).singleParameters().get("limit")) <= 10);
    }
    try (SimulatorFixture gone = SimulatorFixture.start(5, 1L);
        Connection c = gone.connect("cacheTtl=0;maxRetries=0")) {
      gone.close(); // the endpoint stops answering
      assertFalse(c.isValid(2));
    }
  }

  @Test
  void getObjectConvertsToTheTypesToolsAskFor() throws Exception {
    ObjectNode some =
        sim.simulator().dataset().stream()
            .filter(
                n ->
                    n.hasNonNull("lease")
                        && n.get("lease").hasNonNull("create_at")
                        && n.get("lease").hasNonNull("duration")
                        && n.get("lease").hasNonNull("enable"))
            .findFirst()
            .orElseThrow();
    Instant created = Instant.ofEpochMilli(some.get("lease").get("create_at").asLong());
    try (Connection c = sim.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT lease_create_at, lease_duration, lease_enable, id, volume_capacity FROM notebooks"
                    + " WHERE id = '"
                    + some.get("id").asText()
                    + "'")) {
      assertTrue(rs.next());
      assertEquals(
          created.atOffset(ZoneOffset.UTC).toLocalDateTime(), rs.getObject(1, LocalDateTime.class));
      assertEquals(created.atOffset(ZoneOffset.UTC), rs.getObject(1, OffsetDateTime.class));
      assertEquals(created, rs.getObject(1, Instant.class));
      assertEquals(
          created.atOffset(ZoneOffset.UTC).toLocalDate(), rs.getObject(1, LocalDate.class));
      assertEquals(created, rs.getObject(1, Timestamp.class).toInstant());
      assertEquals(some.get("lease").get("duration").asLong(), rs.getObject(2, Long.class));
      assertEquals(some.get("lease").get("enable").asBoolean(), rs.getObject(3, Boolean.class));
      assertEquals(some.get("id").asText(), rs.getObject("id", String.class));
      assertEquals(
          String.valueOf(some.get("lease").get("duration").asLong()),
          rs.getObject(2, String.class));
      if (some.hasNonNull("volume") && some.get("volume").hasNonNull("capacity")) {
        assertEquals(some.get("volume").get("capacity").asInt(), rs.getObject(5, Integer.class));
      }
    }
  }

  @Test
  void nullTimestampsStayNullForEveryTemporalType() throws Exception {
    try (Connection c = sim.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(NULL AS TIMESTAMP) FROM (VALUES 1)")) {
      assertTrue(rs.next());
      assertNull(rs.getObject(1, LocalDateTime.class));
      assertNull(rs.getObject(1, OffsetDateTime.class));
      assertNull(rs.getObject(1, Instant.class));
    }
  }

  /**
   * maxRows is planned as a LIMIT: the plan of a statement with maxRows n is the plan of the same
   * query with LIMIT n, and it reads the same pages (counted with one page at a time, since pages
   * read ahead concurrently make the count vary from run to run).
   */
  @Test
  void maxRowsIsPlannedAsLimit() throws Exception {
    try (Connection c = sim.connect("cacheTtl=0;pageConcurrency=1")) {
      for (String query :
          new String[] {
            "SELECT * FROM notebooks", "SELECT id FROM notebooks WHERE status = 'RUNNING'",
            "SELECT * FROM notebooks ORDER BY id",
                "SELECT status, COUNT(*) FROM notebooks GROUP BY status"
          }) {
        Statement limited = c.createStatement();
        limited.setMaxRows(10);
        assertEquals(plan(c.createStatement(), query + " LIMIT 10"), plan(limited, query), query);
      }
      for (int max : new int[] {10, 120}) {
        sim.resetLog();
        assertEquals(
            max, drain(c.createStatement().executeQuery("SELECT * FROM notebooks LIMIT " + max)));
        var limitCalls = sim.listCalls().stream().map(r -> r.rawQuery()).toList();

        sim.resetLog();
        Statement s = c.createStatement();
        s.setMaxRows(max);
        assertEquals(max, drain(s.executeQuery("SELECT * FROM notebooks")));
        assertEquals(
            limitCalls, sim.listCalls().stream().map(r -> r.rawQuery()).toList(), "Statement");

        sim.resetLog();
        PreparedStatement p = c.prepareStatement("SELECT * FROM notebooks");
        p.setMaxRows(max);
        assertEquals(max, drain(p.executeQuery()));
        assertEquals(
            limitCalls,
            sim.listCalls().stream().map(r -> r.rawQuery()).toList(),
            "PreparedStatement");
        assertTrue(limitCalls.size() <= max / 50 + 2, limitCalls.toString());
      }
    }
  }

  @Test
  void maxRowsIsHonouredWithParametersAndZeroMeansNoLimit() throws Exception {
    try (Connection c = sim.connect()) {
      PreparedStatement p = c.prepareStatement("SELECT id FROM notebooks WHERE feature = ?");
      p.setString(1, "NOTEBOOK");
      p.setMaxRows(7);
      assertEquals(7, drain(p.executeQuery()));
      p.setMaxRows(0);
      assertTrue(drain(p.executeQuery()) > 7);
      Statement s = c.createStatement();
      s.setMaxRows(0);
      assertEquals(600, drain(s.executeQuery("SELECT * FROM notebooks")), "0 means no limit");
      // A prepared statement planned with a limit loses it when maxRows goes back to 0.
      PreparedStatement all = c.prepareStatement("SELECT id FROM notebooks");
      all.setMaxRows(5);
      assertEquals(5, drain(all.executeQuery()));
      all.setMaxRows(50);
      assertEquals(50, drain(all.executeQuery()));
      all.setMaxRows(0);
      assertEquals(600, drain(all.executeQuery()));
    }
  }

  private static String plan(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + query)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void fetchSizeIsAcceptedAndReadingStaysLazy() throws Exception {
    try (Connection c = sim.connect("cacheTtl=0");
        Statement s = c.createStatement()) {
      s.setFetchSize(500);
      assertEquals(500, s.getFetchSize());
      sim.resetLog();
      try (ResultSet rs = s.executeQuery("SELECT id FROM notebooks")) {
        assertTrue(rs.next());
        rs.setFetchSize(10);
      }
      assertTrue(sim.listCalls().size() <= 5, sim.listCalls().size() + " calls for one row");
      assertDoesNotThrow(() -> s.setFetchSize(0));
    }
  }
}
