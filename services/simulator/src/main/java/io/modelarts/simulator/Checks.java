package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Argument checks shared by the configuration, the live fault knobs and the token registry. */
final class Checks {
  private Checks() {}

  static long requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  static int requireNotNegative(String name, int value) {
    return (int) requireNotNegative(name, (long) value);
  }

  static Duration requirePositive(String name, Duration value) {
    requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
