package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.calcite.HoistedLiteralsCalc;
import io.modelarts.sql.testing.QueryGenerator;
import io.modelarts.sql.testing.QueryGenerator.GeneratedQuery;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparison literals hoisted into hidden parameters: queries that differ only in them compile to
 * one class, and every answer is the one Calcite gives with the literals in place. Every plan here
 * is compiled ({@link InterpretingPrepare#compilingAll}): the interpreter would run many of them
 * without compiling anything.
 */
class LiteralHoistingTest {
  private static SimulatorFixture sim;

  /** Literal comparisons where a parameter could compare differently if its type were wrong. */
  static final List<String> EDGE_CASES =
      List.of(
          "SELECT id FROM notebooks WHERE status = 'RUNNING'",
          "SELECT id FROM notebooks WHERE status = 'RUNNING '",
          "SELECT id FROM notebooks WHERE status = 'running'",
          "SELECT id FROM notebooks WHERE status <> 'RUNNING' AND status > 'D'",
          "SELECT id FROM notebooks WHERE name = ''",
          "SELECT id FROM notebooks WHERE name <> '' AND name < 'm'",
          "SELECT id FROM notebooks WHERE name LIKE 'a%'",
          "SELECT id FROM notebooks WHERE name LIKE '%\\_%' ESCAPE '\\'",
          "SELECT id FROM notebooks WHERE name LIKE '_%_'",
          "SELECT id FROM notebooks WHERE description = 'x' OR name >= 'z'",
          "SELECT id FROM notebooks WHERE volume_capacity > 5",
          "SELECT id FROM notebooks WHERE volume_capacity >= 2147483647",
          "SELECT id FROM notebooks WHERE lease_duration > 3600000",
          "SELECT id FROM notebooks WHERE lease_duration < 9000000000",
          "SELECT id FROM notebooks WHERE lease_duration <> -1 AND volume_capacity <= 100",
          "SELECT id FROM notebooks WHERE volume_capacity > 4.5",
          "SELECT id FROM notebooks WHERE volume_capacity BETWEEN 5 AND 50.25",
          "SELECT id, CASE WHEN status = 'RUNNING' THEN 'up' ELSE 'down' END FROM notebooks",
          "SELECT status, COUNT(*) FROM notebooks WHERE name > 'b' GROUP BY status",
          "SELECT n.id, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " WHERE e.dev_service = 'SSH' AND n.name LIKE '%a%'",
          "SELECT notebook_id FROM action_progress WHERE step > 1 AND status = 'RUNNING'",
          // IN lists and ranges: Calcite folds them into a search, expanded before hoisting.
          "SELECT id FROM notebooks WHERE status IN ('RUNNING', 'STOPPED')",
          "SELECT id FROM notebooks WHERE status IN ('RUNNING', 'STOPPED', 'ERROR', 'running')",
          "SELECT id FROM notebooks WHERE status IN ('RUNNING ', 'STOP')",
          "SELECT id FROM notebooks WHERE status NOT IN ('RUNNING', 'STOPPED')",
          "SELECT id FROM notebooks WHERE status IN ('RUNNING', 'STOPPED') OR description IS NULL",
          "SELECT id FROM notebooks WHERE description IN ('', 'x') OR description IS NULL",
          "SELECT id FROM notebooks WHERE volume_capacity IN (5, 50) AND lease_duration > 0",
          "SELECT id FROM notebooks WHERE volume_capacity NOT IN (5, 50)",
          "SELECT id FROM notebooks WHERE volume_capacity NOT BETWEEN 5 AND 50",
          "SELECT id FROM notebooks WHERE name > 'a' AND name < 'm' AND name <> 'k'",
          "SELECT id, status IN ('RUNNING', 'STOPPED') FROM notebooks",
          "SELECT id FROM notebooks WHERE status IN ('RUNNING', NULL)",
          "SELECT id FROM notebooks WHERE status NOT IN ('RUNNING', NULL)",
          "SELECT id FROM notebooks WHERE name BETWEEN 'a' AND 'm' OR name IN ('x', 'y')",
          "SELECT id FROM notebooks WHERE status IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I',"
              + " 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'RUNNING', 'STOPPED')",
          "SELECT id, CASE status WHEN 'RUNNING' THEN 'up' WHEN 'STOPPED' THEN 'down' END"
              + " FROM notebooks",
          "SELECT id, CASE WHEN status IN ('RUNNING', 'CREATING') THEN 1 ELSE 0 END FROM notebooks",
          // Literals returned as columns, with their own types.
          "SELECT id, 'tag' AS tag, 'a' AS single, '' AS blank FROM notebooks WHERE status = 'RUNNING'",
          "SELECT id, 42 AS answer, 9000000000 AS big, 1.50 AS price FROM notebooks",
          "SELECT id, DATE '2024-02-29' AS d, TIMESTAMP '2024-02-29 12:34:56.789' AS t"
              + " FROM notebooks",
          "SELECT id, CAST(NULL AS VARCHAR) AS nothing, TRUE AS yes FROM notebooks",
          "SELECT 'x' AS tag, COUNT(*) FROM notebooks GROUP BY status",
          // Characters beyond the Basic Multilingual Plane: such literals stay in place, since the
          // compiled code cut a parameter to its type's length in UTF-16 units ('%🚀%' to '%🚀').
          "SELECT id FROM notebooks WHERE description LIKE '%\uD83D\uDE80%'",
          "SELECT id, '\uD83D\uDE80x' AS tag FROM notebooks WHERE description LIKE"
              + " '_%\uD83E\uDDEA%' OR name = '\u6a21\uD83D\uDE80'",
          // A merge union over a projection of a sorted limit, which refuses to be rebuilt: the
          // plan compiles with its literals in place (found by ReportQueryGenerator).
          "SELECT lease_update_at FROM notebooks WHERE status IS NULL UNION ALL SELECT"
              + " CAST(CAST(lease_create_at AS DATE) AS TIMESTAMP) FROM notebooks WHERE owner = 'x'"
              + " ORDER BY 1 LIMIT 5");

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(300, 41L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void queriesDifferingOnlyInComparedLiteralsCompileToOneClass() throws Exception {
    List<String> sources =
        javaSources(
            "SELECT id FROM notebooks WHERE name = 'alpha' AND volume_capacity > 5"
                + " AND lease_create_at < TIMESTAMP '2024-06-01'",
            "SELECT id FROM notebooks WHERE name = 'omega' AND volume_capacity > 7"
                + " AND lease_create_at < TIMESTAMP '2025-02-03 04:05:06'");
    assertEquals(sources.get(0), sources.get(1));
    assertTrue(sources.get(0).contains("\"?" + HoistedLiteralsCalc.FIRST_INDEX + "\""));
    assertFalse(sources.get(0).contains("alpha"));
  }

  @Test
  void queriesDifferingOnlyInListedOrReturnedLiteralsCompileToOneClass() throws Exception {
    List<String> sources =
        javaSources(
            "SELECT id, 'x' AS tag FROM notebooks"
                + " WHERE name IN ('alpha', 'beta') AND volume_capacity NOT IN (1, 5)",
            "SELECT id, 'y' AS tag FROM notebooks"
                + " WHERE name IN ('omega', 'psi') AND volume_capacity NOT IN (1, 7)");
    assertEquals(sources.get(0), sources.get(1));
    assertFalse(sources.get(0).contains("alpha"));
  }

  /** The Java source Calcite generated for each query, run in order on one connection. */
  private static List<String> javaSources(String... queries) throws Exception {
    List<String> sources = new ArrayList<>();
    try (Connection c = sim.connect();
        Hook.Closeable hook = Hook.JAVA_PLAN.addThread((Consumer<String>) sources::add)) {
      for (String sql : queries) {
        compiled(() -> SimulatorFixture.rows(c, sql));
      }
    }
    assertEquals(queries.length, sources.size(), "one compiled plan per query");
    return sources;
  }

  @Test
  void withTheLiteralsInPlaceTheSourcesDifferAndShowThem() throws Exception {
    List<String> sources = new ArrayList<>();
    try (Connection c = sim.connect();
        Hook.Closeable hook = Hook.JAVA_PLAN.addThread((Consumer<String>) sources::add)) {
      plain(c, "SELECT id FROM notebooks WHERE name = 'alpha'");
    }
    assertTrue(sources.get(0).contains("alpha"), "the test's switch must turn hoisting off");
  }

  @Test
  void answersAreCalcitesWithTheLiteralsInPlace() throws Exception {
    List<String> queries = new ArrayList<>(EDGE_CASES);
    // Times inside the data's range, so that each comparison keeps some rows and drops others.
    long[] created =
        sim.simulator().dataset().stream()
            .mapToLong(n -> n.path("lease").path("create_at").asLong())
            .filter(t -> t > 0)
            .sorted()
            .toArray();
    String median = timestamp(created[created.length / 2]);
    String quartile = timestamp(created[created.length / 4] + 125);
    queries.addAll(
        List.of(
            "SELECT id FROM notebooks WHERE lease_create_at >= TIMESTAMP '" + median + "'",
            "SELECT id FROM notebooks WHERE lease_create_at < TIMESTAMP '" + quartile + "'",
            "SELECT id FROM notebooks WHERE lease_update_at > TIMESTAMP '"
                + quartile
                + "' AND lease_create_at <= TIMESTAMP '"
                + median
                + "'",
            "SELECT id FROM notebooks WHERE CAST(lease_create_at AS DATE) >= DATE '"
                + median.substring(0, 10)
                + "'",
            "SELECT id FROM notebooks WHERE CAST(lease_create_at AS DATE) <> DATE '"
                + median.substring(0, 10)
                + "'"));
    QueryGenerator generator = new QueryGenerator(new Random(41L), sim.simulator().dataset());
    List<GeneratedQuery> generated = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      generated.add(generator.next());
    }
    // Plan caches off: each side plans every text itself.
    try (Connection c = sim.connect("planCacheSize=0", "pageConcurrency=1")) {
      for (String sql : queries) {
        assertEquals(sorted(plain(c, sql)), sorted(hoisted(c, sql)), sql);
      }
      for (GeneratedQuery q : generated) {
        List<String> expected = plain(c, q.sql());
        List<String> actual = hoisted(c, q.sql());
        if (q.limitWithoutOrder() >= 0 || q.sqlWithoutLimit() != null) {
          // Any rows of the full answer are right: compare sizes, and membership in the full one.
          assertEquals(expected.size(), actual.size(), q.sql());
          String full = q.sqlWithoutLimit() == null ? q.sql() : q.sqlWithoutLimit();
          assertTrue(plain(c, full).containsAll(actual), q.sql());
        } else if (q.ordered()) {
          assertEquals(expected, actual, q.sql());
        } else {
          assertEquals(sorted(expected), sorted(actual), q.sql());
        }
      }
    }
  }

  /** {@code millis} as a SQL timestamp literal's text, in UTC, with milliseconds. */
  private static String timestamp(long millis) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .withZone(java.time.ZoneOffset.UTC)
        .format(java.time.Instant.ofEpochMilli(millis));
  }

  /** The rows of the compiled plan with its literals in place, as Calcite runs it. */
  private static List<String> plain(Connection c, String sql) throws Exception {
    return compiled(
        () -> LiteralHoistingPrepare.withoutHoisting(() -> SimulatorFixture.rows(c, sql)));
  }

  /** The rows of the compiled plan with its literals hoisted. */
  private static List<String> hoisted(Connection c, String sql) throws Exception {
    return compiled(() -> SimulatorFixture.rows(c, sql));
  }

  private static <T> T compiled(java.util.concurrent.Callable<T> action) throws Exception {
    return InterpretingPrepare.compilingAll(action);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    Collections.sort(copy);
    return copy;
  }
}
