package io.modelarts.sql.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modelarts.simulator.ServedRequest;
import io.modelarts.sql.config.ConnectionConfig;
import io.modelarts.sql.http.QueryContext;
import io.modelarts.sql.http.RateLimiter;
import io.modelarts.sql.testing.MutableClock;
import io.modelarts.sql.testing.SimulatorFixture;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The client-side rate limit is a token bucket shared by all connections to one endpoint and
 * project. Its arithmetic is checked on a fake clock that only moves when the limiter sleeps, so
 * the start times are exact; against the simulator only a lower bound on the spacing is asserted: a
 * busy machine can make calls slower, never faster than the limit.
 */
class RateLimitTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void callsOfTwoConnectionsAreSpacedByTheSharedLimit() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(400, 12L)) {
      String limited =
          sim.url("pageConcurrency=4").replace(";rateLimit=0", ";rateLimit=20;rateLimitBurst=4");
      try (Connection a = java.sql.DriverManager.getConnection(limited);
          Connection b = java.sql.DriverManager.getConnection(limited)) {
        Thread other = new Thread(() -> rows(b));
        other.start();
        rows(a);
        other.join();
      }
      List<ServedRequest> calls = sim.listCalls();
      assertTrue(calls.size() >= 16, "both connections listed everything: " + calls.size());
      Duration span =
          Duration.between(calls.get(0).receivedAt(), calls.get(calls.size() - 1).receivedAt());
      // 4 calls may start at once, the other n - 4 at 20 per second need at least (n - 4) × 50 ms;
      // allow 20 % for clock granularity
      long floor = (calls.size() - 4) * 50L * 8 / 10;
      assertTrue(
          span.toMillis() >= floor,
          calls.size() + " calls in " + span.toMillis() + " ms, floor " + floor);
    }
  }

  @Test
  void aBurstUpToTheCapacityStartsWithoutWaiting() throws IOException {
    FakeTimer time = new FakeTimer();
    RateLimiter limiter = RateLimiter.create(10, 8, time);
    for (int i = 0; i < 8; i++) {
      assertEquals(time.start, limiter.acquire(QueryContext.unbounded()), "call " + i);
    }
    assertEquals(List.of(), time.sleeps, "nobody waited");
    // the ninth waits for the next token: a tenth of a second at 10 per second
    assertEquals(time.start + 100 * MS, limiter.acquire(QueryContext.unbounded()));
    assertEquals(time.start + 100 * MS, time.nanoTime());
  }

  @Test
  void anIdleBucketFillsOnlyToItsCapacity() throws IOException {
    FakeTimer time = new FakeTimer();
    RateLimiter limiter = RateLimiter.create(50, 50, time);
    drain(limiter, 50);
    time.advance(60 * SECOND); // 3,000 calls' worth of idling
    long rested = time.nanoTime();
    List<Long> starts = drain(limiter, 51);
    assertEquals(Collections.nCopies(50, rested), starts.subList(0, 50));
    assertEquals(rested + 20 * MS, starts.get(50));
  }

  @Test
  void theSustainedRateNeverExceedsTheLimit() throws IOException {
    FakeTimer time = new FakeTimer();
    RateLimiter limiter = RateLimiter.create(50, 50, time);
    Random random = new Random(42);
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      if (random.nextInt(10) == 0) {
        time.advance(random.nextInt(2_000) * MS); // now and then a pause, so the bucket refills
      }
      starts.add(limiter.acquire(QueryContext.unbounded()));
    }
    assertWithinBucket(starts, 50, 50);
    // and from a rested bucket, back to back: 50 at once, then one every 20 ms, no slower
    time.advance(SECOND);
    List<Long> run = drain(limiter, 1_000);
    assertWithinBucket(run, 50, 50);
    assertEquals(run.get(0), run.get(49));
    assertEquals(950 * 20 * MS, run.get(999) - run.get(0));
  }

  @Test
  void aThrottledAnswerEmptiesTheBucketAndHalvesTheRateForTenSeconds() throws IOException {
    FakeTimer time = new FakeTimer();
    // a bucket larger than 10 s of refill, so what it earns is never cut off at its capacity
    RateLimiter limiter = RateLimiter.create(50, 1_000, time);
    drain(limiter, 10); // 990 tokens left
    long throttledAt = time.nanoTime();
    limiter.onThrottled();
    List<Long> starts = drain(limiter, 5);
    // no token left, and one every 40 ms (25 per second) instead of every 20 ms
    for (int i = 0; i < 5; i++) {
      assertEquals(throttledAt + (i + 1) * 40 * MS, starts.get(i), "call " + i);
    }
    // at 11 s: 9.84 s more at 25/s and 1 s at 50/s earned 296 tokens, one of them owed already
    time.advance(11 * SECOND - 200 * MS);
    long now = time.nanoTime();
    List<Long> rested = drain(limiter, 296);
    assertEquals(Collections.nCopies(295, now), rested.subList(0, 295));
    assertEquals(now + 20 * MS, rested.get(295));
  }

  @Test
  void aThrottledAnswerWhileACallWaitsKeepsItsTurnAndSlowsTheOthers() throws IOException {
    FakeTimer time = new FakeTimer();
    RateLimiter limiter = RateLimiter.create(50, 50, time);
    long t0 = time.nanoTime();
    drain(limiter, 50);
    // the 51st waits for its token (20 ms); 10 ms into the wait another call is answered 429
    time.onSleep =
        () -> {
          time.onSleep = () -> {};
          time.advance(10 * MS);
          limiter.onThrottled();
        };
    assertEquals(t0 + 20 * MS, limiter.acquire(QueryContext.unbounded()));
    List<Long> starts = drain(limiter, 251);
    // the half token owed at the 429 is paid at 25/s: 70 ms, then every 40 ms until 10.01 s
    for (int k = 0; k < 249; k++) {
      assertEquals(t0 + (70 + 40 * k) * MS, starts.get(k), "call " + k);
    }
    // the call reserved at 9.99 s earns half its token at 25/s, the other half at 50/s
    assertEquals(t0 + 10_020 * MS, starts.get(249));
    assertEquals(t0 + 10_040 * MS, starts.get(250));
  }

  @Test
  void aCancelWhileWaitingEndsTheWaitAtTheNextSlice() throws IOException {
    FakeTimer time = new FakeTimer();
    RateLimiter limiter = RateLimiter.create(1, 1, time);
    limiter.acquire(QueryContext.unbounded()); // the only token
    AtomicBoolean cancel = new AtomicBoolean();
    QueryContext context = new QueryContext(cancel, 0);
    time.onSleep = () -> cancel.set(true); // Statement.cancel() from another thread, meanwhile
    assertThrows(QueryContext.QueryCancelledException.class, () -> limiter.acquire(context));
    assertEquals(List.of(50 * MS), time.sleeps, "one slice of the second's wait, then the check");
  }

  @Test
  void anInterruptWhileWaitingEndsTheWait() throws IOException {
    FakeTimer time = new FakeTimer();
    RateLimiter limiter = RateLimiter.create(1, 1, time);
    limiter.acquire(QueryContext.unbounded());
    time.onSleep =
        () -> {
          throw new InterruptedException();
        };
    try {
      assertThrows(
          QueryContext.QueryCancelledException.class,
          () -> limiter.acquire(QueryContext.unbounded()));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void threadsNeverShareAToken() throws Exception {
    // The real clock: the start times are handed out under the limiter's lock, so the bucket's
    // bound holds for them however the threads are scheduled.
    RateLimiter limiter = RateLimiter.create(1_000, 10, RateLimiter.Timer.SYSTEM);
    ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 50; i++) {
                    starts.add(limiter.acquire(QueryContext.unbounded()));
                  }
                } catch (IOException | RuntimeException e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), List.copyOf(failures));
    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    assertEquals(200, sorted.size());
    assertWithinBucket(sorted, 1_000, 10);
  }

  @Test
  void connectionsShareALimiterOnlyWithTheSameEndpointProjectRateAndBurst() {
    RateLimiter one = RateLimiter.shared("http://h", "p", 50, 50);
    assertSame(one, RateLimiter.shared("http://h", "p", 50, 50));
    assertNotSame(one, RateLimiter.shared("http://h", "p", 50, 1));
    assertNotSame(one, RateLimiter.shared("http://h", "p", 20, 50));
    assertNotSame(one, RateLimiter.shared("http://h", "q", 50, 50));
    assertSame(RateLimiter.UNLIMITED, RateLimiter.shared("http://h", "p", 0, 50));
  }

  @Test
  void theBurstIsOneSecondsWorthOfTheRateUnlessSet() throws SQLException {
    assertEquals(50, config("").rateLimitBurst(), "the default rate");
    assertEquals(3, config(";rateLimit=2.5").rateLimitBurst());
    assertEquals(1, config(";rateLimit=0.2").rateLimitBurst(), "at least one call");
    assertEquals(7, config(";rateLimit=2.5;rateLimitBurst=7").rateLimitBurst());
    SQLException zero =
        assertThrows(SQLException.class, () -> config(";rateLimitBurst=0").rateLimitBurst());
    assertEquals(ConnectionConfig.INVALID_VALUE, zero.getSQLState());
  }

  private static ConnectionConfig config(String more) throws SQLException {
    Properties p = new Properties();
    for (String pair :
        ("projectId=p;endpoint=http://127.0.0.1:1;user=AK;password=SK" + more).split(";")) {
      String[] kv = pair.split("=", 2);
      p.setProperty(kv[0], kv[1]);
    }
    return ConnectionConfig.from(p);
  }

  /**
   * A bucket of {@code burst} tokens refilled at {@code rate}: any k consecutive starts span at
   * least (k - burst) / rate seconds (a nanosecond of rounding allowed).
   */
  private static void assertWithinBucket(List<Long> sortedStarts, double rate, int burst) {
    for (int i = 0; i < sortedStarts.size(); i++) {
      for (int j = i + burst; j < sortedStarts.size(); j++) {
        long span = sortedStarts.get(j) - sortedStarts.get(i);
        double floor = (j - i + 1 - burst) * SECOND / rate;
        if (span < floor - 1) {
          fail((j - i + 1) + " starts within " + span + " ns, at least " + floor + " ns needed");
        }
      }
    }
  }

  private static List<Long> drain(RateLimiter limiter, int calls) throws IOException {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      starts.add(limiter.acquire(QueryContext.unbounded()));
    }
    return starts;
  }

  /** A clock that stands still until the test or a limiter's sleep moves it. */
  private static final class FakeTimer implements RateLimiter.Timer {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final long start = nanoTime();
    final List<Long> sleeps = new ArrayList<>();
    Interruptible onSleep = () -> {};

    /** What happens at each sleep, besides the clock moving. */
    interface Interruptible {
      void run() throws InterruptedException;
    }

    @Override
    public long nanoTime() {
      Instant now = clock.instant();
      return now.getEpochSecond() * SECOND + now.getNano();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
      sleeps.add(nanos);
      onSleep.run();
      advance(nanos);
    }

    void advance(long nanos) {
      clock.advance(Duration.ofNanos(nanos));
    }
  }

  private static void rows(Connection c) {
    try {
      SimulatorFixture.rows(c, "SELECT id FROM notebooks");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
