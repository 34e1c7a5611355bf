package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault knobs: every Nth list call throttled, failed or reset, and latency on every list call.
 */
class FaultInjectionTest {
  private ModelArtsSimulator simulator;
  private SimulatorTestClient client;

  @BeforeEach
  void start() {
    simulator = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(30).build());
    client = new SimulatorTestClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void everyNthCallIsThrottledWithRetryAfter() {
    simulator.faults().setThrottleEvery(3).setRetryAfterSeconds(2);
    assertEquals(List.of(200, 200, 429, 200, 200, 429), statuses(6));
    SimulatorTestClient.Reply throttled = listUntil(429);
    assertEquals("2", throttled.headers().get("Retry-After"));
    assertEquals("ModelArts.2799", throttled.errorCode());
    assertEquals("Too many requests", throttled.errorMessage());
  }

  @Test
  void everyNthCallFailsWith500() {
    simulator.faults().setFailEvery(2);
    assertEquals(List.of(200, 500, 200, 500), statuses(4));
    SimulatorTestClient.Reply failed = listUntil(500);
    assertEquals("ModelArts.0010", failed.errorCode());
    assertEquals("Internal error", failed.errorMessage());
  }

  @Test
  void everyNthCallDropsTheConnection() {
    simulator.faults().setResetEvery(2);
    assertEquals(200, client.list("").code());
    UncheckedIOException dropped = assertThrows(UncheckedIOException.class, () -> client.list(""));
    assertTrue(dropped.getCause() instanceof IOException);
    assertEquals(200, client.list("").code(), "the next call works again");
    ServedRequest logged = simulator.requestLog().get(1);
    assertEquals(ServedRequest.CONNECTION_DROPPED, logged.status());
    assertEquals(3, simulator.apiCallCount());
  }

  @Test
  void configuredKnobsCountFromTheStart() {
    try (ModelArtsSimulator configured =
        ModelArtsSimulator.start(
            SimulatorConfig.builder()
                .notebooks(10)
                .throttleEvery(2)
                .retryAfterSeconds(5)
                .build())) {
      SimulatorTestClient configuredClient = new SimulatorTestClient(configured);
      assertEquals(200, configuredClient.list("").code());
      SimulatorTestClient.Reply second = configuredClient.list("");
      assertEquals(429, second.code());
      assertEquals("5", second.headers().get("Retry-After"));
    }
  }

  @Test
  void iamCallsDoNotAdvanceTheCounters() {
    simulator.faults().setThrottleEvery(2);
    assertEquals(200, client.list("").code());
    client.postJson("/v3/auth/tokens", "{}");
    client.postJson("/v3/auth/tokens", "{}");
    assertEquals(429, client.list("").code());
  }

  @Test
  void settingAKnobRestartsItsCount() {
    statuses(5);
    simulator.faults().setFailEvery(3);
    assertEquals(List.of(200, 200, 500), statuses(3));
  }

  @Test
  void strongestFaultWinsWhenSeveralFireTogether() {
    simulator.faults().setThrottleEvery(2).setFailEvery(2).setResetEvery(4);
    assertEquals(200, client.list("").code());
    assertEquals(500, client.list("").code(), "fail beats throttle");
    assertEquals(200, client.list("").code());
    assertThrows(
        UncheckedIOException.class, () -> client.list(""), "reset beats fail and throttle");
  }

  @Test
  void faultsComeBeforeAuthentication() {
    simulator.faults().setThrottleEvery(1);
    assertEquals(429, client.get(client.listPath(), "", Map.of()).code());
  }

  @Test
  void clearTurnsEverythingOff() {
    simulator.faults().setThrottleEvery(1).setLatencyMillis(1000).clear();
    long start = System.nanoTime();
    assertEquals(List.of(200, 200), statuses(2));
    assertTrue(System.nanoTime() - start < 900_000_000L);
  }

  @Test
  void latencyDelaysEveryListCallButNotIam() {
    simulator.faults().setLatencyMillis(250);
    long start = System.nanoTime();
    assertEquals(200, client.list("").code());
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMillis >= 250, "took " + elapsedMillis + " ms");
    ServedRequest logged = simulator.requestLog().get(0);
    assertTrue(logged.durationMillis() >= 250, "log includes latency: " + logged.durationMillis());

    long iamStart = System.nanoTime();
    client.postJson("/v3/auth/tokens", "{}");
    assertTrue((System.nanoTime() - iamStart) / 1_000_000 < 250, "IAM is not delayed");
  }

  private List<Integer> statuses(int calls) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      statuses.add(client.list("").code());
    }
    return statuses;
  }

  private SimulatorTestClient.Reply listUntil(int status) {
    for (int i = 0; i < 20; i++) {
      SimulatorTestClient.Reply reply = client.list("");
      if (reply.code() == status) {
        return reply;
      }
    }
    throw new AssertionError("no " + status + " within 20 calls");
  }
}
