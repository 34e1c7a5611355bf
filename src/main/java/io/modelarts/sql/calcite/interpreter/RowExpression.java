package io.modelarts.sql.calcite.interpreter;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A scalar expression of a plan, ready to be evaluated against one input row. */
@FunctionalInterface
interface RowExpression {
  /** The value for {@code row}, in Calcite's run-time representation; null for SQL NULL. */
  @Nullable Object evaluate(Object[] row, DataContext root);

  /**
   * {@code function} of {@code operand}'s value, NULL for NULL: a call the generated code makes
   * under a strict null policy.
   */
  static RowExpression strict(RowExpression operand, UnaryOperator<Object> function) {
    return (row, root) -> {
      Object value = operand.evaluate(row, root);
      return value == null ? null : function.apply(value);
    };
  }

  /** {@code function} of two operands, both evaluated first (as there); NULL if either is. */
  static RowExpression strict(
      RowExpression left, RowExpression right, BinaryOperator<Object> function) {
    return (row, root) -> {
      Object a = left.evaluate(row, root);
      Object b = right.evaluate(row, root);
      return a == null || b == null ? null : function.apply(a, b);
    };
  }

  /** {@code function} of three operands, all evaluated first; NULL if any is. */
  static RowExpression strict(
      RowExpression first, RowExpression second, RowExpression third, Ternary function) {
    return (row, root) -> {
      Object a = first.evaluate(row, root);
      Object b = second.evaluate(row, root);
      Object c = third.evaluate(row, root);
      return a == null || b == null || c == null ? null : function.apply(a, b, c);
    };
  }

  /** {@code function} of any number of operands, all evaluated first; NULL if any is. */
  static RowExpression strict(List<RowExpression> operands, Function<Object[], Object> function) {
    return (row, root) -> {
      Object[] values = new Object[operands.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = operands.get(i).evaluate(row, root);
        if (values[i] == null) {
          // Every operand is evaluated first, as there: an error in a later one still surfaces.
          for (int j = i + 1; j < values.length; j++) {
            operands.get(j).evaluate(row, root);
          }
          return null;
        }
      }
      return function.apply(values);
    };
  }

  /** A function of three non-null values. */
  @FunctionalInterface
  interface Ternary {
    Object apply(Object a, Object b, Object c);
  }
}
