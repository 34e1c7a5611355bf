package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An expression that fails on a value fails the statement with the SQL standard's data exception
 * and words that say what went wrong, wherever it fails: while the planner reduces constants, when
 * the statement runs, or while the rows are read.
 */
class ExpressionErrorsTest {
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(40, 3L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void failingExpressionsGiveTheirDataExceptionsSqlState() throws Exception {
    // query, SQLState, words of the message
    String[][] cases = {
      {"SELECT 1/0", "22012", "Division by zero"},
      {"SELECT MOD(1, 0)", "22012", "Division by zero"},
      {
        "SELECT CAST(volume_capacity AS DECIMAL(5, 1)) / 0.0 FROM notebooks",
        "22012",
        "Division by zero"
      },
      {"SELECT 0.0 / 0.0", "22012", "Division by zero"},
      {"SELECT volume_capacity / 0 FROM notebooks", "22012", "Division by zero"},
      // Of DOUBLEs (ApproximateArithmetic), where Java gives Infinity and NaN: a constant and
      // rows..
      {"SELECT 1e0 / 0", "22012", "Division by zero"},
      {"SELECT CAST(volume_capacity AS DOUBLE) / 0 FROM notebooks", "22012", "Division by zero"},
      {"SELECT 0e0 / (volume_capacity - volume_capacity) FROM notebooks", "22012", "by zero"},
      // PostgreSQL's errors for POWER, SQRT and EXP of DOUBLEs, where Java gives NaN or Infinity.
      {"SELECT SQRT(-1e0)", "2201F", "cannot take square root of a negative number"},
      {"SELECT SQRT(volume_capacity - 1000) FROM notebooks", "2201F", "square root"},
      {"SELECT POWER(0e0, -1)", "2201F", "zero raised to a negative power is undefined"},
      {"SELECT POWER(-8e0, 0.25) FROM notebooks", "2201F", "non-integer power"},
      {"SELECT EXP(volume_capacity) FROM notebooks", "22003", "Numeric value out of range"},
      {"SELECT POWER(10e0, 400)", "22003", "Numeric value out of range"},
      {"SELECT CAST('x' AS INTEGER)", "22018", "Invalid character value for cast"},
      {"SELECT CAST(name AS INTEGER) FROM notebooks", "22018", "Invalid character value for cast"},
      {
        "SELECT id FROM notebooks WHERE CAST(name AS DOUBLE) > 1",
        "22018",
        "Invalid character value for cast"
      },
      {"SELECT CAST(2147483648 AS INTEGER)", "22003", "Numeric value out of range"},
      {"SELECT CAST(name AS DATE) FROM notebooks", "22007", "Invalid datetime format"},
      {"SELECT SUBSTRING(name, 1, -2) FROM notebooks", "22011", "Substring error"},
      // A constant's (computed once, where its failure had no message: HY000 "null") and a row's.
      {"SELECT LN(0)", "2201E", "Invalid argument for logarithm"},
      {"SELECT LOG10(volume_capacity - 1000000) FROM notebooks", "2201E", "zero or negative"},
    };
    try (Connection c = sim.connect()) {
      for (String[] each : cases) {
        SQLException e =
            assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, each[0]), each[0]);
        assertEquals(each[1], e.getSQLState(), each[0] + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(each[2]), each[0] + ": " + e.getMessage());
      }
      // The connection goes on working.
      assertEquals(List.of("1"), SimulatorFixture.rows(c, "SELECT 1"));
    }
  }

  /**
   * A filter's or a join's condition that may fail runs only on the rows the conditions before it
   * let through ({@link io.modelarts.sql.calcite.planner.StandardProgram#guardedConjuncts}), as
   * PostgreSQL's {@code AND} runs: each of these failed with "Division by zero" or an invalid cast.
   * Written first, the same condition still fails.
   */
  @Test
  void conditionsGuardedByTheOnesBeforeThemDoNotFail() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          SimulatorFixture.rows(
              c, "SELECT COUNT(*) FROM notebooks WHERE 40 / NULLIF(volume_capacity - 50, 0) > 1"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks WHERE volume_capacity <> 50"
                  + " AND 40 / (volume_capacity - 50) > 1"));
      // Behind a sub-query too, guarded by the conditions that are none.
      assertEquals(
          List.of("0"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks n WHERE n.id IN (SELECT notebook_id FROM endpoints)"
                  + " AND n.volume_capacity < 0"
                  + " AND 1 / (n.volume_capacity - n.volume_capacity) > 0"));
      assertEquals(
          List.of("0"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks WHERE volume_capacity < 0"
                  + " AND 1 / (volume_capacity - volume_capacity) > 0"));
      assertEquals(
          List.of("0"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks WHERE CHAR_LENGTH(name) > 1000"
                  + " AND CAST(name AS INTEGER) > 0"));
      assertEquals(
          SimulatorFixture.rows(
              c,
              "SELECT status FROM notebooks GROUP BY status"
                  + " HAVING 100 / NULLIF(COUNT(*) - 1, 0) > 10 ORDER BY status"),
          SimulatorFixture.rows(
              c,
              "SELECT status FROM notebooks GROUP BY status"
                  + " HAVING COUNT(*) <> 1 AND 100 / (COUNT(*) - 1) > 10 ORDER BY status"));
      // A join's ON condition, inner and outer.
      assertEquals(
          List.of("0"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks a JOIN notebooks b ON a.id = b.id"
                  + " AND a.volume_capacity < 0"
                  + " AND 1 / (a.volume_capacity - a.volume_capacity) > 0"));
      assertEquals(
          SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks a LEFT JOIN notebooks b ON a.id = b.id"
                  + " AND a.volume_capacity < 0"
                  + " AND 1 / (a.volume_capacity - a.volume_capacity) > 0 WHERE b.id IS NULL"));
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  SimulatorFixture.rows(
                      c,
                      "SELECT COUNT(*) FROM notebooks WHERE 1 / (volume_capacity -"
                          + " volume_capacity) > 0 AND volume_capacity < 0"));
      assertEquals("22012", e.getSQLState(), e.getMessage());
    }
  }

  /**
   * An operand of an {@code AND} or {@code OR} that may fail runs only where the operands before it
   * leave the answer open ({@link
   * io.modelarts.sql.calcite.planner.StandardProgram#guardedConjuncts}), anywhere: in a select
   * list, a {@code CASE} condition, a {@code FILTER}, an {@code OR} in a {@code WHERE}. Each of
   * these failed with "Division by zero"; the rows are PostgreSQL 15's, NULLs included
   * (three-valued logic), and the conditional count over notebooks is the same as one written with
   * {@code NULLIF}.
   */
  @Test
  void logicalOperandsRunOnlyWhereTheOnesBeforeLeaveTheAnswerOpen() throws Exception {
    String rows =
        "(VALUES (0, 5), (NULL, 5), (2, NULL), (2, 6), (NULL, NULL), (0, NULL), (3, 3))"
            + " AS t(x, y)";
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of(
              "null|null|null|null|null|small|true",
              "null|5|null|null|null|small|true",
              "0|null|false|true|true|small|true",
              "0|5|false|true|true|small|true",
              "2|null|null|null|null|small|null",
              "2|6|true|true|false|big|false",
              "3|3|false|false|true|small|true"),
          SimulatorFixture.rows(
              c,
              "SELECT x, y, x <> 0 AND y / x > 1, x = 0 OR y / x > 2, NOT (x <> 0 AND y / x > 1),"
                  + " CASE WHEN x <> 0 AND y / x >= 3 THEN 'big' ELSE 'small' END,"
                  + " x IS NULL OR x = 0 OR y / x = 1 FROM "
                  + rows
                  + " ORDER BY x NULLS FIRST, y NULLS FIRST"));
      assertEquals(
          List.of("1|3|1"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FILTER (WHERE x <> 0 AND y / x > 1),"
                  + " SUM(CASE WHEN x = 0 OR y / x > 2 THEN 1 ELSE 0 END),"
                  + " COUNT(*) FILTER (WHERE NOT (x = 0 OR y / x < 2)) FROM "
                  + rows));
      String conditional =
          "SELECT status, SUM(CASE WHEN volume_capacity <> 50 AND %1$s > 1 THEN 1 ELSE 0 END),"
              + " COUNT(*) FILTER (WHERE volume_capacity = 50 OR %1$s > 2)"
              + " FROM notebooks GROUP BY status ORDER BY status";
      assertEquals(
          SimulatorFixture.rows(
              c, String.format(conditional, "100 / NULLIF(volume_capacity - 50, 0)")),
          SimulatorFixture.rows(c, String.format(conditional, "100 / (volume_capacity - 50)")));
      assertEquals(
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks WHERE COALESCE(volume_capacity = 50, FALSE)"
                  + " OR 100 / NULLIF(volume_capacity - 50, 0) > 1"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*) FROM notebooks WHERE volume_capacity = 50"
                  + " OR 100 / (volume_capacity - 50) > 1"));
      // Compared with a correlated sub-query's count.
      String correlated =
          "SELECT COUNT(*) FROM notebooks n WHERE n.volume_capacity = 50 OR %s >"
              + " (SELECT COUNT(*) FROM endpoints e WHERE e.notebook_id = n.id)";
      assertEquals(
          SimulatorFixture.rows(
              c, String.format(correlated, "100 / NULLIF(n.volume_capacity - 50, 0)")),
          SimulatorFixture.rows(c, String.format(correlated, "100 / (n.volume_capacity - 50)")));
    }
  }

  /**
   * A filtered aggregate's argument runs only on the rows its {@code FILTER} lets through ({@link
   * io.modelarts.sql.calcite.planner.StandardProgram#guardedFilterArguments}), and a {@code CASE}
   * that guards an aggregate's argument stays a guard (Calcite's rule making it a filter is kept
   * off it): each of these failed with "Division by zero". The expected rows are PostgreSQL 15's,
   * or the same aggregates over {@code NULLIF} guards.
   */
  @Test
  void filteredArgumentsRunOnlyWhereTheFilterHolds() throws Exception {
    String rows = "(VALUES (0, 5, 0.0), (2, 6, 2.0), (3, 9, 3.0)) AS t(x, y, d)";
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("6|2|5|3.000000"),
          SimulatorFixture.rows(
              c,
              "SELECT SUM(y / x) FILTER (WHERE x <> 0), COUNT(*) FILTER (WHERE x <> 0),"
                  + " MAX(10 / x) FILTER (WHERE x > 0), AVG(y / d) FILTER (WHERE d <> 0) FROM "
                  + rows));
      assertEquals(
          List.of("6|2|3"),
          SimulatorFixture.rows(
              c,
              "SELECT SUM(CASE WHEN x <> 0 THEN y / x END), COUNT(CASE WHEN x <> 0 THEN y / x END),"
                  + " AVG(CASE WHEN x = 0 THEN NULL ELSE y / x END) FROM "
                  + rows));
      // Beside a distinct count, an ordered distinct LISTAGG, a percentile and an unfiltered call.
      String guarded = "100 / (volume_capacity - 50)";
      String nullIf = "100 / NULLIF(volume_capacity - 50, 0)";
      String aggregates =
          "SELECT status, SUM(%1$s)%2$s, COUNT(DISTINCT %1$s)%2$s,"
              + " LISTAGG(DISTINCT CAST(%1$s AS VARCHAR), ',') WITHIN GROUP"
              + " (ORDER BY CAST(%1$s AS VARCHAR) DESC)%2$s,"
              + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY %1$s)%2$s, MIN(volume_capacity)"
              + " FROM notebooks GROUP BY status ORDER BY status";
      List<String> expected = SimulatorFixture.rows(c, String.format(aggregates, nullIf, ""));
      assertTrue(expected.stream().anyMatch(row -> row.contains(",")), expected.toString());
      assertEquals(
          expected,
          SimulatorFixture.rows(
              c, String.format(aggregates, guarded, " FILTER (WHERE volume_capacity <> 50)")));
    }
  }

  /**
   * A query Calcite 1.42 cannot plan (a {@code TABLESAMPLE SYSTEM}, which it validates but has no
   * code for) or cannot generate code for (an {@code EXTRACT} of a time of day in a {@code CASE}
   * branch after the same field outside it) fails with 0A000 and one line that names the node, not
   * Calcite's pages of planner sets or costed plan.
   */
  @Test
  void queriesCalciteCannotRunFailWithOneLine() throws Exception {
    String[][] cases = {
      {
        "SELECT COUNT(*) FROM notebooks TABLESAMPLE SYSTEM(50) REPEATABLE(7)",
        "Calcite cannot plan Sample(mode=[system]"
      },
      {
        "SELECT EXTRACT(HOUR FROM TIME '10:00:00'), CASE WHEN volume_capacity > 10 THEN"
            + " EXTRACT(HOUR FROM TIME '11:00:00' + INTERVAL '1' HOUR * volume_capacity) END,"
            + " ROW_NUMBER() OVER (ORDER BY id) FROM notebooks",
        "Calcite is unable to implement EnumerableCalc"
      },
    };
    try (Connection c = sim.connect()) {
      for (String[] each : cases) {
        SQLException e =
            assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, each[0]), each[0]);
        assertEquals("0A000", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(each[1]), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() < 600, e.getMessage());
      }
    }
  }
}
