package io.modelarts.sql.calcite;

import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Division, {@code POWER} (so {@code SQRT}, which Calcite plans as one) and {@code EXP} of
 * approximate numbers ({@code DOUBLE}) as SQL and PostgreSQL define them: a divisor of zero fails
 * ("Division by zero", SQLState 22012), a power without a real value fails ("Invalid argument for
 * power function", 2201F), and a result beyond the range of a {@code DOUBLE} fails ("Value out of
 * range", 22003), where Java's arithmetic gives {@code Infinity} or {@code NaN}.
 *
 * <p>Why: {@code CAST(x AS DOUBLE) / 0} answered {@code Infinity}, {@code SQRT(-1)} {@code NaN},
 * {@code POWER(0, -1)} and {@code EXP(1000)} {@code Infinity}, where PostgreSQL raises "division by
 * zero", "cannot take square root of a negative number", "zero raised to a negative power is
 * undefined" and "value out of range: overflow"; a division of integers or decimals failed so
 * already. The planner's {@code CheckedIntegerArithmetic} puts these functions in place of
 * Calcite's, named as Calcite's so that plans read the same; the generated code and the interpreter
 * call the same methods. An operand that is already infinite or NaN keeps giving what Java gives,
 * and a result too small for a {@code DOUBLE} is 0 (PostgreSQL: "value out of range: underflow").
 */
public final class ApproximateArithmetic {
  private static final SqlUserDefinedFunction DIVIDE =
      function(SqlStdOperatorTable.DIVIDE, "divide");
  private static final SqlUserDefinedFunction POWER = function(SqlStdOperatorTable.POWER, "power");
  private static final SqlUserDefinedFunction EXP = function(SqlStdOperatorTable.EXP, "exp");

  private ApproximateArithmetic() {}

  private static SqlUserDefinedFunction function(SqlOperator standard, String method) {
    return LazyScalarFunction.operator(
        standard.getName(), ReturnTypes.DOUBLE_NULLABLE, ApproximateArithmetic.class, method);
  }

  /**
   * The function that computes {@code standard} ({@code /}, {@code POWER} or {@code EXP}) of {@code
   * DOUBLE} operands; null for any other operator.
   */
  public static @Nullable SqlOperator checked(SqlOperator standard) {
    if (standard == SqlStdOperatorTable.DIVIDE) {
      return DIVIDE;
    }
    if (standard == SqlStdOperatorTable.POWER) {
      return POWER;
    }
    return standard == SqlStdOperatorTable.EXP ? EXP : null;
  }

  /** True when {@code operator} is the driver's division. */
  public static boolean isDivision(SqlOperator operator) {
    return operator == DIVIDE;
  }

  /** True when {@code operator} is the driver's {@code POWER}. */
  public static boolean isPower(SqlOperator operator) {
    return operator == POWER;
  }

  /** True when {@code operator} is the driver's {@code EXP}. */
  public static boolean isExp(SqlOperator operator) {
    return operator == EXP;
  }

  /** {@code dividend / divisor}; fails if the divisor is zero, of either sign. */
  @Strict
  public static double divide(double dividend, double divisor) {
    if (divisor == 0) {
      throw new ArithmeticException("Division by zero");
    }
    return inRange(dividend / divisor, Double.isFinite(dividend) && Double.isFinite(divisor));
  }

  /**
   * {@code base} to the power {@code exponent}; fails where it has no real value (zero to a
   * negative power, a negative number to a fraction) or leaves the range.
   */
  @Strict
  public static double power(double base, double exponent) {
    if (base == 0 && exponent < 0) {
      throw new ArithmeticException(
          "Invalid argument for power function: zero raised to a negative power is undefined");
    }
    if (base < 0 && Double.isFinite(exponent) && exponent != Math.rint(exponent)) {
      throw new ArithmeticException(
          exponent == 0.5
              ? "Invalid argument for power function: cannot take square root of a negative number"
              : "Invalid argument for power function: a negative number raised to a non-integer"
                  + " power yields a complex result");
    }
    return inRange(Math.pow(base, exponent), Double.isFinite(base) && Double.isFinite(exponent));
  }

  /** e to the power {@code exponent}; fails if that leaves the range. */
  @Strict
  public static double exp(double exponent) {
    return inRange(Math.exp(exponent), Double.isFinite(exponent));
  }

  /** {@code result}, unless it overflowed from operands that are all {@code finite}. */
  private static double inRange(double result, boolean finite) {
    if (finite && Double.isInfinite(result)) {
      throw new ArithmeticException("overflow of a DOUBLE");
    }
    return result;
  }
}
