package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code PERCENTILE_CONT} and {@code PERCENTILE_DISC … WITHIN GROUP (ORDER BY …)} answer as SQL
 * says ({@link io.modelarts.sql.calcite.Percentiles}), where Calcite 1.42 could not plan them at
 * all. The expected rows are PostgreSQL 15's answers to the same queries (its values printed as the
 * driver prints them), which {@code PostgresAnswersTest} also compares at random.
 */
class PercentilesTest {
  /**
   * Ten rows in three groups: {@code a} with a NULL key, {@code b} with only one, {@code c} with a
   * tie; an integer, a date and a decimal to order by.
   */
  private static final String ROWS =
      "(VALUES ('a', 4, DATE '2024-01-03', 1.50), ('a', 1, DATE '2024-01-01', 2.25),"
          + " ('a', 9, DATE '2024-01-02', 0.75), ('a', CAST(NULL AS INTEGER), DATE '2024-01-05',"
          + " 3.00), ('b', CAST(NULL AS INTEGER), DATE '2024-02-01', 1.00), ('c', 2, DATE"
          + " '2024-03-01', 5.00), ('c', 7, DATE '2024-03-04', 1.25), ('c', 7, DATE '2024-03-02',"
          + " 2.50), ('c', 3, DATE '2024-03-03', 4.75), ('c', 10, DATE '2024-03-05', 0.50)) AS t(k,"
          + " x, d, m)";

  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(300, 47L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /**
   * Both functions over integers, dates and decimals, ascending and descending, at the ends (0 and
   * 1), with a {@code FILTER} (which Calcite's own validator failed on), over a group whose keys
   * are all NULL and over no rows at all (NULL: the driver types them nullable, where Calcite typed
   * them as their key and a NULL failed the query).
   */
  @Test
  void percentilesOfGroupsAreSqls() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of(
              "a|4|4.0|4|6.5|2024-01-03|1.875|2.25|1|9|6.5",
              "b|1|null|null|null|2024-02-01|1.0|1.00|null|null|null",
              "c|5|7.0|7|7.0|2024-03-04|2.5|4.75|2|10|7.0"),
          SimulatorFixture.rows(
              c,
              "SELECT k, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x),"
                  + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x),"
                  + " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY x DESC),"
                  + " PERCENTILE_DISC(0.75) WITHIN GROUP (ORDER BY d),"
                  + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY m),"
                  + " PERCENTILE_DISC(0.4) WITHIN GROUP (ORDER BY m DESC),"
                  + " PERCENTILE_DISC(0) WITHIN GROUP (ORDER BY x),"
                  + " PERCENTILE_DISC(1) WITHIN GROUP (ORDER BY x),"
                  + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x) FILTER (WHERE x > 3)"
                  + " FROM "
                  + ROWS
                  + " GROUP BY k ORDER BY k"));
      assertEquals(
          List.of("null|null|0"),
          SimulatorFixture.rows(
              c,
              "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x),"
                  + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY d), COUNT(*) FROM "
                  + ROWS
                  + " WHERE k = 'z'"));
      ResultSetMetaData md =
          c.createStatement()
              .executeQuery(
                  "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY volume_capacity),"
                      + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY volume_capacity),"
                      + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY lease_create_at) FROM notebooks")
              .getMetaData();
      assertEquals(
          List.of("DOUBLE", "INTEGER", "TIMESTAMP"),
          List.of(md.getColumnTypeName(1), md.getColumnTypeName(2), md.getColumnTypeName(3)));
      for (int i = 1; i <= 3; i++) {
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(i), "column " + i);
      }
    }
  }

  /**
   * Percentiles beside a rollup and a {@code COUNT(DISTINCT …)} (which the planner splits into
   * several aggregates), in a rollup's grand total over no rows, in {@code HAVING} and {@code ORDER
   * BY}, and in a correlated sub-query. The positions come exactly from the fraction as written:
   * {@code PERCENTILE_CONT(0.9)} of 0.75, 1.5, 2.25 and 3.00 is 2.775, where PostgreSQL's {@code
   * double} arithmetic gives 2.7750000000000004.
   */
  @Test
  void percentilesBesideOtherClausesAreSqls() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("a|4|2.775|3", "b|null|1.0|0", "c|7|4.9|4", "null|4|4.775|7"),
          SimulatorFixture.rows(
              c,
              "SELECT k, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x),"
                  + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY m), COUNT(DISTINCT x) FROM "
                  + ROWS
                  + " GROUP BY ROLLUP(k) ORDER BY k NULLS LAST"));
      // A rollup's grand total over no rows is one row, percentiles NULL (GrandTotalRow).
      assertEquals(
          List.of("null|0|null|null"),
          SimulatorFixture.rows(
              c,
              "SELECT k, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x),"
                  + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY d) FROM "
                  + ROWS
                  + " WHERE k = 'z' GROUP BY ROLLUP(k)"));
      assertEquals(
          List.of("c", "a"),
          SimulatorFixture.rows(
              c,
              "SELECT k FROM "
                  + ROWS
                  + " GROUP BY k HAVING PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x) > 3"
                  + " ORDER BY PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY m) DESC"));
      assertEquals(
          List.of("a|5", "b|7"),
          SimulatorFixture.rows(
              c,
              "SELECT k, (SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY y)"
                  + " FROM (VALUES (1), (5), (7)) AS u(y) WHERE y >= x)"
                  + " FROM (VALUES ('a', 1), ('b', 6)) AS t(k, x) ORDER BY k"));
    }
  }

  /**
   * The median and the 90th percentile of each status's lease durations, with the status pushed
   * down, are the ones computed here from the simulator's data: {@code PERCENTILE_CONT}
   * interpolating at position 0.5·(n − 1), {@code PERCENTILE_DISC} the ⌈0.9·n⌉-th.
   */
  @Test
  void mediansOfTheNotebooksAreTheDatas() throws Exception {
    Map<String, List<Long>> leases = new TreeMap<>();
    for (JsonNode notebook : sim.simulator().dataset()) {
      JsonNode duration = notebook.path("lease").path("duration");
      List<Long> list =
          leases.computeIfAbsent(notebook.path("status").asText(), s -> new ArrayList<>());
      if (duration.isNumber()) {
        list.add(duration.asLong());
      }
    }
    List<String> expected = new ArrayList<>();
    leases.forEach(
        (status, list) -> {
          List<Long> sorted = list.stream().sorted().toList();
          double position = 0.5 * (sorted.size() - 1);
          int lower = (int) Math.floor(position);
          double median =
              sorted.get(lower)
                  + (sorted.get((int) Math.ceil(position)) - sorted.get(lower))
                      * (position - lower);
          long p90 = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
          if (status.equals("RUNNING") || status.equals("STOPPED")) {
            expected.add(status + "|" + sorted.size() + "|" + median + "|" + p90);
          }
        });
    assertEquals(2, expected.size(), leases.keySet().toString());
    try (Connection c = sim.connect()) {
      assertEquals(
          expected,
          SimulatorFixture.rows(
              c,
              "SELECT status, COUNT(lease_duration),"
                  + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY lease_duration),"
                  + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY lease_duration)"
                  + " FROM notebooks WHERE status IN ('RUNNING', 'STOPPED')"
                  + " GROUP BY status ORDER BY status"));
    }
  }

  /**
   * What SQL and PostgreSQL refuse fails with a message that names it: a continuous percentile of
   * what is not a number, a fraction outside 0 to 1, a percentile as a window function. A discrete
   * percentile of strings, which PostgreSQL answers, Calcite's validator refuses too.
   */
  @Test
  void percentilesSqlRefusesFailClearly() throws Exception {
    try (Connection c = sim.connect()) {
      for (String[] refused :
          new String[][] {
            {
              "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY lease_create_at)",
              "Invalid type 'TIMESTAMP'"
            },
            {"PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY status)", "Invalid type 'VARCHAR'"},
            {"PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY status)", "Invalid type 'VARCHAR'"},
            {"PERCENTILE_CONT(1.5) WITHIN GROUP (ORDER BY volume_capacity)", "between 0 and 1"},
            {
              "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY volume_capacity) OVER ()",
              "OVER must be applied to aggregate function"
            }
          }) {
        String sql = "SELECT " + refused[0] + " FROM notebooks";
        SQLException e = assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, sql), sql);
        assertEquals("42000", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains(refused[1]), sql + ": " + e.getMessage());
      }
    }
  }
}
