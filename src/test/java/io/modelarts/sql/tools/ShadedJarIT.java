package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.sql.testing.SimulatorFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    Path jar = ShadedJar.path();
    copyProbeClass(probeDir);
    try (SimulatorFixture sim = SimulatorFixture.start(120, 5L)) {
      List<ObjectNode> data = sim.simulator().dataset();
      String output = run(jar, probeDir, sim.url());
      Map<String, String> out = values(output);

      assertEquals("io.modelarts.sql.jdbc.ModelArtsDriver", out.get("driverClass"));
      assertEquals(data.size() + ";", out.get("count"));
      long running = data.stream().filter(n -> n.get("status").asText().equals("RUNNING")).count();
      assertEquals(running + ";", out.get("running"));
      assertEquals("42S22 true", out.get("unknownColumn"));
      assertEquals("true", out.get("plan"));
      assertEquals("1;", out.get("values"));
      assertEquals("Instance ID.", out.get("idRemarks"));
      // The relocated SLF4J has its provider: no "no providers" warning, and the driver's debug
      // lines reach java.util.logging.
      assertFalse(output.contains("SLF4J"), output);
      assertTrue(output.contains("io.modelarts.sql.http.ApiCallLog"), output);
    }
  }

  /**
   * Copies the probe's class file out of test-classes, so the child sees it and nothing else of
   * ours.
   */
  private static void copyProbeClass(Path dir) throws IOException {
    String resource = ShadedJarProbe.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (var in = ShadedJarIT.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
  }

  /** Runs the probe in a fresh JVM; its standard output and error, which must end well. */
  private static String run(Path jar, Path probeDir, String url) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Output to a file, so a chatty child can never block on a full pipe.
    Path log = probeDir.resolve("probe.log");
    Process p =
        new ProcessBuilder(
                javaBin,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar + java.io.File.pathSeparator + probeDir,
                ShadedJarProbe.class.getName(),
                url)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish in 120 s");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    return output;
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
