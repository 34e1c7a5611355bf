package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.sql.testing.MutableClock;
import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What sync promises on every target, run once per target by its subclasses: the data equals the
 * driver's, history is complete, the schema carries keys, indexes and comments, and no reader ever
 * sees a half-written or failed round.
 */
abstract class SyncTargetContract {

  /** The target of this class's tests; the schema is dropped before each test. */
  abstract TestTarget target();

  /**
   * TYPE_NAME the target's metadata reports for a text, timestamp, bigint, integer, boolean and
   * array column.
   */
  abstract Map<String, String> expectedTypeNames();

  @BeforeEach
  void dropSchema() throws SQLException {
    try (Connection c = target().connect();
        Statement s = c.createStatement()) {
      s.execute(
          "DROP SCHEMA IF EXISTS "
              + target().dialect().identifier(Sync.DEFAULT_SCHEMA)
              + " CASCADE");
    }
  }

  Sync.Builder sync(SimulatorFixture fixture, String... sourceExtra) {
    return Sync.builder()
        .source(fixture.url(sourceExtra), new Properties())
        .target(target().url(), target().properties());
  }

  static Map<String, List<String>> live(Connection driver) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String table : SyncedRows.TABLES) {
      out.put(table, SyncedRows.live(driver, table));
    }
    return out;
  }

  /** Asserts that the target's current tables hold exactly {@code expected}. */
  void assertCurrent(Connection driver, Map<String, List<String>> expected) throws SQLException {
    try (Connection c = target().connect()) {
      for (String table : SyncedRows.TABLES) {
        assertSameRows(expected.get(table), SyncedRows.current(driver, target(), c, table), table);
      }
    }
  }

  /**
   * Like assertEquals on two row lists, with a message that names the differences, not every row.
   */
  static void assertSameRows(List<String> expected, List<String> actual, String table) {
    if (!expected.equals(actual)) {
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(actual);
      List<String> extra = new ArrayList<>(actual);
      extra.removeAll(expected);
      throw new AssertionError(
          table
              + ": expected "
              + expected.size()
              + " rows, got "
              + actual.size()
              + "; missing "
              + missing.subList(0, Math.min(2, missing.size()))
              + "; unexpected "
              + extra.subList(0, Math.min(2, extra.size())));
    }
  }

  @Test
  void twoRoundsWithHistoryLeaveTheLiveTablesAndTwoCompleteSnapshots() throws Exception {
    try (SimulatorFixture fixture = SimulatorFixture.start(150, 7);
        Connection driver = fixture.connect()) {
      Sync sync = sync(fixture).history(true).build();
      Map<String, List<String>> first = live(driver);
      SyncReport r1 = sync.runOnce();

      // The second round must see a different project, so that a stale copy cannot pass.
      fixture.simulator().addNotebooks(4);
      fixture.simulator().removeNotebook(fixture.simulator().dataset().get(10).get("id").asText());
      Map<String, List<String>> second = live(driver);
      assertNotEquals(first.get("notebooks"), second.get("notebooks"));
      SyncReport r2 = sync.runOnce();

      assertCurrent(driver, second);
      try (Connection c = target().connect()) {
        for (String table : SyncedRows.TABLES) {
          assertEquals(
              List.of(r1.snapshotAt(), r2.snapshotAt()),
              SyncedRows.snapshots(target(), c, table + "_history"),
              table);
          assertSameRows(
              first.get(table),
              SyncedRows.history(driver, target(), c, table, r1.snapshotAt()),
              table);
          assertSameRows(
              second.get(table),
              SyncedRows.history(driver, target(), c, table, r2.snapshotAt()),
              table);
          assertEquals(second.get(table).size(), r2.rows().get(table), table);
        }
        assertEquals(2, SyncedRows.count(target(), c, "sync_rounds"));
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT COUNT(*) FROM "
                        + target().table("notebooks")
                        + " WHERE "
                        + target().dialect().identifier("token")
                        + " IS NOT NULL")) {
          rs.next();
          assertEquals(
              0, rs.getLong(1), "notebook tokens are credentials: they stay out by default");
        }
      }
      assertTrue(
          first.get("endpoints").size() > 0
              && first.get("action_progress").size() > 0
              && first.get("images").size() > 0,
          "the data set exercises every table");
    }
  }

  @Test
  void schemaHasTypesKeysIndexesAndTheApiDocumentationAsComments() throws Exception {
    try (SimulatorFixture fixture = SimulatorFixture.start(30, 3)) {
      sync(fixture).history(true).build().runOnce();
    }
    TargetDialect d = target().dialect();
    try (Connection c = target().connect()) {
      DatabaseMetaData md = c.getMetaData();
      String schema = d.metadataName(Sync.DEFAULT_SCHEMA);
      Map<String, String> types = new LinkedHashMap<>();
      Map<String, String> remarks = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, schema, null, null)) {
        while (rs.next()) {
          String key =
              (rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME")).toLowerCase();
          types.put(key, rs.getString("TYPE_NAME"));
          remarks.put(key, rs.getString("REMARKS"));
        }
      }
      expectedTypeNames().forEach((column, type) -> assertEquals(type, types.get(column), column));
      assertTrue(
          remarks.get("notebooks.status").startsWith("Instance status: INIT, CREATING"),
          remarks.get("notebooks.status"));
      assertTrue(
          remarks.get("notebooks_history.snapshot_at").startsWith("Time (UTC) of the sync round"));
      assertTrue(remarks.get("images.size").contains("KB"), remarks.get("images.size"));

      assertEquals(List.of("id"), primaryKey(md, schema, "notebooks"));
      assertEquals(List.of("id"), primaryKey(md, schema, "images"));
      assertEquals(List.of("snapshot_at", "id"), primaryKey(md, schema, "notebooks_history"));
      assertEquals(List.of(), primaryKey(md, schema, "endpoints"));

      assertEquals(List.of("notebook_id->notebooks.id"), foreignKeys(md, schema, "endpoints"));
      assertEquals(
          List.of("notebook_id->notebooks.id"), foreignKeys(md, schema, "action_progress"));
      assertEquals(List.of(), foreignKeys(md, schema, "notebooks"));
      assertEquals(List.of(), foreignKeys(md, schema, "endpoints_history"));

      assertTrue(indexes(md, schema, "notebooks").contains(List.of("status")));
      assertTrue(indexes(md, schema, "action_progress").contains(List.of("status")));
      assertTrue(
          indexes(md, schema, "notebooks_history").contains(List.of("status", "snapshot_at")));
      assertTrue(
          indexes(md, schema, "endpoints_history").contains(List.of("snapshot_at", "notebook_id")));
      assertTrue(indexes(md, schema, "images_history").contains(List.of("snapshot_at", "id")));
    }
  }

  @Test
  void rerunsAreIdempotentAndWithoutHistoryCreateNoHistoryTables() throws Exception {
    try (SimulatorFixture fixture = SimulatorFixture.start(60, 11);
        Connection driver = fixture.connect()) {
      Map<String, List<String>> expected = live(driver);
      sync(fixture).build().runOnce();
      List<String> schemaAfterFirst = schemaObjects();
      sync(fixture).build().runOnce(); // a new process: schema creation runs again
      sync(fixture).build().runOnce();
      assertCurrent(driver, expected);
      assertEquals(schemaAfterFirst, schemaObjects());
      try (Connection c = target().connect()) {
        assertEquals(3, SyncedRows.count(target(), c, "sync_rounds"));
      }
      assertTrue(
          schemaAfterFirst.stream().noneMatch(t -> t.contains("history")),
          schemaAfterFirst.toString());
    }
  }

  @Test
  void retentionPrunesHistoryOlderThanItsAge() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T00:00:00Z"));
    try (SimulatorFixture fixture = SimulatorFixture.start(40, 5)) {
      Sync sync = sync(fixture).history(true).retain(Duration.ofHours(36)).clock(clock).build();
      SyncReport r1 = sync.runOnce();
      clock.advance(Duration.ofDays(1));
      SyncReport r2 = sync.runOnce();
      assertEquals(0, r2.historyRowsPruned());
      clock.advance(Duration.ofDays(1));
      SyncReport r3 = sync.runOnce();

      int perRound = r1.rows().values().stream().mapToInt(Integer::intValue).sum();
      assertEquals(perRound, r3.historyRowsPruned());
      try (Connection c = target().connect()) {
        for (String table : SyncedRows.TABLES) {
          assertEquals(
              List.of(r2.snapshotAt(), r3.snapshotAt()),
              SyncedRows.snapshots(target(), c, table + "_history"),
              table);
        }
        assertEquals(2, SyncedRows.count(target(), c, "sync_rounds"));
      }
      assertEquals(Instant.parse("2025-03-01T00:00:00Z"), r1.snapshotAt());
    }
  }

  @Test
  void historyEveryAppendsOnlyTheFirstRoundOfEachPeriod() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    try (SimulatorFixture fixture = SimulatorFixture.start(20, 5)) {
      Sync sync =
          sync(fixture).history(true).historyEvery(Duration.ofHours(1)).clock(clock).build();
      List<Boolean> appended = new ArrayList<>();
      // 10:00 opens the 10 o'clock period, 10:20 and 10:59 are in it, 11:01 opens the next.
      for (Duration step :
          List.of(
              Duration.ZERO,
              Duration.ofMinutes(20),
              Duration.ofMinutes(39),
              Duration.ofMinutes(2))) {
        clock.advance(step);
        appended.add(sync.runOnce().historyAppended());
      }
      assertEquals(List.of(true, false, false, true), appended);
      try (Connection c = target().connect()) {
        assertEquals(
            List.of(Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T11:01:00Z")),
            SyncedRows.snapshots(target(), c, "notebooks_history"));
        assertEquals(4, SyncedRows.count(target(), c, "sync_rounds"));
      }
    }
  }

  @Test
  void readersSeeTheOldOrTheNewSnapshotNeverAMix() throws Exception {
    try (SimulatorFixture fixture = SimulatorFixture.start(60, 13)) {
      String pairSql =
          "SELECT (SELECT COUNT(*) FROM "
              + target().table("notebooks")
              + "), (SELECT COUNT(*) FROM "
              + target().table("endpoints")
              + ")";
      AtomicReference<List<Long>> lastCommitted = new AtomicReference<>(List.of(0L, 0L));
      AtomicReference<String> beforeCommit = new AtomicReference<>();
      Sync sync =
          sync(fixture)
              .beforeCommit(
                  () -> {
                    // Everything is written but not committed: another session must still see the
                    // previous round exactly (before the first, the empty tables it just created).
                    try (Connection c = target().connect()) {
                      List<Long> seen = pair(c, pairSql);
                      if (!seen.equals(lastCommitted.get())) {
                        beforeCommit.set(
                            "saw " + seen + " before commit, expected " + lastCommitted.get());
                      }
                      Thread.sleep(20); // widen the window for the free-running reader
                    } catch (SQLException | InterruptedException e) {
                      beforeCommit.set(e.toString());
                    }
                  })
              .build();
      Set<List<Long>> committed = new HashSet<>();
      lastCommitted.set(pairOf(sync.runOnce()));
      committed.add(lastCommitted.get());

      AtomicBoolean stop = new AtomicBoolean();
      List<List<Long>> observed = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicReference<Exception> readerFailure = new AtomicReference<>();
      Thread reader =
          new Thread(
              () -> {
                try (Connection c = target().connect()) {
                  while (!stop.get()) {
                    observed.add(pair(c, pairSql));
                    Thread.sleep(1); // leave the writer a core
                  }
                } catch (SQLException | InterruptedException e) {
                  readerFailure.set(e);
                }
              });
      reader.start();
      try {
        for (int round = 0; round < 4; round++) {
          fixture.simulator().addNotebooks(3); // every round commits other counts
          lastCommitted.set(pairOf(sync.runOnce()));
          committed.add(lastCommitted.get());
        }
      } finally {
        stop.set(true);
        reader.join();
      }
      assertEquals(null, readerFailure.get());
      assertEquals(null, beforeCommit.get());
      assertEquals(5, committed.size());
      Set<List<Long>> seen = new HashSet<>(observed);
      assertTrue(committed.containsAll(seen), "committed " + committed + ", seen " + seen);
      assertTrue(seen.size() >= 2, "the reader overlapped several rounds: " + seen);
    }
  }

  private static List<Long> pairOf(SyncReport report) {
    return List.of((long) report.rows().get("notebooks"), (long) report.rows().get("endpoints"));
  }

  private static List<Long> pair(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2));
    }
  }

  @Test
  void aRoundThatFailsMidwayLeavesThePreviousSnapshotComplete() throws Exception {
    try (SimulatorFixture fixture = SimulatorFixture.start(120, 17);
        Connection driver = fixture.connect()) {
      // No retries, so the injected fault fails the round instead of being outlasted.
      Sync sync = sync(fixture, "maxRetries=0").history(true).build();
      Map<String, List<String>> before = live(driver);
      fixture.resetLog();
      SyncReport first = sync.runOnce();
      int callsPerTable = fixture.listCalls().size() / SyncedRows.TABLES.size();

      fixture.simulator().addNotebooks(5);
      // The notebooks table reads fine; the first call for the next table fails.
      fixture.simulator().faults().setFailEvery(callsPerTable + 1);
      assertThrows(SQLException.class, sync::runOnce);
      fixture.simulator().faults().clear();
      assertCurrent(driver, before);

      // A failure on the write side, after every row is written, is rolled back as well.
      Sync failingAtCommit =
          sync(fixture)
              .history(true)
              .beforeCommit(
                  () -> {
                    throw new IllegalStateException("disk full, say");
                  })
              .build();
      assertThrows(IllegalStateException.class, failingAtCommit::runOnce);
      assertCurrent(driver, before);
      try (Connection c = target().connect()) {
        assertEquals(
            List.of(first.snapshotAt()), SyncedRows.snapshots(target(), c, "notebooks_history"));
        assertEquals(1, SyncedRows.count(target(), c, "sync_rounds"));
      }

      SyncReport recovered = sync.runOnce();
      assertEquals(before.get("notebooks").size() + 5, recovered.rows().get("notebooks"));
      assertCurrent(driver, live(driver));
    }
  }

  @Test
  void aSyncProcessKilledBeforeItsCommitLeavesThePreviousSnapshotComplete() throws Exception {
    try (SimulatorFixture fixture = SimulatorFixture.start(50, 29);
        Connection driver = fixture.connect()) {
      Map<String, List<String>> before = live(driver);
      Map<String, Instant> created = new LinkedHashMap<>();
      for (var notebook : fixture.simulator().dataset()) {
        created.put(
            notebook.get("id").asText(),
            Instant.ofEpochMilli(notebook.get("lease").get("create_at").asLong()));
      }
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  // A short-lived JVM: the quick-start settings the shell uses halve its start.
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  // Far from UTC: a sync that read the driver's UTC TIMESTAMPs in the JVM's zone
                  // would store every time 5:30 off.
                  "-Duser.timezone=Asia/Kolkata",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SyncUntilCommit.class.getName(),
                  fixture.url(),
                  target().url(),
                  target().properties().getProperty("user"),
                  target().properties().getProperty("password"))
              .redirectErrorStream(true)
              .start();
      java.io.BufferedReader output =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      try {
        // The child commits one round, then the test changes the data, then the child writes a
        // second round and waits before its commit.
        String read =
            awaitLine(output, SyncUntilCommit.FIRST_ROUND_COMMITTED, Duration.ofSeconds(90));
        assertTrue(read.endsWith(SyncUntilCommit.FIRST_ROUND_COMMITTED), read);
        fixture.simulator().addNotebooks(7);
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
        read = awaitLine(output, SyncUntilCommit.READY, Duration.ofSeconds(60));
        assertTrue(read.endsWith(SyncUntilCommit.READY), read);
        if (target().dialect() == TargetDialect.POSTGRESQL) {
          // A server target can be read meanwhile (an H2 file is locked by the process).
          assertCurrent(driver, before);
        }
      } finally {
        process.destroyForcibly(); // kill -9: no shutdown hook, no rollback by the client
        process.waitFor();
      }

      assertCurrent(driver, before);
      try (Connection c = target().connect()) {
        List<Instant> snapshots = SyncedRows.snapshots(target(), c, "notebooks_history");
        assertEquals(1, snapshots.size());
        assertSameRows(
            before.get("notebooks"),
            SyncedRows.history(driver, target(), c, "notebooks", snapshots.get(0)),
            "notebooks_history");
        assertEquals(1, SyncedRows.count(target(), c, "sync_rounds"));
        // The instants are the API's epoch milliseconds, compared without the driver.
        Map<String, Instant> stored = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT id, lease_create_at FROM " + target().table("notebooks"))) {
          while (rs.next()) {
            stored.put(rs.getString(1), SyncedRows.instant(rs, 2));
          }
        }
        assertEquals(created, stored);
      }
      // Nothing the dead process held (locks, a half-written file) stands in the next round's way.
      sync(fixture).history(true).build().runOnce();
      assertCurrent(driver, live(driver));
    }
  }

  /** Reads lines until one equals {@code line}; returns every line read, joined. */
  private static String awaitLine(java.io.BufferedReader output, String line, Duration timeout)
      throws Exception {
    return java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              StringBuilder all = new StringBuilder();
              try {
                for (String l = output.readLine(); l != null; l = output.readLine()) {
                  all.append(all.length() == 0 ? "" : "\n").append(l);
                  if (l.equals(line)) {
                    break;
                  }
                }
              } catch (java.io.IOException e) {
                all.append("\n").append(e);
              }
              return all.toString();
            })
        .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Test
  void throttlingServerErrorsAndResetsAreRetriedAndTheRoundIsComplete() throws Exception {
    SimulatorConfig config =
        SimulatorConfig.builder()
            .port(0)
            .notebooks(300)
            .seed(19)
            .throttleEvery(7)
            .retryAfterSeconds(0)
            .failEvery(11)
            .resetEvery(13)
            .build();
    try (SimulatorFixture fixture = SimulatorFixture.start(config)) {
      SyncReport report = sync(fixture).history(true).build().runOnce();
      long faulted =
          fixture.simulator().requestLog().stream()
              .filter(r -> r.isListCall() && r.status() != 200)
              .count();
      assertTrue(faulted >= 5, "faults were injected: " + faulted);
      fixture.simulator().faults().clear();
      try (Connection driver = fixture.connect()) {
        Map<String, List<String>> expected = live(driver);
        assertCurrent(driver, expected);
        assertEquals(expected.get("notebooks").size(), report.rows().get("notebooks"));
        assertEquals(300, expected.get("notebooks").size());
      }
    }
  }

  /** Tables and indexes of the schema, as names, for comparing before and after. */
  private List<String> schemaObjects() throws SQLException {
    List<String> out = new ArrayList<>();
    String schema = target().dialect().metadataName(Sync.DEFAULT_SCHEMA);
    try (Connection c = target().connect()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, schema, null, new String[] {"TABLE"})) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          out.add(table.toLowerCase());
          indexes(md, schema, table.toLowerCase())
              .forEach(i -> out.add(table.toLowerCase() + " " + i));
        }
      }
    }
    out.sort(null);
    return out;
  }

  private List<String> primaryKey(DatabaseMetaData md, String schema, String table)
      throws SQLException {
    Map<Integer, String> columns = new java.util.TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schema, target().dialect().metadataName(table))) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase());
      }
    }
    return new ArrayList<>(columns.values());
  }

  private List<String> foreignKeys(DatabaseMetaData md, String schema, String table)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getImportedKeys(null, schema, target().dialect().metadataName(table))) {
      while (rs.next()) {
        out.add(
            (rs.getString("FKCOLUMN_NAME")
                    + "->"
                    + rs.getString("PKTABLE_NAME")
                    + "."
                    + rs.getString("PKCOLUMN_NAME"))
                .toLowerCase());
      }
    }
    return out;
  }

  /** Each index of the table as its column list, primary key included. */
  private List<List<String>> indexes(DatabaseMetaData md, String schema, String table)
      throws SQLException {
    Map<String, Map<Integer, String>> byName = new LinkedHashMap<>();
    try (ResultSet rs =
        md.getIndexInfo(null, schema, target().dialect().metadataName(table), false, false)) {
      while (rs.next()) {
        if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME") != null) {
          byName
              .computeIfAbsent(rs.getString("INDEX_NAME"), k -> new java.util.TreeMap<>())
              .put(
                  (int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase());
        }
      }
    }
    List<List<String>> out = new ArrayList<>();
    byName.values().forEach(cols -> out.add(new ArrayList<>(cols.values())));
    return out;
  }
}
