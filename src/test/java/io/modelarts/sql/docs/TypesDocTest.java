package io.modelarts.sql.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The type table of docs/types.md is what DatabaseMetaData reports, column by column; its casts to
 * strings and its periods give what it says.
 */
class TypesDocTest {
  @Test
  void documentedCastsToStringsGiveWhatTheySay() throws Exception {
    assertEquals(6, checkedRows("CASTS"));
  }

  /**
   * The periods table: weeks from Sunday, seconds whole, as the rows say (and unlike PostgreSQL).
   */
  @Test
  void documentedPeriodsAreWhatTheySay() throws Exception {
    assertEquals(9, checkedRows("PERIODS"));
  }

  /**
   * Runs each row of the table between {@code <!-- BEGIN name -->} and {@code <!-- END name -->} of
   * docs/types.md, {@code | `sql` | `value` | …}, checking that {@code sql} gives {@code value} as
   * a string; the number of rows checked.
   */
  private static int checkedRows(String name) throws Exception {
    String doc = Files.readString(Path.of("docs/types.md"));
    String table =
        doc.substring(
            doc.indexOf("<!-- BEGIN " + name + " -->"), doc.indexOf("<!-- END " + name + " -->"));
    int checked = 0;
    try (SimulatorFixture sim = SimulatorFixture.start(10, 1L);
        Connection c = sim.connect();
        Statement statement = c.createStatement()) {
      for (String line : table.split("\n")) {
        // | `sql` | `value` |, the sql's pipes escaped for Markdown.
        String[] cells = line.replace("\\|", "\u0000").split("\\|");
        if (cells.length < 3 || !cells[1].strip().startsWith("`")) {
          continue;
        }
        String sql = code(cells[1]).replace('\u0000', '|');
        try (ResultSet rs = statement.executeQuery("SELECT " + sql + " FROM (VALUES (0))")) {
          rs.next();
          assertEquals(code(cells[2]), rs.getString(1), sql);
        }
        checked++;
      }
    }
    return checked;
  }

  private static String code(String cell) {
    String s = cell.strip();
    return s.substring(1, s.length() - 1);
  }

  @Test
  void documentedTypesAreTheReportedTypes() throws Exception {
    String doc = Files.readString(Path.of("docs/types.md"));
    String table =
        doc.substring(doc.indexOf("<!-- BEGIN TYPES -->"), doc.indexOf("<!-- END TYPES -->"));
    Map<String, String> documented = new TreeMap<>();
    for (String line : table.split("\n")) {
      String[] cells = line.split("\\|");
      if (cells.length < 4
          || cells[1].isBlank()
          || cells[1].contains("table")
          || cells[1].contains("---")) {
        continue;
      }
      for (String column : cells[2].split(",")) {
        documented.put(cells[1].strip() + "." + column.strip(), cells[3].strip());
      }
    }
    Map<String, String> reported = new TreeMap<>();
    try (SimulatorFixture sim = SimulatorFixture.start(10, 1L);
        Connection c = sim.connect()) {
      for (String t : new String[] {"notebooks", "endpoints", "action_progress", "images"}) {
        try (ResultSet rs = c.getMetaData().getColumns(null, "modelarts", t, "%")) {
          while (rs.next()) {
            reported.put(
                t + "." + rs.getString("COLUMN_NAME"),
                JDBCType.valueOf(rs.getInt("DATA_TYPE")).getName());
          }
        }
      }
    }
    assertEquals(reported, documented);
  }
}
