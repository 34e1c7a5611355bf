package io.modelarts.sql.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * {@code ResultSet.getObject(column, Class)} for the types clients ask for (Metabase asks for
 * {@code LocalDateTime}, others for {@code OffsetDateTime}, {@code Instant}...). Timestamps are UTC
 * wall-clock times whatever the JVM's default zone.
 */
final class TypedValues {
  private TypedValues() {}

  static Object get(ResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == LocalDateTime.class
        || type == OffsetDateTime.class
        || type == Instant.class
        || type == LocalDate.class) {
      Timestamp ts = rs.getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
      if (ts == null) {
        return null;
      }
      Instant instant = ts.toInstant();
      if (type == Instant.class) {
        return instant;
      }
      OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
      if (type == OffsetDateTime.class) {
        return utc;
      }
      return type == LocalDate.class ? utc.toLocalDate() : utc.toLocalDateTime();
    }
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (type.isInstance(value)) {
      return value;
    }
    if (type == String.class) {
      return rs.getString(column);
    }
    if (type == Long.class) {
      return rs.getLong(column);
    }
    if (type == Integer.class) {
      return rs.getInt(column);
    }
    if (type == Boolean.class) {
      return rs.getBoolean(column);
    }
    if (type == Double.class) {
      return rs.getDouble(column);
    }
    if (type == Timestamp.class) {
      return rs.getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
    }
    if (type == Array.class) {
      return rs.getArray(column);
    }
    throw new SQLException(
        "Cannot convert column "
            + column
            + " ("
            + value.getClass().getSimpleName()
            + ") to "
            + type.getName(),
        "22018");
  }
}
