package io.modelarts.sql.bench;

import java.util.Set;

/**
 * A workload measured side by side: the driver (a), the hand-written client (b), and the lower
 * bound (c) for the calls the hand-written client needed at the driver's page concurrency.
 *
 * @param driverCalls distinct per-run call counts of (a) seen (one value when runs agree)
 * @param handCalls the same for (b)
 * @param idleHeap live heap of the client JVM just before the sampled runs, bytes
 * @param driverPeakHeap peak live heap of the client JVM during a sampled run of (a), bytes
 * @param handPeakHeap the same for (b)
 */
record WorkloadResult(
    Workload workload,
    long latencyMillis,
    Samples driverWall,
    Samples driverFirstRow,
    Samples handWall,
    Samples handFirstRow,
    long driverRows,
    long handRows,
    Set<Long> driverCalls,
    Set<Long> handCalls,
    long idleHeap,
    long driverPeakHeap,
    long handPeakHeap) {

  /** (c) in milliseconds. */
  double lowerBoundMillis() {
    return LowerBound.millis(minCalls(handCalls), latencyMillis, workload.pageConcurrency());
  }

  /** How many times faster (a) is than (b), by medians. */
  double speedUpOverHandWritten() {
    return handWall.median() / driverWall.median();
  }

  /** How many times (c) the driver's median is. */
  double ratioToLowerBound() {
    return driverWall.median() / lowerBoundMillis();
  }

  static long minCalls(Set<Long> calls) {
    return calls.stream().mapToLong(Long::longValue).min().orElse(0);
  }
}
