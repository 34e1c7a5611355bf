package io.modelarts.sql.bench;

import java.time.Duration;

/** Progress lines on stderr, stamped with the time since the benchmark started. */
final class Progress {
  private final long start = System.nanoTime();

  void say(String format, Object... args) {
    Duration d = Duration.ofNanos(System.nanoTime() - start);
    System.err.printf(
        "[%3d:%02d] %s%n", d.toMinutes(), d.toSecondsPart(), String.format(format, args));
  }
}
