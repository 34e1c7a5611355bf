package io.modelarts.sql.calcite.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters comparing a timestamp rounded to a unit, one Calcite's date-range rule cannot narrow (it
 * threw while planning) or one it narrows to a range, answer as the rounding computed row by row
 * says.
 */
class FilterDateRangeRuleTest {
  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(200, 47L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void aFilterOnARoundedTimestampAnswersAsTheRoundingComputedRowByRow() throws Exception {
    // Units the rule cannot narrow (Calcite's threw), then some it narrows to a range.
    String[] units = {
      "WEEK",
      "QUARTER",
      "ISOYEAR",
      "DECADE",
      "CENTURY",
      "MILLENNIUM",
      "YEAR",
      "MONTH",
      "DAY",
      "HOUR"
    };
    String[] comparisons = {"=", "<>", "<", "<=", ">", ">="};
    try (Connection c = sim.connect("planCacheSize=0")) {
      for (String function : List.of("FLOOR", "CEIL")) {
        for (String unit : units) {
          String rounded = function + "(lease_create_at TO " + unit + ")";
          // The rounding of each row, in a projection, which the rule does not touch.
          List<Object[]> rows = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT id, " + rounded + " FROM notebooks")) {
            while (rs.next()) {
              Timestamp t = rs.getTimestamp(2, UTC);
              rows.add(new Object[] {rs.getString(1), t == null ? null : t.getTime()});
            }
          }
          long literal = middleValue(rows);
          for (String comparison : comparisons) {
            String sql =
                "SELECT id FROM notebooks WHERE "
                    + rounded
                    + " "
                    + comparison
                    + " "
                    + sqlTimestamp(literal);
            assertEquals(expected(rows, comparison, literal), ids(c, sql), sql);
          }
        }
      }
    }
  }

  /** A rounded value near the middle of the rows', so that each comparison keeps some rows. */
  private static long middleValue(List<Object[]> rows) {
    TreeSet<Long> values = new TreeSet<>();
    rows.stream().filter(r -> r[1] != null).forEach(r -> values.add((Long) r[1]));
    return new ArrayList<>(values).get(values.size() / 2);
  }

  /** A SQL timestamp literal of {@code millis}, in UTC as the driver's timestamps are. */
  private static String sqlTimestamp(long millis) {
    return "TIMESTAMP '"
        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochMilli(millis))
        + "'";
  }

  private static TreeSet<String> expected(List<Object[]> rows, String comparison, long literal) {
    TreeSet<String> ids = new TreeSet<>();
    for (Object[] row : rows) {
      if (row[1] == null) {
        continue; // a NULL comparison is not true
      }
      int k = Long.compare((Long) row[1], literal);
      boolean holds =
          switch (comparison) {
            case "=" -> k == 0;
            case "<>" -> k != 0;
            case "<" -> k < 0;
            case "<=" -> k <= 0;
            case ">" -> k > 0;
            default -> k >= 0;
          };
      if (holds) {
        ids.add((String) row[0]);
      }
    }
    return ids;
  }

  private static TreeSet<String> ids(Connection c, String sql) throws SQLException {
    TreeSet<String> ids = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
