package io.modelarts.sql.bench;

/**
 * The benchmark's (c): the least time any client can need for a number of calls when each call
 * takes the injected latency and at most {@code concurrency} run at once — calls × latency ÷
 * concurrency, rounded up to whole rounds of calls (one call cannot take less than one latency).
 *
 * <p>It ignores that the first page must arrive before the rest can be asked for (its {@code total}
 * says how many pages there are), so a real client can at best reach it within one latency per
 * listing.
 */
final class LowerBound {
  private LowerBound() {}

  static double millis(long calls, long latencyMillis, int concurrency) {
    if (calls <= 0) {
      return 0;
    }
    return Math.ceil(calls / (double) concurrency) * latencyMillis;
  }
}
