package io.modelarts.sql.calcite.interpreter;

import io.modelarts.sql.calcite.TimestampUnits;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The functions of a timestamp the interpreter evaluates, each computed as Calcite's generated code
 * computes it (its {@code RexImpTable}), on a timestamp held as milliseconds since the epoch: its
 * date ({@code CAST(ts AS DATE)}), a field of it ({@code EXTRACT}) and its rounding down or up to a
 * unit ({@code FLOOR(ts TO unit)}, {@code CEIL(ts TO unit)}), a timestamp or date plus or minus an
 * interval, the difference of two ({@code TIMESTAMPDIFF}), and the execution's current time. Any
 * other function of time, or a timestamp finer than milliseconds, throws {@link NotInterpretable}.
 *
 * <p>Why: a count by day, hour or month is the commonest report over notebooks' creation times, a
 * window relative to now ({@code lease_create_at > CURRENT_TIMESTAMP - INTERVAL '1' DAY}) the
 * commonest filter on them, and each new such query would otherwise cost its plan a compilation.
 */
final class DatetimeCalls {
  private DatetimeCalls() {}

  /**
   * A timestamp's day (a count by day): its milliseconds floor-divided by a day's, as the generated
   * code computes it ({@code (int) Math.floorDiv(ms, 86400000L)}), so a time before 1970 falls on
   * the day before, not on the day 0.
   */
  static RowExpression date(RowExpression timestamp) {
    return RowExpression.strict(timestamp, millis -> (int) TimestampUnits.day((Long) millis));
  }

  /**
   * {@code EXTRACT(field FROM ts)}, a BIGINT, as {@link TimestampUnits#extractFromTimestamp}
   * computes it (as the generated code does).
   */
  static RowExpression extract(RexCall call, Operands operands) throws NotInterpretable {
    TimeUnitRange field = unit(call.getOperands().get(0));
    RexNode operand = call.getOperands().get(1);
    if (field == null
        || !TimestampUnits.isMillisTimestamp(operand.getType())
        || call.getType().getSqlTypeName() != SqlTypeName.BIGINT
        || !TimestampUnits.takesFromTimestamp(field)) {
      throw new NotInterpretable(
          "EXTRACT " + call.getOperands().get(0) + " of " + operand.getType());
    }
    return RowExpression.strict(
        operands.get(1), millis -> TimestampUnits.extractFromTimestamp(field, (Long) millis));
  }

  /**
   * {@code FLOOR(ts TO unit)} or {@code CEIL(ts TO unit)}, a timestamp, as {@link
   * TimestampUnits#floorTimestamp} or {@link TimestampUnits#ceilTimestamp} computes it (as the
   * generated code does).
   */
  static RowExpression round(RexCall call, Operands operands) throws NotInterpretable {
    boolean up = call.getKind() == SqlKind.CEIL;
    TimeUnitRange unit = call.getOperands().size() == 2 ? unit(call.getOperands().get(1)) : null;
    RexNode operand = call.getOperands().get(0);
    if (unit == null
        || !TimestampUnits.isMillisTimestamp(operand.getType())
        || !TimestampUnits.isMillisTimestamp(call.getType())
        || !TimestampUnits.takesTimestampUnit(unit)) {
      throw new NotInterpretable(call.getOperator().getName() + " of " + operand.getType());
    }
    return up
        ? RowExpression.strict(operands.get(0), ms -> TimestampUnits.ceilTimestamp(unit, (Long) ms))
        : RowExpression.strict(
            operands.get(0), ms -> TimestampUnits.floorTimestamp(unit, (Long) ms));
  }

