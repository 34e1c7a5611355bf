package io.modelarts.sql.calcite;

import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Division of approximate numbers ({@code DOUBLE}) as SQL defines it: a divisor of zero is an error
 * ("Division by zero", SQLState 22012), where Java's division gives {@code Infinity} or {@code
 * NaN}.
 *
 * <p>Why: {@code CAST(x AS DOUBLE) / 0} answered {@code Infinity}, and {@code 0.0E0 / 0} {@code
 * NaN}, where SQL and PostgreSQL raise "division by zero"; a division of integers or decimals
 * failed so already. The planner's {@code CheckedIntegerArithmetic} puts this function in place of
 * each division typed {@code DOUBLE}, named as the division so that plans read the same; the
 * generated code and the interpreter call the same method.
 */
public final class ApproximateDivision {
  /** The function the rewritten plans call, {@link #divide}. */
  private static final SqlUserDefinedFunction DIVIDE =
      LazyScalarFunction.operator(
          SqlStdOperatorTable.DIVIDE.getName(),
          ReturnTypes.DOUBLE_NULLABLE,
          ApproximateDivision.class,
          "divide");

  private ApproximateDivision() {}

  /** The function the rewritten plans call; its operands are {@code DOUBLE}s. */
  public static SqlOperator operator() {
    return DIVIDE;
  }

  /** True when {@code operator} is the function the rewritten plans call. */
  public static boolean isDivision(SqlOperator operator) {
    return operator == DIVIDE;
  }

  /**
   * {@code dividend / divisor}; an {@link ArithmeticException} ("Division by zero") if the divisor
   * is zero, of either sign. A NULL operand makes the call NULL without calling it.
   */
  @Strict
  public static double divide(double dividend, double divisor) {
    if (divisor == 0) {
      throw new ArithmeticException("Division by zero");
    }
    return dividend / divisor;
  }
}
