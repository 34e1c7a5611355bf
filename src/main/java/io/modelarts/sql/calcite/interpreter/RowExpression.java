package io.modelarts.sql.calcite.interpreter;

import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A scalar expression of a plan, ready to be evaluated against one input row. */
@FunctionalInterface
interface RowExpression {
  /** The value for {@code row}, in Calcite's run-time representation; null for SQL NULL. */
  @Nullable Object evaluate(Object[] row, DataContext root);
}
