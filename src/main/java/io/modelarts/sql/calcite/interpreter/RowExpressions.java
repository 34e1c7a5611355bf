package io.modelarts.sql.calcite.interpreter;

import io.modelarts.sql.calcite.TimestampUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlConformance;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns a plan's scalar expressions into {@link RowExpression}s that compute what the code Calcite
 * generates for them computes, for a closed set of operators and types: column references, literals
 * and string parameters; {@code = <> < <= > >=} between two strings, two integers, two decimals,
 * two doubles (or a double and an integer), two timestamps or two dates ({@code = <>} also between
 * booleans); {@code LIKE}; {@code AND}, {@code OR}, {@code NOT}; {@code IS [NOT] NULL|TRUE|FALSE};
 * searches ({@code IN}, ranges), expanded as the code generator expands them; {@code CASE} (and so
 * {@code COALESCE} and {@code NULLIF}) whose values have its type; the casts {@link #cast} lists;
 * {@code + - * /} and unary {@code -} of integers (so {@code AVG}, planned as a sum divided by a
 * count), {@code + - * /} of decimals and integers, and of doubles with either (unary {@code -}
 * too); the functions of a timestamp {@link DatetimeCalls} takes and the others {@link
 * FunctionCalls} takes. Anything else throws {@link NotInterpretable}.
 *
 * <p>Why these agree with the generated code: strings are compared and matched by the very methods
 * that code calls ({@link SqlFunctions}'s comparisons and its {@code LIKE}), on values taken with
 * {@code toString()} as it takes them; a NULL operand makes a comparison or {@code LIKE} NULL, and
 * {@code AND}, {@code OR}, {@code NOT} follow SQL's three-valued logic, as its null policies do;
 * every operand is evaluated, as it evaluates them. Strings with a collation that brings a
 * comparator (the generated code would pass it) are not taken.
 */
final class RowExpressions {
  /** The families of operand types whose comparisons are interpreted. */
  private enum Family {
    STRING,
    /** TINYINT to BIGINT. */
    INTEGRAL,
    /** Stored as milliseconds since the epoch, compared as those numbers. */
    TIMESTAMP,
    /** Stored as days since the epoch, compared as those numbers. */
    DATE,
    BOOLEAN,
    /** Stored as {@link BigDecimal}s, compared by {@link SqlFunctions}' methods for them. */
    DECIMAL,
    /** Stored as {@link Double}s, compared as Java compares {@code double}s. */
    DOUBLE
  }

  private final RexBuilder rexBuilder;

  /**
   * One per calc, as the generated class holds one: it caches the patterns it compiles. Made at the
   * first {@code LIKE}, since most calcs have none and a Guava cache is not free to build.
   */
  private SqlFunctions.@Nullable LikeFunction like;

  /** The SQL conformance of the plan's connection, or null if not known. */
  private final @Nullable SqlConformance conformance;

  RowExpressions(RexBuilder rexBuilder, @Nullable SqlConformance conformance) {
    this.rexBuilder = rexBuilder;
    this.conformance = conformance;
  }

  /** {@code node} (with no local references) as an expression over an input row. */
  RowExpression compile(RexNode node) throws NotInterpretable {
    if (node instanceof RexInputRef ref) {
      int index = ref.getIndex();
      return (row, root) -> row[index];
    }
    if (node instanceof RexLiteral literal) {
      Object value = literalValue(literal);
      return (row, root) -> value;
    }
    if (node instanceof RexDynamicParam parameter) {
      return parameter(parameter);
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    throw new NotInterpretable(node.getClass().getSimpleName());
  }

  /**
   * A literal's value as the generated code holds it: a string, a boolean, an integer, a date as
   * days and a timestamp as milliseconds since the epoch.
   */
  static @Nullable Object literalValue(RexLiteral literal) throws NotInterpretable {
    SqlTypeName type = literal.getType().getSqlTypeName();
    if (literal.isNull()) {
      return null;
    }
    // An interval as the generated code holds it: months in an int, milliseconds in a long.
    if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(type)) {
      return literal.getValueAs(Integer.class);
    }
    if (SqlTypeName.DAY_INTERVAL_TYPES.contains(type)) {
      return literal.getValueAs(Long.class);
    }
    return switch (type) {
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case DOUBLE -> literal.getValueAs(Double.class);
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case INTEGER, DATE -> literal.getValueAs(Integer.class);
      case BIGINT -> literal.getValueAs(Long.class);
      case TIMESTAMP -> {
        if (!TimestampUnits.isMillisTimestamp(literal.getType())) {
          throw new NotInterpretable("timestamp literal finer than milliseconds");
        }
        yield literal.getValueAs(Long.class);
      }
      default -> throw new NotInterpretable("literal of type " + type);
    };
  }

  /** A statement parameter: only strings, read as the generated code reads them. */
  private static RowExpression parameter(RexDynamicParam parameter) throws NotInterpretable {
    if (parameter.getType().getSqlTypeName() != SqlTypeName.VARCHAR) {
      throw new NotInterpretable("parameter of type " + parameter.getType());
    }
    String name = "?" + parameter.getIndex();
    return (row, root) -> {
      Object value = root.get(name);
      return value == null ? null : value.toString();
    };
  }

  private RowExpression call(RexCall call) throws NotInterpretable {
    SqlKind kind = call.getKind();
    switch (kind) {
      case SEARCH:
        // As RexToLixTranslator does before generating code for it.
        return compile(RexUtil.expandSearch(rexBuilder, null, call));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call);
      case LIKE:
        return like(call);
      case AND:
        return connective(operands(call), false);
      case OR:
        return connective(operands(call), true);
      case NOT:
        return RowExpression.strict(compile(call.getOperands().get(0)), value -> !(Boolean) value);
      case IS_NULL:
        return test(supportedOperand(call), value -> value == null);
      case IS_NOT_NULL:
        return test(supportedOperand(call), value -> value != null);
      case IS_TRUE:
        return test(compile(call.getOperands().get(0)), Boolean.TRUE::equals);
      case IS_NOT_TRUE:
        return test(compile(call.getOperands().get(0)), value -> !Boolean.TRUE.equals(value));
      case IS_FALSE:
        return test(compile(call.getOperands().get(0)), Boolean.FALSE::equals);
      case IS_NOT_FALSE:
        return test(compile(call.getOperands().get(0)), value -> !Boolean.FALSE.equals(value));
      case CASE:
        return caseWhen(call);
      case CAST:
        return cast(call);
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case CHECKED_PLUS:
      case CHECKED_MINUS:
      case CHECKED_DIVIDE:
        return arithmetic(call);
      case MINUS_PREFIX:
      case CHECKED_MINUS_PREFIX:
        return negation(call);
      case REINTERPRET:
        return DatetimeCalls.intervalValue(call, lazyOperands(call));
      case CHECKED_TIMES:
        // An interval times a number is checked whatever the connection; integers are too.
        return SqlTypeName.INTERVAL_TYPES.contains(call.getType().getSqlTypeName())
            ? DatetimeCalls.intervalTimes(call, lazyOperands(call))
            : arithmetic(call);
      case EXTRACT:
        return DatetimeCalls.extract(call, lazyOperands(call));
      case FLOOR:
      case CEIL:
        // With a unit, a timestamp's rounding; without, a number's.
        return call.getOperands().size() == 2
            ? DatetimeCalls.round(call, lazyOperands(call))
            : FunctionCalls.of(call, lazyOperands(call), conformance);
      default:
        RowExpression clock = DatetimeCalls.clock(call);
        return clock != null ? clock : FunctionCalls.of(call, lazyOperands(call), conformance);
    }
  }

  /**
   * {@code CASE WHEN c1 THEN v1 … ELSE e END} (with its ELSE, NULL if the SQL had none, as in every
   * plan): the value of the first branch whose condition is TRUE (a NULL condition is not), else
   * the ELSE's; only that branch is evaluated, as the generated code's nested {@code if}s evaluate
   * it. Each value must have the CASE's type but for nullability, so that it is stored as the
   * generated code stores it (a value Calcite widens comes in a cast, see {@link #cast}), or be an
   * integer in a DOUBLE CASE, which that code widens itself.
   */
  private RowExpression caseWhen(RexCall call) throws NotInterpretable {
    List<RexNode> operands = call.getOperands();
    int branches = operands.size() / 2;
    RowExpression[] conditions = new RowExpression[branches];
    RowExpression[] values = new RowExpression[branches + 1];
    for (int i = 0; i <= branches; i++) {
      RexNode value = operands.get(i == branches ? operands.size() - 1 : 2 * i + 1);
      if (call.getType().getSqlTypeName() == SqlTypeName.DOUBLE
          && INTEGER_WIDTHS.contains(value.getType().getSqlTypeName())) {
        // Widened to a double as the generated code's (double) does.
        values[i] = RowExpression.strict(compile(value), n -> ((Number) n).doubleValue());
      } else if (sameTypeSansNullability(value.getType(), call.getType())) {
        values[i] = compile(value);
      } else {
        throw new NotInterpretable("CASE value of " + value.getType() + " as " + call.getType());
      }
      if (i < branches) {
        conditions[i] = compile(operands.get(2 * i));
      }
    }
    return (row, root) -> {
      for (int i = 0; i < conditions.length; i++) {
        if (Boolean.TRUE.equals(conditions[i].evaluate(row, root))) {
          return values[i].evaluate(row, root);
        }
      }
      return values[conditions.length].evaluate(row, root);
    };
  }

  /**
   * A cast that makes an integer, a decimal or a double a decimal ({@link #toDecimal}), whatever
   * the operand's type; that changes nothing else but nullability (COALESCE's, under a NOT NULL
   * test) or a millisecond timestamp's precision, whose value the generated code passes through;
   * that takes a timestamp's date ({@link DatetimeCalls#date}) or a date's first millisecond; that
   * makes a value a string ({@link StringCast}); that makes an integer or a decimal a double, or a
   * double an integer (by linq4j's {@code Primitive} methods, as generated); that widens an integer
   * (a CASE mixing INTEGER and BIGINT values), which it converts exactly ({@code (long) i}); or
   * that narrows one (AVG's quotient back to its column's type), which it converts with linq4j's
   * {@code Primitive.integerCast}, throwing when the value does not fit: this calls the same
   * method. Any other cast is not interpreted.
   *
   * <p>A NULL cast to a NOT NULL type stays NULL. The planner's own rewrites can make such casts
   * (the simplifier's cast of {@code COALESCE(pool_id, 'x-1')}'s column, once it drops the NULL
   * test; before ModelArtsTypeSystem, VAR_SAMP's NULL quotient over one row), and Calcite's
   * generated code trusts the type and gives a primitive's zero or FALSE where SQL's answer is
   * NULL. Here the interpreter keeps SQL's answer, as compiled plans now do too (see docs/jdbc.md).
   */
  private RowExpression cast(RexCall call) throws NotInterpretable {
    RexNode operand = call.getOperands().get(0);
    // Before the same-type test: the generated code rounds and checks a decimal cast to its own
    // type too (a division's 16 digits cast to the division's type keep its scale's).
    SqlTypeName source = operand.getType().getSqlTypeName();
    SqlTypeName target = call.getType().getSqlTypeName();
    if (target == SqlTypeName.DECIMAL
        && (INTEGER_WIDTHS.contains(source)
            || source == SqlTypeName.DECIMAL
            || source == SqlTypeName.DOUBLE)) {
      return toDecimal(compile(operand), operand.getType(), call.getType());
    }
    if (sameTypeSansNullability(operand.getType(), call.getType())
        || (TimestampUnits.isMillisTimestamp(operand.getType())
            && TimestampUnits.isMillisTimestamp(call.getType()))) {
      // Between timestamps of two precisions (CURRENT_TIMESTAMP's 0, a column's 3) the generated
      // code converts nothing either: both are milliseconds in a long.
      return compile(operand);
    }
    if (SqlTypeName.CHAR_TYPES.contains(target)) {
      return StringCast.of(compile(operand), operand.getType(), call.getType());
    }
    if (target == SqlTypeName.DOUBLE && INTEGER_WIDTHS.contains(source)) {
      // linq4j's conversion, as generated (a long beyond 2^53 rounds to the nearest double).
      return RowExpression.strict(
          compile(operand),
          number ->
              ((Number)
                      Objects.requireNonNull(
                          Primitive.DOUBLE.numberValueRoundDown((Number) number)))
                  .doubleValue());
    }
    if (target == SqlTypeName.DOUBLE && source == SqlTypeName.DECIMAL) {
      return RowExpression.strict(compile(operand), number -> ((BigDecimal) number).doubleValue());
    }
    if (source == SqlTypeName.DOUBLE && INTEGER_WIDTHS.contains(target)) {
      // Towards zero, throwing when out of the target's range, as generated.
      Primitive primitive = INTEGER_PRIMITIVES.get(INTEGER_WIDTHS.indexOf(target));
      return RowExpression.strict(
          compile(operand), number -> Primitive.integerCast(primitive, number, RoundingMode.DOWN));
    }
    if (TimestampUnits.isMillisTimestamp(operand.getType())
        && call.getType().getSqlTypeName() == SqlTypeName.DATE) {
      return DatetimeCalls.date(compile(operand));
    }
    if (source == SqlTypeName.DATE && TimestampUnits.isMillisTimestamp(call.getType())) {
      // The day's first millisecond: (long) days * MILLIS_PER_DAY, as generated.
      return RowExpression.strict(
          compile(operand), days -> (long) (Integer) days * DateTimeUtils.MILLIS_PER_DAY);
    }
    int from = INTEGER_WIDTHS.indexOf(source);
    int to = INTEGER_WIDTHS.indexOf(target);
    if (from < 0 || to < 0) {
      throw new NotInterpretable("cast of " + operand.getType() + " to " + call.getType());
    }
    RowExpression value = compile(operand);
    if (to < from) {
      Primitive primitive = INTEGER_PRIMITIVES.get(to);
      return RowExpression.strict(
          value, number -> Primitive.integerCast(primitive, number, RoundingMode.DOWN));
    }
    return RowExpression.strict(
        value,
        number -> {
          long exact = ((Number) number).longValue();
          return switch (target) {
            case SMALLINT -> (Object) (short) exact;
            case INTEGER -> (Object) (int) exact;
            default -> (Object) exact;
          };
        });
  }

  /**
   * A cast of an integer, a decimal or a double to {@code DECIMAL(p, s)}, as the generated code
   * makes it: linq4j's {@code Primitive.integerDecimalCast}, {@code decimalDecimalCast} or {@code
   * fpDecimalCast} (which round to {@code s} digits with the type system's rounding, and throw when
   * the value then needs more than {@code p - s} digits before the point), then {@code
   * SqlFunctions.toBigDecimal}.
   */
  private RowExpression toDecimal(RowExpression value, RelDataType from, RelDataType decimal)
      throws NotInterpretable {
    int precision = decimal.getPrecision();
    int scale = decimal.getScale();
    if (precision == RelDataType.PRECISION_NOT_SPECIFIED
        || scale == RelDataType.SCALE_NOT_SPECIFIED) {
      throw new NotInterpretable("cast of " + from + " to " + decimal);
    }
    RoundingMode rounding = rexBuilder.getTypeFactory().getTypeSystem().roundingMode();
    UnaryOperator<Object> cast =
        switch (from.getSqlTypeName()) {
          case DECIMAL ->
              number ->
                  Primitive.decimalDecimalCast((BigDecimal) number, precision, scale, rounding);
          case DOUBLE ->
              number -> Primitive.fpDecimalCast((Number) number, precision, scale, rounding);
          default ->
              number -> Primitive.integerDecimalCast((Number) number, precision, scale, rounding);
        };
    return RowExpression.strict(
        value,
        number -> SqlFunctions.toBigDecimal((Number) Objects.requireNonNull(cast.apply(number))));
  }

  /** Integer types from narrowest to widest: a cast up this list loses nothing. */
  private static final List<SqlTypeName> INTEGER_WIDTHS =
      List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);

  /** The primitive the generated code narrows to, for each of {@link #INTEGER_WIDTHS}. */
  private static final List<Primitive> INTEGER_PRIMITIVES =
      List.of(Primitive.BYTE, Primitive.SHORT, Primitive.INT, Primitive.LONG);

  /**
   * {@code + - * /} of two integers whose result is an INTEGER or a BIGINT, as the generated code
   * computes them: in Java's {@code int} or {@code long} arithmetic of the result's type, wrapping
   * on overflow, dividing towards zero, throwing {@code ArithmeticException} on a division by zero;
   * NULL if either operand is (both are evaluated first, as there). Each operand is at most as wide
   * as the result, so computing in a {@code long} and keeping the result's low bits gives the same
   * value. A datetime plus or minus an interval goes to {@link DatetimeCalls}, decimal arithmetic
   * to {@link #decimalArithmetic}.
   */
  private RowExpression arithmetic(RexCall call) throws NotInterpretable {
    SqlOperator operator = call.getOperator();
    if (operator == SqlStdOperatorTable.MINUS_DATE
        && !SqlTypeName.INTERVAL_TYPES.contains(
            call.getOperands().get(1).getType().getSqlTypeName())) {
      return DatetimeCalls.difference(call, lazyOperands(call));
    }
    if (operator == SqlStdOperatorTable.DATETIME_PLUS
        || operator == SqlStdOperatorTable.MINUS_DATE) {
      return DatetimeCalls.plusInterval(call, lazyOperands(call));
    }
    if (call.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
      return decimalArithmetic(call);
    }
    if (call.getType().getSqlTypeName() == SqlTypeName.DOUBLE) {
      return doubleArithmetic(call);
    }
    boolean intResult = integerResult(call);
    SqlOperator unchecked = UNCHECKED.get(operator);
    if (unchecked != null) {
      return checkedArithmetic(call, unchecked, intResult);
    }
    LongBinaryOperator operation =
        operation(
            operator == SqlStdOperatorTable.DIVIDE_INTEGER ? SqlStdOperatorTable.DIVIDE : operator,
            (a, b) -> a + b,
            (a, b) -> a - b,
            (a, b) -> a * b,
            (a, b) -> a / b);
    return RowExpression.strict(
        compile(call.getOperands().get(0)),
        compile(call.getOperands().get(1)),
        (a, b) -> {
          long result = operation.applyAsLong(((Number) a).longValue(), ((Number) b).longValue());
          return intResult ? (Object) (int) result : (Object) result;
        });
  }

  /** Each checked operator of integer arithmetic, with the unchecked one it checks. */
  private static final Map<SqlOperator, SqlOperator> UNCHECKED =
      Map.of(
          SqlStdOperatorTable.CHECKED_PLUS, SqlStdOperatorTable.PLUS,
          SqlStdOperatorTable.CHECKED_MINUS, SqlStdOperatorTable.MINUS,
          SqlStdOperatorTable.CHECKED_MULTIPLY, SqlStdOperatorTable.MULTIPLY,
          SqlStdOperatorTable.CHECKED_DIVIDE, SqlStdOperatorTable.DIVIDE,
          SqlStdOperatorTable.CHECKED_DIVIDE_INTEGER, SqlStdOperatorTable.DIVIDE);

  /**
   * {@code + - * /} of integers made checked (the planner's {@code CheckedIntegerArithmetic}), with
   * the methods the generated code calls, {@code SqlFunctions.checkedPlus} and the others, in the
   * result's {@code int} or {@code long}: they fail with an {@code ArithmeticException} on
   * overflow; NULL if either operand is.
   */
  private RowExpression checkedArithmetic(RexCall call, SqlOperator unchecked, boolean intResult)
      throws NotInterpretable {
    IntBinaryOperator ints =
        operation(
            unchecked,
            SqlFunctions::checkedPlus,
            SqlFunctions::checkedMinus,
            SqlFunctions::checkedMultiply,
            SqlFunctions::checkedDivide);
    LongBinaryOperator longs =
        operation(
            unchecked,
            SqlFunctions::checkedPlus,
            SqlFunctions::checkedMinus,
            SqlFunctions::checkedMultiply,
            SqlFunctions::checkedDivide);
    return RowExpression.strict(
        compile(call.getOperands().get(0)),
        compile(call.getOperands().get(1)),
        (a, b) ->
            intResult
                ? (Object) ints.applyAsInt(((Number) a).intValue(), ((Number) b).intValue())
                : (Object) longs.applyAsLong(((Number) a).longValue(), ((Number) b).longValue()));
  }

  /**
   * {@code + - * /} whose result is a DECIMAL, of decimals and integers, as the generated code
   * computes them: an integer operand made a {@code BigDecimal} exactly (as its {@code new
   * BigDecimal(x)}), then {@code SqlFunctions.plus}, {@code minus}, {@code multiply} or {@code
   * divide} (the last to 16 digits, throwing on a division by zero); NULL if either operand is.
   */
  private RowExpression decimalArithmetic(RexCall call) throws NotInterpretable {
    for (RexNode operand : call.getOperands()) {
      SqlTypeName type = operand.getType().getSqlTypeName();
      if (type != SqlTypeName.DECIMAL && !INTEGER_WIDTHS.contains(type)) {
        throw new NotInterpretable("decimal arithmetic on " + operand.getType());
      }
    }
    BinaryOperator<BigDecimal> operation =
        operation(
            call.getOperator(),
            SqlFunctions::plus,
            SqlFunctions::minus,
            SqlFunctions::multiply,
            SqlFunctions::divide);
    return RowExpression.strict(
        compile(call.getOperands().get(0)),
        compile(call.getOperands().get(1)),
        (a, b) -> operation.apply(decimal(a), decimal(b)));
  }

  /**
   * {@code + - * /} whose result is a DOUBLE, of doubles, integers and decimals, as the generated
   * code computes them: each operand's {@code doubleValue()}, then Java's {@code double} arithmetic
   * (a division by zero is an infinity or {@code NaN}, not an error); NULL if either operand is.
   */
  private RowExpression doubleArithmetic(RexCall call) throws NotInterpretable {
    for (RexNode operand : call.getOperands()) {
      SqlTypeName type = operand.getType().getSqlTypeName();
      if (type != SqlTypeName.DOUBLE
          && type != SqlTypeName.DECIMAL
          && !INTEGER_WIDTHS.contains(type)) {
        throw new NotInterpretable("floating-point arithmetic on " + operand.getType());
      }
    }
    DoubleBinaryOperator operation =
        operation(
            call.getOperator(), (a, b) -> a + b, (a, b) -> a - b, (a, b) -> a * b, (a, b) -> a / b);
    return RowExpression.strict(
        compile(call.getOperands().get(0)),
        compile(call.getOperands().get(1)),
        (a, b) -> operation.applyAsDouble(((Number) a).doubleValue(), ((Number) b).doubleValue()));
  }

  /**
   * The one of an arithmetic's four operations {@code operator} is ({@code + - * /}), for one
   * arithmetic's types; any other operator is not interpreted.
   */
  private static <T> T operation(SqlOperator operator, T plus, T minus, T times, T divide)
      throws NotInterpretable {
    if (operator == SqlStdOperatorTable.PLUS) {
      return plus;
    }
    if (operator == SqlStdOperatorTable.MINUS) {
      return minus;
    }
    if (operator == SqlStdOperatorTable.MULTIPLY) {
      return times;
    }
    if (operator == SqlStdOperatorTable.DIVIDE) {
      return divide;
    }
    throw new NotInterpretable("operator " + operator.getName());
  }

  /** A decimal operand as it is, an integer one as the exact {@code BigDecimal} of it. */
  private static BigDecimal decimal(Object number) {
    return number instanceof BigDecimal d ? d : new BigDecimal(((Number) number).longValue());
  }

  /**
   * Unary {@code -} of a double, or of an integer as {@link #arithmetic} computes (so {@code -MIN}
   * wraps).
   */
  private RowExpression negation(RexCall call) throws NotInterpretable {
    if (call.getOperator() == SqlStdOperatorTable.CHECKED_UNARY_MINUS) {
      // The generated code's SqlFunctions.checkedUnaryMinus, of the result's int or long.
      boolean intResult = integerResult(call);
      return RowExpression.strict(
          compile(call.getOperands().get(0)),
          value ->
              intResult
                  ? (Object) SqlFunctions.checkedUnaryMinus(((Number) value).intValue())
                  : (Object) SqlFunctions.checkedUnaryMinus(((Number) value).longValue()));
    }
    if (call.getOperator() != SqlStdOperatorTable.UNARY_MINUS) {
      throw new NotInterpretable("operator " + call.getOperator().getName());
    }
    if (call.getType().getSqlTypeName() == SqlTypeName.DOUBLE
        && call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.DOUBLE) {
      return RowExpression.strict(compile(call.getOperands().get(0)), value -> -(Double) value);
    }
    boolean intResult = integerResult(call);
    return RowExpression.strict(
        compile(call.getOperands().get(0)),
        value -> {
          long result = -((Number) value).longValue();
          return intResult ? (Object) (int) result : (Object) result;
        });
  }

  /**
   * Whether an arithmetic call's result is an INTEGER (else a BIGINT), after checking that its
   * operands are integers no wider than it; any other types are not interpreted.
   */
  private static boolean integerResult(RexCall call) throws NotInterpretable {
    int result = INTEGER_WIDTHS.indexOf(call.getType().getSqlTypeName());
    if (result < INTEGER_WIDTHS.indexOf(SqlTypeName.INTEGER)) {
      throw new NotInterpretable("arithmetic of type " + call.getType());
    }
    for (RexNode operand : call.getOperands()) {
      int width = INTEGER_WIDTHS.indexOf(operand.getType().getSqlTypeName());
      if (width < 0 || width > result) {
        throw new NotInterpretable("arithmetic on " + operand.getType() + " as " + call.getType());
      }
    }
    return result == INTEGER_WIDTHS.indexOf(SqlTypeName.INTEGER);
  }

  private boolean sameTypeSansNullability(RelDataType a, RelDataType b) {
    return SqlTypeUtil.equalSansNullability(rexBuilder.getTypeFactory(), a, b);
  }

  /** An {@code IS …} test: TRUE or FALSE, never NULL, whatever the operand's value. */
  private static RowExpression test(RowExpression operand, Predicate<Object> holds) {
    return (row, root) -> holds.test(operand.evaluate(row, root));
  }

  /** The single operand of a test on it, if its type is one this class reads. */
  private RowExpression supportedOperand(RexCall call) throws NotInterpretable {
    RexNode operand = call.getOperands().get(0);
    family(operand.getType());
    return compile(operand);
  }

  /** {@code call}'s operands, each compiled when a function that takes the call asks for it. */
  private Operands lazyOperands(RexCall call) {
    return index -> compile(call.getOperands().get(index));
  }

  private List<RowExpression> operands(RexCall call) throws NotInterpretable {
    List<RowExpression> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      operands.add(compile(operand));
    }
    return operands;
  }

  /**
   * {@code AND} (decisive value FALSE) or {@code OR} (TRUE), by SQL's three-valued logic: the
   * decisive value if any operand has it, else NULL if any operand is NULL, else the other value.
   */
  private static RowExpression connective(List<RowExpression> operands, boolean decisive) {
    RowExpression[] all = operands.toArray(new RowExpression[0]);
    return (row, root) -> {
      boolean unknown = false;
      boolean decided = false;
      for (RowExpression operand : all) {
        Object value = operand.evaluate(row, root);
        if (value == null) {
          unknown = true;
        } else if ((Boolean) value == decisive) {
          decided = true;
        }
      }
      return decided ? Boolean.valueOf(decisive) : unknown ? null : Boolean.valueOf(!decisive);
    };
  }

  /** A binary comparison test on two non-null operands of one family. */
  private interface Test {
    boolean holds(Object left, Object right);
  }

  private RowExpression comparison(RexCall call) throws NotInterpretable {
    RexNode leftNode = call.getOperands().get(0);
    RexNode rightNode = call.getOperands().get(1);
    Family family = family(leftNode.getType());
    Family other = family(rightNode.getType());
    if (family != other) {
      // A double and an integer: the generated code widens the integer, (double) i.
      if (!(family == Family.DOUBLE && other == Family.INTEGRAL
          || family == Family.INTEGRAL && other == Family.DOUBLE)) {
        throw new NotInterpretable(
            "comparison of " + leftNode.getType() + " with " + rightNode.getType());
      }
      family = Family.DOUBLE;
    }
    Test test =
        switch (family) {
          case STRING -> stringTest(call.getKind());
          case DECIMAL -> decimalTest(call.getKind());
          case INTEGRAL, TIMESTAMP, DATE -> numberTest(call.getKind());
          case DOUBLE -> doubleTest(call.getKind());
          case BOOLEAN -> booleanTest(call.getKind());
        };
    return RowExpression.strict(compile(leftNode), compile(rightNode), test::holds);
  }

  /** The {@link SqlFunctions} method the generated code calls for two strings. */
  private static Test stringTest(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> (a, b) -> SqlFunctions.eq(a.toString(), b.toString());
      case NOT_EQUALS -> (a, b) -> SqlFunctions.ne(a.toString(), b.toString());
      case LESS_THAN -> (a, b) -> SqlFunctions.lt(a.toString(), b.toString());
      case LESS_THAN_OR_EQUAL -> (a, b) -> SqlFunctions.le(a.toString(), b.toString());
      case GREATER_THAN -> (a, b) -> SqlFunctions.gt(a.toString(), b.toString());
      case GREATER_THAN_OR_EQUAL -> (a, b) -> SqlFunctions.ge(a.toString(), b.toString());
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  /** The {@link SqlFunctions} method the generated code calls for two decimals. */
  private static Test decimalTest(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> (a, b) -> SqlFunctions.eq((BigDecimal) a, (BigDecimal) b);
      case NOT_EQUALS -> (a, b) -> SqlFunctions.ne((BigDecimal) a, (BigDecimal) b);
      case LESS_THAN -> (a, b) -> SqlFunctions.lt((BigDecimal) a, (BigDecimal) b);
      case LESS_THAN_OR_EQUAL -> (a, b) -> SqlFunctions.le((BigDecimal) a, (BigDecimal) b);
      case GREATER_THAN -> (a, b) -> SqlFunctions.gt((BigDecimal) a, (BigDecimal) b);
      case GREATER_THAN_OR_EQUAL -> (a, b) -> SqlFunctions.ge((BigDecimal) a, (BigDecimal) b);
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  /** Two integers (or dates, or timestamps) compared as numbers, as Java compares primitives. */
  private static Test numberTest(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> (a, b) -> compare(a, b) == 0;
      case NOT_EQUALS -> (a, b) -> compare(a, b) != 0;
      case LESS_THAN -> (a, b) -> compare(a, b) < 0;
      case LESS_THAN_OR_EQUAL -> (a, b) -> compare(a, b) <= 0;
      case GREATER_THAN -> (a, b) -> compare(a, b) > 0;
      case GREATER_THAN_OR_EQUAL -> (a, b) -> compare(a, b) >= 0;
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  /**
   * Two doubles (or a double and an integer, widened) compared by Java's operators on {@code
   * double}s, as generated ({@code NaN} equal to nothing, {@code -0.0} equal to {@code 0.0}), not
   * by {@code Double.compare}.
   */
  private static Test doubleTest(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> (a, b) -> real(a) == real(b);
      case NOT_EQUALS -> (a, b) -> real(a) != real(b);
      case LESS_THAN -> (a, b) -> real(a) < real(b);
      case LESS_THAN_OR_EQUAL -> (a, b) -> real(a) <= real(b);
      case GREATER_THAN -> (a, b) -> real(a) > real(b);
      case GREATER_THAN_OR_EQUAL -> (a, b) -> real(a) >= real(b);
      default -> throw new IllegalArgumentException(kind.toString());
    };
  }

  /** A double, or an integer widened to one. */
  private static double real(Object number) {
    return ((Number) number).doubleValue();
  }

  private static int compare(Object a, Object b) {
    return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
  }

  private static Test booleanTest(SqlKind kind) throws NotInterpretable {
    return switch (kind) {
      case EQUALS -> Object::equals;
      case NOT_EQUALS -> (a, b) -> !a.equals(b);
      default -> throw new NotInterpretable("ordering of booleans");
    };
  }

  /** {@code LIKE}, case-sensitive and not negated, with or without an escape character. */
  private RowExpression like(RexCall call) throws NotInterpretable {
    if (call.getOperator() != SqlStdOperatorTable.LIKE) {
      throw new NotInterpretable("operator " + call.getOperator().getName());
    }
    for (RexNode operand : call.getOperands()) {
      if (family(operand.getType()) != Family.STRING) {
        throw new NotInterpretable("LIKE on " + operand.getType());
      }
    }
    List<RowExpression> operands = operands(call);
    if (this.like == null) {
      this.like = new SqlFunctions.LikeFunction();
    }
    SqlFunctions.LikeFunction like = this.like; // the lambdas hold the function, not this class
    if (operands.size() == 2) {
      return RowExpression.strict(
          operands.get(0), operands.get(1), (s, p) -> like.like(s.toString(), p.toString()));
    }
    return RowExpression.strict(
        operands.get(0),
        operands.get(1),
        operands.get(2),
        (s, p, e) -> like.like(s.toString(), p.toString(), e.toString()));
  }

  /** The family of a type this class compares, or {@link NotInterpretable}. */
  private static Family family(RelDataType type) throws NotInterpretable {
    return switch (type.getSqlTypeName()) {
      case CHAR, VARCHAR -> {
        if (PlanInterpreter.comparedByCollator(type)) {
          throw new NotInterpretable("collation " + type.getCollation());
        }
        yield Family.STRING;
      }
      case TINYINT, SMALLINT, INTEGER, BIGINT -> Family.INTEGRAL;
      case DECIMAL -> Family.DECIMAL;
      case DOUBLE -> Family.DOUBLE;
      case TIMESTAMP -> Family.TIMESTAMP;
      case DATE -> Family.DATE;
      case BOOLEAN -> Family.BOOLEAN;
      default -> throw new NotInterpretable("type " + type);
    };
  }
}
