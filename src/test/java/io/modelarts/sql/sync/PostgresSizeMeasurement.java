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
 * snapshot ({@code pg_total_relation_size}: heap, TOAST and indexes) and the time of a round.
 * The numbers in docs/metabase.md come from here.
 *
 * <p>Slow next to the other tests, so it runs on request only:
 * {@code mvn -q -B -DbuildDir=target-sync test -Dtest=PostgresSizeMeasurement -Dsync.measure=true}.
 */
class PostgresSizeMeasurement {
  private static final int NOTEBOOKS = 2000;
  private static final int ROUNDS = 4;

  @Test
  void measure() throws Exception {
    assumeTrue(Boolean.getBoolean("sync.measure"), "run with -Dsync.measure=true");
    try (PostgresTarget target = PostgresTarget.create();
        SimulatorFixture fixture = SimulatorFixture.start(NOTEBOOKS, 42)) {
      Sync sync =
          Sync.builder()
              .source(fixture.url(), new Properties())
              .target(target.url(), target.properties())
              .history(true)
              .build();
      Map<String, Long> afterFirst = null;
      SyncReport report = null;
      for (int round = 1; round <= ROUNDS; round++) {
        report = sync.runOnce();
        System.out.println("round " + round + ": " + report.summary());
        if (round == 1) {
          afterFirst = sizes(target);
        }
      }
      try (Connection c = target.connect();
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE"); // the current tables' dead rows of earlier rounds, reclaimed
      }
      Map<String, Long> last = sizes(target);
      System.out.printf("%-26s %8s %12s %14s %14s%n",
          "table", "rows", "bytes now", "bytes/row", "bytes/snapshot");
      for (String table : SyncedRows.TABLES) {
        int rows = report.rows().get(table);
        long current = last.get(table);
        long perSnapshot = (last.get(table + "_history") - afterFirst.get(table + "_history")) / (ROUNDS - 1);
        System.out.printf("%-26s %8d %12d %14d %14d%n", table, rows, current,
            rows == 0 ? 0 : current / rows, perSnapshot);
        System.out.printf("%-26s %8d %12d %14d%n", table + "_history", rows * ROUNDS,
            last.get(table + "_history"), rows == 0 ? 0 : perSnapshot / rows);
      }
      long snapshot = 0;
      for (String table : SyncedRows.TABLES) {
        snapshot += (last.get(table + "_history") - afterFirst.get(table + "_history")) / (ROUNDS - 1);
      }
      System.out.println("history bytes per snapshot, all tables: " + snapshot);
      System.out.println("database size: " + databaseSize(target));
    }
  }

  private static Map<String, Long> sizes(PostgresTarget target) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = target.connect();
        PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(CAST(? AS regclass))")) {
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
        ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
