package io.modelarts.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings settled when the statement runs: bound parameters pushed as their values, and IN lists
 * fanned out into one listing per value exactly when learned row counts show that costs fewer
 * calls. Each checked by the EXPLAIN text, the rows, and the requests the simulator served.
 */
class RunTimeListingsTest {
  private static SimulatorFixture sim;
  private Connection connection;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(640, 29L); // several pages per feature
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

  private static List<ObjectNode> data() {
    return sim.simulator().dataset();
  }

  private static List<Map<String, String>> calls() {
    List<Map<String, String>> calls = sim.listCallParameters();
    sim.resetLog();
    return calls;
  }

  private static long count(String feature, String status) {
    return data().stream()
        .filter(n -> n.get("feature").asText().equals(feature))
        .filter(n -> status == null || n.get("status").asText().equals(status))
        .count();
  }

  /** Calls to read a listing of {@code rows} rows whole, in pages of 50. */
  private static long callsFor(long rows) {
    return Math.max(1, (rows + 49) / 50);
  }

  private static Set<String> ids(String status1, String status2) {
    return data().stream()
        .filter(n -> List.of(status1, status2).contains(n.get("status").asText()))
        .map(n -> n.get("id").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Statuses present in the data, the rarest first. */
  private static List<String> statusesByCount() {
    Map<String, Long> counts =
        data().stream()
            .collect(Collectors.groupingBy(n -> n.get("status").asText(), Collectors.counting()));
    List<String> statuses = new ArrayList<>(counts.keySet());
    statuses.sort(
        Comparator.comparing((String s) -> counts.get(s))
            .thenComparing(Comparator.<String>naturalOrder()));
    return statuses;
  }

  @Test
  void inListIsFannedOutOnceLearnedCountsShowItIsCheaper() throws Exception {
    List<String> byCount = statusesByCount();
    List<String> rarest = byCount.subList(0, 2).stream().sorted().toList(); // as EXPLAIN lists
    String a = rarest.get(0);
    String b = rarest.get(1);
    String sql = "SELECT id FROM notebooks WHERE status IN ('" + a + "', '" + b + "')";
    String plan = String.join("\n", SimulatorFixture.rows(connection, "EXPLAIN PLAN FOR " + sql));
    assertTrue(plan.contains("listings=[feature=NOTEBOOK, feature=DEFAULT]"), plan);
    assertTrue(
        plan.contains("runTime=[status IN [" + a + ", " + b + "] (one listing per value"), plan);
    calls();

    // First run: nothing is known about the counts, so the plain listings (the plan without
    // pushdown's calls); reading them whole teaches the counts of every status.
    long plain = callsFor(count("NOTEBOOK", null)) + callsFor(count("DEFAULT", null));
    assertEquals(ids(a, b), new TreeSet<>(SimulatorFixture.rows(connection, sql)));
    List<Map<String, String>> first = calls();
    assertEquals(plain, first.size(), first.toString());
    first.forEach(c -> assertEquals(null, c.get("status"), c.toString()));

    // Second run: one listing per feature and status, fewer calls, the same rows.
    long fanned = 0;
    for (String feature : List.of("NOTEBOOK", "DEFAULT")) {
      fanned += callsFor(count(feature, a)) + callsFor(count(feature, b));
    }
    assertTrue(fanned < plain, fanned + " vs " + plain);
    assertEquals(ids(a, b), new TreeSet<>(SimulatorFixture.rows(connection, sql)));
    List<Map<String, String>> second = calls();
    assertEquals(fanned, second.size(), second.toString());
    assertEquals(
        Set.of(a, b), second.stream().map(c -> c.get("status")).collect(Collectors.toSet()));
  }

  /**
   * A {@code VALUES} list joined as a mapping table or in {@code IN (VALUES …)}, and an {@code IN}
   * list longer than Calcite's threshold of 20 (which Calcite makes a join with such a list), cost
   * what the short {@code IN} list of the same statuses costs: the list's keys reach the scan as
   * that list ({@link io.modelarts.sql.calcite.planner.StandardProgram#valuesListKeys}), where
   * Calcite would read every notebook and match them afterwards. Values that are no status cost no
   * call.
   */
  @Test
  void aValuesListOrALongInListCostsWhatItsShortInListCosts() throws Exception {
    List<String> rarest = statusesByCount().subList(0, 2).stream().sorted().toList();
    String a = rarest.get(0);
    String b = rarest.get(1);
    String joined =
        "SELECT n.id FROM notebooks n JOIN (VALUES ('"
            + a
            + "', 'x'), ('"
            + b
            + "', 'yy')) AS v(s, label) ON n.status = v.s";
    StringBuilder longList = new StringBuilder("SELECT id FROM notebooks WHERE status IN (");
    for (int i = 0; i < 20; i++) {
      longList.append("'NO_SUCH_STATUS_").append(i).append("', ");
    }
    String longIn = longList.append("'").append(a).append("', '").append(b).append("')").toString();
    String inValues =
        "SELECT id FROM notebooks WHERE status IN (VALUES ('" + a + "'), ('" + b + "'))";
    for (String sql : List.of(joined, longIn, inValues)) {
      String plan = String.join("\n", SimulatorFixture.rows(connection, "EXPLAIN PLAN FOR " + sql));
      assertTrue(plan.contains("Values"), plan); // a join with a list, as Calcite converts it
      assertTrue(plan.contains("runTime=[status IN [" + a + ", " + b + "]"), plan);
    }

    // A first run of the short IN list teaches the counts of every status, if none has before.
    String inList = "SELECT id FROM notebooks WHERE status IN ('" + a + "', '" + b + "')";
    assertEquals(ids(a, b), new TreeSet<>(SimulatorFixture.rows(connection, inList)));
    calls();

    // Then one listing per feature and status, for each form, with the same rows.
    long plain = callsFor(count("NOTEBOOK", null)) + callsFor(count("DEFAULT", null));
    long fanned = 0;
    for (String feature : List.of("NOTEBOOK", "DEFAULT")) {
      fanned += callsFor(count(feature, a)) + callsFor(count(feature, b));
    }
    assertTrue(fanned < plain, fanned + " vs " + plain);
    for (String sql : List.of(inList, joined, longIn, inValues)) {
      assertEquals(ids(a, b), new TreeSet<>(SimulatorFixture.rows(connection, sql)), sql);
      List<Map<String, String>> made = calls();
      assertEquals(fanned, made.size(), sql + ": " + made);
      assertEquals(
          Set.of(a, b), made.stream().map(c -> c.get("status")).collect(Collectors.toSet()), sql);
    }
  }

  @Test
  void inListStaysOneListingPerFeatureWhereFanningOutCostsMore() throws Exception {
    List<String> all = statusesByCount(); // every status the data has: one listing each
    String sql =
        "SELECT id FROM notebooks WHERE status IN ("
            + all.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
            + ")";
    SimulatorFixture.rows(connection, "SELECT id FROM notebooks"); // every count learned
    calls();
    long plain = callsFor(count("NOTEBOOK", null)) + callsFor(count("DEFAULT", null));
    long fanned = 0;
    for (String feature : List.of("NOTEBOOK", "DEFAULT")) {
      for (String status : all) {
        fanned += callsFor(count(feature, status));
      }
    }
    assertTrue(fanned > plain, fanned + " vs " + plain);
    assertEquals(data().size(), SimulatorFixture.rows(connection, sql).size());
    List<Map<String, String>> calls = calls();
    assertEquals(plain, calls.size(), calls.toString());
    calls.forEach(c -> assertEquals(null, c.get("status"), c.toString()));
  }

  @Test
  void boundStatusIsPushedAndAValueOutsideTheEnumCostsNoCall() throws Exception {
    String sql = "SELECT id FROM notebooks WHERE status = ?";
    try (PreparedStatement ps = connection.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
      ps.setString(1, "RUNNING");
      String plan = String.join("\n", SimulatorFixture.render(ps.executeQuery()));
      assertTrue(plan.contains("runTime=[status=?0 (pushed when bound)]"), plan);
      assertTrue(plan.contains("localFilter=[re-check only]"), plan);
    }
    calls();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (String status : List.of("RUNNING", "STOPPED")) {
        ps.setString(1, status);
        assertEquals(
            ids(status, status), new TreeSet<>(SimulatorFixture.render(ps.executeQuery())));
        List<Map<String, String>> calls = calls();
        assertEquals(
            callsFor(count("NOTEBOOK", status)) + callsFor(count("DEFAULT", status)),
            calls.size(),
            calls.toString());
        calls.forEach(c -> assertEquals(status, c.get("status")));
      }
      ps.setString(1, "BOGUS");
      assertEquals(List.of(), SimulatorFixture.render(ps.executeQuery()));
      assertEquals(0, calls().size());
      ps.setNull(1, java.sql.Types.VARCHAR);
      assertEquals(List.of(), SimulatorFixture.render(ps.executeQuery()));
      assertEquals(0, calls().size());
    }
  }

  @Test
  void boundNameNarrowsTheCallAndIsRecheckedLocally() throws Exception {
    ObjectNode target = data().get(17);
    String name = target.get("name").asText();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT id FROM notebooks WHERE name = ?")) {
      ps.setString(1, name);
      List<String> expected =
          data().stream()
              .filter(n -> n.get("name").asText().equals(name))
              .map(n -> n.get("id").asText())
              .sorted()
              .toList();
      List<String> rows = new ArrayList<>(SimulatorFixture.render(ps.executeQuery()));
      rows.sort(null);
      assertEquals(expected, rows);
      List<Map<String, String>> calls = calls();
      assertEquals(2, calls.size(), calls.toString()); // one page per feature
      calls.forEach(c -> assertEquals(name, c.get("name")));

      ps.setString(1, "no such name");
      assertEquals(List.of(), SimulatorFixture.render(ps.executeQuery()));
      calls = calls(); // not a valid name parameter: the plain listings, checked locally
      calls.forEach(c -> assertEquals(null, c.get("name")));
    }
  }

