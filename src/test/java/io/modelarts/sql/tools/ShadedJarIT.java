package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      List<ObjectNode> data = sim.simulator().dataset();
      String output =
          ShadedJar.runAlone(
              ShadedJarProbe.class,
              probeDir,
              List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"),
              sim.url());
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
