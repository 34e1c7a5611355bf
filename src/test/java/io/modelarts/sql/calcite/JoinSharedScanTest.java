package io.modelarts.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A child table joined to {@code notebooks} makes exactly the list calls of the {@code notebooks}
 * scan alone with the same WHERE, in every join shape, and returns the rows of the same join run
 * without pushdown (so a shared plan that loses or invents rows fails too).
 */
class JoinSharedScanTest {
  private static final String ALL = "SELECT * FROM notebooks";
  private static final String RUNNING = "SELECT * FROM notebooks WHERE status = 'RUNNING'";
  private static final String DEFAULT = "SELECT * FROM notebooks WHERE feature = 'DEFAULT'";

  /** A child table: its name and alias, the join condition and two of its columns. */
  private record Child(String table, String on, String columns, String where) {
    @Override
    public String toString() {
      return table;
    }
  }

  private static final List<Child> CHILDREN =
      List.of(
          new Child(
              "endpoints e", "e.notebook_id = n.id", "e.dev_service", "e.dev_service = 'SSH'"),
          new Child(
              "action_progress a",
              "a.notebook_id = n.id",
              "a.step, a.status",
              "a.status = 'COMPLETED'"),
          new Child("images i", "i.id = n.image_id", "i.name, i.arch", "i.arch = 'X86_64'"));