  @Test
  void boundFeatureAndStatusWithLimitIsOneCallOfTen() throws Exception {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, status, feature FROM notebooks WHERE feature = ? AND status = ? LIMIT 3")) {
      ps.setString(1, "NOTEBOOK");
      ps.setString(2, "RUNNING");
      List<String> rows = SimulatorFixture.render(ps.executeQuery());
      assertEquals(3, rows.size());
      rows.forEach(r -> assertTrue(r.endsWith("|RUNNING|NOTEBOOK"), r));
      List<Map<String, String>> calls = calls();
      assertEquals(1, calls.size(), calls.toString());
      assertEquals("10", calls.get(0).get("limit"));
      assertEquals("NOTEBOOK", calls.get(0).get("feature"));
      assertEquals("RUNNING", calls.get(0).get("status"));
    }
  }

  /**
   * A bound window over an exact scan is cut by the scan itself, as a literal one: from the page
   * holding the offset, in either listing, with the rows the two listings read from the start would
   * give there. Run on a simulator of its own, so that the first windows run before any listing's
   * total is known (the driver learns totals per service and project).
   */
  @Test
  void boundLimitAndOffsetAreCutByTheScanFromThePageHoldingTheOffset() throws Exception {
    try (SimulatorFixture own = SimulatorFixture.start(640, 29L);
        Connection c = own.connect()) {
      int first =
          (int)
              own.simulator().dataset().stream()
                  .filter(n -> n.get("feature").asText().equals("NOTEBOOK"))
                  .count();
      assertTrue(first > 400 && first < 625, "NOTEBOOK has " + first); // 609 of 640
      try (PreparedStatement explain =
          c.prepareStatement("EXPLAIN PLAN FOR SELECT id FROM notebooks LIMIT ? OFFSET ?")) {
        explain.setInt(1, 1);
        explain.setInt(2, 0);
        String plan = SimulatorFixture.render(explain.executeQuery()).get(0);
        assertTrue(plan.contains("windowAtRunTime=[LIMIT ?0 OFFSET ?1]"), plan);
        assertTrue(!plan.contains("Limit") && !plan.contains("Sort"), plan); // the scan cuts it
      }
      // {limit (-1: NULL, no limit), offset}: in the first listing, across both, in the second,
      // past the end; the first of them before any total is known.
      long[][] windows = {
        {5, first + 3}, {5, 0}, {3, 48}, {60, 300}, {10, first - 4}, {5, 638}, {-1, 630}, {10, 700}
      };
      List<List<String>> answers = new ArrayList<>();
      List<List<Map<String, String>>> callsMade = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM notebooks LIMIT ? OFFSET ?")) {
        for (long[] window : windows) {
          own.resetLog();
          if (window[0] < 0) {
            ps.setNull(1, java.sql.Types.INTEGER);
          } else {
            ps.setLong(1, window[0]); // a long, as Spring Data's Pageable binds
          }
          ps.setLong(2, window[1]);
          answers.add(SimulatorFixture.render(ps.executeQuery()));
          callsMade.add(own.listCallParameters());
        }
      }
      List<String> both = new ArrayList<>();
      for (String feature : List.of("NOTEBOOK", "DEFAULT")) {
        both.addAll(
            SimulatorFixture.rows(c, "SELECT id FROM notebooks WHERE feature = '" + feature + "'"));
      }
      for (int i = 0; i < windows.length; i++) {
        int offset = (int) Math.min(windows[i][1], both.size());
        int end =
            windows[i][0] < 0 ? both.size() : (int) Math.min(offset + windows[i][0], both.size());
        String what = windows[i][0] + "," + windows[i][1] + ": " + callsMade.get(i);
        assertEquals(both.subList(offset, end), answers.get(i), what);
        List<Map<String, String>> calls = callsMade.get(i);
        if (windows[i][0] < 0) {
          continue; // no limit: the pages to the end
        }
        // The window's own pages, and at most two more: a listing's total learned where the
        // window starts past it (the page that would hold the start, then a smallest first page).
        long windowPages = windows[i][0] / 10 + 2;
        assertTrue(calls.size() <= windowPages + 2, what);
        if (windows[i][1] >= 50) {
          assertTrue(
              calls.stream()
                  .noneMatch(
                      call -> call.get("offset").equals("0") && !call.get("limit").equals("10")),
              what);
        }
      }
      // The first window, before any total was known: the page of the first listing that would
      // hold it answers past the end (or ends before it), then the second listing's page.
      List<Map<String, String>> firstCalls = callsMade.get(0);
      assertEquals(
          "DEFAULT", firstCalls.get(firstCalls.size() - 1).get("feature"), firstCalls.toString());
      assertTrue(firstCalls.size() <= 3, firstCalls.toString());
    }
  }

  @Test
  void boundLimitsOverFilteredAndBoundListingsReturnRowsOfTheFullAnswer() throws Exception {
    String[][] queries = {
      {"SELECT id FROM notebooks WHERE status = 'RUNNING'", "", ""},
      {"SELECT id FROM notebooks WHERE feature = ? AND status = ?", "NOTEBOOK", "STOPPED"},
      {"SELECT id FROM notebooks WHERE status = ? AND name LIKE '%a%'", "RUNNING", ""},
    };
    for (String[] q : queries) {
      List<String> full = run(q[0], q[1], q[2], -1, -1);
      for (int[] window : new int[][] {{1, 0}, {7, 3}, {40, 20}, {500, 0}, {5, 10_000}}) {
        List<String> rows = run(q[0] + " LIMIT ? OFFSET ?", q[1], q[2], window[0], window[1]);
        String what = q[0] + " " + window[0] + "," + window[1];
        assertEquals(Math.max(0, Math.min(window[0], full.size() - window[1])), rows.size(), what);
        assertEquals(rows.size(), new TreeSet<>(rows).size(), what);
        assertTrue(full.containsAll(rows), what);
      }
    }
  }

  /** Runs {@code sql} binding the non-empty strings, then the window when it is not -1. */
  private List<String> run(String sql, String first, String second, int limit, int offset)
      throws Exception {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int i = 1;
      for (String value : new String[] {first, second}) {
        if (!value.isEmpty()) {
          ps.setString(i++, value);
        }
      }
      if (limit >= 0) {
        ps.setInt(i++, limit);
        ps.setInt(i, offset);
      }
      return SimulatorFixture.render(ps.executeQuery());
    }
  }

  @Test
  void countWithBoundStatusIsOneSmallCallPerFeature() throws Exception {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT COUNT(*) FROM notebooks WHERE status = ?")) {
      ps.setString(1, "RUNNING");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(count("NOTEBOOK", "RUNNING") + count("DEFAULT", "RUNNING"), rs.getLong(1));
      }
      List<Map<String, String>> calls = calls();
      assertEquals(2, calls.size(), calls.toString());
      calls.forEach(c -> assertEquals("10", c.get("limit")));
      calls.forEach(c -> assertEquals("RUNNING", c.get("status")));
    }
  }

  @Test
  void countOverAnInListIsAnsweredFromTotalsOnceCountsAreKnown() throws Exception {
    // A simulator of its own: nothing is learned about it yet.
    try (SimulatorFixture own = SimulatorFixture.start(410, 31L);
        Connection c = own.connect()) {
      List<ObjectNode> data = own.simulator().dataset();
      Map<String, Long> byStatus =
          data.stream()
              .collect(Collectors.groupingBy(n -> n.get("status").asText(), Collectors.counting()));
      List<String> rare =
          byStatus.keySet().stream()
              .sorted(Comparator.comparing((String s) -> byStatus.get(s)).thenComparing(s -> s))
              .limit(2)
              .sorted()
              .toList();
      String sql =
          "SELECT COUNT(*) FROM notebooks WHERE status IN ('"
              + rare.get(0)
              + "', '"
              + rare.get(1)
              + "')";
      String plan = String.join("\n", SimulatorFixture.rows(c, "EXPLAIN PLAN FOR " + sql));
      assertTrue(plan.contains("ModelArtsCountScan"), plan);
      assertTrue(plan.contains("runTime=[status IN [" + rare.get(0) + ", " + rare.get(1)), plan);
      long expected = byStatus.get(rare.get(0)) + byStatus.get(rare.get(1));
      long notebookRows =
          data.stream().filter(n -> n.get("feature").asText().equals("NOTEBOOK")).count();
      long plain = callsFor(notebookRows) + callsFor(data.size() - notebookRows);
      own.resetLog();

      // Nothing known: the listings are read whole and counted (the plain plan's calls).
      assertEquals(List.of(Long.toString(expected)), SimulatorFixture.rows(c, sql));
      List<Map<String, String>> first = own.listCallParameters();
      assertEquals(plain, first.size(), first.toString());
      first.forEach(call -> assertEquals(null, call.get("status")));
      own.resetLog();

      // Counts learned: one smallest page per feature and status, the answer from the totals.
      assertTrue(4 <= plain, "the data set must make the fan-out cheaper");
      assertEquals(List.of(Long.toString(expected)), SimulatorFixture.rows(c, sql));
      List<Map<String, String>> second = own.listCallParameters();
      assertEquals(4, second.size(), second.toString());
      second.forEach(call -> assertEquals("10", call.get("limit")));
      assertEquals(
          Set.copyOf(rare),
          second.stream().map(call -> call.get("status")).collect(Collectors.toSet()));
      own.resetLog();

      String grouped =
          "SELECT feature, COUNT(*) FROM notebooks WHERE status IN ('"
              + rare.get(0)
              + "', '"
              + rare.get(1)
              + "') GROUP BY feature ORDER BY feature";
      Map<String, Long> perFeature =
          data.stream()
              .filter(n -> rare.contains(n.get("status").asText()))
              .collect(
                  Collectors.groupingBy(
                      n -> n.get("feature").asText(),
                      java.util.TreeMap::new,
                      Collectors.counting()));
      assertEquals(
          perFeature.entrySet().stream().map(e -> e.getKey() + "|" + e.getValue()).toList(),
          SimulatorFixture.rows(c, grouped));
      assertEquals(4, own.listCalls().size());
    }
  }
}
