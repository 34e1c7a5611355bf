package io.modelarts.sql.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The {@code sync_rounds} table: one row per committed round, so dashboards can show how fresh the
 * data is ({@code max(snapshot_at)}) and operators can see what each round copied.
 *
 * <p>Its row is written in the round's own transaction: a round is listed here if and only if its
 * data is in the tables.
 */
final class RoundsTable {
  static final String NAME = "sync_rounds";

  static final List<SourceColumn> COLUMNS =
      List.of(
          new SourceColumn(
              SyncedTable.SNAPSHOT_AT,
              Types.TIMESTAMP,
              false,
              "Time (UTC) the round started reading the API; the snapshot_at of its history rows."),
          new SourceColumn(
              "finished_at", Types.TIMESTAMP, false, "Time (UTC) the round committed its rows."),
          new SourceColumn("notebooks_rows", Types.INTEGER, false, "Rows written to notebooks."),
          new SourceColumn("endpoints_rows", Types.INTEGER, false, "Rows written to endpoints."),
          new SourceColumn(
              "action_progress_rows", Types.INTEGER, false, "Rows written to action_progress."),
          new SourceColumn("images_rows", Types.INTEGER, false, "Rows written to images."),
          new SourceColumn(
              "with_history",
              Types.BOOLEAN,
              false,
              "Whether the round also appended its rows to the _history tables."),
          new SourceColumn(
              "read_ms",
              Types.BIGINT,
              false,
              "Milliseconds the round spent reading the API through the driver."));

  static final String COMMENT =
      "One row per committed sync round: when it read the API and how many rows it wrote.";

  private RoundsTable() {}

  /**
   * The snapshot time for a round that started reading at {@code readStartedAt}: that time, or just
   * after the latest committed round if the clock went back, since history keys on it.
   */
  static Instant nextSnapshotAt(
      Connection target, TargetDialect dialect, String schema, Instant readStartedAt)
      throws SQLException {
    Instant candidate = readStartedAt.truncatedTo(ChronoUnit.MICROS);
    Instant latest = latestSnapshotAt(target, dialect, schema, "");
    if (latest != null && !candidate.isAfter(latest)) {
      return latest.plus(1, ChronoUnit.MICROS);
    }
    return candidate;
  }

  /** When the latest round that appended to history started; null when none did. */
  static Instant lastHistoryAt(Connection target, TargetDialect dialect, String schema)
      throws SQLException {
    return latestSnapshotAt(
        target, dialect, schema, " WHERE " + dialect.identifier("with_history") + " = TRUE");
  }

  private static Instant latestSnapshotAt(
      Connection target, TargetDialect dialect, String schema, String where) throws SQLException {
    try (Statement s = target.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT MAX("
                    + dialect.identifier(SyncedTable.SNAPSHOT_AT)
                    + ") FROM "
                    + dialect.qualified(schema, NAME)
                    + where)) {
      OffsetDateTime latest = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
      return latest == null ? null : latest.toInstant();
    }
  }

  static void record(
      Connection target,
      TargetDialect dialect,
      String schema,
      Instant snapshotAt,
      Instant finishedAt,
      Snapshot snapshot,
      boolean historyAppended,
      long readMillis)
      throws SQLException {
    StringBuilder columns = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (SourceColumn c : COLUMNS) {
      columns.append(columns.length() == 0 ? "" : ", ").append(dialect.identifier(c.name()));
      marks.append(marks.length() == 0 ? "?" : ", ?");
    }
    try (PreparedStatement s =
        target.prepareStatement(
            "INSERT INTO "
                + dialect.qualified(schema, NAME)
                + " ("
                + columns
                + ") VALUES ("
                + marks
                + ")")) {
      s.setObject(1, snapshotAt.atOffset(ZoneOffset.UTC));
      s.setObject(2, finishedAt.atOffset(ZoneOffset.UTC));
      s.setInt(3, snapshot.table(SyncedTable.NOTEBOOKS).rows().size());
      s.setInt(4, snapshot.table(SyncedTable.ENDPOINTS).rows().size());
      s.setInt(5, snapshot.table(SyncedTable.ACTION_PROGRESS).rows().size());
      s.setInt(6, snapshot.table(SyncedTable.IMAGES).rows().size());
      s.setBoolean(7, historyAppended);
      s.setLong(8, readMillis);
      s.executeUpdate();
    }
  }
}
