package io.modelarts.sql.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one round's snapshot into the target in a single transaction: the current tables replaced,
 * the history appended and pruned, the round recorded.
 *
 * <p>Replacing is {@code DELETE} then {@code INSERT}, not {@code TRUNCATE} or a table swap: under
 * MVCC (PostgreSQL, H2's MVStore) other sessions keep reading the last committed rows until the
 * commit, without waiting, whereas {@code TRUNCATE} would block them and show an empty table to
 * transactions that began earlier. Nothing is visible until the commit, and a round that dies
 * before it (an error, a killed process, a lost connection) is rolled back whole.
 */
final class SnapshotWriter {
  /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound memory. */
  private static final int BATCH_SIZE = 1000;

  private final TargetDialect dialect;
  private final String schema;
  private final Progress progress;
  private final Clock clock;
  private final boolean history;
  private final Duration historyEvery;
  private final Duration retain;

  /**
   * @param history whether rounds append to the history tables
   * @param historyEvery with history: append only in the first round of each period of this length
   *     (UTC, counted from the epoch, so 1h means the first round of each hour); null for every
   *     round
   * @param retain with history: delete history older than this before each round's snapshot time;
   *     null keeps everything
   */
  SnapshotWriter(
      TargetDialect dialect,
      String schema,
      Progress progress,
      Clock clock,
      boolean history,
      Duration historyEvery,
      Duration retain) {
    this.dialect = dialect;
    this.schema = schema;
    this.progress = progress;
    this.clock = clock;
    this.history = history;
    this.historyEvery = historyEvery;
    this.retain = retain;
  }

  /** What a committed write did. */
  record Written(Instant snapshotAt, boolean historyAppended, long historyRowsPruned) {}

  /**
   * Writes and commits; on any failure rolls back and rethrows.
   *
   * @param beforeCommit run after every row is written, just before the commit (tests stop here)
   */
  Written write(Connection target, Snapshot snapshot, long readMillis, Runnable beforeCommit)
      throws SQLException {
    target.setAutoCommit(false);
    try {
      dialect.lockRound(target, schema);
      Instant snapshotAt =
          RoundsTable.nextSnapshotAt(target, dialect, schema, snapshot.readStartedAt());
      boolean appendHistory = history && historyDue(target, snapshotAt);
      List<SyncedTable> tables = List.of(SyncedTable.values());
      try (Statement s = target.createStatement()) {
        // Children first: their foreign keys point at notebooks.
        for (int i = tables.size() - 1; i >= 0; i--) {
          s.executeUpdate("DELETE FROM " + dialect.qualified(schema, tables.get(i).tableName()));
        }
      }
      for (SyncedTable table : tables) {
        TableRows rows = snapshot.table(table);
        insert(target, rows);
        if (appendHistory) {
          copyToHistory(target, rows, snapshotAt);
        }
        progress.wrote(table.tableName(), rows.rows().size());
      }
      long pruned = retain == null ? 0 : prune(target, snapshotAt.minus(retain));
      RoundsTable.record(
          target,
          dialect,
          schema,
          snapshotAt,
          clock.instant(),
          snapshot,
          appendHistory,
          readMillis);
      beforeCommit.run();
      target.commit();
      return new Written(snapshotAt, appendHistory, pruned);
    } catch (SQLException | RuntimeException | Error e) {
      rollbackQuietly(target, e);
      throw e;
    }
  }

  private void insert(Connection target, TableRows rows) throws SQLException {
    List<SourceColumn> columns = rows.columns();
    String sql =
        "INSERT INTO "
            + dialect.qualified(schema, rows.table().tableName())
            + " ("
            + columns.stream()
                .map(c -> dialect.identifier(c.name()))
                .collect(Collectors.joining(", "))
            + ") VALUES ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ")";
    try (PreparedStatement s = target.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows.rows()) {
        for (int i = 0; i < row.length; i++) {
          bind(target, s, i + 1, row[i], columns.get(i).jdbcType());
        }
        s.addBatch();
        if (++pending == BATCH_SIZE) {
          s.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        s.executeBatch();
      }
    }
  }

  /** Whether this round starts a new history period (always, when every round appends). */
  private boolean historyDue(Connection target, Instant snapshotAt) throws SQLException {
    if (historyEvery == null) {
      return true;
    }
    Instant last = RoundsTable.lastHistoryAt(target, dialect, schema);
    long period = historyEvery.toMillis();
    // Periods aligned to the epoch rather than "since the last append": rounds that start a
    // little early or late never shift the series, and 1d means one snapshot per UTC day.
    return last == null
        || Math.floorDiv(last.toEpochMilli(), period)
            != Math.floorDiv(snapshotAt.toEpochMilli(), period);
  }

  /** Copies the rows just inserted into the current table, server-side, stamped with the round. */
  private void copyToHistory(Connection target, TableRows rows, Instant snapshotAt)
      throws SQLException {
    String columns =
        rows.columns().stream()
            .map(c -> dialect.identifier(c.name()))
            .collect(Collectors.joining(", "));
    String sql =
        "INSERT INTO "
            + dialect.qualified(schema, rows.table().historyName())
            + " ("
            + dialect.identifier(SyncedTable.SNAPSHOT_AT)
            + ", "
            + columns
            + ") SELECT CAST(? AS "
            + dialect.sqlType(Types.TIMESTAMP)
            + "), "
            + columns
            + " FROM "
            + dialect.qualified(schema, rows.table().tableName());
    try (PreparedStatement s = target.prepareStatement(sql)) {
      s.setObject(1, snapshotAt.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  /** Deletes history and rounds older than {@code cutoff}; returns the history rows deleted. */
  private long prune(Connection target, Instant cutoff) throws SQLException {
    long deleted = 0;
    for (SyncedTable table : SyncedTable.values()) {
      deleted += deleteBefore(target, table.historyName(), cutoff);
    }
    deleteBefore(target, RoundsTable.NAME, cutoff);
    return deleted;
  }

  private long deleteBefore(Connection target, String table, Instant cutoff) throws SQLException {
    try (PreparedStatement s =
        target.prepareStatement(
            "DELETE FROM "
                + dialect.qualified(schema, table)
                + " WHERE "
                + dialect.identifier(SyncedTable.SNAPSHOT_AT)
                + " < ?")) {
      s.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
      return s.executeUpdate();
    }
  }

  private void bind(Connection target, PreparedStatement s, int index, Object value, int jdbcType)
      throws SQLException {
    if (value == null) {
      s.setNull(
          index,
          switch (jdbcType) {
            case Types.TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
            default -> jdbcType;
          });
    } else if (value instanceof String[] array) {
      s.setArray(index, target.createArrayOf(dialect.arrayElementType(), array));
    } else {
      s.setObject(index, value);
    }
  }

  private static void rollbackQuietly(Connection target, Throwable cause) {
    try {
      target.rollback();
    } catch (SQLException e) {
      // The connection is likely gone, which rolls back on the server anyway; keep the first error.
      cause.addSuppressed(e);
    }
  }
}