  /**
   * A timestamp or a date plus or minus an interval ({@code ts + INTERVAL '1' DAY}, {@code
   * CURRENT_TIMESTAMP - INTERVAL '30' DAY}, {@code TIMESTAMPADD(MONTH, 1, d)}), as the generated
   * code computes it: a day-time interval's milliseconds added to or subtracted from a timestamp's
   * in a {@code long} (wrapping, as Java's {@code +} does), or its whole days (the milliseconds
   * divided by a day's, towards zero) from a date's in an {@code int}; a year-month interval's
   * months, negated for a minus, by {@code DateTimeUtils.addMonths}. Anything else (times of day, a
   * difference of two timestamps, see {@link #difference}) is not interpreted.
   */
  static RowExpression plusInterval(RexCall call, Operands operands) throws NotInterpretable {
    RelDataType base = call.getOperands().get(0).getType();
    SqlTypeName interval = call.getOperands().get(1).getType().getSqlTypeName();
    boolean timestamp = TimestampUnits.isMillisTimestamp(base);
    if (!(timestamp || base.getSqlTypeName() == SqlTypeName.DATE)
        || call.getType().getSqlTypeName() != base.getSqlTypeName()
        || (timestamp && !TimestampUnits.isMillisTimestamp(call.getType()))
        || !SqlTypeName.INTERVAL_TYPES.contains(interval)) {
      throw new NotInterpretable(
          call.getOperator().getName()
              + " of "
              + base
              + " and "
              + interval
              + " as "
              + call.getType());
    }
    boolean minus = call.getKind() == SqlKind.MINUS;
    RowExpression value = operands.get(0);
    RowExpression amount = operands.get(1);
    if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(interval)) {
      return timestamp
          ? RowExpression.strict(
              value,
              amount,
              (ms, months) -> DateTimeUtils.addMonths((Long) ms, months(months, minus)))
          : RowExpression.strict(
              value,
              amount,
              (day, months) -> DateTimeUtils.addMonths((Integer) day, months(months, minus)));
    }
    if (timestamp) {
      return minus
          ? RowExpression.strict(value, amount, (ms, by) -> (Long) ms - (Long) by)
          : RowExpression.strict(value, amount, (ms, by) -> (Long) ms + (Long) by);
    }
    return minus
        ? RowExpression.strict(value, amount, (day, by) -> (Integer) day - wholeDays(by))
        : RowExpression.strict(value, amount, (day, by) -> (Integer) day + wholeDays(by));
  }

  /**
   * The difference of two timestamps or of two dates, an interval ({@code ts1 - ts2}, and the first
   * step of {@code TIMESTAMPDIFF}), as the generated code computes it: in months by {@code
   * DateTimeUtils.subtractMonths} for a year-month interval; else in milliseconds, a {@code long}
   * subtraction of timestamps, or the {@code int} subtraction of dates (wrapping, as Java's {@code
   * -} does) widened and times a day's milliseconds. Anything else is not interpreted.
   */
  static RowExpression difference(RexCall call, Operands operands) throws NotInterpretable {
    RelDataType left = call.getOperands().get(0).getType();
    RelDataType right = call.getOperands().get(1).getType();
    SqlTypeName result = call.getType().getSqlTypeName();
    boolean timestamps =
        TimestampUnits.isMillisTimestamp(left) && TimestampUnits.isMillisTimestamp(right);
    boolean dates =
        left.getSqlTypeName() == SqlTypeName.DATE && right.getSqlTypeName() == SqlTypeName.DATE;
    if (call.getKind() != SqlKind.MINUS
        || !(timestamps || dates)
        || !SqlTypeName.INTERVAL_TYPES.contains(result)) {
      throw new NotInterpretable(
          call.getOperator().getName() + " of " + left + " and " + right + " as " + result);
    }
    RowExpression first = operands.get(0);
    RowExpression second = operands.get(1);
    if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(result)) {
      return timestamps
          ? RowExpression.strict(
              first, second, (a, b) -> DateTimeUtils.subtractMonths((long) (Long) a, (Long) b))
          : RowExpression.strict(
              first,
              second,
              (a, b) -> DateTimeUtils.subtractMonths((int) (Integer) a, (Integer) b));
    }
    return timestamps
        ? RowExpression.strict(first, second, (a, b) -> (Long) a - (Long) b)
        : RowExpression.strict(
            first,
            second,
            (a, b) -> (long) ((Integer) a - (Integer) b) * DateTimeUtils.MILLIS_PER_DAY);
  }

  /**
   * An interval's value as a BIGINT ({@code Reinterpret}, the second step of {@code
   * TIMESTAMPDIFF}): its months or milliseconds, as the generated code passes them on, widened to a
   * {@code long}.
   */
  static RowExpression intervalValue(RexCall call, Operands operands) throws NotInterpretable {
    SqlTypeName from = call.getOperands().get(0).getType().getSqlTypeName();
    if (!SqlTypeName.INTERVAL_TYPES.contains(from)
        || call.getType().getSqlTypeName() != SqlTypeName.BIGINT) {
      throw new NotInterpretable("Reinterpret of " + from + " as " + call.getType());
    }
    return RowExpression.strict(operands.get(0), value -> ((Number) value).longValue());
  }

  /** A year-month interval's months, negated for a minus, as the generated code's {@code -m}. */
  private static int months(Object months, boolean minus) {
    return minus ? -(Integer) months : (Integer) months;
  }

  /** A day-time interval's whole days, as the generated {@code (int) (ms / 86400000L)}. */
  private static int wholeDays(Object millis) {
    return (int) ((Long) millis / DateTimeUtils.MILLIS_PER_DAY);
  }

  /**
   * An interval times an integer (how {@code TIMESTAMPADD(unit, n, ts)} and {@code n * INTERVAL '1'
   * HOUR} reach a plan): Calcite makes every arithmetic with an interval result checked, and its
   * code computes it with {@code SqlFunctions.checkedMultiply}, in a {@code long} for a day-time
   * interval (of an INTEGER or BIGINT) and in an {@code int} for a year-month one (of an INTEGER),
   * throwing on overflow. Anything else with an interval result is not interpreted.
   */
  static RowExpression intervalTimes(RexCall call, Operands operands) throws NotInterpretable {
    SqlTypeName result = call.getType().getSqlTypeName();
    boolean months = SqlTypeName.YEAR_INTERVAL_TYPES.contains(result);
    SqlTypeName left = call.getOperands().get(0).getType().getSqlTypeName();
    SqlTypeName right = call.getOperands().get(1).getType().getSqlTypeName();
    SqlTypeName factor = left == result ? right : left;
    if (call.getOperator() != SqlStdOperatorTable.CHECKED_MULTIPLY
        || (left == result) == (right == result)
        || !(factor == SqlTypeName.INTEGER || (!months && factor == SqlTypeName.BIGINT))) {
      throw new NotInterpretable(call.getOperator().getName() + " as " + call.getType());
    }
    return months
        ? RowExpression.strict(
            operands.get(0),
            operands.get(1),
            (a, b) ->
                SqlFunctions.checkedMultiply(((Number) a).intValue(), ((Number) b).intValue()))
        : RowExpression.strict(
            operands.get(0),
            operands.get(1),
            (a, b) ->
                SqlFunctions.checkedMultiply(((Number) a).longValue(), ((Number) b).longValue()));
  }

  /**
   * {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP} or {@code CURRENT_DATE}: the execution's,
   * read from its data context by the {@code SqlFunctions} method the generated code calls (the
   * connection's time zone is UTC, so the UTC wall-clock time or date); null for any other call.
   */
  static @Nullable RowExpression clock(RexCall call) {
    SqlOperator operator = call.getOperator();
    if (operator == SqlStdOperatorTable.CURRENT_TIMESTAMP
        && TimestampUnits.isMillisTimestamp(call.getType())) {
      return (row, root) -> SqlFunctions.currentTimestamp(root);
    }
    if (operator == SqlStdOperatorTable.LOCALTIMESTAMP
        && TimestampUnits.isMillisTimestamp(call.getType())) {
      return (row, root) -> SqlFunctions.localTimestamp(root);
    }
    if (operator == SqlStdOperatorTable.CURRENT_DATE) {
      return (row, root) -> SqlFunctions.currentDate(root);
    }
    return null;
  }

  /** The unit a time-unit literal names, or null if {@code node} is not one. */
  private static @Nullable TimeUnitRange unit(RexNode node) {
    return node instanceof RexLiteral literal && literal.getValue() instanceof TimeUnitRange range
        ? range
        : null;
  }
}
