package io.modelarts.sql.calcite;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code EXTRACT}, {@code FLOOR} and {@code CEIL} of a timestamp held as milliseconds since the
 * epoch, or of a date held as days since it, computed as Calcite's generated code computes them
 * (its {@code RexImpTable}), for the fields and units named by the {@code takes…} tests.
 *
 * <p>Why one place: the plan interpreter evaluates these calls, and {@link BranchFlagCalls} has the
 * compiled code call them where Calcite's generator cannot; both must answer as Calcite's own code.
 */
public final class TimestampUnits {
  private TimestampUnits() {}

  /**
   * The units {@code FLOOR} and {@code CEIL} round to through {@code
   * DateTimeUtils.unixTimestampFloor}/{@code Ceil} (of a timestamp first rounded the same way to
   * its day) or {@code unixDateFloor}/{@code Ceil} (of a date).
   */
  private static final Set<TimeUnitRange> CALENDAR_UNITS =
      EnumSet.of(
          TimeUnitRange.MILLENNIUM,
          TimeUnitRange.CENTURY,
          TimeUnitRange.DECADE,
          TimeUnitRange.YEAR,
          TimeUnitRange.ISOYEAR,
          TimeUnitRange.QUARTER,
          TimeUnitRange.MONTH,
          TimeUnitRange.WEEK,
          TimeUnitRange.DAY);

  /**
   * The fields {@code EXTRACT} takes of a day with {@code SqlFunctions.unixDateExtract}: the
   * calendar units and the days of week and year.
   */
  private static final Set<TimeUnitRange> DAY_FIELDS =
      with(CALENDAR_UNITS, TimeUnitRange.DOY, TimeUnitRange.DOW, TimeUnitRange.ISODOW);

  /**
   * The fields of a timestamp's time of day, which {@code EXTRACT} takes as the milliseconds
   * floor-modulo the next unit's, divided by the field's, and {@code FLOOR} and {@code CEIL} round
   * to with {@code SqlFunctions.floor}/{@code ceil} to a multiple of the unit.
   */
  private static final Set<TimeUnitRange> TIME_FIELDS =
      EnumSet.of(TimeUnitRange.HOUR, TimeUnitRange.MINUTE, TimeUnitRange.SECOND);

  /** The fields {@code EXTRACT} takes of a timestamp's minute, in units finer than a second. */
  private static final Set<TimeUnitRange> SUB_SECOND_FIELDS =
      EnumSet.of(TimeUnitRange.MILLISECOND, TimeUnitRange.MICROSECOND, TimeUnitRange.NANOSECOND);

  private static Set<TimeUnitRange> with(Set<TimeUnitRange> units, TimeUnitRange... more) {
    EnumSet<TimeUnitRange> all = EnumSet.copyOf(units);
    all.addAll(List.of(more));
    return all;
  }

  /** Whether {@code type} is a timestamp held as milliseconds (precision 3 or coarser). */
  public static boolean isMillisTimestamp(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.TIMESTAMP && type.getPrecision() <= 3;
  }

  /** Whether {@link #extractFromTimestamp} takes {@code field}. */
  public static boolean takesFromTimestamp(TimeUnitRange field) {
    return DAY_FIELDS.contains(field)
        || TIME_FIELDS.contains(field)
        || field == TimeUnitRange.EPOCH
        || SUB_SECOND_FIELDS.contains(field);
  }

  /** Whether {@link #extractFromDate} takes {@code field}. */
  public static boolean takesFromDate(TimeUnitRange field) {
    return DAY_FIELDS.contains(field);
  }

  /** Whether {@link #floorTimestamp} and {@link #ceilTimestamp} take {@code unit}. */
  public static boolean takesTimestampUnit(TimeUnitRange unit) {
    return CALENDAR_UNITS.contains(unit) || TIME_FIELDS.contains(unit);
  }

  /** Whether {@link #floorDate} and {@link #ceilDate} take {@code unit}. */
  public static boolean takesDateUnit(TimeUnitRange unit) {
    return CALENDAR_UNITS.contains(unit);
  }

  /**
   * The day, since the epoch, of a timestamp: its milliseconds floor-divided by a day's, as the
   * generated code computes it, so a time before 1970 falls on the day before, not on the day 0.
   */
  public static long day(long millis) {
    return Math.floorDiv(millis, DateTimeUtils.MILLIS_PER_DAY);
  }

