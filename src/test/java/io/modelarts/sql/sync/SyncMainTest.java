package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.ModelArtsSimulator;
import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.sql.testing.SimulatorFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as the shell calls it: {@code SyncMain.run} with the driver connection of {@code
 * --demo}, a simulator, and an H2 file as the target.
 */
class SyncMainTest {
  @TempDir Path dir;

  /** One run's exit status and what it printed. */
  record Run(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run run(String sourceUrl, Properties source, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = SyncMain.run(args, sourceUrl, source, o, e, env);
    }
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void twoRunsWithHistoryLeaveTheLiveTablesAndTwoCompleteSnapshots() throws Exception {
    H2Target target = new H2Target(dir);
    try (SimulatorFixture fixture = SimulatorFixture.start(100, 42);
        Connection driver = fixture.connect()) {
      Map<String, String> env = Map.of(SyncOptions.ENV_USER, "sa");
      Map<String, List<String>> first = SyncTargetContract.live(driver);
      Run r1 = run(fixture.url(), new Properties(), env, "--to", target.url(), "--history");
      assertEquals(0, r1.status(), r1.err());
      fixture.simulator().addNotebooks(2);
      Map<String, List<String>> second = SyncTargetContract.live(driver);
      Run r2 = run(fixture.url(), new Properties(), env, "--to", target.url(), "--history");
      assertEquals(0, r2.status(), r2.err());

      assertTrue(r2.out().startsWith("sync: snapshot "), r2.out());
      assertTrue(r2.err().contains("sync: read notebooks: 102 rows"), r2.err());
      assertTrue(r2.err().contains("sync: wrote action_progress: "), r2.err());
      try (Connection c = target.connect()) {
        List<Instant> snapshots = SyncedRows.snapshots(target, c, "notebooks_history");
        assertEquals(2, snapshots.size());
        for (String table : SyncedRows.TABLES) {
          SyncTargetContract.assertSameRows(
              second.get(table), SyncedRows.current(driver, target, c, table), table);
          assertEquals(snapshots, SyncedRows.snapshots(target, c, table + "_history"), table);
          SyncTargetContract.assertSameRows(
              first.get(table),
              SyncedRows.history(driver, target, c, table, snapshots.get(0)),
              table);
          SyncTargetContract.assertSameRows(
              second.get(table),
              SyncedRows.history(driver, target, c, table, snapshots.get(1)),
              table);
        }
      }
    }
  }

  @Test
  void usageErrorsExitTwoAndHelpExitsZero() {
    Run help = run("jdbc:modelarts:x", null, Map.of(), "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--to JDBC_URL"), help.out());

    assertEquals(2, run("jdbc:modelarts:x", null, Map.of(), "--history").status());
    assertEquals(
        2,
        run("jdbc:modelarts:x", null, Map.of(), "--to", "jdbc:h2:mem:x", "--every", "soon")
            .status());
    Run unsupported = run("jdbc:modelarts:x", null, Map.of(), "--to", "jdbc:mysql://db/x");
    assertEquals(2, unsupported.status());
    assertTrue(unsupported.err().contains("sync writes to PostgreSQL"), unsupported.err());
    Run noSource = run(null, null, Map.of(), "--to", "jdbc:h2:mem:x");
    assertEquals(2, noSource.status());
    assertTrue(noSource.err().contains("--demo"), noSource.err());
    Run badSchema =
        run("jdbc:modelarts:x", null, Map.of(), "--to", "jdbc:h2:mem:x", "--schema", "Ops");
    assertEquals(2, badSchema.status());
    assertTrue(badSchema.err().contains("lower-case"), badSchema.err());
  }

