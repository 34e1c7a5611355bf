package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Injected latency delays each call without serialising them, so parallel pagers finish in about
 * one latency; and without latency, answers are not held back by the network stack.
 */
class ConcurrencyTest {
  private static final long LATENCY_MILLIS = 400;

  @Test
  void parallelCallsWithLatencyFinishInAboutOneLatency() throws Exception {
    assertParallelCallsTakeAboutOneLatency(20);
  }

  @Test
  void moreParallelCallsThanWorkerThreadsStillOverlap() throws Exception {
    // Latency is scheduled, not slept, so even more callers than workers are answered together.
    assertParallelCallsTakeAboutOneLatency(ModelArtsSimulator.WORKER_THREADS + 16);
  }

  @Test
  void sequentialAnswersAreNotHeldBackByNagle() {
    // Without TCP_NODELAY each answer of the JDK server waits ~40 ms for a delayed ACK: 50 calls >=
    // 2 s.
    try (ModelArtsSimulator simulator =
        ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(100).build())) {
      SimulatorTestClient client = new SimulatorTestClient(simulator);
      client.list("");
      long start = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        assertEquals(200, client.list("").code());
      }
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMillis < 1000, "50 sequential calls took " + elapsedMillis + " ms");
    }
  }

  private static void assertParallelCallsTakeAboutOneLatency(int callers) throws Exception {
    try (ModelArtsSimulator simulator =
        ModelArtsSimulator.start(
            SimulatorConfig.builder().notebooks(500).latencyMillis(LATENCY_MILLIS).build())) {
      SimulatorTestClient client = new SimulatorTestClient(simulator);
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          int page = i % 10;
          results.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    go.await();
                    return client.list("limit=50&offset=" + page * 50).code();
                  }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Future<Integer> result : results) {
          assertEquals(200, result.get());
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= LATENCY_MILLIS, "took " + elapsedMillis + " ms");
        assertTrue(
            elapsedMillis < 2 * LATENCY_MILLIS + 400,
            callers + " calls took " + elapsedMillis + " ms");
        assertEquals(callers, simulator.apiCallCount());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