  /**
   * {@code EXTRACT(field FROM ts)}: of a day field, {@code SqlFunctions.unixDateExtract} of the
   * timestamp's {@link #day}; of an hour, minute or second, {@code Math.floorMod(ms, next unit) /
   * unit}; of {@code EPOCH}, {@code ms / 1000}; of a millisecond, microsecond or nanosecond, {@code
   * Math.floorMod(ms, 60000)} times the unit's count in a millisecond.
   *
   * @throws IllegalArgumentException for a field {@link #takesFromTimestamp} does not take
   */
  public static long extractFromTimestamp(TimeUnitRange field, long millis) {
    if (DAY_FIELDS.contains(field)) {
      return SqlFunctions.unixDateExtract(field, day(millis));
    }
    if (TIME_FIELDS.contains(field)) {
      return Math.floorMod(millis, nextUnitMillis(field.startUnit))
          / field.startUnit.multiplier.longValueExact();
    }
    if (field == TimeUnitRange.EPOCH) {
      // Seconds since 1970 as generated: a division towards zero, so 1969's last second is 0.
      return millis / TimeUnit.SECOND.multiplier.longValueExact();
    }
    if (SUB_SECOND_FIELDS.contains(field)) {
      // As generated: the minute's milliseconds (seconds included), scaled to the unit.
      return Math.floorMod(millis, TimeUnit.MINUTE.multiplier.longValueExact())
          * (long) (1 / field.startUnit.multiplier.doubleValue());
    }
    throw new IllegalArgumentException("EXTRACT " + field + " of a timestamp");
  }

  /**
   * {@code EXTRACT(field FROM date)} of a day field: {@code SqlFunctions.unixDateExtract}.
   *
   * @throws IllegalArgumentException for a field {@link #takesFromDate} does not take
   */
  public static long extractFromDate(TimeUnitRange field, int date) {
    if (!DAY_FIELDS.contains(field)) {
      throw new IllegalArgumentException("EXTRACT " + field + " of a date");
    }
    return SqlFunctions.unixDateExtract(field, date);
  }

  /**
   * {@code FLOOR(ts TO unit)}: to a calendar unit, {@code DateTimeUtils.unixTimestampFloor} of the
   * timestamp floored to its day; to an hour, minute or second, {@code SqlFunctions.floor} to a
   * multiple of it.
   *
   * @throws IllegalArgumentException for a unit {@link #takesTimestampUnit} does not take
   */
  public static long floorTimestamp(TimeUnitRange unit, long millis) {
    if (CALENDAR_UNITS.contains(unit)) {
      return DateTimeUtils.unixTimestampFloor(
          unit, SqlFunctions.floor(millis, DateTimeUtils.MILLIS_PER_DAY));
    }
    return SqlFunctions.floor(millis, timeUnitMillis(unit));
  }

  /**
   * {@code CEIL(ts TO unit)}: to a calendar unit, {@code DateTimeUtils.unixTimestampCeil} of the
   * timestamp ceiled to its day; to an hour, minute or second, {@code SqlFunctions.ceil} to a
   * multiple of it.
   *
   * @throws IllegalArgumentException for a unit {@link #takesTimestampUnit} does not take
   */
  public static long ceilTimestamp(TimeUnitRange unit, long millis) {
    if (CALENDAR_UNITS.contains(unit)) {
      return DateTimeUtils.unixTimestampCeil(
          unit, SqlFunctions.ceil(millis, DateTimeUtils.MILLIS_PER_DAY));
    }
    return SqlFunctions.ceil(millis, timeUnitMillis(unit));
  }

  /**
   * {@code FLOOR(date TO unit)} of a calendar unit: {@code DateTimeUtils.unixDateFloor}.
   *
   * @throws IllegalArgumentException for a unit {@link #takesDateUnit} does not take
   */
  public static int floorDate(TimeUnitRange unit, int date) {
    return (int) DateTimeUtils.unixDateFloor(calendarUnit(unit), date);
  }

  /**
   * {@code CEIL(date TO unit)} of a calendar unit: {@code DateTimeUtils.unixDateCeil}.
   *
   * @throws IllegalArgumentException for a unit {@link #takesDateUnit} does not take
   */
  public static int ceilDate(TimeUnitRange unit, int date) {
    return (int) DateTimeUtils.unixDateCeil(calendarUnit(unit), date);
  }

  private static TimeUnitRange calendarUnit(TimeUnitRange unit) {
    if (!CALENDAR_UNITS.contains(unit)) {
      throw new IllegalArgumentException("FLOOR or CEIL of a date to " + unit);
    }
    return unit;
  }

  /** Milliseconds in an hour, minute or second, the multiple a timestamp rounds to. */
  private static long timeUnitMillis(TimeUnitRange unit) {
    if (!TIME_FIELDS.contains(unit)) {
      throw new IllegalArgumentException("FLOOR or CEIL of a timestamp to " + unit);
    }
    return unit.startUnit.multiplier.longValueExact();
  }

  /** Milliseconds in the unit above {@code unit} (a day above an hour, …), as a modulus. */
  private static long nextUnitMillis(TimeUnit unit) {
    return switch (unit) {
      case HOUR -> TimeUnit.DAY.multiplier.longValueExact();
      case MINUTE -> TimeUnit.HOUR.multiplier.longValueExact();
      case SECOND -> TimeUnit.MINUTE.multiplier.longValueExact();
      default -> throw new IllegalArgumentException(unit.toString());
    };
  }
}