  @Test
  void noSecretIsEverPrinted() throws Exception {
    String targetPassword = "Target-Secret-0042";
    String h2 = "jdbc:h2:" + dir.resolve("secret").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(h2, "sa", targetPassword)) {
      c.createStatement().execute("SELECT 1"); // creates the database with this password
    }
    List<Run> runs = new ArrayList<>();
    try (SimulatorFixture fixture = SimulatorFixture.start(30, 1)) {
      String secretKey = fixture.simulator().credentials().secretKey();
      Properties source = new Properties();
      source.setProperty("password", secretKey);
      String sourceUrl = fixture.url(); // the secret key is in the URL too
      // Success, with the password from the environment and from the command line.
      runs.add(
          run(
              sourceUrl,
              source,
              Map.of(SyncOptions.ENV_USER, "sa", SyncOptions.ENV_PASSWORD, targetPassword),
              "--to",
              h2,
              "--history"));
      assertEquals(0, runs.get(0).status(), runs.get(0).err());
      runs.add(
          run(
              sourceUrl,
              source,
              Map.of(),
              "--to",
              h2,
              "--to-user",
              "sa",
              "--to-password",
              targetPassword));
      assertEquals(0, runs.get(1).status(), runs.get(1).err());
      // The target refuses the password: the error must not quote it.
      runs.add(
          run(
              sourceUrl,
              source,
              Map.of(),
              "--to",
              h2 + ";USER=sa;PASSWORD=" + targetPassword + "x"));
      assertEquals(1, runs.get(2).status());
      // Unreachable PostgreSQL with the password in its URL, retried until giving up.
      runs.add(
          run(
              sourceUrl,
              source,
              Map.of(),
              "--to",
              "jdbc:postgresql://127.0.0.1:1/bi?user=u&password="
                  + targetPassword
                  + "&connectTimeout=1",
              "--every",
              "10ms",
              "--max-failures",
              "2"));
      assertEquals(1, runs.get(3).status());
      // The source fails (no retries, every call a 500).
      fixture.simulator().faults().setFailEvery(1);
      runs.add(
          run(
              fixture.url("maxRetries=0"),
              source,
              Map.of(SyncOptions.ENV_USER, "sa", SyncOptions.ENV_PASSWORD, targetPassword),
              "--to",
              h2));
      assertEquals(1, runs.get(4).status());

      for (Run r : runs) {
        assertFalse(r.all().contains(secretKey), r.all());
        assertFalse(r.all().contains(targetPassword), r.all());
      }
      assertTrue(runs.get(3).err().contains("password=****"), runs.get(3).err());
      assertTrue(
          runs.get(3).err().contains("2 rounds in a row failed; giving up"), runs.get(3).err());
      assertTrue(
          runs.get(4).err().contains("round failed, the target keeps its previous snapshot"),
          runs.get(4).err());
    }
  }

  @Test
  void aFailedRoundIsLoggedAndRetriedAtTheNextInterval() throws Exception {
    AtomicReference<ModelArtsSimulator> simulator = new AtomicReference<>();
    SimulatorConfig config =
        SimulatorConfig.builder()
            .port(0)
            .notebooks(30)
            .seed(2)
            .failEvery(1)
            .requestListener(
                request -> {
                  if (request.status() == 500) {
                    simulator.get().faults().clear(); // the outage ends after the first failed call
                  }
                })
            .build();
    try (SimulatorFixture fixture = SimulatorFixture.start(config)) {
      simulator.set(fixture.simulator());
      H2Target target = new H2Target(dir);
      Run run =
          run(
              fixture.url("maxRetries=0"),
              new Properties(),
              Map.of(SyncOptions.ENV_USER, "sa"),
              "--to",
              target.url(),
              "--every",
              "50ms",
              "--rounds",
              "2",
              "--history");
      assertEquals(0, run.status(), run.err());
      assertTrue(run.err().contains("round failed"), run.err());
      assertTrue(
          run.err().contains("retrying after a failed round (1 of 3 allowed in a row)"), run.err());
      assertEquals(
          1, run.out().lines().filter(l -> l.startsWith("sync: snapshot")).count(), run.out());
      try (Connection c = target.connect();
          Statement s = c.createStatement()) {
        assertEquals(30, SyncedRows.count(target, c, "notebooks"));
        assertEquals(1, SyncedRows.count(target, c, "sync_rounds"));
      }
    }
  }
}
