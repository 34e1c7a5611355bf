package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls with a flag operand ({@code EXTRACT}'s field, {@code FLOOR}'s and {@code CEIL}'s unit,
 * {@code TRIM}'s side) inside a {@code CASE} branch of a compiled plan, the same flag used before
 * the branch: they compile, and answer as the same calls do outside a branch ({@link
 * io.modelarts.sql.calcite.BranchFlagCalls}). Calcite's generator failed on the first three and
 * trimmed nothing in the last. A window makes each plan compile: the interpreter runs none.
 */
class BranchFlagCallsTest {
  private static SimulatorFixture sim;

  /** Fields EXTRACT takes of a timestamp; of a date, the first twelve (those of its day). */
  private static final List<String> TIMESTAMP_FIELDS =
      List.of(
          "YEAR",
          "ISOYEAR",
          "QUARTER",
          "MONTH",
          "WEEK",
          "DAY",
          "DOY",
          "DOW",
          "ISODOW",
          "DECADE",
          "CENTURY",
          "MILLENNIUM",
          "HOUR",
          "MINUTE",
          "SECOND",
          "MILLISECOND",
          "MICROSECOND",
          "NANOSECOND",
          "EPOCH");

  private static final List<String> DATE_FIELDS = TIMESTAMP_FIELDS.subList(0, 12);

  /** Units FLOOR and CEIL round a timestamp to; a date to the calendar ones among them. */
  private static final List<String> TIMESTAMP_UNITS =
      List.of(
          "YEAR",
          "ISOYEAR",
          "QUARTER",
          "MONTH",
          "WEEK",
          "DAY",
          "DECADE",
          "CENTURY",
          "MILLENNIUM",
          "HOUR",
          "MINUTE",
          "SECOND");

  private static final List<String> DATE_UNITS = TIMESTAMP_UNITS.subList(0, 9);

  /**
   * Timestamps of the data, the same before 1970 (where floor and truncating divisions differ), and
   * some NULL; none of them the operand the flag's first use takes, so that no branch reuses that
   * call's code.
   */
  private static final List<String> TIMESTAMPS =
      List.of(
          "lease_update_at",
          "(lease_update_at - INTERVAL '25000' DAY(5))",
          "CASE WHEN volume_capacity > 40 THEN lease_update_at END");

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(300, 47L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void extractInACaseBranchAnswersAsOutsideIt() throws Exception {
    List<String> calls = new ArrayList<>();
    for (String field : TIMESTAMP_FIELDS) {
      for (String ts : TIMESTAMPS) {
        calls.add("EXTRACT(" + field + " FROM " + ts + ")");
      }
    }
    for (String field : DATE_FIELDS) {
      calls.add("EXTRACT(" + field + " FROM CAST(lease_update_at AS DATE))");
    }
    assertBranchesAnswerAsOutside(
        calls, call -> call.replaceFirst(" FROM .*\\)$", " FROM lease_create_at)"));
  }

  @Test
  void floorAndCeilInACaseBranchAnswerAsOutsideIt() throws Exception {
    List<String> calls = new ArrayList<>();
    for (String function : List.of("FLOOR", "CEIL")) {
      for (String unit : TIMESTAMP_UNITS) {
        for (String ts : TIMESTAMPS) {
          calls.add(function + "(" + ts + " TO " + unit + ")");
        }
      }
      for (String unit : DATE_UNITS) {
        calls.add(function + "(CAST(lease_update_at AS DATE) TO " + unit + ")");
      }
    }
    assertBranchesAnswerAsOutside(
        calls, call -> call.replaceFirst("\\(.* TO ", "(lease_create_at TO "));
  }

  /** TRIM in a branch trims as outside it: each side, the default space and another character. */
  @Test
  void trimInACaseBranchTrimsAsOutsideIt() throws Exception {
    List<String> calls = new ArrayList<>();
    for (String side : List.of("BOTH", "LEADING", "TRAILING")) {
      calls.add("TRIM(" + side + " FROM '  ' || status || ' ')");
      calls.add("TRIM(" + side + " 'x' FROM 'xx' || owner || 'x')");
    }
    assertBranchesAnswerAsOutside(calls, call -> call.replaceFirst("FROM .*\\)$", "FROM name)"));
    // By hand: TRIM(BOTH FROM '  ' || status || ' ') is the status.
    TreeMap<String, Long> perStatus = new TreeMap<>();
    sim.simulator()
        .dataset()
        .forEach(n -> perStatus.merge(n.path("status").asText(), 1L, Long::sum));
    List<String> expected = new ArrayList<>();
    perStatus.forEach((status, n) -> expected.add("[" + status + "]|" + n));
    try (Connection c = sim.connect()) {
      assertEquals(
          expected,
          SimulatorFixture.rows(
              c,
              "SELECT t, COUNT(*) FROM (SELECT CASE WHEN TRIM(BOTH FROM name) <> '' THEN '['"
                  + " || TRIM(BOTH FROM '  ' || status || ' ') || ']' END AS t, ROW_NUMBER() OVER"
                  + " (ORDER BY id) AS r FROM notebooks) WHERE r > 0 GROUP BY t ORDER BY t"));
    }
  }

  /**
   * For each of {@code calls}: with the same flag used first outside a branch (in the call {@code
   * firstUse} makes of it), the call inside a {@code CASE} branch, in a plan a window makes
   * compile, gives each row what the call gives outside a branch, both as Calcite compiles it and
   * as the interpreter runs it.
   */
  private static void assertBranchesAnswerAsOutside(
      List<String> calls, UnaryOperator<String> firstUse) throws Exception {
    try (Connection c = sim.connect("planCacheSize=0")) {
      for (String call : calls) {
        String inBranch =
            "SELECT id, "
                + firstUse.apply(call)
                + ", CASE WHEN id <> '' THEN "
                + call
                + " END, ROW_NUMBER() OVER (ORDER BY id) FROM notebooks ORDER BY id";
        String outside =
            "SELECT id, " + firstUse.apply(call) + ", " + call + " FROM notebooks ORDER BY id";
        List<String> expected = SimulatorFixture.rows(c, outside);
        List<String> calcite =
            InterpretingPrepare.compilingAll(() -> SimulatorFixture.rows(c, outside));
        assertEquals(expected, calcite, "interpreted and compiled outside a branch: " + outside);
        List<String> actual = new ArrayList<>();
        for (String row : SimulatorFixture.rows(c, inBranch)) {
          actual.add(row.substring(0, row.lastIndexOf('|'))); // the row number left out
        }
        assertEquals(expected, actual, inBranch);
        assertTrue(expected.size() == 300, "every notebook: " + expected.size());
      }
    }
  }
}
