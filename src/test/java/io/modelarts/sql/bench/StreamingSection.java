package io.modelarts.sql.bench;

import static io.modelarts.sql.bench.MarkdownTable.count;
import static io.modelarts.sql.bench.MarkdownTable.mb;
import static io.modelarts.sql.bench.MarkdownTable.ms;

import io.modelarts.simulator.ModelArtsSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streaming: {@code SELECT id FROM notebooks} at growing sizes, up to 100,000, in a client JVM
 * started with {@code -Xmx128m}; time to first row and peak live heap must stay flat.
 */
final class StreamingSection {
  static final String HEAP = "-Xmx128m";
  static final String SQL = "SELECT id FROM notebooks";

  private StreamingSection() {}

  /** One size: timed runs, the sampled peak heap, and the calls. */
  record Size(
      int notebooks, Samples wall, Samples firstRow, long rows, long calls, long peakLiveHeap) {}

  /** Every size, and the live heap of the idle client JVM for reference. */
  record Result(long baselineLiveHeap, List<Size> sizes) {}

  static Result run(SimulatorSet sims, Path outDir, Progress progress, boolean quick)
      throws IOException {
    List<Integer> sizes = quick ? List.of(2_000, 20_000) : List.of(2_000, 20_000, 100_000);
    List<Size> out = new ArrayList<>();
    long baseline;
    try (AgentProcess agent = AgentProcess.start("xmx128m", List.of(HEAP), outDir)) {
      ClientsUnderTest clients = new ClientsUnderTest(agent);
      baseline = -1;
      for (int size : sizes) {
        ModelArtsSimulator sim = sims.of(size);
        int timed = quick || size >= 100_000 ? 2 : 3;
        progress.say(
            "streaming %s at %,d notebooks under %s: 1 warm-up, %d timed, 1 sampled",
            SQL, size, HEAP, timed);
        clients.driver(sim, Map.of(), SQL, false); // warms the JVM and the simulator's selection
        if (baseline < 0) {
          baseline = clients.liveHeapBytes(); // connection open, classes loaded, no query running
        }
        Samples wall = Samples.empty(), first = Samples.empty();
        long rows = 0, calls = 0;
        for (int i = 0; i < timed; i++) {
          ClientsUnderTest.Run run = clients.driver(sim, Map.of(), SQL, false);
          wall = wall.plus(run.measurement().wallMillis());
          first = first.plus(run.measurement().firstRowMillis());
          rows = run.measurement().rows();
          calls = run.calls();
        }
        long peak = clients.driver(sim, Map.of(), SQL, true).measurement().peakLiveHeapBytes();
        out.add(new Size(size, wall, first, rows, calls, peak));
        progress.say(
            "  %.0f ms, first row %.0f ms, %d rows, %d calls, peak live heap %.1f MB",
            wall.median(), first.median(), rows, calls, peak / 1048576.0);
        if (size >= 100_000) {
          sims.stop(size); // ~420 MB of simulator data
        }
      }
    }
    return new Result(baseline, out);
  }

  static String table(Result r) {
    MarkdownTable t =
        new MarkdownTable(
            "notebooks",
            "rows",
            "calls",
            "median ms",
            "first row ms (median)",
            "peak live heap",
            "runs");
    for (Size s : r.sizes()) {
      t.row(
          count(s.notebooks()),
          count(s.rows()),
          count(s.calls()),
          ms(s.wall().median()),
          ms(s.firstRow().median()),
          mb(s.peakLiveHeap()),
          s.wall().values().size());
    }
    return t.render()
        + "\nLive heap of the idle client JVM (connection open, classes loaded): "
        + mb(r.baselineLiveHeap())
        + ".\n";
  }
}
