package io.modelarts.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each pushdown checked three ways: the EXPLAIN text, the rows, and the HTTP requests the simulator
 * actually served.
 */
class PushdownRequestCountTest {
  private static SimulatorFixture sim;
  private Connection connection;

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
    connection = sim.connect();
    sim.resetLog();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  private String explain(String sql) throws Exception {
    String plan = String.join("\n", SimulatorFixture.rows(connection, "EXPLAIN PLAN FOR " + sql));
    sim.resetLog();
    return plan;
  }

  private static List<ObjectNode> data() {
    return sim.simulator().dataset();
  }

  private static List<Map<String, String>> calls() {
    return sim.listCallParameters();
  }

  @Test
  void featureAndStatusWithLimitIsOneCallOfTen() throws Exception {
    String sql =
        "SELECT id, status, feature FROM notebooks WHERE feature = 'NOTEBOOK' AND status = 'RUNNING' LIMIT 3";
    String plan = explain(sql);
    assertTrue(plan.contains("listings=[feature=NOTEBOOK&status=RUNNING]"), plan);
    assertTrue(plan.contains("pageSize=[10]"), plan);
    assertTrue(plan.contains("window=[offset 0, fetch 3]"), plan);

    List<String> rows = SimulatorFixture.rows(connection, sql);
    assertEquals(3, rows.size());
    rows.forEach(r -> assertTrue(r.endsWith("|RUNNING|NOTEBOOK"), r));

    List<Map<String, String>> calls = calls();
    assertEquals(1, calls.size(), calls.toString());
    assertEquals("10", calls.get(0).get("limit"));
    assertEquals("0", calls.get(0).get("offset"));
    assertEquals("RUNNING", calls.get(0).get("status"));
    assertEquals("NOTEBOOK", calls.get(0).get("feature"));
  }

  @Test
  void countWithStatusIsOneSmallCallPerFeature() throws Exception {
    String sql = "SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING'";
    String plan = explain(sql);
    assertTrue(plan.contains("ModelArtsCountScan"), plan);
    assertTrue(
        plan.contains("[feature=NOTEBOOK&status=RUNNING, feature=DEFAULT&status=RUNNING]"), plan);

    long expected = data().stream().filter(n -> n.get("status").asText().equals("RUNNING")).count();
    assertEquals(List.of(Long.toString(expected)), SimulatorFixture.rows(connection, sql));

    List<Map<String, String>> calls = calls();
    assertEquals(2, calls.size(), calls.toString());
    calls.forEach(c -> assertEquals("10", c.get("limit")));
    assertEquals(
        java.util.Set.of("NOTEBOOK", "DEFAULT"),
        calls.stream().map(c -> c.get("feature")).collect(Collectors.toSet()));
  }

  @Test
  void countGroupedByFeatureUsesTotals() throws Exception {
    String sql = "SELECT feature, COUNT(*) FROM notebooks GROUP BY feature ORDER BY feature";
    assertTrue(explain(sql).contains("ModelArtsCountScan"));
    Map<String, Long> expected =
        data().stream()
            .collect(
                Collectors.groupingBy(
                    n -> n.get("feature").asText(), java.util.TreeMap::new, Collectors.counting()));
    List<String> rows = SimulatorFixture.rows(connection, sql);
    assertEquals(
        expected.entrySet().stream()
            .map(e -> e.getKey() + "|" + e.getValue())
            .collect(Collectors.toList()),
        rows);
    assertEquals(2, calls().size());
  }

  @Test
  void valueOutsideTheEnumCostsNoCall() throws Exception {
    String sql = "SELECT * FROM notebooks WHERE status = 'BOGUS'";
    String plan = explain(sql);
    assertTrue(plan.contains("no call"), plan);
    assertEquals(List.of(), SimulatorFixture.rows(connection, sql));
    assertEquals(0, calls().size());
    assertEquals(
        List.of("0"),
        SimulatorFixture.rows(
            connection,
            "SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING' AND status = 'STOPPED'"));
    assertEquals(0, calls().size());
  }

  @Test
  void nameFilteredJoinCostsTheSameCallsAsTheNotebooksScan() throws Exception {
    ObjectNode withEndpoints =
        data().stream()
            .filter(n -> n.has("endpoints") && n.get("endpoints").size() > 0)
            .findFirst()
            .orElseThrow();
    String name = withEndpoints.get("name").asText();
    SimulatorFixture.rows(connection, "SELECT * FROM notebooks WHERE name = '" + name + "'");
    List<Map<String, String>> alone = calls();
    sim.resetLog();

    String join =
        "SELECT n.id, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id WHERE n.name = '"
            + name
            + "'";
    String plan = explain(join);
    assertTrue(plan.contains("shared=[true]"), plan);
    List<String> rows = SimulatorFixture.rows(connection, join);
    long expected =
        data().stream()
            .filter(n -> n.get("name").asText().equals(name))
            .mapToLong(n -> n.has("endpoints") ? n.get("endpoints").size() : 0)
            .sum();
    assertEquals(expected, rows.size());
    assertEquals(sortedCalls(alone), sortedCalls(calls()));
    assertTrue(alone.stream().allMatch(c -> name.equals(c.get("name"))), alone.toString());
  }

