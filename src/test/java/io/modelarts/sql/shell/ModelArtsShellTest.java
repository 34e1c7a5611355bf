package io.modelarts.sql.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelarts.simulator.SimulatorCredentials;
import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell run in-process as the command line runs it: the README command, formats, errors, help.
 */
class ModelArtsShellTest {
  private static final String README_SQL = "SELECT status, COUNT(*) FROM notebooks GROUP BY status";

  @TempDir static Path home;

  /** A second simulator with the demo's size and seed: the same data, to compare counts with. */
  private static SimulatorFixture demoTwin;

  @BeforeAll
  static void start() {
    demoTwin = SimulatorFixture.start(DemoSimulator.NOTEBOOKS, DemoSimulator.SEED);
  }

  @AfterAll
  static void stop() {
    demoTwin.close();
  }

  private static Map<String, Long> demoCountsByStatus() {
    return demoTwin.simulator().dataset().stream()
        .collect(
            Collectors.groupingBy(
                n -> n.get("status").asText(), TreeMap::new, Collectors.counting()));
  }

  /** The README's main command: one row per status, counts as in the data, 500 in all. */
  @Test
  void readmeDemoQueryPrintsOneRowPerStatus() {
    ShellRun run = ShellRun.run(home, "--demo", "-e", README_SQL);

    assertEquals(0, run.status(), run.err());
    Map<String, Long> counts = new TreeMap<>();
    for (String line : run.outLines()) {
      // table format: | STATUS | 12 |
      String[] cells = line.split("\\|");
      if (cells.length == 3 && cells[2].strip().matches("\\d+")) {
        counts.put(cells[1].strip(), Long.parseLong(cells[2].strip()));
      }
    }
    assertEquals(demoCountsByStatus(), counts);
    assertEquals(500L, counts.values().stream().mapToLong(Long::longValue).sum());
    assertTrue(
        run.err().contains("demo: simulator with 500 notebooks at http://127.0.0.1:"), run.err());
    assertFalse(run.out().contains("demo:"), "notes go to stderr, results alone to stdout");
  }

