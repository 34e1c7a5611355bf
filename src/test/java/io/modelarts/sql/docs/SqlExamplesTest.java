package io.modelarts.sql.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every query in sql-examples/ runs against the demo data (500 notebooks, seed 42, "now" as the
 * data's reference time) and its output is checked: against {@code <name>.expected} where the
 * answer does not depend on the clock (rewrite those with {@code -Dexamples.update=true}), and
 * against an answer computed here from the simulator's data where it does.
 */
class SqlExamplesTest {
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim =
        SimulatorFixture.start(
            SimulatorConfig.builder()
                .port(0)
                .notebooks(500)
                .seed(42L)
                .referenceTime(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String sql(String name) throws Exception {
    return Files.readString(Path.of("sql-examples", name + ".sql"));
  }

  @Test
  void examplesWithAFixedAnswerMatchTheirExpectedOutput() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("sql-examples"))) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(files.size() >= 5);
    int checked = 0;
    try (Connection c = sim.connect()) {
      for (Path file : files) {
        String name = file.getFileName().toString().replace(".sql", "");
        List<String> rows = SimulatorFixture.rows(c, Files.readString(file));
        Path expected = Path.of("sql-examples", name + ".expected");
        if (Boolean.getBoolean("examples.update")
            && !name.equals("leases-ending-within-an-hour")
            && !name.equals("recent-api-calls")) {
          Files.write(expected, rows);
        }
        if (Files.exists(expected)) {
          assertEquals(Files.readAllLines(expected), rows, file.toString());
          assertFalse(rows.isEmpty(), file + " shows something on the demo data");
          checked++;
        }
      }
    }
    assertTrue(checked >= 4, "checked " + checked);
  }

  @Test
  void leasesEndingWithinAnHourAreTheOnesTheDataSays() throws Exception {
    long now = System.currentTimeMillis();
    List<String> expected =
        sim.simulator().dataset().stream()
            .filter(n -> n.get("status").asText().equals("RUNNING"))
            .filter(n -> n.hasNonNull("lease") && n.get("lease").path("enable").asBoolean(false))
            .filter(
                n -> {
                  long end =
                      n.get("lease").get("create_at").asLong() / 1000 * 1000
                          + n.get("lease").get("duration").asLong() / 1000 * 1000;
                  return end >= now + 5_000
                      && end <= now + 3_600_000 - 5_000; // away from the edges
                })
            .map(n -> n.get("name").asText())
            .sorted()
            .toList();
    try (Connection c = sim.connect()) {
      List<String> names =
          SimulatorFixture.rows(c, sql("leases-ending-within-an-hour")).stream()
              .map(r -> r.split("\\|")[0])
              .sorted()
              .toList();
      assertTrue(names.containsAll(expected), names + " should contain " + expected);
      assertTrue(
          names.size() <= expected.size() + 2,
          "only edge cases may differ: " + names + " vs " + expected);
      assertFalse(expected.isEmpty(), "the demo data has leases ending within the hour");
    }
  }

  @Test
  void recentApiCallsSumsThisConnectionsCalls() throws Exception {
    try (Connection c = sim.connect()) {
      SimulatorFixture.rows(c, sql("running-by-flavor"));
      List<String> row = SimulatorFixture.rows(c, sql("recent-api-calls"));
      assertEquals(1, row.size());
      long running =
          sim.simulator().dataset().stream()
              .filter(n -> n.get("status").asText().equals("RUNNING"))
              .count();
      long notebookFeature =
          sim.simulator().dataset().stream()
              .filter(
                  n ->
                      n.get("status").asText().equals("RUNNING")
                          && n.get("feature").asText().equals("NOTEBOOK"))
              .count();
      long calls = (notebookFeature + 49) / 50 + Math.max(1, (running - notebookFeature + 49) / 50);
      String[] cells = row.get(0).split("\\|");
      assertEquals(
          Long.toString(calls),
          cells[0],
          "one call per page of 50 RUNNING notebooks per feature: " + row);
      assertEquals(Long.toString(running), cells[2], "rows read: " + row);
    }
  }
}
