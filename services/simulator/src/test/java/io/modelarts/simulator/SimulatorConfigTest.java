package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration's defaults describe a quiet, faithful service, and bad values fail fast. */
class SimulatorConfigTest {
  @Test
  void defaults() {
    SimulatorConfig config = SimulatorConfig.builder().build();
    assertEquals(0, config.port());
    assertEquals(500, config.notebooks());
    assertEquals(42L, config.seed());
    assertEquals(0, config.latencyMillis());
    assertEquals(0, config.throttleEvery());
    assertEquals(1, config.retryAfterSeconds());
    assertEquals(0, config.failEvery());
    assertEquals(0, config.resetEvery());
    assertEquals(NameMatch.SUBSTRING_IGNORE_CASE, config.nameMatch());
    assertEquals(Set.of("create_at", "update_at", "name"), config.sortableKeys());
    assertTrue(config.reportOwner());
    assertEquals(Duration.ofHours(24), config.tokenTtl());
  }

  @Test
  void toBuilderKeepsEverySetting() {
    SimulatorConfig config =
        SimulatorConfig.builder()
            .port(1234)
            .notebooks(7)
            .seed(9)
            .latencyMillis(5)
            .throttleEvery(2)
            .retryAfterSeconds(3)
            .failEvery(4)
            .resetEvery(6)
            .nameMatch(NameMatch.PREFIX)
            .sortableKeys(Set.of("name"))
            .reportOwner(false)
            .tokenTtl(Duration.ofMinutes(1))
            .build();
    assertEquals(config.toString(), config.toBuilder().build().toString());
  }

  @Test
  void badValuesFailFast() {
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().port(70000));
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().notebooks(-1));
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().latencyMillis(-1));
    assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().throttleEvery(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulatorConfig.builder().sortableKeys(Set.of("a,b")));
    assertThrows(
        IllegalArgumentException.class, () -> SimulatorConfig.builder().tokenTtl(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> SimulatorConfig.builder().nameMatch(null));
  }

  @Test
  void nameMatchParsesTheCommandLineSpelling() {
    assertEquals(NameMatch.SUBSTRING_IGNORE_CASE, NameMatch.fromOption("substring-ignore-case"));
    assertEquals(NameMatch.PREFIX, NameMatch.fromOption("prefix"));
    assertEquals(NameMatch.SUBSTRING, NameMatch.fromOption("SUBSTRING"));
  }

  @Test
  void faultSettingsStartFromTheConfiguration() {
    try (ModelArtsSimulator simulator =
        ModelArtsSimulator.start(
            SimulatorConfig.builder()
                .notebooks(1)
                .latencyMillis(3)
                .throttleEvery(4)
                .retryAfterSeconds(5)
                .failEvery(6)
                .resetEvery(7)
                .build())) {
      FaultSettings faults = simulator.faults();
      assertEquals(3, faults.latencyMillis());
      assertEquals(4, faults.throttleEvery());
      assertEquals(5, faults.retryAfterSeconds());
      assertEquals(6, faults.failEvery());
      assertEquals(7, faults.resetEvery());
      assertTrue(simulator.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"));
      assertEquals(simulator.port(), Integer.parseInt(simulator.baseUrl().replaceAll(".*:", "")));
    }
  }
}
