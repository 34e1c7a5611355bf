package io.modelarts.sql.calcite.interpreter;

import io.modelarts.sql.calcite.ApproximateArithmetic;
import io.modelarts.sql.calcite.CodePointStrings;
import io.modelarts.sql.calcite.DecimalKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The scalar functions the interpreter evaluates, each by calling the method Calcite's generated
 * code calls for it ({@link SqlFunctions}', or {@link CodePointStrings}' for the functions that
 * count characters, {@link DecimalKeys}' for a decimal key's one form, {@link
 * ApproximateArithmetic}' for a division, {@code POWER} and {@code EXP} of {@code DOUBLE}s), with
 * the same argument types: {@code UPPER}, {@code LOWER}, {@code ||}, {@code CHAR_LENGTH}, {@code
 * POSITION}, {@code SUBSTRING} and {@code OVERLAY} (their positions of any integer type) and a
 * string's cast to a shorter or padded {@code VARCHAR(n)} or {@code CHAR(n)}, {@code TRIM} and
 * {@code REPLACE} of strings, {@code MOD} of INTEGERs, of BIGINTs or of one of each, {@code ROUND}
 * and {@code TRUNCATE} of INTEGERs, BIGINTs, DECIMALs and DOUBLEs, {@code FLOOR} and {@code CEIL}
 * of DECIMALs, {@code POWER} of numbers ({@code SQRT} is planned as one), {@code ABS} and {@code
 * SIGN} of numbers, {@code INITCAP} of strings. Like the generated code, every operand is evaluated
 * first, and a NULL operand makes the result NULL; the methods' exceptions (a negative substring
 * length, {@code MOD} by zero) are theirs. Any other function, or other operand types, throws
 * {@link NotInterpretable}.
 *
 * <p>Why: these are the functions a hand-written filter or projection most often holds ({@code
 * LOWER(name) LIKE '%x%'}), and each would otherwise cost its plan a compilation.
 */
final class FunctionCalls {
  private FunctionCalls() {}

