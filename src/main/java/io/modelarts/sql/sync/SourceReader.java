package io.modelarts.sql.sync;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the four tables through the driver, one {@code SELECT} each on one connection, and makes
 * the result consistent enough to satisfy the target's foreign keys.
 *
 * <p>The {@code notebooks} query lists every notebook; the other three are served from the pages it
 * fetched when the driver's response cache holds them ({@link Sync} turns it on for the source),
 * else they list again. Then a notebook created between two listings can have endpoints or steps
 * but no notebook row. Those child rows are dropped (with a warning): the snapshot is the notebooks
 * listing, and the next round has them.
 */
final class SourceReader {
  /** The driver's schema (docs: "One schema, modelarts"). */
  static final String SOURCE_SCHEMA = "modelarts";

  private final Connection source;
  private final Progress progress;
  private final Clock clock;

  SourceReader(Connection source, Progress progress, Clock clock) {
    this.source = source;
    this.progress = progress;
    this.clock = clock;
  }

  Snapshot read() throws SQLException {
    Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Map<SyncedTable, TableRows> tables = new EnumMap<>(SyncedTable.class);
    for (SyncedTable table : SyncedTable.values()) {
      List<SourceColumn> columns = columns(table);
      tables.put(table, new TableRows(table, columns, rows(table, columns)));
    }
    List<String> warnings = new ArrayList<>();
    Set<String> notebookIds = ids(tables.get(SyncedTable.NOTEBOOKS), "id");
    for (SyncedTable table : SyncedTable.values()) {
      if (table.notebookForeignKey() != null) {
        tables.put(table, withoutOrphans(tables.get(table), notebookIds, warnings));
      }
    }
    warnAboutUnlistedImages(tables, warnings);
    return new Snapshot(started, tables, List.copyOf(warnings));
  }

  /** The table's columns in the driver's order, with the API documentation of each (REMARKS). */
  private List<SourceColumn> columns(SyncedTable table) throws SQLException {
    DatabaseMetaData md = source.getMetaData();
    List<SourceColumn> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, SOURCE_SCHEMA, table.tableName(), null)) {
      while (rs.next()) {
        if (table.tableName().equals(rs.getString("TABLE_NAME"))) {
          columns.add(
              new SourceColumn(
                  rs.getString("COLUMN_NAME"),
                  rs.getInt("DATA_TYPE"),
                  rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                  rs.getString("REMARKS")));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new SQLException("the source has no table " + SOURCE_SCHEMA + "." + table.tableName());
    }
    return columns;
  }

  private List<Object[]> rows(SyncedTable table, List<SourceColumn> columns) throws SQLException {
    String sql =
        "SELECT "
            + columns.stream().map(c -> '"' + c.name() + '"').collect(Collectors.joining(", "))
            + " FROM \""
            + SOURCE_SCHEMA
            + "\".\""
            + table.tableName()
            + '"';
    long start = System.nanoTime();
    List<Object[]> rows = new ArrayList<>();
    try (Statement s = source.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = value(rs, i + 1, columns.get(i).jdbcType());
        }
        rows.add(row);
        progress.reading(table.tableName(), rows.size());
      }
    }
    progress.read(table.tableName(), rows.size(), (System.nanoTime() - start) / 1_000_000);
    return rows;
  }

  /** One value in the form {@link TableRows} documents. */
  private static Object value(ResultSet rs, int i, int jdbcType) throws SQLException {
    switch (jdbcType) {
      case Types.TIMESTAMP:
        {
          // The driver's TIMESTAMPs are UTC wall-clock times (docs/contract); reading them as
          // LocalDateTime keeps the JVM's zone out of it, and the offset makes them timestamptz.
          LocalDateTime t = rs.getObject(i, LocalDateTime.class);
          return t == null ? null : t.atOffset(ZoneOffset.UTC);
        }
      case Types.ARRAY:
        {
          Array a = rs.getArray(i);
          if (a == null) {
            return null;
          }
          Object[] elements = (Object[]) a.getArray();
          String[] strings = new String[elements.length];
          for (int k = 0; k < elements.length; k++) {
            strings[k] = elements[k] == null ? null : elements[k].toString();
          }
          return strings;
        }
      case Types.BIGINT:
        {
          long v = rs.getLong(i);
          return rs.wasNull() ? null : v;
        }
      case Types.INTEGER:
        {
          int v = rs.getInt(i);
          return rs.wasNull() ? null : v;
        }
      case Types.BOOLEAN:
        {
          boolean v = rs.getBoolean(i);
          return rs.wasNull() ? null : v;
        }
      case Types.VARCHAR:
        return rs.getString(i);
      default:
        return rs.getObject(i);
    }
  }

  private static Set<String> ids(TableRows rows, String column) {
    int index = rows.indexOf(column);
    Set<String> ids = new HashSet<>();
    for (Object[] row : rows.rows()) {
      ids.add((String) row[index]);
    }
    return ids;
  }

  private static TableRows withoutOrphans(
      TableRows child, Set<String> notebookIds, List<String> warnings) {
    int fk = child.indexOf(child.table().notebookForeignKey());
    List<Object[]> kept = new ArrayList<>(child.rows().size());
    for (Object[] row : child.rows()) {
      if (notebookIds.contains((String) row[fk])) {
        kept.add(row);
      }
    }
    int dropped = child.rows().size() - kept.size();
    if (dropped == 0) {
      return child;
    }
    warnings.add(
        "dropped "
            + dropped
            + " "
            + child.table().tableName()
            + " rows of notebooks that the"
            + " notebooks listing did not return (the data changed while the round read it; the"
            + " next round sees it)");
    return new TableRows(child.table(), child.columns(), kept);
  }

  /** Warns when a notebook's image is missing from images: the race the missing FK allows. */
  private static void warnAboutUnlistedImages(
      Map<SyncedTable, TableRows> tables, List<String> warnings) {
    Set<String> images = ids(tables.get(SyncedTable.IMAGES), "id");
    TableRows notebooks = tables.get(SyncedTable.NOTEBOOKS);
    int imageId = notebooks.indexOf("image_id");
    long missing =
        notebooks.rows().stream()
            .map(row -> (String) row[imageId])
            .filter(id -> id != null && !images.contains(id))
            .distinct()
            .count();
    if (missing > 0) {
      warnings.add(
          missing
              + " image ids used by notebooks are not in images (the data changed while the"
              + " round read it; the next round sees it)");
    }
  }
}
