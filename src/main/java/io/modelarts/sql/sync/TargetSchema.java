package io.modelarts.sql.sync;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates the target schema on first use and keeps it in step with the driver: tables with proper
 * types, primary and foreign keys, the indexes dashboards need and the API documentation as
 * comments.
 *
 * <p>Idempotent: it creates only what is missing, adds columns a newer driver has, and rewrites
 * only comments that differ, so it is cheap to run before the first round of every process.
 */
final class TargetSchema {
  private static final String SNAPSHOT_AT_REMARK =
      "Time (UTC) of the sync round that observed this row (sync_rounds.snapshot_at).";

  private final TargetDialect dialect;
  private final String schema;

  TargetSchema(TargetDialect dialect, String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  /** Creates what is missing for tables with the columns of {@code snapshot}, and commits. */
  void ensure(Connection target, Snapshot snapshot, boolean history) throws SQLException {
    target.setAutoCommit(false);
    try (Statement s = target.createStatement()) {
      dialect.lockRound(target, schema); // two first rounds must not both create the tables
      s.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.identifier(schema));
      for (SyncedTable table : SyncedTable.values()) {
        List<SourceColumn> columns = snapshot.table(table).columns();
        ensureTable(
            s,
            target,
            table.tableName(),
            columns,
            table.primaryKey(),
            table.notebookForeignKey(),
            table.comment());
        createIndexes(s, table.tableName(), table.indexes());
        if (history) {
          List<SourceColumn> withTime = new ArrayList<>();
          withTime.add(
              new SourceColumn(
                  SyncedTable.SNAPSHOT_AT, Types.TIMESTAMP, false, SNAPSHOT_AT_REMARK));
          withTime.addAll(columns);
          ensureTable(
              s,
              target,
              table.historyName(),
              withTime,
              table.historyPrimaryKey(),
              null,
              "History of "
                  + table.tableName()
                  + ": the rows of every sync round, keyed by"
                  + " snapshot_at. "
                  + table.comment());
          createIndexes(s, table.historyName(), table.historyIndexes());
        }
      }
      ensureTable(
          s,
          target,
          RoundsTable.NAME,
          RoundsTable.COLUMNS,
          List.of(SyncedTable.SNAPSHOT_AT),
          null,
          RoundsTable.COMMENT);
      target.commit();
    } catch (SQLException | RuntimeException e) {
      target.rollback();
      throw e;
    }
  }

  /**
   * Creates the table, or adds the columns it lacks, then sets comments that differ.
   *
   * @param notebookForeignKey the column that references {@code notebooks.id}, or null (history
   *     tables have none: a history row stays valid when its notebook is gone, and pruning needs no
   *     order)
   */
  private void ensureTable(
      Statement s,
      Connection target,
      String table,
      List<SourceColumn> columns,
      List<String> primaryKey,
      String notebookForeignKey,
      String comment)
      throws SQLException {
    Map<String, String> existing = existingColumnRemarks(target, table);
    String qualified = dialect.qualified(schema, table);
    if (existing.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (SourceColumn c : columns) {
        parts.add(columnDefinition(c));
      }
      if (!primaryKey.isEmpty()) {
        parts.add("PRIMARY KEY (" + names(primaryKey) + ")");
      }
      if (notebookForeignKey != null) {
        parts.add(
            "CONSTRAINT "
                + dialect.identifier(table + "_" + notebookForeignKey + "_fkey")
                + " FOREIGN KEY ("
                + dialect.identifier(notebookForeignKey)
                + ")"
                + " REFERENCES "
                + dialect.qualified(schema, SyncedTable.NOTEBOOKS.tableName())
                + " ("
                + dialect.identifier("id")
                + ")");
      }
      s.execute("CREATE TABLE IF NOT EXISTS " + qualified + " (" + String.join(", ", parts) + ")");
      s.execute("COMMENT ON TABLE " + qualified + " IS " + literal(comment));
    } else {
      for (SourceColumn c : columns) {
        if (!existing.containsKey(dialect.metadataName(c.name()))) {
          // A newer driver has a column the target lacks; old rows get NULL, as the driver says
          // for fields the API did not send.
          s.execute(
              "ALTER TABLE "
                  + qualified
                  + " ADD COLUMN IF NOT EXISTS "
                  + columnDefinition(new SourceColumn(c.name(), c.jdbcType(), true, c.remarks())));
        }
      }
    }
    for (SourceColumn c : columns) {
      String current = existing.get(dialect.metadataName(c.name()));
      if (c.remarks() != null && !c.remarks().equals(current)) {
        s.execute(
            "COMMENT ON COLUMN "
                + qualified
                + "."
                + dialect.identifier(c.name())
                + " IS "
                + literal(c.remarks()));
      }
    }
  }

  private void createIndexes(Statement s, String table, List<List<String>> indexes)
      throws SQLException {
    for (List<String> columns : indexes) {
      String name = table + "_" + String.join("_", columns) + "_idx";
      s.execute(
          "CREATE INDEX IF NOT EXISTS "
              + dialect.indexName(schema, name)
              + " ON "
              + dialect.qualified(schema, table)
              + " ("
              + names(columns)
              + ")");
    }
  }

  /** Column name (as metadata spells it) to its comment ("" when none); empty if no table. */
  private Map<String, String> existingColumnRemarks(Connection target, String table)
      throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    DatabaseMetaData md = target.getMetaData();
    String schemaName = dialect.metadataName(schema);
    String tableName = dialect.metadataName(table);
    try (ResultSet rs = md.getColumns(null, schemaName, tableName, null)) {
      while (rs.next()) {
        // The name arguments are LIKE patterns, where '_' matches any character: check exactly.
        if (schemaName.equals(rs.getString("TABLE_SCHEM"))
            && tableName.equals(rs.getString("TABLE_NAME"))) {
          String remarks = rs.getString("REMARKS");
          columns.put(rs.getString("COLUMN_NAME"), remarks == null ? "" : remarks);
        }
      }
    }
    return columns;
  }

  private String columnDefinition(SourceColumn c) {
    return dialect.identifier(c.name())
        + " "
        + dialect.sqlType(c.jdbcType())
        + (c.nullable() ? "" : " NOT NULL");
  }

  private String names(List<String> columns) {
    return columns.stream().map(dialect::identifier).collect(Collectors.joining(", "));
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
