package io.modelarts.sql.http;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A client-side token bucket on list calls, shared by every connection to the same endpoint and
 * project: up to {@code burst} calls start at once, the bucket refills at {@code callsPerSecond},
 * and after the service answers 429 it is emptied and refills at half the rate for ten seconds.
 *
 * <p>Callers that find the bucket empty reserve the next token in turn (the count may go negative)
 * and wait for it, so waiters start in arrival order, evenly spaced at the refill rate.
 */
public final class RateLimiter {
  private static final ConcurrentHashMap<String, RateLimiter> SHARED = new ConcurrentHashMap<>();
  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long THROTTLE_NANOS = TimeUnit.SECONDS.toNanos(10);
  // Waits are cut into slices this long so that a cancel is noticed promptly.
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** A limiter that never waits. */
  public static final RateLimiter UNLIMITED = new RateLimiter(0, 1, Timer.SYSTEM);

  /** The limiter's view of time: a monotonic nanosecond clock and a way to wait on it. */
  public interface Timer {
    /** The current time in nanoseconds, as {@link System#nanoTime()}: only differences count. */
    long nanoTime();

    /** Waits about {@code nanos} nanoseconds. */
    void sleepNanos(long nanos) throws InterruptedException;

    /** The JVM's monotonic clock and {@link TimeUnit#sleep}. */
    Timer SYSTEM =
        new Timer() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
          }
        };
  }

  private final double callsPerSecond;
  private final int burst;
  private final Timer timer;
  // Guarded by this. Negative when callers have reserved tokens that are still to come.
  private double tokens;
  private long refilledAtNanos;
  private long throttledUntilNanos;

  private RateLimiter(double callsPerSecond, int burst, Timer timer) {
    this.callsPerSecond = callsPerSecond;
    this.burst = burst;
    this.timer = timer;
    this.tokens = burst; // a new limiter is rested
    this.refilledAtNanos = timer.nanoTime();
    this.throttledUntilNanos = refilledAtNanos;
  }

  /**
   * The limiter shared by all connections to {@code endpoint} and {@code projectId} with the same
   * rate and burst; {@link #UNLIMITED} when {@code callsPerSecond} is 0.
   */
  public static RateLimiter shared(
      String endpoint, String projectId, double callsPerSecond, int burst) {
    if (callsPerSecond <= 0) {
      return UNLIMITED;
    }
    return SHARED.computeIfAbsent(
        endpoint + "|" + projectId + "|" + callsPerSecond + "|" + burst,
        k -> create(callsPerSecond, burst, Timer.SYSTEM));
  }

  /** A limiter of its own, on {@code timer} (tests pass a fake one); unlimited at rate 0. */
  public static RateLimiter create(double callsPerSecond, int burst, Timer timer) {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
    return new RateLimiter(Math.max(0, callsPerSecond), burst, timer);
  }

  /**
   * Waits until this caller may start a call; returns at once when unlimited or a token is left.
   *
   * @return the moment the call may start, on the limiter's timer
   * @throws QueryContext.QueryCancelledException when the statement ends while waiting
   */
  public long acquire(QueryContext context) throws IOException {
    if (callsPerSecond <= 0) {
      return timer.nanoTime();
    }
    long start = reserve();
    while (true) {
      context.check();
      long wait = start - timer.nanoTime();
      if (wait <= 0) {
        return start;
      }
      try {
        timer.sleepNanos(Math.min(wait, SLICE_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueryContext.QueryCancelledException("interrupted while rate limited");
      }
    }
  }

  /**
   * Notes a 429 answer: the service said we were too fast, so the bucket's tokens are dropped and
   * it refills at half the rate for ten seconds. Calls already waiting keep their turn.
   */
  public void onThrottled() {
    if (callsPerSecond <= 0) {
      return;
    }
    synchronized (this) {
      long now = timer.nanoTime();
      refill(now);
      tokens = Math.min(tokens, 0);
      throttledUntilNanos = now + THROTTLE_NANOS;
    }
  }

  /** Takes a token, reserving a future one when none is left; returns when it is (or was) ours. */
  private synchronized long reserve() {
    long now = timer.nanoTime();
    refill(now);
    tokens -= 1;
    return tokens >= 0 ? now : now + nanosToEarn(-tokens, now);
  }

  /** Adds the tokens earned since the last refill, at half rate while throttled, up to burst. */
  private void refill(long now) {
    long elapsed = now - refilledAtNanos;
    if (elapsed <= 0) {
      return;
    }
    long slow = Math.min(elapsed, Math.max(0, throttledUntilNanos - refilledAtNanos));
    double earned = (slow * (callsPerSecond / 2) + (elapsed - slow) * callsPerSecond);
    tokens = Math.min(burst, tokens + earned / NANOS_PER_SECOND);
    refilledAtNanos = now;
  }

  /** How long from {@code now} the bucket takes to earn {@code deficit} tokens. */
  private long nanosToEarn(double deficit, long now) {
    long slowLeft = Math.max(0, throttledUntilNanos - now);
    double slowNanos = deficit * NANOS_PER_SECOND / (callsPerSecond / 2);
    if (slowNanos <= slowLeft) {
      return (long) Math.ceil(slowNanos);
    }
    double rest = deficit - slowLeft * (callsPerSecond / 2) / NANOS_PER_SECOND;
    return slowLeft + (long) Math.ceil(rest * NANOS_PER_SECOND / callsPerSecond);
  }
}
