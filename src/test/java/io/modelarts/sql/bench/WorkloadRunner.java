package io.modelarts.sql.bench;

import io.modelarts.simulator.ModelArtsSimulator;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measures workloads side by side: warm-up runs of both clients, then timed runs alternating (a)
 * and (b) — swapping who goes first each round so drift in machine load hits both alike — then one
 * untimed run of each with the heap sampled.
 */
final class WorkloadRunner {
  private final ClientsUnderTest clients;
  private final SimulatorSet simulators;
  private final Progress progress;

  WorkloadRunner(ClientsUnderTest clients, SimulatorSet simulators, Progress progress) {
    this.clients = clients;
    this.simulators = simulators;
    this.progress = progress;
  }

  WorkloadResult measure(Workload w, int warmups, int iterations) throws IOException {
    ModelArtsSimulator sim = simulators.of(w.notebooks());
    progress.say(
        "%s at %,d notebooks: %d warm-up + %d timed rounds",
        w.title(), w.notebooks(), warmups, iterations);
    for (int i = 0; i < warmups; i++) {
      clients.driver(sim, w, false);
      clients.handWritten(sim, w, false);
    }
    Samples aWall = Samples.empty(), aFirst = Samples.empty();
    Samples bWall = Samples.empty(), bFirst = Samples.empty();
    Set<Long> aCalls = new TreeSet<>(), bCalls = new TreeSet<>();
    long aRows = -1, bRows = -1;
    for (int i = 0; i < iterations; i++) {
      ClientsUnderTest.Run a, b;
      if (i % 2 == 0) {
        a = clients.driver(sim, w, false);
        b = clients.handWritten(sim, w, false);
      } else {
        b = clients.handWritten(sim, w, false);
        a = clients.driver(sim, w, false);
      }
      aWall = aWall.plus(a.measurement().wallMillis());
      aFirst = aFirst.plus(a.measurement().firstRowMillis());
      bWall = bWall.plus(b.measurement().wallMillis());
      bFirst = bFirst.plus(b.measurement().firstRowMillis());
      aCalls.add(a.calls());
      bCalls.add(b.calls());
      aRows = a.measurement().rows();
      bRows = b.measurement().rows();
    }
    long idle = clients.liveHeapBytes();
    long aHeap = clients.driver(sim, w, true).measurement().peakLiveHeapBytes();
    long bHeap = clients.handWritten(sim, w, true).measurement().peakLiveHeapBytes();
    WorkloadResult result =
        new WorkloadResult(
            w,
            simulators.latencyMillis(),
            aWall,
            aFirst,
            bWall,
            bFirst,
            aRows,
            bRows,
            aCalls,
            bCalls,
            idle,
            aHeap,
            bHeap);
    progress.say(
        "  (a) %.0f ms, (b) %.0f ms, (c) %.0f ms; calls %s / %s; rows %d / %d",
        aWall.median(), bWall.median(), result.lowerBoundMillis(), aCalls, bCalls, aRows, bRows);
    return result;
  }
}
