package io.modelarts.sql.sync;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Tells the operator what a round is doing, on standard error: a line per table read and written,
 * and while a big table is being read, its row count every few seconds, so a long round never looks
 * hung.
 *
 * <p>Only table names, counts and times pass through here, never a URL or a value.
 */
final class Progress {
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final PrintStream out;
  private long lastReport = System.nanoTime();

  private Progress(PrintStream out) {
    this.out = out;
  }

  /** Progress printed to {@code out}. */
  static Progress to(PrintStream out) {
    return new Progress(out);
  }

  /** No output: for callers from Java that read the {@link SyncReport} instead. */
  static Progress silent() {
    return new Progress(null);
  }

  /** Called per row while reading; prints at most once per interval. */
  void reading(String table, int rowsSoFar) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastReport >= INTERVAL_NANOS) {
      lastReport = now;
      out.println(
          "sync: reading "
              + table
              + ": "
              + rowsSoFar
              + (rowsSoFar == 1 ? " row" : " rows")
              + " so far");
    }
  }

  void read(String table, int rows, long millis) {
    note("read " + table + ": " + rows + " rows in " + millis + " ms");
    lastReport = System.nanoTime();
  }

  void wrote(String table, int rows) {
    note("wrote " + table + ": " + rows + " rows");
  }

  void note(String message) {
    if (out != null) {
      out.println("sync: " + message);
    }
  }
}
