package io.modelarts.simulator;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The most recent served requests, for tests to check what a client really sent.
 *
 * <p>Bounded, so a simulator left running under a benchmark cannot fill the heap: beyond {@link
 * #CAPACITY} entries the oldest are forgotten.
 */
final class RequestLog {
  static final int CAPACITY = 100_000;

  private final Deque<ServedRequest> entries = new ArrayDeque<>();

  synchronized void add(ServedRequest request) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  /** A copy in arrival order (entries are added when answered, which with latency can differ). */
  synchronized List<ServedRequest> snapshot() {
    return entries.stream().sorted(Comparator.comparingLong(ServedRequest::sequence)).toList();
  }

  synchronized void clear() {
    entries.clear();
  }
}
