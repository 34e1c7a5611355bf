package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code LIMIT ?} and {@code OFFSET ?} take any whole number whatever its Java type, read {@code
 * NULL} as no limit and no offset, and refuse a negative, fractional or non-numeric value with the
 * SQLState that says so before any call to the service; alike where the scan cuts the window, where
 * a limit stays above a filtering scan, and above a local sort, interpreted and compiled.
 */
class RowCountParametersTest {
  private static SimulatorFixture sim;

  /** Each with {@code LIMIT ? OFFSET ?} appended. */
  private static final List<String> QUERIES =
      List.of(
          "SELECT id FROM notebooks", // the scan cuts the window
          "SELECT id FROM notebooks WHERE name LIKE '%a%'", // a limit above a filtering scan
          "SELECT id, name FROM notebooks ORDER BY name"); // a limit above a local sort

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(137, 5L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void wholeNumbersOfAnyTypeAndNullCountAsTheLiteralsTheyStandFor() throws Exception {
    // bound limit, bound offset, the literal clause they stand for
    Object[][] cases = {
      {5, 3, "LIMIT 5 OFFSET 3"},
      {5L, 3L, "LIMIT 5 OFFSET 3"},
      {(short) 5, (byte) 3, "LIMIT 5 OFFSET 3"},
      {new BigDecimal("5"), new BigDecimal("3.000"), "LIMIT 5 OFFSET 3"},
      {BigInteger.valueOf(5), 3.0d, "LIMIT 5 OFFSET 3"},
      {null, 130, "LIMIT 2147483647 OFFSET 130"},
      {4, null, "LIMIT 4 OFFSET 0"},
      {1L << 40, 120L, "LIMIT 2147483647 OFFSET 120"},
      {3, 1L << 40, "LIMIT 3 OFFSET 2147483647"},
      {0, 0, "LIMIT 0 OFFSET 0"},
    };
    for (boolean compiled : new boolean[] {false, true}) {
      try (Connection c = sim.connect()) {
        for (String query : QUERIES) {
          for (Object[] values : cases) {
            String literal = query + " " + values[2];
            List<String> expected = SimulatorFixture.rows(c, literal);
            List<String> bound =
                run(c, compiled, query + " LIMIT ? OFFSET ?", values[0], values[1]);
            assertEquals(expected, bound, literal + (compiled ? " (compiled)" : ""));
          }
        }
      }
    }
  }

  @Test
  void aNegativeFractionalOrNonNumericCountFailsWithItsSqlStateAndCallsNothing() throws Exception {
    // bound limit, bound offset, SQLState, words of the message
    Object[][] cases = {
      {-1, 0, "2201W", "LIMIT ? (parameter 1) is bound to -1: it must not be negative"},
      {5, -2L, "2201X", "OFFSET ? (parameter 2) is bound to -2: it must not be negative"},
      {5.5d, 0, "2201W", "LIMIT ? (parameter 1) is bound to 5.5, which is not a whole number"},
      {5, new BigDecimal("0.5"), "2201X", "OFFSET ? (parameter 2) is bound to 0.5"},
      {"5", 0, "07006", "LIMIT ? (parameter 1) is bound to a String, not a number"},
      {5, Double.NaN, "2201X", "OFFSET ? (parameter 2) is bound to NaN, which is not a whole"},
    };
    for (boolean compiled : new boolean[] {false, true}) {
      try (Connection c = sim.connect()) {
        for (String query : QUERIES) {
          for (Object[] values : cases) {
            String what = query + " " + values[0] + ", " + values[1];
            sim.resetLog();
            SQLException e =
                assertThrows(
                    SQLException.class,
                    () -> run(c, compiled, query + " LIMIT ? OFFSET ?", values[0], values[1]),
                    what);
            assertEquals(values[2], e.getSQLState(), what + ": " + e.getMessage());
            assertTrue(e.getMessage().contains((String) values[3]), what + ": " + e.getMessage());
            assertEquals(List.of(), sim.listCalls(), what);
          }
          // The connection and the text still work with a valid value.
          assertEquals(2, run(c, compiled, query + " LIMIT ? OFFSET ?", 2, 1).size(), query);
        }
      }
    }
  }

  private static List<String> run(
      Connection c, boolean compiled, String sql, Object limit, Object offset) throws Exception {
    if (compiled) {
      return InterpretingPrepare.compilingAll(() -> run(c, false, sql, limit, offset));
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, 1, limit);
      bind(ps, 2, offset);
      return SimulatorFixture.render(ps.executeQuery());
    }
  }

  private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setObject(index, value);
    }
  }
}
