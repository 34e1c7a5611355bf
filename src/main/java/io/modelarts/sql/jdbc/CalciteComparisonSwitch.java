package io.modelarts.sql.jdbc;

import java.util.concurrent.Callable;

/**
 * A per-thread switch that makes one of the driver's planning steps do as Calcite does, for tests
 * that compare the driver's plans or answers with Calcite's own.
 */
final class CalciteComparisonSwitch {
  private final ThreadLocal<Boolean> on = ThreadLocal.withInitial(() -> false);

  /** True in a thread running {@link #during}: the step must do as Calcite does. */
  boolean isOn() {
    return on.get();
  }

  /** Runs {@code action} with the switch on in this thread. */
  <T> T during(Callable<T> action) throws Exception {
    on.set(true);
    try {
      return action.call();
    } finally {
      on.remove();
    }
  }
}