  /**
   * A batch goes straight to JLine's plain stream terminal, never loading JNA's or Jansi's native
   * library to try a pseudo-terminal first; a value set with -D wins.
   */
  @Test
  void batchSkipsJlinesNativeTerminalsUnlessTheUserChoseThem() {
    String jna = System.getProperty(SqlLineRunner.JLINE_JNA);
    String jansi = System.getProperty(SqlLineRunner.JLINE_JANSI);
    try {
      System.clearProperty(SqlLineRunner.JLINE_JNA);
      System.setProperty(SqlLineRunner.JLINE_JANSI, "true");
      ShellRun run = ShellRun.run(home, "--demo", "-e", "SELECT COUNT(*) FROM notebooks");

      assertEquals(0, run.status(), run.err());
      assertEquals("false", System.getProperty(SqlLineRunner.JLINE_JNA));
      assertEquals("true", System.getProperty(SqlLineRunner.JLINE_JANSI));
    } finally {
      restore(SqlLineRunner.JLINE_JNA, jna);
      restore(SqlLineRunner.JLINE_JANSI, jansi);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  @Test
  void csvOutputIsRfc4180() {
    ShellRun run =
        ShellRun.run(
            home,
            "--demo",
            "--outputformat=csv",
            "-e",
            "SELECT status, COUNT(*) AS n, 'say \"hi\", twice' AS quoted FROM notebooks GROUP BY status");

    assertEquals(0, run.status(), run.err());
    List<List<String>> rows =
        run.outLines().stream().map(ModelArtsShellTest::parseCsvLine).toList();
    assertEquals(List.of("status", "n", "quoted"), rows.get(0));
    Map<String, Long> counts = new TreeMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals("say \"hi\", twice", row.get(2));
      counts.put(row.get(0), Long.parseLong(row.get(1)));
    }
    assertEquals(demoCountsByStatus(), counts);
  }

  @Test
  void jsonOutputParses() throws Exception {
    ShellRun run =
        ShellRun.run(
            home,
            "--demo",
            "--outputformat=json",
            "-e",
            "SELECT status, COUNT(*) AS n FROM notebooks GROUP BY status");

    assertEquals(0, run.status(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out()).get("resultset");
    Map<String, Long> counts = new TreeMap<>();
    result.forEach(row -> counts.put(row.get("status").asText(), row.get("n").asLong()));
    assertEquals(demoCountsByStatus(), counts);
  }

  @Test
  void badSqlFailsWithOneLineCarryingTheSqlState() {
    ShellRun run = ShellRun.run(home, "--demo", "-e", "SELECT * FROM no_such_table");

    assertEquals(1, run.status());
    assertEquals(1, run.errorLines().size(), run.err());
    String error = run.errorLines().get(0);
    assertTrue(error.contains("no_such_table") && error.contains("(SQLState 42S02)"), error);
    assertFalse(run.err().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void parseErrorIsOneLineToo() {
    ShellRun run = ShellRun.run(home, "--demo", "-e", "SELECT FROM WHERE");

    assertEquals(1, run.status());
    assertEquals(1, run.errorLines().size(), run.err());
    assertTrue(run.errorLines().get(0).contains("(SQLState 42000)"), run.err());
  }

  @Test
  void verboseAddsTheStackTrace() {
    ShellRun run = ShellRun.run(home, "--demo", "--verbose", "-e", "SELECT * FROM no_such_table");

    assertEquals(1, run.status());
    assertTrue(run.err().contains("\tat "), run.err());
  }

  @Test
  void pipedStatementsRunAsAScriptThatStopsAtTheFirstError() {
    ShellRun run =
        ShellRun.runWithInput(
            home,
            "SELECT COUNT(*) AS n FROM notebooks;\nSELECT bogus FROM notebooks;\nSELECT 'never' FROM notebooks;\n",
            "--demo",
            "--outputformat=csv");

    assertEquals(1, run.status());
    assertEquals(List.of("\"n\"", "\"500\""), run.outLines(), "results only: no echo, no prompt");
    assertEquals(1, run.errorLines().size(), run.err());
    assertTrue(run.errorLines().get(0).contains("(SQLState 42S22)"), run.err());
  }

  @Test
  void helpExplainsHowToConnect() {
    ShellRun run = ShellRun.run(home, "--help");

    assertEquals(0, run.status());
    for (String expected :
        List.of(
            "--demo",
            "--properties",
            "eu-de",
            "cn-north-4",
            "MODELARTS_PASSWORD",
            "MODELARTS_SK",
            "connection.properties",
            "--outputformat",
            "-e")) {
      assertTrue(run.out().contains(expected), "help mentions " + expected);
    }
  }

  @Test
  void wrongPasswordFromThePropertiesFileIsRefusedWithoutShowingIt() throws Exception {
    String wrong = "Wr0ngSecretThatMustNotBeShown";
    Path file =
        propertiesFile(
            "user=" + demoTwin.simulator().credentials().accessKey(), "password=" + wrong);

    ShellRun run = ShellRun.run(home, "--properties", file.toString(), "-e", README_SQL);

    assertEquals(1, run.status());
    assertEquals(1, run.errorLines().size(), run.err());
    assertTrue(run.errorLines().get(0).contains("(SQLState 28000)"), run.err());
    assertFalse(run.all().contains(wrong), run.all());
  }

  @Test
  void secretKeyFromTheEnvironmentBeatsTheFile() throws Exception {
    SimulatorCredentials c = demoTwin.simulator().credentials();
    Path file = propertiesFile("user=" + c.accessKey(), "password=Wr0ngSecretInTheFile");

    ShellRun run =
        ShellRun.run(
            home,
            Map.of(ConnectionSettings.SK_VARIABLE, c.secretKey()),
            "--properties",
            file.toString(),
            "--outputformat=csv",
            "-e",
            "SELECT COUNT(*) AS n FROM notebooks");

    assertEquals(0, run.status(), run.err());
    assertEquals(List.of("\"n\"", "\"500\""), run.outLines());
    assertFalse(run.all().contains(c.secretKey()));
  }

  /**
   * A token from the properties file reaches the driver (the query runs) but not sqlline's URL:
   * {@code !list} shows the connection without it.
   */
  @Test
  void tokenFromThePropertiesFileConnectsWithoutRidingInTheUrl() throws Exception {
    String token = demoTwin.simulator().credentials().readyToken();
    Path file = propertiesFile("authType=token", "token=" + token);

    ShellRun query =
        ShellRun.run(
            home,
            "--properties",
            file.toString(),
            "--outputformat=csv",
            "-e",
            "SELECT COUNT(*) AS n FROM notebooks");
    ShellRun list = ShellRun.run(home, "--properties", file.toString(), "-e", "!list");

    assertEquals(0, query.status(), query.err());
    assertEquals(List.of("\"n\"", "\"500\""), query.outLines());
    assertTrue(list.all().contains(ShellDriver.PREFIX), list.all());
    assertFalse(query.all().contains(token), query.all());
    assertFalse(list.all().contains(token), list.all());
  }

  @Test
  void passwordOnTheCommandLineWorksWithAWarning() {
    SimulatorCredentials c = demoTwin.simulator().credentials();

    ShellRun run =
        ShellRun.run(
            home,
            "--endpoint",
            demoTwin.simulator().baseUrl(),
            "--project-id",
            demoTwin.simulator().projectId(),
            "--user",
            c.accessKey(),
            "--password",
            c.secretKey(),
            "-e",
            "SELECT COUNT(*) FROM notebooks");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.err().contains("warning: a password on the command line"), run.err());
    assertFalse(run.all().contains(c.secretKey()));
  }

  @Test
  void missingProjectIsOneLineNotACascade() {
    ShellRun run =
        ShellRun.run(
            home,
            Map.of(ConnectionSettings.SK_VARIABLE, "x"),
            "--region",
            "eu-de",
            "--user",
            "AK",
            "-e",
            "SELECT 1",
            "-e",
            "SELECT 2");

    assertEquals(1, run.status());
    assertEquals(1, run.errorLines().size(), run.err());
    assertTrue(run.errorLines().get(0).contains("projectId"), run.err());
    assertFalse(run.err().contains("No current connection"), run.err());
  }

  @Test
  void badCommandLinesExitWithTwo() {
    assertEquals(2, ShellRun.run(home, "--no-such-option").status());
    assertEquals(2, ShellRun.run(home, "--outputformat=csv", "frobnicate").status());
    assertEquals(2, ShellRun.run(home, "-u", "jdbc:postgresql://x/y").status());
    assertEquals(2, ShellRun.run(home, "--demo", "--region", "eu-de").status());
    ShellRun run = ShellRun.run(home, "--properties", home.resolve("absent.properties").toString());
    assertEquals(2, run.status());
    assertTrue(run.err().contains("absent.properties") && run.err().contains("--help"), run.err());
  }

  @Test
  void syncIsHandedOverOrReportedMissing() {
    ShellRun run = ShellRun.run(home, "--demo", "sync", "--help");

    if (classPresent(SyncCommand.SYNC_CLASS)) {
      assertEquals(0, run.status(), run.err());
      assertFalse(run.out().isBlank());
    } else {
      assertEquals(2, run.status());
      assertTrue(run.err().contains("sync is not available in this build"), run.err());
    }
  }

  private static boolean classPresent(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** A properties file for the demo's twin with {@code credentialLines} ({@code key=value}). */
  private static Path propertiesFile(String... credentialLines) throws Exception {
    Path file = Files.createTempFile(home, "connection", ".properties");
    List<String> lines = new ArrayList<>();
    lines.add("endpoint=" + demoTwin.simulator().baseUrl());
    lines.add("projectId=" + demoTwin.simulator().projectId());
    lines.addAll(List.of(credentialLines));
    lines.add("rateLimit=0");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** Splits one RFC 4180 line (no embedded line breaks in these tests). */
  private static List<String> parseCsvLine(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
