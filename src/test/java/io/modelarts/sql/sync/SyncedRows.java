package io.modelarts.sql.sync;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows of a table rendered the same way on the driver and on a target, so that "the target
 * holds what the driver returns" is a comparison of two sorted lists of strings.
 *
 * <p>Timestamps become instants (the driver's as UTC wall-clock, the target's as timestamptz),
 * arrays lists, numbers longs: what must be equal compares equal, whatever the column types.
 */
final class SyncedRows {
  /** The four tables sync copies. */
  static final List<String> TABLES = List.of("notebooks", "endpoints", "action_progress", "images");

  private SyncedRows() {}

  /** The driver table's column names, in order. */
  static List<String> columns(Connection driver, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = driver.getMetaData().getColumns(null, "modelarts", table, null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equals(table)) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return columns;
  }

  /** {@code SELECT *} of a driver table, rendered and sorted. */
  static List<String> live(Connection driver, String table) throws SQLException {
    try (Statement s = driver.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM \"modelarts\".\"" + table + "\"")) {
      return render(rs, false);
    }
  }

  /**
   * The target's current copy of a driver table, with the driver's columns, rendered and sorted.
   */
  static List<String> current(Connection driver, TestTarget target, Connection c, String table)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select(driver, target, table, table))) {
      return render(rs, true);
    }
  }

  /** The rows of one round in the target's history of a table, rendered and sorted. */
  static List<String> history(
      Connection driver, TestTarget target, Connection c, String table, Instant snapshotAt)
      throws SQLException {
    String sql =
        select(driver, target, table, table + "_history")
            + " WHERE "
            + target.dialect().identifier("snapshot_at")
            + " = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, snapshotAt.atOffset(ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        return render(rs, true);
      }
    }
  }

  /** The distinct snapshot times in a history table, in order. */
  static List<Instant> snapshots(TestTarget target, Connection c, String historyTable)
      throws SQLException {
    String column = target.dialect().identifier("snapshot_at");
    List<Instant> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT "
                    + column
                    + " FROM "
                    + target.table(historyTable)
                    + " ORDER BY "
                    + column)) {
      while (rs.next()) {
        out.add(rs.getObject(1, OffsetDateTime.class).toInstant());
      }
    }
    return out;
  }

  static long count(TestTarget target, Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + target.table(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String select(Connection driver, TestTarget target, String table, String from)
      throws SQLException {
    return "SELECT "
        + columns(driver, table).stream()
            .map(target.dialect()::identifier)
            .collect(Collectors.joining(", "))
        + " FROM "
        + target.table(from);
  }

  /**
   * Renders every row as {@code v1|v2|...} and sorts them.
   *
   * @param timestampsWithZone whether TIMESTAMP columns are timestamptz (a target) rather than the
   *     driver's UTC wall-clock TIMESTAMP
   */
  static List<String> render(ResultSet rs, boolean timestampsWithZone) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        sb.append(i > 1 ? "|" : "").append(value(rs, i, md.getColumnType(i), timestampsWithZone));
      }
      rows.add(sb.toString());
    }
    rows.sort(null);
    return rows;
  }

  private static Object value(ResultSet rs, int i, int type, boolean withZone) throws SQLException {
    switch (type) {
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        if (withZone) {
          OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
          return t == null ? null : t.toInstant();
        }
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
      }
      case Types.ARRAY -> {
        Array a = rs.getArray(i);
        return a == null ? null : Arrays.asList((Object[]) a.getArray());
      }
      default -> {
        Object v = rs.getObject(i);
        return v instanceof Number n ? (Object) n.longValue() : v;
      }
    }
  }

  /** The instant a snapshot time column holds. */
  static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
