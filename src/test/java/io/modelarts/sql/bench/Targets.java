package io.modelarts.sql.bench;

import static io.modelarts.sql.bench.MarkdownTable.mb;
import static io.modelarts.sql.bench.MarkdownTable.ms;
import static io.modelarts.sql.bench.MarkdownTable.times;

import java.util.List;
import java.util.Optional;

/** The targets, each checked against this run's figures. */
final class Targets {
  private Targets() {}

  static String table(
      List<WorkloadResult> workloads,
      OverheadSection.Result overhead,
      StreamingSection.Result streaming,
      ColdStartSection.Result coldStart) {
    MarkdownTable t = new MarkdownTable("target", "measured", "met?");
    Optional<WorkloadResult> full2000 =
        workloads.stream().filter(r -> r.workload().id().equals("full-2000")).findFirst();
    full2000.ifPresent(
        r -> {
          t.row(
              "full listing of 2,000: ≥ 3× faster than (b)",
              times(r.speedUpOverHandWritten())
                  + " ("
                  + ms(r.driverWall().median())
                  + " vs "
                  + ms(r.handWall().median())
                  + " ms)",
              yes(r.speedUpOverHandWritten() >= 3));
          t.row(
              "full listing of 2,000: within 1.3× of (c) at pageConcurrency "
                  + r.workload().pageConcurrency(),
              times(r.ratioToLowerBound())
                  + " ("
                  + ms(r.driverWall().median())
                  + " vs "
                  + ms(r.lowerBoundMillis())
                  + " ms)",
              yes(r.ratioToLowerBound() <= 1.3));
        });
    Optional<WorkloadResult> full20000 =
        workloads.stream().filter(r -> r.workload().id().equals("full-20000")).findFirst();
    if (full2000.isPresent() && full20000.isPresent()) {
      double small = full2000.get().driverFirstRow().median();
      double large = full20000.get().driverFirstRow().median();
      t.row(
          "time to first row does not grow from 2,000 to 20,000",
          ms(small) + " → " + ms(large) + " ms",
          yes(large <= small * 1.25 + 5));
    }
    if (overhead != null) {
      double statement = overhead.atLatency().statementOverRaw().median();
      double prepared = overhead.atLatency().preparedOverRaw().median();
      t.row(
          "warm point query ≤ 5 ms above the raw call (fresh statement, same text)",
          ms(statement) + " ms",
          yes(statement <= 5));
      t.row(
          "warm point query ≤ 5 ms above the raw call (prepared statement)",
          ms(prepared) + " ms",
          yes(prepared <= 5));
    }
    if (coldStart != null) {
      double plain = ColdStartSection.median(coldStart, ColdStartSection.DEFAULT);
      t.row("cold start ≤ 1.5 s (default JVM)", ms(plain) + " ms", yes(plain <= 1500));
      double dropIn = ColdStartSection.median(coldStart, ColdStartSection.DROP_IN);
      if (!Double.isNaN(dropIn)) {
        t.row(
            "cold start ≤ 1.5 s (default JVM, drop-in jar)",
            ms(dropIn) + " ms",
            yes(dropIn <= 1500));
      }
      double shell = ColdStartSection.median(coldStart, ColdStartSection.SHELL);
      if (!Double.isNaN(shell)) {
        t.row("cold start ≤ 1.5 s (the shell's -e path)", ms(shell) + " ms", yes(shell <= 1500));
      }
      ColdStartSection.VariantResult newerAot = ColdStartSection.newerAot(coldStart);
      if (newerAot != null) {
        double aot = newerAot.result().median();
        t.row(
            "cold start ≤ 1.5 s (" + newerAot.variant().name() + ", default JIT)",
            ms(aot) + " ms",
            yes(aot <= 1500));
      }
      ColdStartSection.VariantResult best =
          coldStart.variants().stream()
              .filter(v -> !v.variant().jvmOptions().isEmpty())
              .min((a, b) -> Double.compare(a.result().median(), b.result().median()))
              .orElseThrow();
      t.row(
          "cold start ≤ 1.5 s (best JVM flags: " + best.variant().name() + ")",
          ms(best.result().median()) + " ms",
          yes(best.result().median() <= 1500));
    }
    if (streaming != null) {
      StreamingSection.Size largest = streaming.sizes().get(streaming.sizes().size() - 1);
      StreamingSection.Size twentyK =
          streaming.sizes().stream()
              .filter(s -> s.notebooks() == 20_000)
              .findFirst()
              .orElse(largest);
      t.row(
          String.format(
              "%,d notebooks stream under %s", largest.notebooks(), StreamingSection.HEAP),
          MarkdownTable.count(largest.rows()) + " rows in " + ms(largest.wall().median()) + " ms",
          yes(largest.rows() == largest.notebooks()));
      t.row(
          "peak live heap flat (20,000 → largest)",
          mb(twentyK.peakLiveHeap()) + " → " + mb(largest.peakLiveHeap()),
          yes(largest.peakLiveHeap() <= twentyK.peakLiveHeap() + 5L * 1024 * 1024));
    }
    return t.render();
  }

  private static String yes(boolean met) {
    return met ? "yes" : "**no**";
  }
}
