package io.modelarts.sql.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated timings of one thing, in milliseconds, and the statistics the report quotes. */
record Samples(List<Double> values) {
  Samples {
    values = List.copyOf(values);
  }

  static Samples empty() {
    return new Samples(List.of());
  }

  Samples plus(double value) {
    List<Double> more = new ArrayList<>(values);
    more.add(value);
    return new Samples(more);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  double median() {
    return percentile(50);
  }

  /** The 90th percentile by nearest rank: with 5 samples that is the largest. */
  double p90() {
    return percentile(90);
  }

  double min() {
    return sorted().isEmpty() ? Double.NaN : sorted().get(0);
  }

  double max() {
    List<Double> s = sorted();
    return s.isEmpty() ? Double.NaN : s.get(s.size() - 1);
  }

  private double percentile(int p) {
    List<Double> s = sorted();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    if (p == 50 && s.size() % 2 == 0) {
      return (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
    int rank = (int) Math.ceil(p / 100.0 * s.size());
    return s.get(Math.max(0, rank - 1));
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }
}
