package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.ModelArtsSession;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The connection's metadata: points back to the driver's connection; answers catalogs, schemas,
 * tables, keys and types itself ({@link MetadataResults}), and the rest through Calcite, narrowed
 * to the one schema.
 */
final class ModelArtsDatabaseMetaData extends DelegatingDatabaseMetaData {
  private final DatabaseMetaData calcite;
  private final ModelArtsConnection connection;

  ModelArtsDatabaseMetaData(DatabaseMetaData calcite, ModelArtsConnection connection) {
    this.calcite = calcite;
    this.connection = connection;
  }

  @Override
  DatabaseMetaData target() {
    return calcite;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public String getURL() {
    ModelArtsSession session = connection.session();
    // Enough to tell connections apart, and no credential.
    return ModelArtsDriver.PREFIX
        + "endpoint="
        + session.config().endpoints().modelArts()
        + ";projectId="
        + session.config().projectId();
  }

  @Override
  public String getUserName() {
    return connection.session().config().user();
  }

  // There is no catalog to qualify names with.

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public ResultSet getCatalogs() {
    return MetadataResults.catalogs();
  }

  @Override
  public ResultSet getSchemas() {
    return MetadataResults.schemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) {
    return MetadataResults.schemas(catalog, schemaPattern);
  }

  @Override
  public ResultSet getTableTypes() {
    return MetadataResults.tableTypes();
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return MetadataResults.tables(catalog, schemaPattern, tableNamePattern, types, tableNames());
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    // Calcite's columns, narrowed: an empty schema pattern matches no schema.
    String schema =
        MetadataResults.selectsOurSchema(catalog, schemaPattern) ? MetadataResults.SCHEMA : "";
    return super.getColumns(null, schema, tableNamePattern, columnNamePattern);
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) {
    return MetadataResults.primaryKeys(catalog, schema, table);
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) {
    return MetadataResults.importedKeys(catalog, schema, table);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) {
    return MetadataResults.exportedKeys(catalog, schema, table);
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable) {
    return MetadataResults.crossReference(
        parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable);
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return MetadataResults.typeInfo(super.getTypeInfo());
  }

  private Set<String> tableNames() throws SQLException {
    return connection
        .unwrap(CalciteConnection.class)
        .getRootSchema()
        .getSubSchema(MetadataResults.SCHEMA)
        .tables()
        .getNames(LikePattern.any());
  }
}
