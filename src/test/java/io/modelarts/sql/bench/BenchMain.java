package io.modelarts.sql.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance benchmark of issue 4, run by {@code bench/run}: the driver (a) against a
 * hand-written sequential client (b) and the lower bound (c) on every workload, page concurrency,
 * per-query overhead, streaming under {@code -Xmx128m}, and cold start; writes results.md and the
 * time-against-size PNG, and with {@code --docs} updates docs/performance.md.
 *
 * <p>The simulators run in this JVM; each client under test runs in a JVM of its own, so heap
 * figures are the client's alone.
 */
public final class BenchMain {
  static final long LATENCY_MILLIS = 50;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path out = options.outDir();
    Files.createDirectories(out);
    Progress progress = new Progress();
    waitForLoad(options.waitForLoad(), progress);
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    double loadAtStart = CpuMeter.loadAverage();
    boolean quick = options.quick();

    StringBuilder body = new StringBuilder();
    List<WorkloadResult> workloads = List.of();
    OverheadSection.Result overhead = null;
    StreamingSection.Result streaming = null;
    ColdStartSection.Result coldStart = null;
    try (SimulatorSet sims = new SimulatorSet(LATENCY_MILLIS);
        AgentProcess agent = AgentProcess.start("main", List.of(), out)) {
      ClientsUnderTest clients = new ClientsUnderTest(agent);
      List<Long> pids = List.of(agent.pid());
      if (options.sections().contains("workloads")) {
        CpuMeter.Reading before = CpuMeter.read(pids);
        workloads =
            WorkloadSection.run(
                new WorkloadRunner(clients, sims, progress),
                WorkloadSection.workloads(sims, quick),
                quick);
        section(
            body,
            "(a) driver vs (b) hand-written client vs (c) lower bound",
            WorkloadSection.table(workloads),
            before,
            pids);
      }
      if (options.sections().contains("concurrency")) {
        CpuMeter.Reading before = CpuMeter.read(pids);
        ConcurrencySection.Result result = ConcurrencySection.run(clients, sims, progress, quick);
        section(
            body,
            "Page concurrency (full listing of 2,000 notebooks)",
            ConcurrencySection.table(result),
            before,
            pids);
      }
      if (options.sections().contains("overhead")) {
        CpuMeter.Reading before = CpuMeter.read(pids);
        overhead = OverheadSection.run(clients, sims, progress, quick);
        section(
            body,
            "Per-query overhead (2,000 notebooks, one-call point lookup)",
            OverheadSection.tables(overhead),
            before,
            pids);
      }
      if (options.sections().contains("streaming")) {
        CpuMeter.Reading before = CpuMeter.read(pids);
        streaming = StreamingSection.run(sims, out, progress, quick);
        section(
            body,
            "Streaming under " + StreamingSection.HEAP + " (`" + StreamingSection.SQL + "`)",
            StreamingSection.table(streaming),
            before,
            pids);
      }
      if (options.sections().contains("coldstart")) {
        CpuMeter.Reading before = CpuMeter.read(pids);
        coldStart = ColdStartSection.run(sims, out, progress, quick);
        section(
            body,
            "Cold start (fresh JVM → one query's result printed; `" + ColdStartSection.SQL + "`)",
            ColdStartSection.tables(coldStart),
            before,
            pids);
      }
    }

