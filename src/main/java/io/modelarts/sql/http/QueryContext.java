package io.modelarts.sql.http;

import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * The life of one statement execution as the HTTP layer sees it: its cancel flag, its deadline and
 * the calls it has in flight, so that a cancel or a timeout aborts them at once.
 */
public final class QueryContext {
  private final AtomicBoolean cancelFlag;
  private final AtomicBoolean connectionClosed;
  private final long deadlineNanos;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param cancelFlag the statement's flag (Calcite sets it on {@code Statement.cancel()})
   * @param timeoutMillis the query timeout, 0 for none
   */
  public QueryContext(AtomicBoolean cancelFlag, long timeoutMillis) {
    this(cancelFlag, new AtomicBoolean(), timeoutMillis);
  }

  /**
   * @param connectionClosed the connection's closed flag: closing a connection cancels its work
   */
  public QueryContext(
      AtomicBoolean cancelFlag, AtomicBoolean connectionClosed, long timeoutMillis) {
    this.connectionClosed = connectionClosed;
    this.cancelFlag = cancelFlag == null ? new AtomicBoolean() : cancelFlag;
    this.deadlineNanos =
        timeoutMillis <= 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
  }

  private QueryContext(
      AtomicBoolean cancelFlag,
      AtomicBoolean connectionClosed,
      long deadlineNanos,
      boolean unused) {
    this.cancelFlag = cancelFlag;
    this.connectionClosed = connectionClosed;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * A context for one part of this execution (one listing): it shares the statement's cancel flag
   * and deadline, and can be closed alone when that part is no longer needed.
   */
  public QueryContext child() {
    return new QueryContext(cancelFlag, connectionClosed, deadlineNanos, true);
  }

  /** A context that is never cancelled and never times out. */
  public static QueryContext unbounded() {
    return new QueryContext(new AtomicBoolean(), 0);
  }

  /** Throws if the statement was cancelled, closed or ran past its timeout. */
  public void check() throws InterruptedIOException {
    if (closed || cancelFlag.get()) {
      cancelAll();
      throw new QueryCancelledException("the statement was cancelled");
    }
    if (connectionClosed.get()) {
      cancelAll();
      throw new QueryCancelledException("the connection was closed");
    }
    if (System.nanoTime() > deadlineNanos) {
      cancelAll();
      throw new QueryCancelledException("the statement ran past its query timeout");
    }
  }

  /** Whether the statement is cancelled, closed or past its deadline. */
  public boolean isDone() {
    return closed
        || cancelFlag.get()
        || connectionClosed.get()
        || System.nanoTime() > deadlineNanos;
  }

  /** Nanoseconds left before the deadline (Long.MAX_VALUE when there is none). */
  public long remainingNanos() {
    return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }

  void register(Call call) {
    inFlight.add(call);
    if (isDone()) {
      call.cancel();
    }
  }

  void unregister(Call call) {
    inFlight.remove(call);
  }

  /**
   * Waits for {@code future}, checking every 25 ms whether the statement was cancelled, closed or
   * timed out — the one place a statement's thread blocks, so a cancel is seen promptly.
   *
   * @throws QueryCancelledException when the statement ended first
   * @throws ExecutionException with the failure of the awaited work
   */
  public <T> T await(java.util.concurrent.Future<T> future)
      throws QueryCancelledException, java.util.concurrent.ExecutionException {
    while (true) {
      try {
        check();
      } catch (QueryCancelledException e) {
        throw e;
      } catch (InterruptedIOException e) {
        throw new QueryCancelledException(e.getMessage());
      }
      try {
        return future.get(25, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // poll the flags again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueryCancelledException("interrupted while waiting");
      }
    }
  }

  /** Aborts every call in flight. */
  public void cancelAll() {
    for (Call call : inFlight) {
      call.cancel();
    }
  }

  /** Marks the execution finished (its result set closed): later calls fail, running ones abort. */
  public void close() {
    closed = true;
    cancelAll();
  }

  /** A statement ended by cancel, close or timeout; maps to SQLState HY008. */
  public static final class QueryCancelledException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    public QueryCancelledException(String message) {
      super(message);
    }
  }
}
