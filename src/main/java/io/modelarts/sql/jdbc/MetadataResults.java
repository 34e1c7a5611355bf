package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.ModelArtsSchema;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The metadata result sets the driver answers itself rather than Calcite: no catalog, the one
 * schema {@code modelarts} (Calcite's internal {@code metadata} schema stays hidden, since its
 * tables are no data of the service), the tables with their types and remarks, the keys of {@link
 * SchemaDescription}, and the types a query can CAST to. Column names and types are JDBC's.
 */
final class MetadataResults {
  static final String SCHEMA = ModelArtsSchema.NAME;

  private static final int V = Types.VARCHAR;
  private static final int S = Types.SMALLINT;

  private static final List<RowsResultSet.Column> KEY_REFERENCE_COLUMNS =
      columns(
          "PKTABLE_CAT",
          V,
          "PKTABLE_SCHEM",
          V,
          "PKTABLE_NAME",
          V,
          "PKCOLUMN_NAME",
          V,
          "FKTABLE_CAT",
          V,
          "FKTABLE_SCHEM",
          V,
          "FKTABLE_NAME",
          V,
          "FKCOLUMN_NAME",
          V,
          "KEY_SEQ",
          S,
          "UPDATE_RULE",
          S,
          "DELETE_RULE",
          S,
          "FK_NAME",
          V,
          "PK_NAME",
          V,
          "DEFERRABILITY",
          S);

  /**
   * Types a query can CAST to; Calcite's list also has internal ones (SYMBOL, SARG, UTINYINT...).
   */
  private static final Set<String> CASTABLE_TYPES =
      Set.of(
          "BOOLEAN",
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "DECIMAL",
          "FLOAT",
          "REAL",
          "DOUBLE",
          "DATE",
          "TIME",
          "TIMESTAMP",
          "CHAR",
          "VARCHAR",
          "BINARY",
          "VARBINARY",
          "ARRAY");

  private MetadataResults() {}

  /**
   * Whether catalog and schema arguments select {@code modelarts}: the catalog null (do not narrow)
   * or "" (objects without a catalog), the schema null or a LIKE pattern matching it.
   */
  static boolean selectsOurSchema(String catalog, String schemaPattern) {
    return (catalog == null || catalog.isEmpty()) && like(schemaPattern).test(SCHEMA);
  }

  /** None: a tool that saw a catalog would put it before table names, which Calcite rejects. */
  static ResultSet catalogs() {
    return RowsResultSet.of(columns("TABLE_CAT", V), List.of());
  }

  static ResultSet schemas(String catalog, String schemaPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (selectsOurSchema(catalog, schemaPattern)) {
      rows.add(new Object[] {SCHEMA, null});
    }
    return RowsResultSet.of(columns("TABLE_SCHEM", V, "TABLE_CATALOG", V), rows);
  }

  static ResultSet tableTypes() {
    return RowsResultSet.of(
        columns("TABLE_TYPE", V), List.of(new Object[] {"SYSTEM TABLE"}, new Object[] {"TABLE"}));
  }

