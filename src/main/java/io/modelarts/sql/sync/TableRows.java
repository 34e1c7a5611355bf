package io.modelarts.sql.sync;

import java.util.List;

/**
 * The rows one round read from one driver table, with the columns they have.
 *
 * <p>Values are ready to bind: {@code String}, {@code Long}, {@code Integer}, {@code Boolean},
 * {@link java.time.OffsetDateTime} in UTC for timestamps, {@code String[]} for arrays, or null.
 */
record TableRows(SyncedTable table, List<SourceColumn> columns, List<Object[]> rows) {

  /** Position of the column named {@code name}; throws when the driver has no such column. */
  int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("the driver's " + table.tableName() + " has no column " + name);
  }
}
