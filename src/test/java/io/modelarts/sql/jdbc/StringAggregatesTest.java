package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * PostgreSQL's {@code STRING_AGG}, {@code BOOL_AND} and {@code BOOL_OR} are there ({@link
 * io.modelarts.sql.calcite.PostgresqlAggregates}), and a {@code DISTINCT} aggregate with an order
 * keeps its order beside other aggregates ({@link
 * io.modelarts.sql.calcite.planner.StandardProgram#orderedDistinctCalls}). The expected rows are
 * PostgreSQL 15's answers to the same queries.
 */
class StringAggregatesTest {
  /** Eight rows in four groups, one of them keyed NULL, with NULL values and duplicates. */
  private static final String ROWS =
      "(VALUES ('a', 3, TRUE, 'x'), ('a', 1, FALSE, 'y'), ('a', NULL, NULL, NULL),"
          + " ('b', 7, TRUE, 'z'), ('b', 7, TRUE, 'w'), ('c', NULL, NULL, NULL),"
          + " (NULL, 2, TRUE, 'q'), (NULL, 2, TRUE, 'q')) AS t(k, x, b, s)";

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
   * {@code STRING_AGG} in both orders and {@code DISTINCT}, {@code BOOL_AND} and {@code BOOL_OR},
   * named in any case, beside a count: the distinct ones were ordered by the separator's column
   * before the fix ({@code y|x} for {@code a}).
   */
  @Test
  void postgresqlAggregatesAnswerAsPostgresql() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of(
              "a|false|true|3|x|y|y,x|y;x",
              "b|true|true|2|w|z|z,w|z;w",
              "c|null|null|1|null|null|null",
              "null|true|true|2|q|q,q|q"),
          SimulatorFixture.rows(
              c,
              "SELECT k, BOOL_AND(b), bool_or(b), COUNT(*),"
                  + " STRING_AGG(DISTINCT s, '|' ORDER BY s), string_agg(s, ',' ORDER BY s DESC),"
                  + " STRING_AGG(DISTINCT s, ';' ORDER BY s DESC) FROM "
                  + ROWS
                  + " GROUP BY k ORDER BY k NULLS LAST"));
      assertEquals(
          List.of("8|q|w|x|y|z|1"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*), LISTAGG(DISTINCT s, '|') WITHIN GROUP (ORDER BY s),"
                  + " MIN(x) FROM "
                  + ROWS));
      assertEquals(
          List.of("0|null"),
          SimulatorFixture.rows(
              c,
              "SELECT COUNT(*), STRING_AGG(DISTINCT s, '|' ORDER BY s) FROM "
                  + ROWS
                  + " WHERE k = 'z'"));
      // Each status's distinct flavors beside its count, against the two computed apart.
      assertEquals(
          SimulatorFixture.rows(
              c,
              "SELECT d.status, n.c, d.f FROM (SELECT status, LISTAGG(flavor, ',') WITHIN GROUP"
                  + " (ORDER BY flavor) AS f FROM (SELECT DISTINCT status, flavor FROM notebooks)"
                  + " GROUP BY status) d JOIN (SELECT status, COUNT(*) AS c FROM notebooks GROUP BY"
                  + " status) n ON d.status = n.status ORDER BY d.status"),
          SimulatorFixture.rows(
              c,
              "SELECT status, COUNT(*), STRING_AGG(DISTINCT flavor, ',' ORDER BY flavor)"
                  + " FROM notebooks GROUP BY status ORDER BY status"));
    }
  }

  /**
   * {@code STRING_AGG(… ORDER BY …)} with a {@code FILTER} over values never NULL failed in
   * Calcite's validator ("class SqlNodeList: …"); it runs as the {@code LISTAGG … WITHIN GROUP} it
   * means.
   */
  @Test
  void orderedStringAggTakesAFilter() throws Exception {
    String rows =
        "(VALUES ('a', 3, TRUE, 'x'), ('a', 1, FALSE, 'y'), ('a', 5, TRUE, 'v'),"
            + " ('b', 7, TRUE, 'z'), ('b', 7, TRUE, 'w'), ('c', 2, FALSE, 'u')) AS t(k, x, b, s)";
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("a|x|v|v,x|3", "b|z|w|w,z|2", "c|null|u|1"),
          SimulatorFixture.rows(
              c,
              "SELECT k, STRING_AGG(s, '|' ORDER BY s DESC) FILTER (WHERE b),"
                  + " STRING_AGG(DISTINCT s, ',' ORDER BY s) FILTER (WHERE x > 1), COUNT(*) FROM "
                  + rows
                  + " GROUP BY k ORDER BY k"));
      assertEquals(
          List.of("x|v|w|z|6"),
          SimulatorFixture.rows(
              c,
              "SELECT STRING_AGG(s, '|' ORDER BY x, s) FILTER (WHERE b), COUNT(*) FROM " + rows));
    }
  }

  /**
   * With a {@code FILTER}, such a call keeps its order alone and beside a distinct count and a
   * {@code MIN}: there it was ordered by its separator (Calcite renumbered its arguments, not its
   * order), now {@link io.modelarts.sql.calcite.planner.StandardProgram#orderedDistinctCalls} runs
   * it over the distinct rows itself. A group the filter empties keeps its row.
   */
  @Test
  void orderedDistinctCallsWithAFilterKeepTheirOrder() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("a|1|x|1", "b|1|z|w|7", "c|0|null|null", "null|1|q|2"),
          SimulatorFixture.rows(
              c,
              "SELECT k, COUNT(DISTINCT x) FILTER (WHERE x > 1),"
                  + " LISTAGG(DISTINCT s, '|') WITHIN GROUP (ORDER BY s DESC) FILTER (WHERE x > 1),"
                  + " MIN(x) FROM "
                  + ROWS
                  + " GROUP BY k ORDER BY k NULLS LAST"));
      assertEquals(
          List.of("a|x", "b|w|z", "c|null", "null|q"),
          SimulatorFixture.rows(
              c,
              "SELECT k, LISTAGG(DISTINCT s, '|') WITHIN GROUP (ORDER BY s) FILTER (WHERE b) FROM "
                  + ROWS
                  + " GROUP BY k ORDER BY k NULLS LAST"));
      // Each status's distinct volumes other than 50 as text, against a computation apart.
      assertEquals(
          SimulatorFixture.rows(
              c,
              "SELECT n.status, n.c, d.v, n.m FROM (SELECT status, COUNT(DISTINCT volume_capacity)"
                  + " FILTER (WHERE volume_capacity <> 50) AS c, MIN(volume_capacity) AS m"
                  + " FROM notebooks GROUP BY status) n LEFT JOIN (SELECT status,"
                  + " LISTAGG(v, ',') WITHIN GROUP (ORDER BY v) AS v FROM (SELECT DISTINCT status,"
                  + " CAST(volume_capacity AS VARCHAR) AS v FROM notebooks"
                  + " WHERE volume_capacity <> 50) GROUP BY status) d ON n.status = d.status"
                  + " ORDER BY n.status"),
          SimulatorFixture.rows(
              c,
              "SELECT status, COUNT(DISTINCT volume_capacity) FILTER (WHERE volume_capacity <> 50),"
                  + " LISTAGG(DISTINCT CAST(volume_capacity AS VARCHAR), ',') WITHIN GROUP"
                  + " (ORDER BY CAST(volume_capacity AS VARCHAR)) FILTER (WHERE volume_capacity"
                  + " <> 50), MIN(volume_capacity) FROM notebooks GROUP BY status ORDER BY status"));
    }
  }

  /**
   * Over several grouping sets such a call beside others would need one join per set: it is
   * refused, naming what to write instead; alone it runs.
   */
  @Test
  void orderedDistinctCallsBesideOthersOverGroupingSetsAreRefused() throws Exception {
    try (Connection c = sim.connect()) {
      String sql =
          "SELECT k, COUNT(*), STRING_AGG(DISTINCT s, '|' ORDER BY s) FROM "
              + ROWS
              + " GROUP BY ROLLUP(k)";
      SQLException e = assertThrows(SQLException.class, () -> SimulatorFixture.rows(c, sql));
      assertEquals("0A000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("query of its own"), e.getMessage());
      assertEquals(
          List.of("a|x|y", "b|w|z", "c|null", "null|q", "null|q|w|x|y|z"),
          SimulatorFixture.rows(
              c,
              "SELECT k, STRING_AGG(DISTINCT s, '|' ORDER BY s) FROM "
                  + ROWS
                  + " GROUP BY ROLLUP(k) ORDER BY k NULLS LAST, 2"));
    }
  }
}
