package io.modelarts.sql.bench;

/**
 * What one run of one query reported: wall time, time to its first row, rows read, and the peak
 * live heap when the run was sampled for it.
 *
 * @param wallNanos from just before the query was sent until its last row was read and closed
 * @param firstRowNanos from the same start until the first row was in hand; -1 with no rows
 * @param rows rows read
 * @param peakLiveHeapBytes highest heap in use right after a forced GC during the run; -1 when the
 *     run was not sampled (timed runs never are: the forced GCs would distort the time)
 */
public record Measurement(long wallNanos, long firstRowNanos, long rows, long peakLiveHeapBytes) {

  public double wallMillis() {
    return wallNanos / 1e6;
  }

  public double firstRowMillis() {
    return firstRowNanos < 0 ? Double.NaN : firstRowNanos / 1e6;
  }
}
