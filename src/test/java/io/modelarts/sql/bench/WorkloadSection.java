package io.modelarts.sql.bench;

import static io.modelarts.sql.bench.MarkdownTable.count;
import static io.modelarts.sql.bench.MarkdownTable.mb;
import static io.modelarts.sql.bench.MarkdownTable.ms;
import static io.modelarts.sql.bench.MarkdownTable.times;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The main comparison: every workload of the issue through the driver (a), the hand-written client
 * (b), and the lower bound (c), at the simulator's latency.
 */
final class WorkloadSection {
  /** Sizes of the full listing; the plot draws time against them. */
  static final List<Integer> FULL_SIZES = List.of(100, 500, 2_000, 5_000, 20_000);

  static final List<Integer> QUICK_SIZES = List.of(100, 2_000);

  /** Size of the data set the other workloads run on. */
  static final int SIZE = 2_000;

  private WorkloadSection() {}

  /**
   * The workloads in report order; {@code quick} keeps the sizes that take seconds, not minutes.
   */
  static List<Workload> workloads(SimulatorSet sims, boolean quick) {
    List<Workload> all = new ArrayList<>();
    for (int size : quick ? QUICK_SIZES : FULL_SIZES) {
      all.add(
          Workload.of(
              "full-" + size,
              "full listing",
              size,
              "SELECT * FROM notebooks",
              HandWrittenQuery.FULL_LISTING));
    }
    String newest =
        "SELECT id, name, status, lease_create_at FROM notebooks WHERE status = 'RUNNING'"
            + " ORDER BY lease_create_at DESC";
    all.add(
        Workload.of(
            "top-sorted",
            "top 10 running, newest first",
            SIZE,
            newest + " LIMIT 10",
            HandWrittenQuery.RUNNING_NEWEST_10));
    all.add(
        Workload.of(
            "top-sorted-nl",
            "top 10 running, newest first, NULLS LAST",
            SIZE,
            newest + " NULLS LAST LIMIT 10",
            HandWrittenQuery.RUNNING_NEWEST_10_BY_SERVICE));
    all.add(
        Workload.of(
            "top-sorted-nl-star",
            "the same with SELECT *",
            SIZE,
            "SELECT * FROM notebooks WHERE status = 'RUNNING' ORDER BY lease_create_at DESC NULLS LAST"
                + " LIMIT 10",
            HandWrittenQuery.RUNNING_NEWEST_10_BY_SERVICE));
    all.add(
        Workload.of(
            "top",
            "10 running of feature NOTEBOOK",
            SIZE,
            "SELECT * FROM notebooks WHERE feature = 'NOTEBOOK' AND status = 'RUNNING' LIMIT 10",
            HandWrittenQuery.NOTEBOOK_RUNNING_10));
    String name = SimulatorSet.uniqueNames(sims.of(SIZE), "NOTEBOOK", 1).get(0);
    all.add(
        Workload.of(
                "point",
                "point lookup by name",
                SIZE,
                "SELECT * FROM notebooks WHERE name = '" + name + "'",
                HandWrittenQuery.NAME_LOOKUP)
            .withArgument(name));
    all.add(
        Workload.of(
                "point-nb",
                "point lookup by name, feature given",
                SIZE,
                "SELECT * FROM notebooks WHERE feature = 'NOTEBOOK' AND name = '" + name + "'",
                HandWrittenQuery.NOTEBOOK_NAME_LOOKUP)
            .withArgument(name));
    all.add(
        Workload.of(
            "count", "COUNT(*)", SIZE, "SELECT COUNT(*) FROM notebooks", HandWrittenQuery.COUNT));
    all.add(
        Workload.of(
            "join",
            "join with endpoints",
            SIZE,
            "SELECT n.name, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id",
            HandWrittenQuery.ENDPOINTS_JOIN));
    all.add(
        Workload.of(
            "join-running",
            "join with endpoints, running only",
            SIZE,
            "SELECT n.name, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
                + " WHERE n.status = 'RUNNING'",
            HandWrittenQuery.RUNNING_ENDPOINTS_JOIN));
    return all;
  }

  /** Warm-up runs before timing: more for small workloads, where JIT state matters most. */
  static int warmups(Workload w, boolean quick) {
    return quick ? 1 : w.notebooks() >= 5_000 ? 1 : 3;
  }

  /** Timed rounds: fewer for the slow ones ((b) takes ~21 s per run at 20,000). */
  static int iterations(Workload w, boolean quick) {
    if (quick) {
      return 3;
    }
    return w.notebooks() >= 20_000 ? 5 : w.notebooks() >= 5_000 ? 7 : 11;
  }

  static List<WorkloadResult> run(WorkloadRunner runner, List<Workload> workloads, boolean quick)
      throws IOException {
    List<WorkloadResult> results = new ArrayList<>();
    for (Workload w : workloads) {
      results.add(runner.measure(w, warmups(w, quick), iterations(w, quick)));
    }
    return results;
  }

  static String table(List<WorkloadResult> results) {
    MarkdownTable t =
        new MarkdownTable(
            "workload",
            "notebooks",
            "rows",
            "calls (a) / (b)",
            "(a) median ms",
            "(a) p90",
            "(a) first row",
            "(b) median ms",
            "(b) p90",
            "(b) first row",
            "(c) ms",
            "(b) ÷ (a)",
            "(a) ÷ (c)",
            "peak heap (a) above idle",
            "peak heap (b) above idle",
            "runs");
    for (WorkloadResult r : results) {
      Workload w = r.workload();
      t.row(
          "`" + w.id() + "` " + w.title(),
          count(w.notebooks()),
          r.driverRows() == r.handRows()
              ? count(r.driverRows())
              : count(r.driverRows()) + " ≠ " + count(r.handRows()),
          calls(r.driverCalls()) + " / " + calls(r.handCalls()),
          ms(r.driverWall().median()),
          ms(r.driverWall().p90()),
          ms(r.driverFirstRow().median()),
          ms(r.handWall().median()),
          ms(r.handWall().p90()),
          ms(r.handFirstRow().median()),
          ms(r.lowerBoundMillis()),
          times(r.speedUpOverHandWritten()),
          times(r.ratioToLowerBound()),
          // A sampled peak a little under the idle sample is GC noise, not a saving.
          mb(Math.max(0, r.driverPeakHeap() - r.idleHeap())),
          mb(Math.max(0, r.handPeakHeap() - r.idleHeap())),
          r.driverWall().values().size());
    }
    long idle = results.stream().mapToLong(WorkloadResult::idleHeap).max().orElse(0);
    return t.render()
        + "\nThe client JVM's idle live heap (driver and client loaded, connections open) was at most "
        + mb(idle)
        + "; peak heap figures are above that.\n";
  }

  private static String calls(Set<Long> calls) {
    return calls.stream().map(String::valueOf).collect(Collectors.joining("–"));
  }
}
