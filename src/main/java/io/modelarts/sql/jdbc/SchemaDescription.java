package io.modelarts.sql.jdbc;

import java.util.List;
import java.util.Map;

/**
 * What metadata clients learn about the {@code modelarts} schema beyond Calcite's row types: each
 * table's description, its primary key, and the foreign keys between the tables (from
 * shared/contract.md). The driver enforces none of them; they tell tools how the tables join.
 */
final class SchemaDescription {
  /** A single-column primary key. */
  record PrimaryKey(String table, String column, String name) {}

  /**
   * A single-column foreign key from {@code table.column} to {@code
   * referencedTable.referencedColumn}.
   */
  record ForeignKey(
      String table, String column, String referencedTable, String referencedColumn, String name) {
    /** The name of the primary key this one references. */
    String referencedKeyName() {
      return referencedTable + "_pk";
    }
  }

  static final Map<String, String> TABLE_REMARKS =
      Map.of(
          "notebooks", "One row per notebook instance, of both features (NOTEBOOK and DEFAULT).",
          "endpoints", "One row per element of a notebook's endpoints.",
          "action_progress", "One row per element of a notebook's action_progress.",
          "images", "One row per distinct image that the listed notebooks use.",
          "api_calls",
              "The most recent HTTP calls of this connection, newest last; reading it makes no call.");

  static final List<PrimaryKey> PRIMARY_KEYS =
      List.of(
          new PrimaryKey("images", "id", "images_pk"),
          new PrimaryKey("notebooks", "id", "notebooks_pk"));

  static final List<ForeignKey> FOREIGN_KEYS =
      List.of(
          new ForeignKey(
              "action_progress", "notebook_id", "notebooks", "id", "action_progress_notebook_fk"),
          new ForeignKey("endpoints", "notebook_id", "notebooks", "id", "endpoints_notebook_fk"),
          new ForeignKey("notebooks", "image_id", "images", "id", "notebooks_image_fk"));

  /** {@code api_calls} is the driver's own log, not data of the service. */
  static String tableType(String table) {
    return table.equals("api_calls") ? "SYSTEM TABLE" : "TABLE";
  }

  private SchemaDescription() {}
}
