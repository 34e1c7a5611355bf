package io.modelarts.sql.bench;

/**
 * Times one query from start to first row to end, the same way for the driver and the hand-written
 * client, and keeps what the rows hashed to so the JIT cannot drop the reading.
 */
final class RowTimer {
  /** Sink for row hashes; volatile so the work that produced them is never dead code. */
  static volatile long sink;

  private final long start = System.nanoTime();
  private long firstRow = -1;
  private long rows;
  private long hash;

  /** Notes one row whose values hashed to {@code valueHash}. */
  void row(int valueHash) {
    if (rows++ == 0) {
      firstRow = System.nanoTime() - start;
    }
    hash += valueHash;
  }

  /** Ends the run; {@code peakLiveHeapBytes} is -1 unless a sampler watched it. */
  Measurement finish(long peakLiveHeapBytes) {
    long wall = System.nanoTime() - start;
    sink += hash;
    return new Measurement(wall, firstRow, rows, peakLiveHeapBytes);
  }
}
