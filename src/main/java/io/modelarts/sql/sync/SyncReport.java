package io.modelarts.sql.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one committed sync round did.
 *
 * @param snapshotAt the round's time: {@code sync_rounds.snapshot_at} and the {@code snapshot_at}
 *     of its history rows
 * @param rows rows written per table, by table name, in write order
 * @param historyAppended whether the round also appended its rows to the history tables
 * @param historyRowsPruned history rows deleted because they were older than the retention
 * @param warnings what the operator should know, e.g. rows dropped because the data changed while
 *     the round read it
 * @param readTime time spent reading the API through the driver
 * @param writeTime time spent writing and committing to the target
 */
public record SyncReport(
    Instant snapshotAt,
    Map<String, Integer> rows,
    boolean historyAppended,
    long historyRowsPruned,
    List<String> warnings,
    Duration readTime,
    Duration writeTime) {

  public SyncReport {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    warnings = List.copyOf(warnings);
  }

  /** One line for logs: {@code snapshot 2025-...Z: notebooks 500, endpoints 320, ...}. */
  public String summary() {
    StringBuilder sb = new StringBuilder("snapshot ").append(snapshotAt).append(':');
    String separator = " ";
    for (Map.Entry<String, Integer> e : rows.entrySet()) {
      sb.append(separator).append(e.getKey()).append(' ').append(e.getValue());
      separator = ", ";
    }
    sb.append(historyAppended ? " (history appended; read " : " (read ")
        .append(readTime.toMillis())
        .append(" ms, write ")
        .append(writeTime.toMillis())
        .append(" ms");
    if (historyRowsPruned > 0) {
      sb.append(", pruned ").append(historyRowsPruned).append(" history rows");
    }
    if (!warnings.isEmpty()) {
      sb.append(", ")
          .append(warnings.size())
          .append(warnings.size() == 1 ? " warning" : " warnings");
    }
    return sb.append(')').toString();
  }
}
