package io.modelarts.sql.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What {@link FirstQueryClassesIT} runs in a fresh JVM to take its census of the classes first
 * queries load: connects and runs a few typical first queries, one after another — a filter with a
 * limit, a count by status, a join, an average by status, a count by day, a count by hour, the
 * leases' hours in decimals summed by status (all seven run by the driver's plan interpreter), and
 * each notebook's rank by volume capacity within its status, a window function, which Calcite
 * compiles (so that a client whose first query needs Janino finds its classes loaded) — then reads
 * the tables' metadata as a client tool does. Uses only {@code java.sql}, so every class it loads
 * comes from the driver.
 *
 * <p>Args: the URL, then optionally {@code --await-preloader}: show the driver's debug lines and
 * wait for its class preloader to finish, so that its closing line is printed.
 */
public final class FirstQueryProbe {
  static final String[] QUERIES = {
    "SELECT id, name, status FROM notebooks WHERE status = 'RUNNING' LIMIT 10",
    "SELECT status, COUNT(*) AS n FROM notebooks GROUP BY status ORDER BY n DESC",
    "SELECT n.name, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
        + " WHERE n.name LIKE 'a%' ORDER BY n.name",
    "SELECT status, AVG(volume_capacity) AS capacity FROM notebooks GROUP BY status",
    "SELECT CAST(lease_create_at AS DATE) AS created, COUNT(*) AS n FROM notebooks"
        + " GROUP BY CAST(lease_create_at AS DATE)",
    "SELECT EXTRACT(HOUR FROM lease_create_at) AS created, COUNT(*) AS n FROM notebooks"
        + " GROUP BY EXTRACT(HOUR FROM lease_create_at)",
    "SELECT status, SUM(lease_duration / 3600000.0) AS hours FROM notebooks GROUP BY status",
    "SELECT name, RANK() OVER (PARTITION BY status ORDER BY volume_capacity) AS r FROM notebooks",
  };

  private FirstQueryProbe() {}

  public static void main(String[] args) throws Exception {
    boolean awaitPreloader = args.length > 1 && args[1].equals("--await-preloader");
    if (awaitPreloader) {
      java.util.logging.Logger driverLogs = java.util.logging.Logger.getLogger("io.modelarts.sql");
      driverLogs.setLevel(java.util.logging.Level.FINE);
      java.util.logging.Handler console = new java.util.logging.ConsoleHandler();
      console.setLevel(java.util.logging.Level.FINE);
      driverLogs.addHandler(console);
    }
    int rows = 0;
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement s = c.createStatement()) {
      for (String sql : QUERIES) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rows++;
            rs.getString(1);
          }
        }
      }
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    System.out.println("rows=" + rows);
    if (awaitPreloader) {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("modelarts-jdbc-class-preloader")) {
          t.join(60_000);
        }
      }
    }
    System.exit(0); // as a shell would once it printed: no waiting for idle pool threads
  }
}
