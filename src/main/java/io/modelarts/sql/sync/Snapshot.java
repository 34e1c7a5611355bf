package io.modelarts.sql.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The four tables as one round read them, and what the reader noticed while making them consistent.
 *
 * @param readStartedAt when the first list call of the round was about to be made
 * @param warnings sentences for the operator, e.g. rows dropped because the data changed between
 *     the reads of two tables
 */
record Snapshot(Instant readStartedAt, Map<SyncedTable, TableRows> tables, List<String> warnings) {

  TableRows table(SyncedTable table) {
    return tables.get(table);
  }
}
