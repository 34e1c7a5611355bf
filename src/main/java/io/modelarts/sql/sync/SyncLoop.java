package io.modelarts.sql.sync;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Runs rounds for the command line: one, or one every interval, turning their outcome into an exit
 * status that schedulers (cron, systemd timers, Kubernetes CronJobs) act on.
 *
 * <p>A failed round is logged and retried at the next interval, because most failures (a 5xx burst
 * the driver's retries did not outlast, a restarting database) pass; only {@code maxFailures}
 * failures in a row end the process, non-zero, so a broken setup is noticed.
 */
final class SyncLoop {
  /** Exit status of a committed round. */
  static final int OK = 0;

  /** Exit status of a failed round, or of too many failed rounds in a row. */
  static final int FAILED = 1;

  private final Sync sync;
  private final Duration every;
  private final int maxFailures;
  private final long rounds;
  private final PrintStream out;
  private final PrintStream err;
  private final SecretRedactor redactor;

  /**
   * @param every null for a single round
   * @param rounds with {@code every}: stop after this many; 0 for never
   */
  SyncLoop(
      Sync sync,
      Duration every,
      int maxFailures,
      long rounds,
      PrintStream out,
      PrintStream err,
      SecretRedactor redactor) {
    this.sync = sync;
    this.every = every;
    this.maxFailures = maxFailures;
    this.rounds = rounds;
    this.out = out;
    this.err = err;
    this.redactor = redactor;
  }

  int run() {
    if (every == null) {
      return round() ? OK : FAILED;
    }
    int failuresInARow = 0;
    long nextStart = System.nanoTime();
    for (long done = 1; ; done++) {
      boolean ok = round();
      failuresInARow = ok ? 0 : failuresInARow + 1;
      if (failuresInARow >= maxFailures) {
        err.println("sync: " + failuresInARow + " rounds in a row failed; giving up");
        return FAILED;
      }
      if (rounds > 0 && done >= rounds) {
        return ok ? OK : FAILED;
      }
      // Fixed rate: rounds start every interval; one that overran starts the next at once.
      nextStart += every.toNanos();
      long wait = nextStart - System.nanoTime();
      if (wait < 0) {
        nextStart = System.nanoTime();
      } else if (!sleep(wait)) {
        err.println("sync: interrupted; stopping");
        return FAILED;
      }
      if (!ok) {
        err.println(
            "sync: retrying after a failed round ("
                + failuresInARow
                + " of "
                + maxFailures
                + " allowed in a row)");
      }
    }
  }

  /** Runs one round and reports it; true when it committed. */
  private boolean round() {
    try {
      SyncReport report = sync.runOnce();
      for (String warning : report.warnings()) {
        err.println("sync: warning: " + redactor.redact(warning));
      }
      out.println("sync: " + report.summary());
      out.flush();
      return true;
    } catch (SQLException | RuntimeException e) {
      err.println(
          "sync: round failed, the target keeps its previous snapshot: "
              + redactor.redact(describe(e)));
      return false;
    }
  }

  /** The message of {@code e} and of each cause, on one line. */
  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = next(t)) {
      String message = t.getMessage();
      String text = message == null ? t.getClass().getSimpleName() : message;
      if (sb.indexOf(text) < 0) { // wrappers often repeat their cause's message
        sb.append(sb.length() == 0 ? "" : "; caused by: ").append(text);
      }
    }
    return sb.toString();
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    return t instanceof SQLException sql ? sql.getNextException() : null;
  }

  private static boolean sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
