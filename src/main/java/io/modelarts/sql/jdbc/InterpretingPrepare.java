package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.interpreter.PlanInterpreter;
import java.util.concurrent.Callable;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.Bindable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's preparation, but a plan {@link PlanInterpreter} reproduces runs without Calcite
 * generating and compiling code for it, so that a fresh JVM's first query (and any new query of
 * such a plan) does not wait for Janino.
 */
class InterpretingPrepare extends LiteralHoistingPrepare {
  /** On in a thread compiling every plan, as Calcite does, for tests to compare with. */
  private static final CalciteComparisonSwitch COMPILE_ALL = new CalciteComparisonSwitch();

  /** Runs {@code action} with every plan compiled in this thread (tests compare both ways). */
  static <T> T compilingAll(Callable<T> action) throws Exception {
    return COMPILE_ALL.during(action);
  }

  @Override
  protected @Nullable Bindable<Object> interpreted(RelRoot root) {
    return COMPILE_ALL.isOn() ? null : PlanInterpreter.bindable(root);
  }
}
