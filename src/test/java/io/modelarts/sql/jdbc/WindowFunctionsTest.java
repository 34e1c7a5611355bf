package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Window functions that Calcite's code got wrong answer as SQL says ({@link
 * io.modelarts.sql.calcite.planner.StandardProgram#windowFunctions}), and a window keeps no order
 * it does not keep. The expected rows are PostgreSQL 15's answers to the same queries, which {@code
 * PostgresAnswersTest} also compares at random.
 */
class WindowFunctionsTest {
  /** Eleven rows in three partitions of 7, 3 and 1 rows, with ties and a NULL to order by. */
  private static final String ROWS =
      "(VALUES (1, 10, DATE '2024-01-01'), (2, 20, DATE '2024-01-02'), (3, 20, DATE '2024-01-01'),"
          + " (4, 35, DATE '2024-01-02'), (5, CAST(NULL AS INTEGER), DATE '2024-01-01'),"
          + " (6, 5, DATE '2024-01-01'), (7, 12, DATE '2024-01-02'), (8, 1, DATE '2024-01-01'),"
          + " (9, 2, DATE '2024-01-01'), (10, 3, DATE '2024-01-01'), (11, 3, DATE '2024-01-03'))"
          + " AS t(id, x, p)";

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
   * {@code NTILE} with uneven tiles (Calcite gave {@code 1 + n * i / rows}: 1, 2, 4 for three rows
   * in five tiles), {@code PERCENT_RANK} and {@code CUME_DIST} with ties (Calcite could not run
   * them), and {@code NTH_VALUE} over the default frame (Calcite gave rows before the n-th its
   * value, where SQL gives NULL).
   */
  @Test
  void tilesRanksAndNthValuesAreSqls() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of(
              "1|2024-01-01|2|3|0.6666666666666666|0.5454545454545454|null|3",
              "2|2024-01-02|2|2|0.5|0.36363636363636365|null|3",
              "3|2024-01-01|1|3|0.8333333333333334|0.36363636363636365|20|3",
              "4|2024-01-02|1|3|1.0|0.18181818181818182|35|3",
              "5|2024-01-01|1|4|1.0|0.09090909090909091|20|3",
              "6|2024-01-01|2|2|0.5|0.6363636363636364|20|3",
              "7|2024-01-02|3|1|0.0|0.45454545454545453|35|3",
              "8|2024-01-01|5|1|0.0|1.0|20|null",
              "9|2024-01-01|4|1|0.16666666666666666|0.9090909090909091|20|null",
              "10|2024-01-01|3|2|0.3333333333333333|0.8181818181818182|20|3",
              "11|2024-01-03|1|1|0.0|0.8181818181818182|null|3"),
          SimulatorFixture.rows(
              c,
              "SELECT id, p, NTILE(5) OVER (PARTITION BY p ORDER BY x DESC, id),"
                  + " NTILE(4) OVER (PARTITION BY p ORDER BY x, id),"
                  + " PERCENT_RANK() OVER (PARTITION BY p ORDER BY x),"
                  + " CUME_DIST() OVER (ORDER BY x DESC),"
                  + " NTH_VALUE(x, 2) OVER (PARTITION BY p ORDER BY id),"
                  + " NTH_VALUE(x, 3) OVER (ORDER BY x) FROM "
                  + ROWS
                  + " ORDER BY id"));
      // NTH_VALUE of values never NULL: NULL all the same before the n-th row (Calcite typed it
      // never NULL, and such a NULL read as 1970-01-01).
      assertEquals(
          List.of("1|null|null", "2|2024-05-04|null", "3|2024-05-04|3", "4|2024-05-04|3"),
          SimulatorFixture.rows(
              c,
              "SELECT id, NTH_VALUE(DATE '2024-05-04', 2) OVER (ORDER BY id), NTH_VALUE(id, 3)"
                  + " OVER (ORDER BY id) FROM "
                  + ROWS
                  + " WHERE id <= 4 ORDER BY id"));
      // More tiles than rows: one row a tile; a tile count of 1: every row in it.
      assertEquals(
          List.of("2|1|1", "4|2|1", "7|3|1"),
          SimulatorFixture.rows(
              c,
              "SELECT id, NTILE(9) OVER (ORDER BY id), NTILE(1) OVER (ORDER BY id) FROM "
                  + ROWS
                  + " WHERE p = DATE '2024-01-02' ORDER BY id"));
    }
  }

  /**
   * A window's rows come in the order of its last window's sort, which need not be the order its
   * input promised; Calcite's window promised that order still, so a query's {@code ORDER BY} that
   * the input met was dropped and the rows came in descending order.
   */
  @Test
  void anOrderByOverWindowsOfOtherOrdersIsKept() throws Exception {
    try (Connection c = sim.connect()) {
      // The list is sorted by id, so its promise met the ORDER BY; the window sorted it by id
      // descending.
      assertEquals(
          List.of(
              "1|10|7|20",
              "2|20|6|20",
              "3|20|5|35",
              "4|35|4|35",
              "5|null|3|35",
              "6|5|2|35",
              "7|12|1|12"),
          SimulatorFixture.rows(
              c,
              "SELECT id, x, ROW_NUMBER() OVER (ORDER BY id DESC), MAX(x) OVER (ORDER BY id DESC"
                  + " ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) FROM (VALUES (1, 10), (2, 20),"
                  + " (3, 20), (4, 35), (5, CAST(NULL AS INTEGER)), (6, 5), (7, 12)) AS t(id, x)"
                  + " ORDER BY id"));
      int notebooks = sim.simulator().dataset().size();
      List<String> rows =
          SimulatorFixture.rows(
              c,
              "SELECT name, id, ROW_NUMBER() OVER (ORDER BY name DESC, id DESC) FROM notebooks"
                  + " ORDER BY name, id");
      List<String> numbers = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        numbers.add(rows.get(i).substring(rows.get(i).lastIndexOf('|') + 1));
        expected.add(String.valueOf(notebooks - i));
      }
      assertEquals(expected, numbers);
    }
  }

  /**
   * A frame of values ({@code RANGE}) with an offset, ordered by a number descending: Calcite
   * counted the offsets as if ascending, so every frame but the peers was empty (a count of 0, a
   * sum of NULL). Integers, {@code BIGINT}s and doubles; the expected rows are PostgreSQL's.
   */
  @Test
  void framesOfValuesOrderedDescendingAreSqls() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of(
              "1|4|15|7|5",
              "2|2|40|3|4",
              "3|2|40|3|4",
              "4|2|35|5|2",
              "5|1|75|5|2",
              "6|3|5|7|3",
              "7|3|22|7|5"),
          SimulatorFixture.rows(
              c,
              "SELECT id, COUNT(*) OVER (ORDER BY x DESC RANGE BETWEEN 10 PRECEDING AND CURRENT"
                  + " ROW), SUM(x) OVER (ORDER BY x DESC RANGE BETWEEN CURRENT ROW AND 5"
                  + " FOLLOWING), MAX(id) OVER (ORDER BY CAST(x AS DOUBLE) DESC NULLS LAST RANGE"
                  + " BETWEEN 10 PRECEDING AND 3 FOLLOWING), COUNT(*) OVER (ORDER BY CAST(x AS"
                  + " BIGINT) * 1000 DESC RANGE BETWEEN 10000 PRECEDING AND 10000 FOLLOWING) FROM"
                  + " (VALUES (1, 10), (2, 20), (3, 20), (4, 35), (5, 40), (6, 5), (7, 12)) AS t(id,"
                  + " x) ORDER BY id"));
    }
  }

  /**
   * A frame of values ({@code RANGE}) with an offset over a key that holds NULLs, or over a
   * decimal: Calcite's code unboxed the NULL key to compute its frame's ends (a {@code
   * NullPointerException}), did not compile for a decimal ({@code BigDecimal - BigDecimal}), and
   * wrapped an {@code INTEGER}'s end past its range. A NULL key's frame is its peers, to the
   * partition's ends where a bound is {@code UNBOUNDED}; a row with a value never reaches the NULLs
   * but through an {@code UNBOUNDED} bound. The expected rows are PostgreSQL's.
   */
  @Test
  void framesOfValuesOverNullsAndDecimalsAreSqls() throws Exception {
    String keys =
        " FROM (VALUES (1), (2), (CAST(NULL AS INTEGER)), (4), (NULL)) AS t(x) ORDER BY x, a";
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("1|1|5|2|2|1", "2|2|5|2|2|1", "4|1|3|3|1|0", "null|2|2|5|2|2", "null|2|2|5|2|2"),
          SimulatorFixture.rows(
              c,
              "SELECT x, COUNT(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS a,"
                  + " COUNT(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING),"
                  + " COUNT(*) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING),"
                  + " COUNT(*) OVER (ORDER BY x DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
                  + " COUNT(*) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN 1 FOLLOWING AND 2"
                  + " FOLLOWING)"
                  + keys));
      assertEquals(
          List.of(
              "1|0|2|2|3|1",
              "2|1|2|2|3|1",
              "4|2|1|4|4|2",
              "null|5|2|2|null|null",
              "null|5|2|2|null|null"),
          SimulatorFixture.rows(
              c,
              "SELECT x, COUNT(*) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 1"
                  + " PRECEDING) AS a, COUNT(*) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN 1"
                  + " PRECEDING AND 1 FOLLOWING), COUNT(*) OVER (ORDER BY x DESC NULLS LAST RANGE"
                  + " BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING), SUM(x) OVER (ORDER BY x RANGE"
                  + " BETWEEN 1 PRECEDING AND 1 FOLLOWING), MIN(x) OVER (ORDER BY x DESC RANGE BETWEEN"
                  + " 1 PRECEDING AND 2 FOLLOWING)"
                  + keys));
      // Decimals: offsets of more digits than the key's scale; a NULL among them.
      assertEquals(
          List.of(
              "1.00|1|1.00|1",
              "2.50|2|5.50|1",
              "3.00|2|5.50|1",
              "4.50|2|9.05|2",
              "4.55|2|9.05|1",
              "null|1|null|1"),
          SimulatorFixture.rows(
              c,
              "SELECT x, COUNT(*) OVER (ORDER BY x RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) AS"
                  + " a, SUM(x) OVER (ORDER BY x DESC RANGE BETWEEN 0.5 PRECEDING AND 1.25"
                  + " FOLLOWING), COUNT(*) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND 0.05"
                  + " FOLLOWING) FROM (VALUES (1.0), (2.5), (3.0), (4.5), (NULL), (4.55)) AS t(x)"
                  + " ORDER BY x, a"));
      // INTEGER ends past the range, partitioned, and BIGINT keys with a NULL.
      assertEquals(
          List.of(
              "a|-2147483648|-2147483648|1",
              "a|2147483646|2147483646|2",
              "a|2147483647|2147483646|1",
              "b|5|5|1",
              "b|null|null|1"),
          SimulatorFixture.rows(
              c,
              "SELECT k, x, MIN(x) OVER (PARTITION BY k ORDER BY x RANGE BETWEEN 2147483647"
                  + " PRECEDING AND 1 FOLLOWING), COUNT(*) OVER (PARTITION BY k ORDER BY x RANGE"
                  + " BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM (VALUES ('a', 2147483647), ('a',"
                  + " -2147483648), ('a', 2147483646), ('b', NULL), ('b', 5)) AS t(k, x)"
                  + " ORDER BY k, x"));
      assertEquals(
          List.of(
              "1|1|1",
              "15|2|20",
              "20|2|20",
              "9223372036854775000|1|9223372036854775000",
              "null|1|null"),
          SimulatorFixture.rows(
              c,
              "SELECT x, COUNT(*) OVER (ORDER BY x RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING),"
                  + " MAX(x) OVER (ORDER BY x DESC RANGE BETWEEN 5 PRECEDING AND CURRENT ROW) FROM"
                  + " (VALUES (CAST(1 AS BIGINT)), (15), (NULL), (9223372036854775000), (20)) AS"
                  + " t(x) ORDER BY x"));
      // A decimal too wide to scale into a BIGINT is refused, saying what to cast it to (Calcite's
      // code for it does not compile).
      String wide =
          "SELECT COUNT(*) OVER (ORDER BY lease_duration / 3600000.0 RANGE BETWEEN 1 PRECEDING"
              + " AND CURRENT ROW) FROM notebooks";
      SQLException e = assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, wide));
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().contains("DECIMAL(18, s)"), e.getMessage());
    }
  }

  /**
   * A frame that excludes rows ({@code EXCLUDE CURRENT ROW}, {@code GROUP}, {@code TIES}) is
   * refused with SQLState 0A000: Calcite's code answered it wrongly (PostgreSQL's answers to these
   * rows: a {@code MIN} of 1 and 4 where it gave 2 and 5, a {@code LAST_VALUE} that was the current
   * row, {@code 2147483647} for the {@code MIN} of an empty frame, and {@code EXCLUDE TIES}
   * excluded nothing). {@code EXCLUDE NO OTHERS} is the default frame, and runs.
   */
  @Test
  void framesThatExcludeRowsAreRefused() throws Exception {
    String rows = " FROM (VALUES (1), (2), (2), (4), (5), (7)) AS t(x) ORDER BY x";
    try (Connection c = sim.connect()) {
      for (String exclude : List.of("CURRENT ROW", "GROUP", "TIES")) {
        String sql =
            "SELECT x, MIN(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE "
                + exclude
                + ")"
                + rows;
        SQLException e = assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, sql), sql);
        assertEquals("0A000", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains("EXCLUDE " + exclude), e.getMessage());
        assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, "EXPLAIN PLAN FOR " + sql));
      }
      assertEquals(
          List.of("1|1", "2|3", "2|5", "4|8", "5|11", "7|16"),
          SimulatorFixture.rows(
              c,
              "SELECT x, SUM(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE"
                  + " NO OTHERS)"
                  + rows));
    }
  }

  /**
   * {@code DISTINCT} in a window aggregate: Calcite's code ignored it ({@code COUNT(DISTINCT x)
   * OVER ()} of 1, 2, 2, 4 and a NULL gave 4). {@code COUNT(DISTINCT x)} over a whole partition
   * counts the distinct values, NULL not among them; {@code MIN} and {@code MAX} are as without it;
   * the others, and a count over a frame smaller than the partition, are refused with 0A000.
   */
  @Test
  void distinctWindowAggregatesAreSqlsOrRefused() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("1|2|3|4", "2|2|3|4", "2|2|3|4", "4|1|3|4", "null|0|3|4"),
          SimulatorFixture.rows(
              c,
              "SELECT x, COUNT(DISTINCT x) OVER (PARTITION BY x > 2), COUNT(DISTINCT x) OVER (),"
                  + " MAX(DISTINCT x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND"
                  + " UNBOUNDED FOLLOWING) FROM (VALUES (1), (2), (2), (4), (CAST(NULL AS"
                  + " INTEGER))) AS t(x) ORDER BY x"));
      // Each notebook's count of its status's distinct pools is the grouped count.
      assertEquals(
          List.of(sim.simulator().dataset().size() + "|0"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*), COUNT(*) FILTER (WHERE w.d <> g.d) FROM (SELECT status,"
                  + " COUNT(DISTINCT pool_id) OVER (PARTITION BY status) AS d FROM notebooks) w"
                  + " JOIN (SELECT status, COUNT(DISTINCT pool_id) AS d FROM notebooks GROUP BY"
                  + " status) g ON w.status = g.status"));
      for (String sql :
          List.of(
              "SELECT SUM(DISTINCT x) OVER () FROM (VALUES (1), (2), (2)) AS t(x)",
              "SELECT COUNT(DISTINCT x) OVER (ORDER BY x) FROM (VALUES (1), (2), (2)) AS t(x)")) {
        SQLException e = assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, sql));
        assertEquals("0A000", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains("(DISTINCT …) OVER"), e.getMessage());
      }
    }
  }
}
