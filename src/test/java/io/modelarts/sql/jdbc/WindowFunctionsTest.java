package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
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
}
