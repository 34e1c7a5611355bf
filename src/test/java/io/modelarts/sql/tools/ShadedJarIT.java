package io.modelarts.sql.tools;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in jar alone on a fresh JVM's class path (plus {@link ShadedJarProbe}, which uses only
 * {@code java.sql}) connects to the simulator and answers queries that exercise Calcite's code
 * generation, resource bundles and metadata: what a relocation mistake would break.
 */
class ShadedJarIT {
  @Test
  void jarAloneConnectsAndAnswers(@TempDir Path probeDir) throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(120, 5L)) {
      String output =
          ShadedJar.runAlone(
              ShadedJarProbe.class,
              probeDir,
              List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"),
              sim.url());
      assertAnswers(sim, output);
      assertEquals("true", values(output).get("planLiteral"), output);
    }
  }

  /**
   * Where the application has chosen Calcite's default character set (ISO-8859-1, Calcite's own),
   * the driver keeps it: literals beyond it still parse, since the connection's types are UTF-16
   * ({@code UnicodeTypeFactory}), and plans name the literals' character set.
   */
  @Test
  void anApplicationsCalciteCharsetIsKeptAndUnicodeLiteralsStillParse(@TempDir Path probeDir)
      throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(120, 5L)) {
      String output =
          ShadedJar.runAlone(
              ShadedJarProbe.class,
              probeDir,
              List.of(
                  "-XX:TieredStopAtLevel=1",
                  "-Dcalcite.default.charset=ISO-8859-1",
                  "-Dcalcite.default.nationalcharset=ISO-8859-1",
                  "-Dcalcite.default.collation.name=ISO-8859-1$en_US"),
              sim.url());
      assertAnswers(sim, output);
      assertEquals("false", values(output).get("planLiteral"), output);
    }
  }

  /**
   * On a JVM that denies {@code sun.misc.Unsafe}'s memory access (an option since Java 24, and a
   * later JDK's planned default, JEP 471), the jar still connects: protobuf, which Avatica reads at
   * every connection, falls back from {@code Unsafe} since 4.x (before, its static initialiser
   * threw and no connection opened); with the default, nothing warns of {@code Unsafe}. Needs a
   * Java 25+ JDK on the machine, found as bench/run and .ci/run find it.
   */
  @Test
  void jarAloneConnectsWhereTheJvmDeniesUnsafeMemoryAccess(@TempDir Path probeDir)
      throws Exception {
    Process find = new ProcessBuilder("bench/newer-jdk").redirectErrorStream(true).start();
    String newerJdk = new String(find.getInputStream().readAllBytes(), UTF_8).strip();
    assertEquals(0, find.waitFor());
    assumeTrue(!newerJdk.isEmpty(), "no Java 25+ JDK under /usr/lib/jvm");
    try (SimulatorFixture sim = SimulatorFixture.start(120, 5L)) {
      String output =
          ShadedJar.runAlone(
              Path.of(newerJdk),
              ShadedJarProbe.class,
              probeDir,
              List.of("--sun-misc-unsafe-memory-access=deny", "-XX:TieredStopAtLevel=1"),
              sim.url());
      assertAnswers(sim, output);
      // With the JVM's default (warn), no library of the driver's calls Unsafe's memory access.
      String warned =
          ShadedJar.runAlone(
              Path.of(newerJdk),
              ShadedJarProbe.class,
              probeDir,
              List.of("-XX:TieredStopAtLevel=1"),
              sim.url());
      assertAnswers(sim, warned);
      assertFalse(warned.contains("sun.misc.Unsafe"), warned);
    }
  }

  /** The probe's answers are the simulator's data, and the driver logged as it should. */
  private static void assertAnswers(SimulatorFixture sim, String output) {
    List<ObjectNode> data = sim.simulator().dataset();
    Map<String, String> out = values(output);
    assertEquals("io.modelarts.sql.jdbc.ModelArtsDriver", out.get("driverClass"), output);
    assertEquals(data.size() + ";", out.get("count"));
    long running = data.stream().filter(n -> n.get("status").asText().equals("RUNNING")).count();
    assertEquals(running + ";", out.get("running"));
    assertEquals("42S22 true", out.get("unknownColumn"));
    assertEquals("true", out.get("plan"));
    assertEquals("1;", out.get("values"));
    long rockets =
        data.stream().filter(n -> n.path("description").asText().contains("\uD83D\uDE80")).count();
    assertEquals("3:" + rockets + ";", out.get("unicode"), output);
    assertEquals("Instance ID.", out.get("idRemarks"));
    // The relocated SLF4J has its provider: no "no providers" warning, and the driver's debug
    // lines reach java.util.logging.
    assertFalse(output.contains("SLF4J"), output);
    assertTrue(output.contains("io.modelarts.sql.http.ApiCallLog"), output);
  }

  /** The probe's "key=value" lines. */
  private static Map<String, String> values(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return values;
  }
}
