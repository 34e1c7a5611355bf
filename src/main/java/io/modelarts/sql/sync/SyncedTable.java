package io.modelarts.sql.sync;

import java.util.List;
import java.util.stream.Stream;

/**
 * One of the four driver tables that sync copies, with what the target adds to it: keys, the
 * indexes dashboards filter and group on, and a table comment.
 *
 * <p>Declared in dependency order: a table's foreign key points only to tables declared before it,
 * so rows are inserted in this order and deleted in the reverse.
 */
enum SyncedTable {
  NOTEBOOKS(
      "notebooks",
      List.of("id"),
      null,
      List.of(List.of("status"), List.of("image_id")),
      List.of(List.of("status", "snapshot_at")),
      "Notebook instances of both features (NOTEBOOK and DEFAULT), as the last sync round listed them."),
  ENDPOINTS(
      "endpoints",
      List.of(),
      "notebook_id",
      List.of(List.of("notebook_id")),
      List.of(List.of("snapshot_at", "notebook_id")),
      "One row per element of a notebook's endpoints (how it is reached: NOTEBOOK or SSH)."),
  ACTION_PROGRESS(
      "action_progress",
      List.of(),
      "notebook_id",
      List.of(List.of("notebook_id"), List.of("status")),
      List.of(List.of("snapshot_at", "notebook_id")),
      "One row per initialisation step of a notebook (storage, compute, network, instance)."),
  // No foreign key from notebooks.image_id: see docs/metabase.md ("Keys") for why.
  IMAGES(
      "images",
      List.of("id"),
      null,
      List.of(),
      List.of(),
      "One row per distinct image the listed notebooks use, merged from every notebook's copy.");

  /** Name of the column every history table adds: when the round observed its rows. */
  static final String SNAPSHOT_AT = "snapshot_at";

  private final String tableName;
  private final List<String> primaryKey;
  private final String notebookForeignKey;
  private final List<List<String>> indexes;
  private final List<List<String>> historyIndexes;
  private final String comment;

  SyncedTable(
      String tableName,
      List<String> primaryKey,
      String notebookForeignKey,
      List<List<String>> indexes,
      List<List<String>> historyIndexes,
      String comment) {
    this.tableName = tableName;
    this.primaryKey = primaryKey;
    this.notebookForeignKey = notebookForeignKey;
    this.indexes = indexes;
    this.historyIndexes = historyIndexes;
    this.comment = comment;
  }

  /** The name in the driver's schema and in the target, e.g. {@code action_progress}. */
  String tableName() {
    return tableName;
  }

  /** The name of the history table, e.g. {@code notebooks_history}. */
  String historyName() {
    return tableName + "_history";
  }

  /** Primary key columns of the current table; empty when rows have no identity of their own. */
  List<String> primaryKey() {
    return primaryKey;
  }

  /** The history table's key: each round holds a row once, so the round's time joins the key. */
  List<String> historyPrimaryKey() {
    if (primaryKey.isEmpty()) {
      return List.of();
    }
    return Stream.concat(Stream.of(SNAPSHOT_AT), primaryKey.stream()).toList();
  }

  /** The column that references {@code notebooks.id}, or null. */
  String notebookForeignKey() {
    return notebookForeignKey;
  }

  /** Indexes of the current table beyond its primary key, each a list of columns. */
  List<List<String>> indexes() {
    return indexes;
  }

  /**
   * Indexes of the history table beyond its primary key. Every history table leads one of them, or
   * its key, with {@code snapshot_at}, since every history query ranges over it.
   */
  List<List<String>> historyIndexes() {
    return historyIndexes;
  }

  String comment() {
    return comment;
  }
}