  /**
   * {@code call}, whose operands {@code operands} compiles, as an expression over a row, under the
   * connection's {@code conformance} (null if not known: the functions that depend on it are then
   * left to Calcite).
   */
  static RowExpression of(RexCall call, Operands operands, @Nullable SqlConformance conformance)
      throws NotInterpretable {
    SqlOperator operator = call.getOperator();
    List<RexNode> arguments = call.getOperands();
    if (operator == SqlStdOperatorTable.UPPER) {
      requireStrings(arguments);
      return RowExpression.strict(operands.get(0), s -> SqlFunctions.upper(s.toString()));
    }
    if (operator == SqlStdOperatorTable.LOWER) {
      requireStrings(arguments);
      return RowExpression.strict(operands.get(0), s -> SqlFunctions.lower(s.toString()));
    }
    // The driver's own functions, which its rewrites put in plans.
    String counting = CodePointStrings.methodOf(operator);
    if (counting != null) {
      return countingCharacters(counting, arguments, operands);
    }
    if (ApproximateArithmetic.isDivision(operator)) {
      return ofDoubles(operands, ApproximateArithmetic::divide);
    }
    if (ApproximateArithmetic.isPower(operator)) {
      return ofDoubles(operands, ApproximateArithmetic::power);
    }
    if (ApproximateArithmetic.isExp(operator)) {
      return RowExpression.strict(
          operands.get(0), a -> ApproximateArithmetic.exp(((Number) a).doubleValue()));
    }
    if (DecimalKeys.isCanonical(operator)) {
      int scale = RexLiteral.intValue(arguments.get(1));
      return RowExpression.strict(
          operands.get(0), value -> DecimalKeys.canonical((BigDecimal) value, scale));
    }
    if (operator == SqlStdOperatorTable.CONCAT) {
      requireStrings(arguments);
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          (a, b) -> SqlFunctions.concat(a.toString(), b.toString()));
    }
    if (operator == SqlStdOperatorTable.TRIM) {
      return trim(arguments, operands, conformance);
    }
    if (operator == SqlStdOperatorTable.REPLACE && conformance != null) {
      requireStrings(arguments);
      // The generated code's: case-insensitive only under SQL Server's conformance.
      boolean caseSensitive = conformance != SqlConformanceEnum.SQL_SERVER_2008;
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          operands.get(2),
          (s, search, replacement) ->
              SqlFunctions.replace(
                  s.toString(), search.toString(), replacement.toString(), caseSensitive));
    }
    if (operator == SqlStdOperatorTable.MOD && mixesIntegerAndBigint(call)) {
      // The generated code makes the BIGINT a BigDecimal, calls SqlFunctions.mod(BigDecimal, int)
      // or mod(int, BigDecimal), and narrows the remainder to the result's type (the divisor's).
      boolean intResult = call.getType().getSqlTypeName() == SqlTypeName.INTEGER;
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          intResult
              ? (a, b) -> SqlFunctions.mod(new BigDecimal((Long) a), (int) (Integer) b).intValue()
              : (a, b) ->
                  SqlFunctions.mod((int) (Integer) a, new BigDecimal((Long) b)).longValue());
    }
    if (operator == SqlStdOperatorTable.MOD) {
      boolean ints = integersOfResultType(call);
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          ints
              ? (a, b) -> SqlFunctions.mod(((Integer) a).intValue(), ((Integer) b).intValue())
              : (a, b) -> SqlFunctions.mod(((Long) a).longValue(), ((Long) b).longValue()));
    }
    if (operator == SqlStdOperatorTable.ABS) {
      return numberOfItsType(
          call,
          operands.get(0),
          v -> SqlFunctions.abs((int) (Integer) v),
          v -> SqlFunctions.abs((long) (Long) v),
          v -> SqlFunctions.abs((double) (Double) v),
          v -> SqlFunctions.abs((BigDecimal) v));
    }
    if (operator == SqlStdOperatorTable.SIGN) {
      return numberOfItsType(
          call,
          operands.get(0),
          v -> SqlFunctions.sign((int) (Integer) v),
          v -> SqlFunctions.sign((long) (Long) v),
          v -> SqlFunctions.sign((double) (Double) v),
          v -> SqlFunctions.sign((BigDecimal) v));
    }
    if (operator == SqlStdOperatorTable.INITCAP) {
      requireStrings(arguments);
      return RowExpression.strict(operands.get(0), s -> SqlFunctions.initcap(s.toString()));
    }
    if (operator == SqlStdOperatorTable.POWER) {
      // Each overload the generated code may call (a double or a BigDecimal each side) is
      // Math.pow of the two doubleValue()s; an integer operand widens to a double.
      for (RexNode argument : arguments) {
        SqlTypeName type = argument.getType().getSqlTypeName();
        if (type != SqlTypeName.DOUBLE
            && type != SqlTypeName.DECIMAL
            && type != SqlTypeName.INTEGER
            && type != SqlTypeName.BIGINT) {
          throw new NotInterpretable("POWER of " + argument.getType());
        }
      }
      return ofDoubles(operands, SqlFunctions::power);
    }
    // Equal, not the same: the validator gives ROUND a type of its own.
    boolean round = SqlStdOperatorTable.ROUND.equals(operator);
    if (round || operator == SqlStdOperatorTable.TRUNCATE) {
      return rounding(call, operands, round);
    }
    if ((operator == SqlStdOperatorTable.FLOOR || operator == SqlStdOperatorTable.CEIL)
        && arguments.size() == 1) {
      if (arguments.get(0).getType().getSqlTypeName() != SqlTypeName.DECIMAL
          || call.getType().getSqlTypeName() != SqlTypeName.DECIMAL) {
        throw new NotInterpretable(operator.getName() + " of " + arguments.get(0).getType());
      }
      return operator == SqlStdOperatorTable.FLOOR
          ? RowExpression.strict(operands.get(0), d -> SqlFunctions.floor((BigDecimal) d))
          : RowExpression.strict(operands.get(0), d -> SqlFunctions.ceil((BigDecimal) d));
    }
    throw new NotInterpretable("operator " + operator.getName());
  }

  /**
   * {@code ROUND} or {@code TRUNCATE} of an INTEGER, BIGINT, DECIMAL or DOUBLE to an INTEGER number
   * of digits (none: 0, as the one-operand overloads pass): the {@code SqlFunctions.sround} or
   * {@code struncate} overload of the value's type, as generated (half up, or towards zero).
   */
  private static RowExpression rounding(RexCall call, Operands operands, boolean round)
      throws NotInterpretable {
    List<RexNode> arguments = call.getOperands();
    SqlTypeName type = arguments.get(0).getType().getSqlTypeName();
    if (call.getType().getSqlTypeName() != type
        || (arguments.size() == 2
            && arguments.get(1).getType().getSqlTypeName() != SqlTypeName.INTEGER)) {
      throw new NotInterpretable(call.getOperator().getName() + " of " + arguments);
    }
    RowExpression digits = arguments.size() == 2 ? operands.get(1) : (row, root) -> 0;
    RowExpression value = operands.get(0);
    BinaryOperator<Object> function =
        switch (type) {
          case INTEGER ->
              round
                  ? (v, d) -> SqlFunctions.sround((int) (Integer) v, (int) (Integer) d)
                  : (v, d) -> SqlFunctions.struncate((int) (Integer) v, (int) (Integer) d);
          case BIGINT ->
              round
                  ? (v, d) -> SqlFunctions.sround((long) (Long) v, (int) (Integer) d)
                  : (v, d) -> SqlFunctions.struncate((long) (Long) v, (int) (Integer) d);
          case DECIMAL ->
              round
                  ? (v, d) -> SqlFunctions.sround((BigDecimal) v, (int) (Integer) d)
                  : (v, d) -> SqlFunctions.struncate((BigDecimal) v, (int) (Integer) d);
          case DOUBLE ->
              round
                  ? (v, d) -> SqlFunctions.sround((double) (Double) v, (int) (Integer) d)
                  : (v, d) -> SqlFunctions.struncate((double) (Double) v, (int) (Integer) d);
          default -> throw new NotInterpretable(call.getOperator().getName() + " of " + type);
        };
    return RowExpression.strict(value, digits, function);
  }

  /**
   * A function of one number whose result has the number's type ({@code ABS}, {@code SIGN}): the
   * {@code SqlFunctions} overload the generated code calls for an INTEGER, BIGINT, DOUBLE or
   * DECIMAL.
   */
  private static RowExpression numberOfItsType(
      RexCall call,
      RowExpression operand,
      UnaryOperator<Object> ofInt,
      UnaryOperator<Object> ofLong,
      UnaryOperator<Object> ofDouble,
      UnaryOperator<Object> ofDecimal)
      throws NotInterpretable {
    SqlTypeName type = call.getOperands().get(0).getType().getSqlTypeName();
    if (call.getType().getSqlTypeName() != type) {
      throw new NotInterpretable(call.getOperator().getName() + " as " + call.getType());
    }
    return switch (type) {
      case INTEGER -> RowExpression.strict(operand, ofInt);
      case BIGINT -> RowExpression.strict(operand, ofLong);
      case DOUBLE -> RowExpression.strict(operand, ofDouble);
      case DECIMAL -> RowExpression.strict(operand, ofDecimal);
      default -> throw new NotInterpretable(call.getOperator().getName() + " of " + type);
    };
  }

  /**
   * A call of {@link CodePointStrings}' {@code method}: its strings first, then its positions and
   * lengths, of any integer type (the generated code widens them to the methods' {@code long}).
   */
  private static RowExpression countingCharacters(
      String method, List<RexNode> arguments, Operands operands) throws NotInterpretable {
    int strings = method.startsWith("position") || method.startsWith("overlay") ? 2 : 1;
    requireStrings(arguments.subList(0, strings));
    for (RexNode number : arguments.subList(strings, arguments.size())) {
      if (!SqlTypeName.INT_TYPES.contains(number.getType().getSqlTypeName())) {
        throw new NotInterpretable(method + " of " + number.getType());
      }
    }
    List<RowExpression> compiled = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      compiled.add(operands.get(i));
    }
    Function<Object[], Object> function =
        switch (method) {
          case "charLength" -> v -> CodePointStrings.charLength(v[0].toString());
          case "position" -> v -> CodePointStrings.position(v[0].toString(), v[1].toString());
          case "positionFrom" ->
              v -> CodePointStrings.positionFrom(v[0].toString(), v[1].toString(), number(v[2]));
          case "substringFrom" ->
              v -> CodePointStrings.substringFrom(v[0].toString(), number(v[1]));
          case "substringFromFor" ->
              v -> CodePointStrings.substringFromFor(v[0].toString(), number(v[1]), number(v[2]));
          case "overlay" ->
              v -> CodePointStrings.overlay(v[0].toString(), v[1].toString(), number(v[2]));
          case "overlayFor" ->
              v ->
                  CodePointStrings.overlayFor(
                      v[0].toString(), v[1].toString(), number(v[2]), number(v[3]));
          case "truncate" -> v -> CodePointStrings.truncate(v[0].toString(), (int) number(v[1]));
          case "truncateOrPad" ->
              v -> CodePointStrings.truncateOrPad(v[0].toString(), (int) number(v[1]));
          default -> throw new NotInterpretable("CodePointStrings." + method);
        };
    return RowExpression.strict(compiled, function);
  }

  /** {@code operation} of the two operands' numbers as doubles; NULL if either is NULL. */
  private static RowExpression ofDoubles(Operands operands, DoubleBinaryOperator operation)
      throws NotInterpretable {
    return RowExpression.strict(
        operands.get(0),
        operands.get(1),
        (a, b) -> operation.applyAsDouble(((Number) a).doubleValue(), ((Number) b).doubleValue()));
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  /**
   * {@code TRIM([BOTH|LEADING|TRAILING] c FROM s)}: {@code SqlFunctions.trim(left, right, c, s,
   * strict)}, as generated, {@code strict} (which refuses a {@code c} not of one character) unless
   * the conformance allows an extended TRIM. With the conformance not known, only a literal {@code
   * c} of one character (as in {@code TRIM(s)}, a space) is taken, for which {@code strict} cannot
   * matter.
   */
  private static RowExpression trim(
      List<RexNode> arguments, Operands operands, @Nullable SqlConformance conformance)
      throws NotInterpretable {
    requireStrings(arguments.subList(1, 3));
    if (!(arguments.get(0) instanceof RexLiteral flagLiteral
        && flagLiteral.getValue() instanceof SqlTrimFunction.Flag flag)) {
      throw new NotInterpretable("TRIM of " + arguments);
    }
    boolean left = flag == SqlTrimFunction.Flag.BOTH || flag == SqlTrimFunction.Flag.LEADING;
    boolean right = flag == SqlTrimFunction.Flag.BOTH || flag == SqlTrimFunction.Flag.TRAILING;
    if (conformance == null
        && !(arguments.get(1) instanceof RexLiteral seek
            && !seek.isNull()
            && seek.getValueAs(String.class).length() == 1)) {
      throw new NotInterpretable("TRIM of " + arguments + " under an unknown conformance");
    }
    boolean strict = conformance == null || !conformance.allowExtendedTrim();
    return RowExpression.strict(
        operands.get(1),
        operands.get(2),
        (seek, s) -> SqlFunctions.trim(left, right, seek.toString(), s.toString(), strict));
  }

  /** Each of {@code arguments} is a CHAR or VARCHAR, as the {@code String} methods take. */
  private static void requireStrings(List<RexNode> arguments) throws NotInterpretable {
    for (RexNode argument : arguments) {
      SqlTypeName type = argument.getType().getSqlTypeName();
      if (type != SqlTypeName.CHAR && type != SqlTypeName.VARCHAR) {
        throw new NotInterpretable("string function of " + argument.getType());
      }
    }
  }

  /** Whether the call's two operands are a BIGINT and an INTEGER, in either order. */
  private static boolean mixesIntegerAndBigint(RexCall call) {
    SqlTypeName first = call.getOperands().get(0).getType().getSqlTypeName();
    SqlTypeName second = call.getOperands().get(1).getType().getSqlTypeName();
    return first == SqlTypeName.BIGINT && second == SqlTypeName.INTEGER
        || first == SqlTypeName.INTEGER && second == SqlTypeName.BIGINT;
  }

  /**
   * Whether {@code call}'s result and operands are all INTEGERs (else all BIGINTs, the only other
   * types taken), so that the {@code int} or {@code long} overload is the one the generated code
   * calls.
   */
  private static boolean integersOfResultType(RexCall call) throws NotInterpretable {
    SqlTypeName type = call.getType().getSqlTypeName();
    if (type != SqlTypeName.INTEGER && type != SqlTypeName.BIGINT) {
      throw new NotInterpretable(call.getOperator().getName() + " of type " + call.getType());
    }
    for (RexNode operand : call.getOperands()) {
      RelDataType operandType = operand.getType();
      if (operandType.getSqlTypeName() != type) {
        throw new NotInterpretable(call.getOperator().getName() + " of " + operandType);
      }
    }
    return type == SqlTypeName.INTEGER;
  }
}
