package io.modelarts.sql.tools;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

/**
 * A JDBC client that knows nothing but {@code java.sql}: {@link ShadedJarIT} runs it in a fresh JVM
 * whose class path is the shaded jar and this one class, so that it proves the jar alone is enough.
 *
 * <p>Prints one {@code key=value} line per check; the test compares them with the simulator's data.
 */
public final class ShadedJarProbe {
  private ShadedJarProbe() {}

  public static void main(String[] args) throws SQLException {
    String url = args[0];
    // The driver's debug lines, through java.util.logging, on standard error.
    java.util.logging.Logger driverLogs = java.util.logging.Logger.getLogger("io.modelarts.sql");
    driverLogs.setLevel(java.util.logging.Level.FINE);
    java.util.logging.Handler console = new java.util.logging.ConsoleHandler();
    console.setLevel(java.util.logging.Level.FINE);
    driverLogs.addHandler(console);
    // The driver registers itself through META-INF/services: no Class.forName here on purpose.
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData md = c.getMetaData();
      System.out.println("driver=" + md.getDriverName());
      System.out.println("driverClass=" + DriverManager.getDriver(url).getClass().getName());
      try (Statement s = c.createStatement()) {
        print(s, "count", "SELECT COUNT(*) FROM notebooks");
        print(s, "running", "SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING'");
        print(
            s,
            "byFeature",
            "SELECT feature, COUNT(*) AS n FROM notebooks GROUP BY feature ORDER BY feature");
        print(
            s,
            "endpointsJoined",
            "SELECT COUNT(*) FROM endpoints e JOIN notebooks n ON e.notebook_id = n.id");
        print(
            s,
            "functions",
            "SELECT UPPER(SUBSTRING(MIN(id) FROM 1 FOR 4)) || CAST(COUNT(DISTINCT image_id) AS VARCHAR)"
                + " FROM notebooks");
        print(
            s,
            "ips",
            "SELECT COUNT(*) FROM endpoints e CROSS JOIN UNNEST(e.allowed_access_ips) AS t(ip)");
        print(
            s,
            "ranked",
            "SELECT COUNT(*) FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY feature ORDER BY id) AS r"
                + " FROM notebooks) WHERE r <= 3");
        print(s, "values", "SELECT COUNT(*) FROM (VALUES 1, 2) AS v(x) WHERE x > 1");
        // Literals beyond ISO-8859-1 (Calcite's default) parse, and an emoji is one character.
        print(
            s,
            "unicode",
            "SELECT CHAR_LENGTH('\u6a21\u578b\uD83D\uDE80'), COUNT(*) FROM notebooks"
                + " WHERE description LIKE '%\uD83D\uDE80%'");
        try {
          s.executeQuery("SELECT no_such_column FROM notebooks");
          System.out.println("unknownColumn=accepted");
        } catch (SQLException e) {
          // Calcite's message comes from a resource bundle found by class name: relocation must
          // keep it.
          System.out.println(
              "unknownColumn="
                  + e.getSQLState()
                  + " "
                  + e.getMessage().contains("Column 'no_such_column' not found"));
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT MIN(lease_create_at) FROM notebooks WHERE lease_create_at IS NOT NULL")) {
          rs.next();
          System.out.println("firstLease=" + rs.getObject(1, LocalDateTime.class));
        }
      }
      try (java.sql.PreparedStatement p =
          c.prepareStatement("SELECT COUNT(*) FROM notebooks WHERE status = ? AND feature = ?")) {
        p.setString(1, "RUNNING");
        p.setString(2, "NOTEBOOK");
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          System.out.println("runningNotebooks=" + rs.getLong(1));
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "EXPLAIN PLAN FOR SELECT id FROM notebooks WHERE status = 'RUNNING'")) {
        rs.next();
        String plan = rs.getString(1);
        System.out.println("plan=" + plan.contains("ModelArtsTableScan"));
        // The driver made UTF-16 Calcite's default character set, which plans do not name.
        System.out.println(
            "planLiteral=" + (plan.contains("'RUNNING'") && !plan.contains("_UTF-16LE")));
      }
      try (ResultSet rs = md.getColumns(null, "modelarts", "notebooks", "id")) {
        rs.next();
        System.out.println("idRemarks=" + rs.getString("REMARKS"));
      }
    }
  }

  private static void print(Statement s, String key, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          out.append(i > 1 ? ":" : "").append(rs.getString(i));
        }
        out.append(';');
      }
    }
    System.out.println(key + "=" + out);
  }
}
