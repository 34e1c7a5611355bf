package io.modelarts.sql.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's command line.
 *
 * @param quick fewer sizes and rounds: a smoke run of a minute or two, not for quoting
 * @param outDir where results.md, the PNG and the logs go
 * @param docs also rewrite the generated block of docs/performance.md and its PNG
 * @param sections which sections to run, in report order
 * @param waitForLoad wait (up to 20 minutes) until the 1-minute load average is below this; 0 = do
 *     not wait
 */
record BenchOptions(
    boolean quick, Path outDir, boolean docs, Set<String> sections, double waitForLoad) {
  static final List<String> ALL_SECTIONS =
      List.of("workloads", "concurrency", "overhead", "streaming", "coldstart");

  static final String USAGE =
      String.join(
          "\n",
          "Usage: bench/run [--quick] [--docs] [--only S,S] [--wait-load X] [--out DIR]",
          "  --quick        fewer sizes and rounds (smoke test; not for quoting)",
          "  --docs         rewrite the results block of docs/performance.md and the PNG next to it",
          "  --only S,S     sections to run: " + String.join(",", ALL_SECTIONS),
          "  --wait-load X  first wait (up to 20 min) until the 1-minute load average is below X",
          "  --out DIR      output directory (default: <build dir>/bench)");

  static BenchOptions parse(String[] args) {
    boolean quick = false, docs = false;
    Path out = Path.of("target-bench", "bench");
    Set<String> sections = new LinkedHashSet<>(ALL_SECTIONS);
    double waitForLoad = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--docs" -> docs = true;
        case "--out" -> out = Path.of(value(args, ++i));
        case "--wait-load" -> waitForLoad = Double.parseDouble(value(args, ++i));
        case "--only" -> {
          Set<String> only = new LinkedHashSet<>(List.of(value(args, ++i).split(",")));
          if (!ALL_SECTIONS.containsAll(only)) {
            throw new IllegalArgumentException("unknown section in " + only + "\n" + USAGE);
          }
          sections.retainAll(only);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new BenchOptions(quick, out, docs, sections, waitForLoad);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("missing value after " + args[i - 1] + "\n" + USAGE);
    }
    return args[i];
  }
}
