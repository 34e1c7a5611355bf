package io.modelarts.sql.http;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A client-side limit on calls per second, shared by every connection to the same endpoint and
 * project, that slows further for a while after the service answers 429.
 *
 * <p>Token-bucket free: it hands out evenly spaced start times, which is all a polite client needs.
 */
public final class RateLimiter {
  private static final ConcurrentHashMap<String, RateLimiter> SHARED = new ConcurrentHashMap<>();

  /** A limiter that never waits. */
  public static final RateLimiter UNLIMITED = new RateLimiter(0);

  private final double callsPerSecond;
  private long nextFreeNanos = System.nanoTime();
  private long throttledUntilNanos;

  private RateLimiter(double callsPerSecond) {
    this.callsPerSecond = callsPerSecond;
  }

  /** The limiter shared by all connections to {@code endpoint} and {@code projectId}. */
  public static RateLimiter shared(String endpoint, String projectId, double callsPerSecond) {
    if (callsPerSecond <= 0) {
      return UNLIMITED;
    }
    return SHARED.computeIfAbsent(
        endpoint + "|" + projectId + "|" + callsPerSecond, k -> new RateLimiter(callsPerSecond));
  }

  /** Waits until this caller may start a call; returns at once when unlimited. */
  public void acquire(QueryContext context) throws IOException {
    if (callsPerSecond <= 0) {
      return;
    }
    long start;
    synchronized (this) {
      long now = System.nanoTime();
      // After a 429 the spacing doubles for ten seconds: the service told us we were too fast.
      double rate = now < throttledUntilNanos ? callsPerSecond / 2 : callsPerSecond;
      long spacing = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
      start = Math.max(now, nextFreeNanos);
      nextFreeNanos = start + spacing;
    }
    while (true) {
      context.check();
      long wait = start - System.nanoTime();
      if (wait <= 0) {
        return;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueryContext.QueryCancelledException("interrupted while rate limited");
      }
    }
  }

  /** Notes a 429 answer. */
  public void onThrottled() {
    if (callsPerSecond <= 0) {
      return;
    }
    synchronized (this) {
      throttledUntilNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    }
  }
}