  @Test
  void childTableAloneIsOneFullListing() throws Exception {
    SimulatorFixture.rows(connection, "SELECT * FROM notebooks");
    List<Map<String, String>> full = calls();
    sim.resetLog();
    SimulatorFixture.rows(connection, "SELECT * FROM endpoints");
    assertEquals(sortedCalls(full), sortedCalls(calls()));
  }

  @Test
  void offsetSkipsWholePagesOfASingleListing() throws Exception {
    String sql = "SELECT id FROM notebooks WHERE feature = 'NOTEBOOK' LIMIT 10 OFFSET 100";
    String plan = explain(sql);
    assertTrue(plan.contains("window=[offset 100, fetch 10]"), plan);
    List<String> rows = SimulatorFixture.rows(connection, sql);
    assertEquals(10, rows.size());
    List<Map<String, String>> calls = calls();
    assertEquals(1, calls.size(), calls.toString());
    assertEquals("10", calls.get(0).get("limit"));
    assertEquals("100", calls.get(0).get("offset"));
  }

  /**
   * Without a feature, the scan reads its two listings one after another and cuts the window across
   * them: it starts at the page holding the offset, in the first listing or (its total passed) in
   * the second, and returns the very rows that reading both from the start would.
   */
  @Test
  void offsetOverBothListingsStartsAtThePageHoldingIt() throws Exception {
    List<String> notebooks =
        SimulatorFixture.rows(connection, "SELECT id FROM notebooks WHERE feature = 'NOTEBOOK'");
    List<String> defaults =
        SimulatorFixture.rows(connection, "SELECT id FROM notebooks WHERE feature = 'DEFAULT'");
    List<String> both = new java.util.ArrayList<>(notebooks);
    both.addAll(defaults);
    int first = notebooks.size();
    // This data set: 245 and 18 (the windows below are written for a long first listing and a
    // short second one).
    assertEquals(List.of(245, 18), List.of(first, defaults.size()));
    assertTrue(
        explain("SELECT id FROM notebooks LIMIT 10 OFFSET 20")
            .contains("window=[offset 20, fetch 10]"));
    // offset → the calls, "feature limit offset" each. The listings' totals are known by now
    // (learned from the reads above), so a window past the first listing checks that listing's
    // total with one call of its smallest page, then starts in the second.
    Map<Integer, List<String>> expected = new java.util.LinkedHashMap<>();
    expected.put(20, List.of("NOTEBOOK 10 20"));
    expected.put(240, List.of("NOTEBOOK 10 240", "DEFAULT 10 0")); // 5 rows of each
    expected.put(245, List.of("NOTEBOOK 10 0", "DEFAULT 10 0"));
    expected.put(250, List.of("NOTEBOOK 10 0", "DEFAULT 20 0")); // rows 5..14: one page of 20
    expected.put(268, List.of("NOTEBOOK 10 0", "DEFAULT 20 20")); // past the end: no rows
    for (Map.Entry<Integer, List<String>> e : expected.entrySet()) {
      int offset = e.getKey();
      sim.resetLog();
      List<String> rows =
          SimulatorFixture.rows(connection, "SELECT id FROM notebooks LIMIT 10 OFFSET " + offset);
      assertEquals(
          both.subList(Math.min(offset, both.size()), Math.min(offset + 10, both.size())),
          rows,
          "offset " + offset);
      List<String> made =
          calls().stream()
              .map(c -> c.get("feature") + " " + c.get("limit") + " " + c.get("offset"))
              .toList();
      assertEquals(e.getValue(), made, "offset " + offset);
    }
  }

  /**
   * A child table has any number of rows per notebook (and {@code images} merges notebooks), so its
   * window counts rows, not the listings' notebooks: the rows are those of the plan without
   * pushdown, literal or bound, at every offset.
   */
  @Test
  void childTableWindowsCountRowsNotNotebooks() throws Exception {
    try (Connection plain = sim.connect("pushdown=false")) {
      for (String table : List.of("endpoints", "images", "action_progress")) {
        for (int[] window : new int[][] {{5, 0}, {7, 4}, {10, 30}, {3, 500}}) {
          String sql = "SELECT * FROM " + table + " LIMIT " + window[0] + " OFFSET " + window[1];
          assertEquals(
              SimulatorFixture.rows(plain, sql), SimulatorFixture.rows(connection, sql), sql);
          try (java.sql.PreparedStatement ps =
              connection.prepareStatement("SELECT * FROM " + table + " LIMIT ? OFFSET ?")) {
            ps.setInt(1, window[0]);
            ps.setInt(2, window[1]);
            assertEquals(
                SimulatorFixture.rows(plain, sql),
                SimulatorFixture.render(ps.executeQuery()),
                "bound " + sql);
          }
        }
      }
    }
  }

