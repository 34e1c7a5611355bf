package io.modelarts.sql.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A poor man's profiler for one thread during a cold start: samples its stack every 2 ms and files
 * each sample under the pipeline step it was in (parse, validate, SQL to relational, optimise,
 * implement and compile, HTTP, connect) and what it was doing there (loading or linking classes,
 * compiling with Janino, or computing). JFR starts too late and samples too rarely to see a
 * two-second start.
 */
final class StackSampler implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 2;

  /** Step markers, checked from the innermost frame outwards; the first that matches wins. */
  private static final String[][] STEPS = {
    {"parse", "org.apache.calcite.sql.parser."},
    {"validate", "org.apache.calcite.sql.validate."},
    {"SQL to relational", "org.apache.calcite.sql2rel."},
    {"optimise", "org.apache.calcite.plan.volcano.", "org.apache.calcite.plan.hep."},
    {
      "implement and compile",
      "org.apache.calcite.adapter.enumerable.EnumerableInterpretable",
      "org.apache.calcite.adapter.enumerable.EnumerableRelImplementor"
    },
    {"HTTP client and calls", "okhttp3.", "io.modelarts.sql.http."},
    {"prepare (planner set-up, other)", "org.apache.calcite.prepare."},
    {"connect (Calcite connection, schema)", "java.sql.DriverManager.getConnection"},
  };

  private final Thread target;
  private final Thread sampler;
  private final long start = System.nanoTime();
  private final List<Long> times = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private volatile boolean stop;

  private StackSampler(Thread target) {
    this.target = target;
    this.sampler = new Thread(this::run, "bench-stack-sampler");
    sampler.setDaemon(true);
  }

  /** Starts sampling the calling thread. */
  static StackSampler ofCurrentThread() {
    StackSampler s = new StackSampler(Thread.currentThread());
    s.sampler.start();
    return s;
  }

  /** Milliseconds since sampling started, on the sampler's clock. */
  long now() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void run() {
    while (!stop) {
      String label = label(target.getStackTrace());
      synchronized (this) {
        times.add(now());
        labels.add(label);
      }
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Estimated milliseconds per "step / activity" between {@code from} and {@code to}: each label's
   * share of the samples times the interval's length.
   */
  synchronized Map<String, Long> millisBetween(long from, long to) {
    Map<String, Integer> counts = new TreeMap<>();
    int n = 0;
    for (int i = 0; i < times.size(); i++) {
      if (times.get(i) >= from && times.get(i) < to) {
        counts.merge(labels.get(i), 1, Integer::sum);
        n++;
      }
    }
    Map<String, Long> out = new TreeMap<>();
    int total = n;
    counts.forEach((label, c) -> out.put(label, Math.round((to - from) * (double) c / total)));
    return out;
  }

  static String label(StackTraceElement[] stack) {
    String step = "other";
    outer:
    for (StackTraceElement e : stack) {
      String frame = e.getClassName() + "." + e.getMethodName();
      for (String[] s : STEPS) {
        for (int k = 1; k < s.length; k++) {
          if (frame.startsWith(s[k])) {
            step = s[0];
            break outer;
          }
        }
      }
    }
    String activity = "computing";
    for (StackTraceElement e : stack) {
      String frame = e.getClassName() + "." + e.getMethodName();
      if (frame.startsWith("org.codehaus.janino") || frame.startsWith("org.codehaus.commons")) {
        activity = "Janino compiling";
        break;
      }
      if (frame.startsWith("java.lang.ClassLoader.")
          || frame.startsWith("jdk.internal.loader.")
          || frame.startsWith("java.lang.Class.forName")
          || frame.startsWith("java.lang.invoke.")
          || frame.startsWith("java.lang.Class.getDeclared")) {
        activity = "loading, linking, reflecting classes";
        break;
      }
    }
    return step + " / " + activity;
  }

  @Override
  public void close() {
    stop = true;
    sampler.interrupt();
  }
}