  /** The tables named {@code tableNames} that the arguments select, ordered by type, then name. */
  static ResultSet tables(
      String catalog,
      String schemaPattern,
      String tablePattern,
      String[] types,
      Collection<String> tableNames) {
    List<Object[]> rows = new ArrayList<>();
    if (selectsOurSchema(catalog, schemaPattern)) {
      for (String table : tableNames) {
        String type = SchemaDescription.tableType(table);
        if (like(tablePattern).test(table) && (types == null || List.of(types).contains(type))) {
          rows.add(
              new Object[] {
                null,
                SCHEMA,
                table,
                type,
                SchemaDescription.TABLE_REMARKS.get(table),
                null,
                null,
                null,
                null,
                null
              });
        }
      }
    }
    rows.sort(
        Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[2]));
    return RowsResultSet.of(
        columns(
            "TABLE_CAT",
            V,
            "TABLE_SCHEM",
            V,
            "TABLE_NAME",
            V,
            "TABLE_TYPE",
            V,
            "REMARKS",
            V,
            "TYPE_CAT",
            V,
            "TYPE_SCHEM",
            V,
            "TYPE_NAME",
            V,
            "SELF_REFERENCING_COL_NAME",
            V,
            "REF_GENERATION",
            V),
        rows);
  }

  /**
   * JDBC gives {@code table} as a name, but tools pass "%" for all tables (DBeaver does): it is
   * matched as a LIKE pattern, null matching all.
   */
  static ResultSet primaryKeys(String catalog, String schema, String table) {
    List<Object[]> rows = new ArrayList<>();
    if (selectsOurSchema(catalog, schema)) {
      for (SchemaDescription.PrimaryKey key : SchemaDescription.PRIMARY_KEYS) {
        if (like(table).test(key.table())) {
          rows.add(new Object[] {null, SCHEMA, key.table(), key.column(), 1, key.name()});
        }
      }
    }
    return RowsResultSet.of(
        columns(
            "TABLE_CAT",
            V,
            "TABLE_SCHEM",
            V,
            "TABLE_NAME",
            V,
            "COLUMN_NAME",
            V,
            "KEY_SEQ",
            S,
            "PK_NAME",
            V),
        rows);
  }

  /** Foreign keys of {@code table}, ordered by the referenced table as JDBC says. */
  static ResultSet importedKeys(String catalog, String schema, String table) {
    return keys(
        selectsOurSchema(catalog, schema),
        k -> like(table).test(k.table()),
        Comparator.comparing(SchemaDescription.ForeignKey::referencedTable));
  }

  /** Foreign keys referencing {@code table}, ordered by the referencing table as JDBC says. */
  static ResultSet exportedKeys(String catalog, String schema, String table) {
    return keys(
        selectsOurSchema(catalog, schema),
        k -> like(table).test(k.referencedTable()),
        Comparator.comparing(SchemaDescription.ForeignKey::table));
  }

  static ResultSet crossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable) {
    return keys(
        selectsOurSchema(parentCatalog, parentSchema)
            && selectsOurSchema(foreignCatalog, foreignSchema),
        k -> like(parentTable).test(k.referencedTable()) && like(foreignTable).test(k.table()),
        Comparator.comparing(SchemaDescription.ForeignKey::table));
  }

  /** Calcite's type list without its internal types, ordered by DATA_TYPE as JDBC says. */
  static ResultSet typeInfo(ResultSet calcite) throws SQLException {
    try (calcite) {
      ResultSetMetaData md = calcite.getMetaData();
      List<RowsResultSet.Column> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(new RowsResultSet.Column(md.getColumnLabel(i), md.getColumnType(i)));
      }
      List<Object[]> rows = new ArrayList<>();
      while (calcite.next()) {
        if (CASTABLE_TYPES.contains(calcite.getString("TYPE_NAME"))) {
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < row.length; i++) {
            Object v = calcite.getObject(i + 1);
            row[i] = v instanceof Short s ? Integer.valueOf(s) : v;
          }
          rows.add(row);
        }
      }
      int dataType = calcite.findColumn("DATA_TYPE") - 1;
      rows.sort(Comparator.comparingInt((Object[] r) -> ((Number) r[dataType]).intValue()));
      return RowsResultSet.of(columns, rows);
    }
  }

  private static ResultSet keys(
      boolean inSchema,
      Predicate<SchemaDescription.ForeignKey> filter,
      Comparator<SchemaDescription.ForeignKey> order) {
    List<Object[]> rows = new ArrayList<>();
    if (inSchema) {
      SchemaDescription.FOREIGN_KEYS.stream()
          .filter(filter)
          .sorted(order)
          .forEach(
              k ->
                  rows.add(
                      new Object[] {
                        null,
                        SCHEMA,
                        k.referencedTable(),
                        k.referencedColumn(),
                        null,
                        SCHEMA,
                        k.table(),
                        k.column(),
                        1,
                        // Nothing is ever written through this driver, so no rule ever fires.
                        DatabaseMetaData.importedKeyNoAction,
                        DatabaseMetaData.importedKeyNoAction,
                        k.name(),
                        k.referencedKeyName(),
                        DatabaseMetaData.importedKeyNotDeferrable
                      }));
    }
    return RowsResultSet.of(KEY_REFERENCE_COLUMNS, rows);
  }

  /**
   * A LIKE pattern as Calcite's metadata reads it ({@code %}, {@code \} escapes); null matches all.
   */
  private static Predicate<String> like(String pattern) {
    return LikePattern.matcher(pattern)::apply;
  }

  private static List<RowsResultSet.Column> columns(Object... namesAndTypes) {
    List<RowsResultSet.Column> out = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      out.add(new RowsResultSet.Column((String) namesAndTypes[i], (Integer) namesAndTypes[i + 1]));
    }
    return out;
  }
}
