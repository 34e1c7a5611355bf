package io.modelarts.sql.bench;

import static io.modelarts.sql.bench.MarkdownTable.ms;

import io.modelarts.simulator.ModelArtsSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cold start: fresh JVMs that open a connection, run one query against the already running
 * simulator (in the benchmark's process) and print the result, under several JVM settings, plus a
 * bare JVM for the floor, and a class-load census of the default start.
 */
final class ColdStartSection {
  static final int SIZE = 2_000;
  static final String SQL =
      "SELECT id, name, status FROM notebooks WHERE status = 'RUNNING' LIMIT 10";

  /** The driver jar and its dependency jars, as Maven puts them on an application's path. */
  static final String DEFAULT = "default JVM";

  /** The shaded drop-in jar alone: one jar, no signed dependency jars to verify. */
  static final String DROP_IN = "default JVM, drop-in jar (`-all.jar`)";

  /** The shell's {@code -e} path: {@code ./modelarts-sql -u URL -e SQL}. */
  static final String SHELL = "the shell: `./modelarts-sql -u URL -e SQL` (its own flags)";

  /** A newer JDK (Java 25 or later) with its AOT cache alone: {@code -XX:AOTCache}. */
  static final String NEWER_AOT = "Java %d + AOT cache (`-XX:AOTCache`)";

  static final List<String> PHASES =
      List.of("main", "driver-loaded", "connected", "executed", "first-row");

  private ColdStartSection() {}

  /** A variant's starts. */
  record VariantResult(
      ColdStartProbe.Variant variant, Samples result, Samples exit, Map<String, Samples> phases) {}

  /** Every variant's starts and the class-load census. */
  record Result(
      List<VariantResult> variants,
      ColdStartProbe.ClassLoads classLoads,
      Map<String, Long> profile) {}

  static Result run(SimulatorSet sims, Path outDir, Progress progress, boolean quick)
      throws IOException {
    ModelArtsSimulator sim = sims.of(SIZE);
    List<String> args = List.of(SimulatorSet.jdbcUrl(sim), SQL);
    ColdStartProbe probe = new ColdStartProbe(outDir);
    progress.say("cold start: training an AppCDS archive");
    Path archive = probe.trainAppCds(args);
    String cds = "-XX:SharedArchiveFile=" + archive;
    String c1 = "-XX:TieredStopAtLevel=1";
    List<ColdStartProbe.Variant> variants =
        new ArrayList<>(
            List.of(
                new ColdStartProbe.Variant("bare JVM, prints at once (the floor)", List.of()),
                new ColdStartProbe.Variant(DEFAULT, List.of())));
    if (JavaLauncher.dropInClasspath() != null) {
      variants.add(new ColdStartProbe.Variant(DROP_IN, List.of(), JavaLauncher.dropInClasspath()));
    }
    variants.addAll(
        List.of(
            new ColdStartProbe.Variant(c1, List.of(c1)),
            new ColdStartProbe.Variant("AppCDS archive", List.of(cds)),
            new ColdStartProbe.Variant("AppCDS + " + c1, List.of(cds, c1)),
            new ColdStartProbe.Variant(
                "AppCDS + " + c1 + " + -XX:+UseSerialGC", List.of(cds, c1, "-XX:+UseSerialGC"))));
    String newer = JavaLauncher.newerJavaHome();
    if (newer != null) {
      // The same program and class path on a newer JDK: with no flag, and with the AOT cache that
      // a training start records (classes loaded and linked, lambdas spun), without and with C1.
      int release = JavaLauncher.featureRelease(newer);
      progress.say("cold start: training a Java %d AOT cache", release);
      String aot = "-XX:AOTCache=" + probe.trainAotCache(newer, args);
      variants.add(probe.onJava("Java " + release + ", no flags", newer, List.of(), args));
      variants.add(probe.onJava(String.format(NEWER_AOT, release), newer, List.of(aot), args));
      variants.add(
          probe.onJava(
              String.format(NEWER_AOT, release) + " + " + c1, newer, List.of(aot, c1), args));
    }
    if (JavaLauncher.shellScript() != null) {
      // The shell as a user runs it: its script, its JVM flags and archive, sqlline, the table.
      variants.add(
          ColdStartProbe.Variant.ofCommand(
              SHELL,
              List.of(JavaLauncher.shellScript(), "-u", args.get(0), "-e", SQL),
              Map.of(
                  "MODELARTS_SQL_BUILD_DIR",
                  JavaLauncher.shellBuildDir(),
                  "MODELARTS_SQL_NO_BUILD",
                  "1")));
    }
    // 11 starts of each: a start's spread on two shared cores is ±0.2 s, so 7 could not tell apart
    // variants 0.1–0.2 s apart (the drop-in jar and the Maven jars on 2026-11-28).
    int rounds = quick ? 2 : 11;
    progress.say("cold start: %d rounds of %d variants", rounds, variants.size());
    List<Samples> results = new ArrayList<>(), exits = new ArrayList<>();
    List<Map<String, Samples>> phases = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      results.add(Samples.empty());
      exits.add(Samples.empty());
      phases.add(new LinkedHashMap<>());
    }
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < variants.size(); k++) {
        int i = (k + round) % variants.size();
        ColdStartProbe.Variant v = variants.get(i);
        ColdStartProbe.Start s = probe.start(v, i == 0 ? List.of("--noop") : args);
        results.set(i, results.get(i).plus(s.resultMillis()));
        exits.set(i, exits.get(i).plus(s.exitMillis()));
        Map<String, Samples> p = phases.get(i);
        s.phaseMillis()
            .forEach(
                (name, millis) ->
                    p.merge(name, Samples.empty().plus(millis), (a, b) -> a.plus(millis)));
      }
    }
    List<VariantResult> out = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      out.add(new VariantResult(variants.get(i), results.get(i), exits.get(i), phases.get(i)));
      progress.say("  %s: %.0f ms", variants.get(i).name(), results.get(i).median());
    }
    ColdStartProbe.ClassLoads loads = probe.classLoads(variants.get(1), args);
    List<String> profiled = new ArrayList<>(args);
    profiled.add("--profile");
    Map<String, Long> profile = probe.start(variants.get(1), profiled).profile();
    return new Result(out, loads, profile);
  }

  static String tables(Result r) {
    List<String> header =
        new ArrayList<>(List.of("JVM", "result printed, median ms", "p90", "min"));
    PHASES.forEach(p -> header.add(p + " (median)"));
    header.add("runs");
    MarkdownTable t = new MarkdownTable(header.toArray(String[]::new));
    for (VariantResult v : r.variants()) {
      List<Object> row =
          new ArrayList<>(
              List.of(
                  v.variant().name(),
                  ms(v.result().median()),
                  ms(v.result().p90()),
                  ms(v.result().min())));
      for (String p : PHASES) {
        Samples s = v.phases().get(p);
        row.add(s == null ? "–" : ms(s.median()));
      }
      row.add(v.result().values().size());
      t.row(row.toArray());
    }
    StringBuilder sb = new StringBuilder(t.render());
    ColdStartProbe.ClassLoads loads = r.classLoads();
    sb.append("\nClasses loaded by the default JVM (one start with `-Xlog:class+load`), ")
        .append(MarkdownTable.count(loads.total()))
        .append(" in all. By the end of each phase: ");
    List<String> parts = new ArrayList<>();
    loads.byPhase().forEach((p, n) -> parts.add(p + " " + MarkdownTable.count(n)));
    sb.append(String.join(", ", parts)).append(".\n\n");
    MarkdownTable bySource = new MarkdownTable("loaded from", "classes");
    loads.bySource().entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .forEach(e -> bySource.row(e.getKey(), MarkdownTable.count(e.getValue())));
    sb.append(bySource.render());
    sb.append(
            "\nWhere the default JVM's time goes (one start sampling its own main thread every 2 ms;")
        .append(" the sampling slows it a little; steps under 20 ms left out):\n\n");
    MarkdownTable profile = new MarkdownTable("phase", "step / activity", "ms (estimated)");
    Map<String, Long> byActivity = new TreeMap<>();
    r.profile()
        .forEach(
            (key, millis) -> {
              String[] f = key.split("\t");
              byActivity.merge(f[1].substring(f[1].indexOf(" / ") + 3), millis, Long::sum);
              if (millis >= 20) {
                profile.row(f[0], f[1], MarkdownTable.count(millis));
              }
            });
    sb.append(profile.render());
    List<String> totals = new ArrayList<>();
    byActivity.forEach(
        (activity, millis) -> totals.add(activity + " " + MarkdownTable.count(millis) + " ms"));
    sb.append("\nIn all: ").append(String.join(", ", totals)).append(".\n");
    return sb.toString();
  }

  /** The variant of a newer JDK with its AOT cache alone, or null when none was measured. */
  static VariantResult newerAot(Result r) {
    return r.variants().stream()
        .filter(v -> v.variant().name().matches("Java \\d+ \\+ AOT cache \\(`-XX:AOTCache`\\)"))
        .findFirst()
        .orElse(null);
  }

  /** The median time to the printed result of the variant named {@code name}, or NaN. */
  static double median(Result r, String name) {
    return r.variants().stream()
        .filter(v -> v.variant().name().equals(name))
        .findFirst()
        .map(v -> v.result().median())
        .orElse(Double.NaN);
  }
}