  private static SimulatorFixture sim;
  private Connection pushed;
  private Connection plain;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(263, 11L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void open() throws Exception {
    pushed = sim.connect();
    plain = sim.connect("pushdown=false");
  }

  @AfterEach
  void close() throws Exception {
    pushed.close();
    plain.close();
  }

  /**
   * Every shape, with the {@code notebooks} query whose calls it must make. An {@code images} join
   * with a WHERE on {@code notebooks} reads the full listing: an {@code images} row merges every
   * notebook's copy of the image, so the filtered listing alone could change its values.
   */
  static Stream<Arguments> shapes() {
    List<Arguments> out = new ArrayList<>();
    for (Child c : CHILDREN) {
      String filtered = c.table.startsWith("images") ? ALL : RUNNING;
      String oneFeature = c.table.startsWith("images") ? ALL : DEFAULT;
      String cols = "n.id, " + c.columns;
      String inner = " FROM notebooks n JOIN " + c.table + " ON " + c.on;
      String reversed = " FROM " + c.table + " JOIN notebooks n ON " + c.on;
      String left = " FROM notebooks n LEFT JOIN " + c.table + " ON " + c.on;
      out.add(Arguments.of(c, "SELECT *" + inner, ALL));
      out.add(Arguments.of(c, "SELECT " + c.columns + ", n.name" + reversed, ALL));
      out.add(Arguments.of(c, "SELECT *" + reversed, ALL));
      out.add(Arguments.of(c, "SELECT " + cols + inner + " WHERE n.status = 'RUNNING'", filtered));
      out.add(Arguments.of(c, "SELECT *" + reversed + " WHERE n.feature = 'DEFAULT'", oneFeature));
      out.add(Arguments.of(c, "SELECT " + cols + inner + " WHERE " + c.where, ALL));
      out.add(Arguments.of(c, "SELECT " + cols + left, ALL));
      out.add(Arguments.of(c, "SELECT " + cols + left + " WHERE n.status = 'RUNNING'", filtered));
      out.add(
          Arguments.of(
              c, "SELECT " + cols + " FROM " + c.table + " LEFT JOIN notebooks n ON " + c.on, ALL));
      out.add(Arguments.of(c, "SELECT " + cols + inner + " ORDER BY " + cols + " LIMIT 7", ALL));
      out.add(
          Arguments.of(
              c,
              "SELECT n.id, n.lease_create_at" + left + " ORDER BY n.lease_create_at LIMIT 5",
              ALL));
      out.add(Arguments.of(c, "SELECT COUNT(*)" + inner, ALL));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("shapes")
  void joinCostsTheNotebooksScanAloneAndKeepsItsRows(Child child, String join, String alone)
      throws Exception {
    String plan = explain(join);
    assertEquals(2, occurrences(plan, "shared=[true]"), plan);

    Run notebooks = run(pushed, alone);
    Run shared = run(pushed, join);
    Run reference = run(plain, join);
    assertFalse(notebooks.calls.isEmpty());
    assertEquals(notebooks.calls, shared.calls, plan);
    assertFalse(reference.rows.isEmpty(), join);
    assertEquals(comparable(join, reference.rows), comparable(join, shared.rows), plan);
  }

  private static final String NE = " FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id";
  private static final String NEP = NE + " JOIN action_progress p ON p.notebook_id = n.id";
  private static final String COLS = "SELECT n.id, e.dev_service, p.step, p.status";

  /**
   * Joins of three or more tables, with the {@code notebooks} query whose calls they must make, or
   * null where the third table cannot read the shared listings (then only its rows are checked).
   */
  static Stream<Arguments> nestedShapes() {
    String running = " WHERE n.status = 'RUNNING'";
    return Stream.of(
        Arguments.of(COLS + NEP, ALL),
        Arguments.of(COLS + NEP + running, RUNNING),
        Arguments.of(COLS + NEP + " WHERE n.feature = 'DEFAULT'", DEFAULT),
        Arguments.of("SELECT COUNT(*)" + NEP + running, RUNNING),
        Arguments.of(
            COLS + NE + " LEFT JOIN action_progress p ON p.notebook_id = n.id" + running, RUNNING),
        Arguments.of(
            COLS
                + " FROM action_progress p JOIN (notebooks n JOIN endpoints e"
                + " ON e.notebook_id = n.id) ON p.notebook_id = n.id"
                + running,
            RUNNING),
        Arguments.of(
            COLS
                + " FROM action_progress p RIGHT JOIN (notebooks n JOIN endpoints e"
                + " ON e.notebook_id = n.id) ON p.notebook_id = n.id"
                + running,
            RUNNING),
        Arguments.of(
            "SELECT x.id, p.step FROM (SELECT n.id"
                + NE
                + running
                + " GROUP BY n.id) x"
                + " JOIN action_progress p ON p.notebook_id = x.id",
            RUNNING),
        Arguments.of(COLS + ", i.name" + NEP + " JOIN images i ON i.id = n.image_id", ALL),
        Arguments.of(
            "SELECT n.id, e.dev_service, i.name"
                + NE
                + " JOIN images i ON i.id = n.image_id"
                + running,
            null),
        Arguments.of(
            COLS + NE + " JOIN action_progress p ON p.notebook_id = e.notebook_id" + running, null),
        Arguments.of(
            "SELECT x.id, p.step FROM (SELECT n.id"
                + NE
                + running
                + ") x"
                + " FULL JOIN action_progress p ON p.notebook_id = x.id",
            null),
        Arguments.of(
            COLS
                + NE
                + " JOIN (SELECT * FROM action_progress ORDER BY notebook_id, step LIMIT 20) p"
                + " ON p.notebook_id = n.id"
                + running,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nestedShapes")
  void tablesJoinedAboveASharedJoinReadItsPagesAndKeepTheirRows(String join, String alone)
      throws Exception {
    String plan = explain(join);
    Run shared = run(pushed, join);
    Run reference = run(plain, join);
    assertFalse(reference.rows.isEmpty(), join);
    assertEquals(comparable(join, reference.rows), comparable(join, shared.rows), plan);
    if (alone != null) {
      assertEquals(run(pushed, alone).calls, shared.calls, plan);
    }
  }

  @Test
  void leftJoinKeepsNotebooksWithoutEndpoints() throws Exception {
    String join =
        "SELECT n.id, e.dev_service FROM notebooks n LEFT JOIN endpoints e ON e.notebook_id = n.id";
    assertTrue(explain(join).contains("shared=[true]"));
    List<String> rows = run(pushed, join).rows;
    assertTrue(rows.stream().anyMatch(r -> r.endsWith("|null")), "a notebook without endpoints");
    assertEquals(comparable(join, run(plain, join).rows), comparable(join, rows));
    long notebooks = sim.simulator().dataset().size();
    assertEquals(notebooks, rows.stream().map(r -> r.split("\\|")[0]).distinct().count());
  }

  /** The benchmark's {@code join} workload, at its size: one listing of 2,000 notebooks. */
  @Test
  void benchmarkJoinAtTwoThousandNotebooksCostsOneListing() throws Exception {
    try (SimulatorFixture big = SimulatorFixture.start(2000, 7L);
        Connection c = big.connect()) {
      SimulatorFixture.rows(c, ALL);
      List<String> alone = callsOf(big);
      big.resetLog();
      SimulatorFixture.rows(
          c,
          "SELECT n.name, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id");
      assertEquals(41, alone.size(), alone.toString());
      assertEquals(alone, callsOf(big));
    }
  }

  /** The rows of a query and the list calls it made, as sorted parameter strings. */
  private record Run(List<String> rows, List<String> calls) {}

  private static Run run(Connection connection, String sql) throws Exception {
    sim.resetLog();
    List<String> rows = SimulatorFixture.rows(connection, sql);
    return new Run(rows, callsOf(sim));
  }

  private static List<String> callsOf(SimulatorFixture fixture) {
    return fixture.listCalls().stream()
        .map(r -> new java.util.TreeMap<>(r.singleParameters()).toString())
        .sorted()
        .toList();
  }

  private String explain(String sql) throws Exception {
    return String.join("\n", SimulatorFixture.rows(pushed, "EXPLAIN PLAN FOR " + sql));
  }

  /**
   * Rows in result order under ORDER BY (every ordered query here orders them fully), else sorted.
   */
  private static List<String> comparable(String sql, List<String> rows) {
    return sql.contains("ORDER BY") ? rows : rows.stream().sorted().toList();
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
