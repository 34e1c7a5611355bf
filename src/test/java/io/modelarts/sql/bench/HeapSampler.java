package io.modelarts.sql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the peak live heap of a run by forcing a GC every few milliseconds on a side thread and
 * reading the heap in use right after it: what is still reachable then is what the query holds, not
 * garbage that a lazy young generation has not collected yet.
 *
 * <p>It slows the run it watches, so runs that are timed are never sampled.
 */
final class HeapSampler implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 20;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final Thread thread;
  private volatile boolean stop;
  private final AtomicLong peak = new AtomicLong();

  private HeapSampler() {
    thread = new Thread(this::sampleUntilStopped, "bench-heap-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling now. */
  static HeapSampler start() {
    HeapSampler sampler = new HeapSampler();
    sampler.peak.set(liveHeapBytes());
    sampler.thread.start();
    return sampler;
  }

  /** Heap in use right after a full, forced GC. */
  static long liveHeapBytes() {
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** The highest live heap seen so far. */
  long peakBytes() {
    return peak.get();
  }

  private void sampleUntilStopped() {
    while (!stop) {
      peak.accumulateAndGet(liveHeapBytes(), Math::max);
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    stop = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
