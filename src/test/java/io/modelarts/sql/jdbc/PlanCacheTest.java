package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-connection plan cache: a SQL text run again on a fresh statement is not parsed again (the
 * {@link Hook#PARSE_TREE} hook, which fires once per parse, counts), yet gives the same rows from
 * the same API calls made again; texts, maxRows and connections keep their own plans; one plan
 * serves statements running at once.
 */
class PlanCacheTest {
  private static final String RUNNING =
      "SELECT id, name, status FROM notebooks WHERE feature = 'NOTEBOOK' AND status = 'RUNNING'";
  private static final String STOPPED =
      "SELECT id, name, status FROM notebooks WHERE feature = 'NOTEBOOK' AND status = 'STOPPED'";

  private static SimulatorFixture sim;
  private final Map<String, AtomicInteger> parses = new ConcurrentHashMap<>();
  private Hook.Closeable parseHook;
  private Connection connection;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(263, 29L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void open() throws Exception {
    // Global, not per thread, to see the parses of the threads below; keyed by text, so that
    // nothing else parsing at the same time can count.
    parseHook =
        Hook.PARSE_TREE.add(
            (Object[] args) ->
                parses
                    .computeIfAbsent((String) args[0], k -> new AtomicInteger())
                    .incrementAndGet());
    connection = sim.connect();
    sim.resetLog();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    parseHook.close();
  }

  private int parsesOf(String sql) {
    AtomicInteger n = parses.get(sql);
    return n == null ? 0 : n.get();
  }

  private static List<String> rows(Connection c, String sql, int maxRows) throws Exception {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(maxRows);
      try (ResultSet rs = s.executeQuery(sql)) {
        return SimulatorFixture.render(rs);
      }
    }
  }

  @Test
  void repeatedTextOnFreshStatementsIsPlannedOnceAndCallsTheApiEveryTime() throws Exception {
    List<String> first = SimulatorFixture.rows(connection, RUNNING);
    int callsPerRun = sim.listCalls().size();
    assertTrue(callsPerRun > 0);
    assertFalse(first.isEmpty());
    for (int run = 2; run <= 3; run++) {
      assertEquals(first, SimulatorFixture.rows(connection, RUNNING));
      assertEquals(run * callsPerRun, sim.listCalls().size(), "calls after run " + run);
    }
    assertEquals(1, parsesOf(RUNNING));
  }

  @Test
  void aCachedPlanSeesTheDataOfItsRun() throws Exception {
    String sql = "SELECT COUNT(*) FROM notebooks";
    List<String> before = SimulatorFixture.rows(connection, sql);
    List<String> added = sim.simulator().addNotebooks(2);
    try {
      List<String> after = SimulatorFixture.rows(connection, sql);
      assertEquals(
          Long.parseLong(before.get(0)) + 2, Long.parseLong(after.get(0)), before + " " + after);
      assertEquals(1, parsesOf(sql));
    } finally {
      added.forEach(sim.simulator()::removeNotebook);
    }
  }

  @Test
  void withTheCacheOffEveryRunIsPlanned() throws Exception {
    try (Connection off = sim.connect("planCacheSize=0")) {
      for (int run = 0; run < 3; run++) {
        SimulatorFixture.rows(off, RUNNING);
      }
    }
    assertEquals(3, parsesOf(RUNNING));
  }

  @Test
  void eachConnectionHasItsOwnPlans() throws Exception {
    try (Connection other = sim.connect()) {
      assertEquals(
          SimulatorFixture.rows(connection, RUNNING), SimulatorFixture.rows(other, RUNNING));
      SimulatorFixture.rows(other, RUNNING);
    }
    SimulatorFixture.rows(connection, RUNNING);
    assertEquals(2, parsesOf(RUNNING));
  }

  @Test
  void textsAndMaxRowsKeepTheirOwnPlans() throws Exception {
    List<String> running = rows(connection, RUNNING, 0);
    List<String> stopped = rows(connection, STOPPED, 0);
    assertNotEquals(running, stopped);
    assertTrue(running.size() > 3 && stopped.size() > 3, running.size() + " " + stopped.size());
    assertTrue(running.stream().allMatch(r -> r.endsWith("|RUNNING")));
    assertTrue(stopped.stream().allMatch(r -> r.endsWith("|STOPPED")));

    assertEquals(running.subList(0, 2), rows(connection, RUNNING, 2));
    assertEquals(running.subList(0, 3), rows(connection, RUNNING, 3));
    assertEquals(running, rows(connection, RUNNING, 0));
    assertEquals(running.subList(0, 2), rows(connection, RUNNING, 2));
    assertEquals(stopped, rows(connection, STOPPED, 0));
    assertEquals(3, parsesOf(RUNNING), "no limit, 2 and 3: one plan each");
    assertEquals(1, parsesOf(STOPPED));

    // The limit is planned into the call, so the cached plan with a limit asks for few rows.
    sim.resetLog();
    rows(connection, RUNNING, 2);
    assertEquals(1, sim.listCalls().size());
    assertEquals("10", sim.listCalls().get(0).singleParameters().get("limit"));
  }

  @Test
  void freshPreparedStatementsShareThePlanAndTheirParameters() throws Exception {
    String byStatus =
        "SELECT id, name, status FROM notebooks WHERE feature = 'NOTEBOOK' AND status = ?";
    for (String status : List.of("RUNNING", "STOPPED", "RUNNING")) {
      try (PreparedStatement p = connection.prepareStatement(byStatus)) {
        p.setString(1, status);
        try (ResultSet rs = p.executeQuery()) {
          assertEquals(
              rows(connection, status.equals("RUNNING") ? RUNNING : STOPPED, 0),
              SimulatorFixture.render(rs));
        }
      }
    }
    assertEquals(1, parsesOf(byStatus));
    try (PreparedStatement p = connection.prepareStatement(RUNNING)) {
      try (ResultSet rs = p.executeQuery()) {
        assertEquals(rows(connection, RUNNING, 0), SimulatorFixture.render(rs));
      }
    }
    assertEquals(1, parsesOf(RUNNING), "a plain statement and a prepared one share the plan");
  }

  @Test
  void failuresAreNotRemembered() throws Exception {
    String bad = "SELECT no_such_column FROM notebooks";
    for (int run = 0; run < 2; run++) {
      try (Statement s = connection.createStatement()) {
        assertTrue(
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class, () -> s.executeQuery(bad))
                .getMessage()
                .contains("no_such_column"));
      }
    }
    assertEquals(2, parsesOf(bad));
  }

  @Test
  void twoStatementsReadTheSameCachedPlanInTurns() throws Exception {
    // A join whose scans share pages through a memo per run: the runs must not share it.
    String join =
        "SELECT n.id, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
            + " WHERE n.feature = 'NOTEBOOK' ORDER BY n.id, e.dev_service";
    List<String> expected = SimulatorFixture.rows(connection, join);
    assertTrue(expected.size() > 10, expected.toString());
    for (String sql : List.of(join, RUNNING)) {
      List<String> alone = SimulatorFixture.rows(connection, sql);
      try (Statement a = connection.createStatement();
          Statement b = connection.createStatement();
          ResultSet ra = a.executeQuery(sql);
          ResultSet rb = b.executeQuery(sql)) {
        List<String> rowsA = new ArrayList<>();
        List<String> rowsB = new ArrayList<>();
        int columns = ra.getMetaData().getColumnCount();
        boolean moreA = true;
        boolean moreB = true;
        while (moreA || moreB) {
          moreA = moreA && ra.next();
          if (moreA) {
            rowsA.add(row(ra, columns));
          }
          moreB = moreB && rb.next();
          if (moreB) {
            rowsB.add(row(rb, columns));
          }
        }
        assertEquals(alone, rowsA);
        assertEquals(alone, rowsB);
      }
      assertEquals(1, parsesOf(sql));
    }
    assertEquals(expected, SimulatorFixture.rows(connection, join));
  }

  @Test
  void threadsRunTheSameCachedPlanAtOnce() throws Exception {
    List<String> expected = SimulatorFixture.rows(connection, RUNNING);
    int threads = 4;
    // Statements are made and closed here: Calcite's statement registry is not for threads.
    List<Statement> statements = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      statements.add(connection.createStatement());
    }
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<List<String>>>> results = new ArrayList<>();
      for (Statement statement : statements) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<List<String>> mine = new ArrayList<>();
                  for (int run = 0; run < 5; run++) {
                    try (ResultSet rs = statement.executeQuery(RUNNING)) {
                      mine.add(SimulatorFixture.render(rs));
                    }
                  }
                  return mine;
                }));
      }
      for (Future<List<List<String>>> f : results) {
        for (List<String> rows : f.get(60, TimeUnit.SECONDS)) {
          assertEquals(expected, rows);
        }
      }
    } finally {
      pool.shutdownNow();
      for (Statement statement : statements) {
        statement.close();
      }
    }
    assertEquals(1, parsesOf(RUNNING));
  }

  private static String row(ResultSet rs, int columns) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      sb.append(i > 1 ? "|" : "").append(rs.getObject(i));
    }
    return sb.toString();
  }
}
