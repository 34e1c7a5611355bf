package io.modelarts.sql.bench;

import java.util.Map;

/**
 * One query of the benchmark, in its two forms: SQL through the driver (a) and the hand-written
 * client's equivalent (b), over a simulator of a given size.
 *
 * @param id short key used in the report and the plot
 * @param title what the report's table calls it
 * @param notebooks size of the simulator's data set
 * @param sql the SQL the driver runs
 * @param handWritten what the hand-written client does instead
 * @param argument the hand-written query's argument (a name), or ""
 * @param driverProperties connection properties beyond the benchmark's defaults
 */
record Workload(
    String id,
    String title,
    int notebooks,
    String sql,
    HandWrittenQuery handWritten,
    String argument,
    Map<String, String> driverProperties) {

  static Workload of(
      String id, String title, int notebooks, String sql, HandWrittenQuery handWritten) {
    return new Workload(id, title, notebooks, sql, handWritten, "", Map.of());
  }

  Workload withArgument(String value) {
    return new Workload(id, title, notebooks, sql, handWritten, value, driverProperties);
  }

  Workload withDriverProperties(String newId, String newTitle, Map<String, String> properties) {
    return new Workload(newId, newTitle, notebooks, sql, handWritten, argument, properties);
  }

  /** The page concurrency the driver runs this workload with. */
  int pageConcurrency() {
    return Integer.parseInt(driverProperties.getOrDefault("pageConcurrency", "4"));
  }
}
