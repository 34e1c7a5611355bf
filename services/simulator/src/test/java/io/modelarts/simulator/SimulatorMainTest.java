package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line maps onto the configuration and the banner tells a user how to connect. */
class SimulatorMainTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    SimulatorConfig config = SimulatorMain.parseArguments(new String[0]);
    assertEquals(18080, config.port());
    assertEquals(500, config.notebooks());
    assertEquals(42L, config.seed());
    assertEquals(0, config.latencyMillis());
    assertEquals(0, config.throttleEvery());
    assertEquals(0, config.failEvery());
    assertEquals(0, config.resetEvery());
    assertTrue(config.reportOwner());
  }

  @Test
  void everyOptionIsApplied() {
    SimulatorConfig config =
        SimulatorMain.parseArguments(
            ("--port 0 --notebooks 12 --seed 7 --latency-ms 50 "
                    + "--throttle-every 7 --retry-after 3 --fail-every 11 --reset-every 13 --name-match prefix "
                    + "--sortable-keys create_at,status --token-ttl-seconds 60 --no-owner --log")
                .split(" "));
    assertEquals(0, config.port());
    assertEquals(12, config.notebooks());
    assertEquals(7L, config.seed());
    assertEquals(50, config.latencyMillis());
    assertEquals(7, config.throttleEvery());
    assertEquals(3, config.retryAfterSeconds());
    assertEquals(11, config.failEvery());
    assertEquals(13, config.resetEvery());
    assertEquals(NameMatch.PREFIX, config.nameMatch());
    assertEquals(Set.of("create_at", "status"), config.sortableKeys());
    assertEquals(60, config.tokenTtl().toSeconds());
    assertFalse(config.reportOwner());
  }

  @Test
  void helpAndMistakesAreReported() {
    assertThrows(
        SimulatorMain.HelpRequested.class,
        () -> SimulatorMain.parseArguments(new String[] {"--help"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulatorMain.parseArguments(new String[] {"--bogus"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulatorMain.parseArguments(new String[] {"--port"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulatorMain.parseArguments(new String[] {"--port", "x"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulatorMain.parseArguments(new String[] {"--name-match", "fuzzy"}));
  }

  @Test
  void bannerShowsWhereAndHowToConnect() {
    try (ModelArtsSimulator simulator =
        ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(5).build())) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      SimulatorMain.printBanner(simulator, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String banner = bytes.toString(StandardCharsets.UTF_8);
      SimulatorCredentials credentials = simulator.credentials();
      for (String expected :
          List.of(
              simulator.baseUrl(),
              simulator.projectId(),
              credentials.accessKey(),
              credentials.secretKey(),
              credentials.temporaryAccessKey(),
              credentials.securityToken(),
              credentials.iamUser(),
              credentials.iamPassword(),
              credentials.iamDomain(),
              credentials.readyToken())) {
        assertTrue(banner.contains(expected), expected);
      }
    }
  }

  @Test
  void logLineSaysWhatHappened() {
    ServedRequest request =
        new ServedRequest(
            12,
            Instant.parse("2025-01-01T00:00:00Z"),
            "GET",
            "/v1/p/notebooks",
            "limit=50",
            Map.of("limit", List.of("50")),
            Map.of(),
            "aksk",
            429,
            "ModelArts.2799",
            3);
    assertEquals(
        "2025-01-01T00:00:00Z #12 GET /v1/p/notebooks?limit=50 auth=aksk -> 429 ModelArts.2799 (3 ms)",
        SimulatorMain.logLine(request));
  }
}
