package io.modelarts.sql.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most recent API calls of one connection, kept so a user can see what a slow query cost
 * ({@code SELECT * FROM modelarts.api_calls}); also logs one DEBUG line per call.
 */
public final class ApiCallLog {
  private static final Logger LOG = LoggerFactory.getLogger(ApiCallLog.class);

  private final int capacity;
  private final Deque<ApiCall> calls = new ArrayDeque<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong total = new AtomicLong();

  public ApiCallLog(int capacity) {
    this.capacity = capacity;
  }

  /** The next sequence number for a call about to start. */
  public long nextSequence() {
    return sequence.incrementAndGet();
  }

  /** Records a finished call (successful or not). */
  public void record(ApiCall call) {
    if (!call.fromCache()) {
      total.incrementAndGet();
    }
    LOG.debug(
        "{} {}?{} -> {} {} in {} ms, {} rows, attempt {}, request id {}{}",
        call.method(),
        call.path(),
        call.query(),
        call.httpStatus(),
        call.errorCode() == null ? "" : call.errorCode(),
        call.durationMillis(),
        call.rows(),
        call.attempt(),
        call.requestId(),
        call.fromCache() ? " (from cache)" : "");
    synchronized (calls) {
      calls.addLast(call);
      while (calls.size() > capacity) {
        calls.removeFirst();
      }
    }
  }

  /** The recorded calls, oldest first. */
  public List<ApiCall> snapshot() {
    synchronized (calls) {
      return new ArrayList<>(calls);
    }
  }

  /** How many HTTP calls were sent since the log was made (cache hits not counted). */
  public long httpCallCount() {
    return total.get();
  }
}
