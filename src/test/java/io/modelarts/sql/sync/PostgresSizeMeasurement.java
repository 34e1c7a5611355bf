package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Measures what sync costs on PostgreSQL for 2,000 notebooks: bytes per row and per history
 * snapshot ({@code pg_total_relation_size}: heap, TOAST and indexes) and the time of a round. The
 * numbers in docs/metabase.md come from here.
 *
 * <p>Slow next to the other tests, so it runs on request only: {@code mvn -q -B
 * -DbuildDir=target-sync test -Dtest=PostgresSizeMeasurement -Dsync.measure=true}.
 */
class PostgresSizeMeasurement {
  private static final int NOTEBOOKS = 2000;
  private static final int ROUNDS = 4;
  private static final long CACHE_TTL_MILLIS = 3000;

  @Test
  void measure() throws Exception {
    assumeTrue(Boolean.getBoolean("sync.measure"), "run with -Dsync.measure=true");
    try (PostgresTarget target = PostgresTarget.create();
        SimulatorFixture fixture = SimulatorFixture.start(NOTEBOOKS, 42)) {
      Sync sync =
          Sync.builder()
              // The driver's cache on, as for users, so that a round makes one listing; but short
              // and waited out between rounds, so that each round lists afresh.
              .source(
                  fixture.url().replace(";cacheTtl=0", ";cacheTtl=" + CACHE_TTL_MILLIS),
                  new Properties())
              .target(target.url(), target.properties())
              .history(true)
              .build();
      Map<String, Long> afterFirst = null;
      SyncReport report = null;
      for (int round = 1; round <= ROUNDS; round++) {
        Thread.sleep(CACHE_TTL_MILLIS + 500);
        fixture.resetLog();
        report = sync.runOnce();
        System.out.println(
            "round "
                + round
                + ": "
                + report.summary()
                + ", "
                + fixture.listCalls().size()
                + " list calls");
        if (round == 1) {
          afterFirst = sizes(target);
        }
      }
      try (Connection c = target.connect();
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE"); // the current tables' dead rows of earlier rounds, reclaimed
      }
      Map<String, Long> last = sizes(target);
      // Current tables: fresh after one round, and after several rounds of DELETE+INSERT, whose
      // dead rows VACUUM makes reusable but does not return to the file system.
      System.out.printf(
          "%-18s %6s %14s %12s %16s %14s%n",
          "table", "rows", "current fresh", "bytes/row", "current after " + ROUNDS, "history/snap");
      for (String table : SyncedRows.TABLES) {
        int rows = report.rows().get(table);
        long fresh = afterFirst.get(table);
        long perSnapshot =
            (last.get(table + "_history") - afterFirst.get(table + "_history")) / (ROUNDS - 1);
        System.out.printf(
            "%-18s %6d %14d %12d %16d %14d (%d bytes/row)%n",
            table,
            rows,
            fresh,
            rows == 0 ? 0 : fresh / rows,
            last.get(table),
            perSnapshot,
            rows == 0 ? 0 : perSnapshot / rows);
      }
      long snapshot = 0;
      for (String table : SyncedRows.TABLES) {
        snapshot +=
            (last.get(table + "_history") - afterFirst.get(table + "_history")) / (ROUNDS - 1);
      }
      System.out.println("history bytes per snapshot, all tables: " + snapshot);
      System.out.println("database size: " + databaseSize(target));
    }
  }

  private static Map<String, Long> sizes(PostgresTarget target) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = target.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT pg_total_relation_size(CAST(? AS regclass))")) {
      for (String table : SyncedRows.TABLES) {
        for (String name : List.of(table, table + "_history")) {
          s.setString(1, "modelarts." + name);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            out.put(name, rs.getLong(1));
          }
        }
      }
    }
    return out;
  }

  private static String databaseSize(PostgresTarget target) throws SQLException {
    try (Connection c = target.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