    Duration took = Duration.between(started, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    StringBuilder results = new StringBuilder();
    results.append(header(started, took, loadAtStart, quick));
    results
        .append("\n#### Targets\n\n")
        .append(Targets.table(workloads, overhead, streaming, coldStart));
    results.append(body);
    Files.writeString(out.resolve("results.md"), results.toString());
    Path png = out.resolve("performance-time-vs-size.png");
    boolean plotted = plot(workloads, png, started);
    progress.say("wrote %s%s", out.resolve("results.md"), plotted ? " and " + png : "");
    if (options.docs()) {
      PerformanceDoc.replaceResults(Path.of("docs", "performance.md"), results.toString());
      if (plotted) {
        Files.copy(
            png,
            Path.of("docs", "performance-time-vs-size.png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      progress.say(
          "updated docs/performance.md%s", plotted ? " and docs/performance-time-vs-size.png" : "");
    }
  }

  private static void section(
      StringBuilder body, String title, String content, CpuMeter.Reading before, List<Long> pids) {
    body.append("\n#### ")
        .append(title)
        .append("\n\n")
        .append(content)
        .append("\nNoise during this section: ")
        .append(CpuMeter.describe(before, CpuMeter.read(pids)))
        .append(".\n");
  }

  private static String header(Instant started, Duration took, double load, boolean quick)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("Run of ")
        .append(started)
        .append(" (")
        .append(took.toMinutes())
        .append(" min ")
        .append(took.toSecondsPart())
        .append(" s)")
        .append(quick ? ", **--quick: not for quoting**" : "")
        .append(".\n\n");
    sb.append("- Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores (")
        .append(cpuModel())
        .append("), shared with other engineers' builds; 1-min load average at start ")
        .append(String.format(Locale.ROOT, "%.1f", load))
        .append(".\n");
    sb.append("- JVM: ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append("; client JVMs with default flags")
        .append(" unless a table says otherwise.\n");
    sb.append("- Driver revision: ")
        .append(System.getProperty("bench.revision", "unknown"))
        .append(".\n");
    sb.append("- Simulator: latency ")
        .append(LATENCY_MILLIS)
        .append(" ms per list call, seed ")
        .append(SimulatorSet.SEED)
        .append(", in the benchmark's JVM; clients in separate JVMs.\n");
    sb.append("- Driver settings: pageConcurrency 4 (the default), rateLimit 0 (default ")
        .append(DriverDefaults.of("rateLimit").orElse("unknown"))
        .append(": see the concurrency table), ")
        .append(cacheNote())
        .append(", authType=token.\n");
    sb.append(
            "- (b): sequential OkHttp 4.12 + Jackson databind into records, limit=50, same ready token")
        .append(
            " (`X-Auth-Token`) as (a). (c): calls of (b) × latency ÷ 4, rounded up to whole rounds.\n");
    sb.append(
            "- Times are wall-clock milliseconds per run: medians and p90 (nearest rank) over the")
        .append(
            " timed runs; warm-up runs are not counted. Calls are from the simulator's request log.\n");
    sb.append(
            "- Peak heap: the client JVM's heap in use right after a forced GC, sampled every 20 ms")
        .append(" during one extra, untimed run.\n");
    return sb.toString();
  }

  /** Whether this build of the driver knows {@code cacheTtl}, which the benchmark sets to 0. */
  private static String cacheNote() {
    return DriverDefaults.of("cacheTtl")
        .map(ttl -> "cacheTtl 0 (response cache off, default " + ttl + " ms)")
        .orElse("no response cache in this build (cacheTtl=0 sent anyway)");
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static boolean plot(List<WorkloadResult> workloads, Path png, Instant started)
      throws IOException {
    List<WorkloadResult> full =
        workloads.stream().filter(r -> r.workload().id().startsWith("full-")).toList();
    if (full.size() < 2) {
      return false;
    }
    int n = full.size();
    double[] x = new double[n],
        a = new double[n],
        b = new double[n],
        c = new double[n],
        first = new double[n];
    for (int i = 0; i < n; i++) {
      WorkloadResult r = full.get(i);
      x[i] = r.workload().notebooks();
      a[i] = r.driverWall().median();
      b[i] = r.handWall().median();
      c[i] = r.lowerBoundMillis();
      first[i] = r.driverFirstRow().median();
    }
    List<TimeVsSizePlot.Series> series = new ArrayList<>();
    series.add(
        new TimeVsSizePlot.Series(
            "(b) hand-written,\nsequential", new Color(200, 60, 40), false, x, b));
    series.add(
        new TimeVsSizePlot.Series(
            "(a) driver, SQL,\npageConcurrency 4", new Color(30, 90, 200), false, x, a));
    series.add(
        new TimeVsSizePlot.Series(
            "(c) lower bound,\ncalls × 50 ms ÷ 4", new Color(90, 90, 90), true, x, c));
    series.add(
        new TimeVsSizePlot.Series(
            "(a) time to\nfirst row", new Color(40, 150, 70), true, x, first));
    TimeVsSizePlot.write(
        png,
        "Full listing: SELECT * FROM notebooks, 50 ms per call",
        "medians; "
            + Runtime.getRuntime().availableProcessors()
            + "-core machine; run of "
            + started,
        series);
    return true;
  }

  private static void waitForLoad(double threshold, Progress progress) throws InterruptedException {
    if (threshold <= 0) {
      return;
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    double load;
    while ((load = CpuMeter.loadAverage()) >= threshold && System.nanoTime() < deadline) {
      progress.say("1-min load %.2f ≥ %.2f: waiting", load, threshold);
      Thread.sleep(30_000);
    }
  }
}