  @Test
  void offsetPastTheEndReturnsNothing() throws Exception {
    List<String> rows =
        SimulatorFixture.rows(
            connection, "SELECT id FROM notebooks WHERE feature = 'DEFAULT' LIMIT 10 OFFSET 5000");
    assertEquals(List.of(), rows);
  }

  @Test
  void fuzzyNameIsNarrowingOnlyAndRechecked() throws Exception {
    String name = data().get(0).get("name").asText();
    String plan = explain("SELECT id FROM notebooks WHERE name = '" + name + "' LIMIT 1");
    assertTrue(plan.contains("may drop rows"), plan);
    assertTrue(plan.contains("name=" + name), plan);
    List<String> rows =
        SimulatorFixture.rows(connection, "SELECT name FROM notebooks WHERE name = '" + name + "'");
    long expected = data().stream().filter(n -> n.get("name").asText().equals(name)).count();
    assertEquals(expected, rows.size());
    rows.forEach(r -> assertEquals(name, r));
  }

  @Test
  void orderByNumericKeyWithLimitReadsTheFirstPageOfEachListingInOrder() throws Exception {
    String sql =
        "SELECT id, lease_create_at FROM notebooks WHERE status = 'STOPPED'"
            + " ORDER BY lease_create_at DESC NULLS LAST LIMIT 5";
    String plan = explain(sql);
    assertTrue(plan.contains("sort=[create_at DESC"), plan);
    assertTrue(!plan.contains("EnumerableSort"), plan);
    List<String> expected =
        data().stream()
            .filter(n -> n.get("status").asText().equals("STOPPED"))
            .filter(n -> n.hasNonNull("lease") && n.get("lease").hasNonNull("create_at"))
            .sorted(
                java.util.Comparator.comparingLong(
                        (ObjectNode n) -> n.get("lease").get("create_at").asLong())
                    .reversed())
            .limit(5)
            .map(n -> n.get("id").asText())
            .collect(Collectors.toList());
    List<String> rows =
        SimulatorFixture.rows(connection, sql).stream()
            .map(r -> r.split("\\|")[0])
            .collect(Collectors.toList());
    assertEquals(expected, rows);
    List<Map<String, String>> calls = calls();
    assertEquals(2, calls.size(), calls.toString());
    for (Map<String, String> c : calls) {
      assertEquals("create_at", c.get("sort_key"));
      assertEquals("DESC", c.get("sort_dir"));
      assertEquals("10", c.get("limit"));
      assertEquals("STOPPED", c.get("status"));
    }
  }

  @Test
  void sortNotOfferedByTheServiceFallsBackToALocalSortAndIsRemembered() throws Exception {
    try (SimulatorFixture strict =
            SimulatorFixture.start(
                io.modelarts.simulator.SimulatorConfig.builder()
                    .port(0)
                    .notebooks(120)
                    .seed(4L)
                    .sortableKeys(java.util.Set.of("name"))
                    .build());
        Connection c = strict.connect()) {
      String sql = "SELECT id FROM notebooks ORDER BY lease_create_at ASC LIMIT 7";
      List<String> expected =
          strict.simulator().dataset().stream()
              .filter(n -> n.hasNonNull("lease") && n.get("lease").hasNonNull("create_at"))
              .sorted(
                  java.util.Comparator.comparingLong(
                      (ObjectNode n) -> n.get("lease").get("create_at").asLong()))
              .limit(7)
              .map(n -> n.get("id").asText())
              .collect(Collectors.toList());
      assertEquals(expected, SimulatorFixture.rows(c, sql));
      long refused =
          strict.listCalls().stream().filter(r -> "ModelArts.6303".equals(r.errorCode())).count();
      assertTrue(refused >= 1, "the first attempt was refused");
      strict.resetLog();
      assertEquals(expected, SimulatorFixture.rows(c, sql));
      assertTrue(
          strict.listCalls().stream().noneMatch(r -> r.singleParameters().containsKey("sort_key")),
          "the refusal is remembered for the connection");
    }
  }

  private static List<String> sortedCalls(List<Map<String, String>> calls) {
    return calls.stream()
        .map(c -> new java.util.TreeMap<>(c).toString())
        .sorted()
        .collect(Collectors.toList());
  }
}
