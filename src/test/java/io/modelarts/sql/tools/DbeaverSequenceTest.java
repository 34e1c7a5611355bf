package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The calls DBeaver's generic JDBC plugin makes, in its order: connect with user and password as
 * properties; read the data source info and SQL dialect from DatabaseMetaData; set auto-commit,
 * read-only and isolation; read types, catalogs (none, so it uses schemas), schemas, the current
 * schema; browse tables, columns, keys and indexes of the schema; open a table's data with a
 * prepared {@code SELECT * FROM modelarts.notebooks}, maxRows 200, reading every value.
 */
class DbeaverSequenceTest {
  @Test
  void connectBrowseAndOpenATable() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(500, 12L)) {
      Properties props = new Properties();
      props.setProperty("user", sim.simulator().credentials().accessKey());
      props.setProperty("password", sim.simulator().credentials().secretKey());
      String url =
          "jdbc:modelarts:endpoint="
              + sim.simulator().baseUrl()
              + ";projectId="
              + sim.simulator().projectId()
              + ";cacheTtl=0;pageConcurrency=1";
      try (Connection c = DriverManager.getDriver(url).connect(url, props)) {
        DatabaseMetaData md = c.getMetaData();
        // JDBCDataSourceInfo
        md.isReadOnly();
        assertEquals("ModelArts", md.getDatabaseProductName());
        md.getDatabaseProductVersion();
        md.getDriverName();
        md.getDriverVersion();
        md.getDatabaseMajorVersion();
        md.getDatabaseMinorVersion();
        md.getSchemaTerm();
        md.getProcedureTerm();
        md.getCatalogTerm();
        md.supportsBatchUpdates();
        assertFalse(md.supportsTransactions());
        md.getDefaultTransactionIsolation();
        md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED);
        // JDBCSQLDialect.initDriverSettings
        assertEquals("\"", md.getIdentifierQuoteString());
        md.getSQLStateType();
        md.supportsCorrelatedSubqueries();
        md.supportsSubqueriesInComparisons();
        md.supportsMixedCaseIdentifiers();
        md.supportsMixedCaseQuotedIdentifiers();
        md.storesUpperCaseIdentifiers();
        md.storesLowerCaseIdentifiers();
        md.storesUpperCaseQuotedIdentifiers();
        md.storesLowerCaseQuotedIdentifiers();
        String escape = md.getSearchStringEscape();
        md.getCatalogSeparator();
        assertFalse(md.supportsCatalogsInDataManipulation());
        assertTrue(md.supportsSchemasInDataManipulation());
        md.supportsSchemasInTableDefinitions();
        md.getExtraNameCharacters();
        md.isCatalogAtStart();
        md.getSQLKeywords();
        md.getNumericFunctions();
        md.getStringFunctions();
        md.getSystemFunctions();
        md.getTimeDateFunctions();
        md.getClientInfoProperties().close();
        // JDBCExecutionContext.connect
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
        assertTrue(c.getAutoCommit());
        c.setReadOnly(true);
        c.getTransactionIsolation();
        // GenericDataSource.initialize: types, then catalogs, else schemas
        assertTrue(count(md.getTypeInfo()) > 5);
        assertEquals(0, count(md.getCatalogs()), "no catalog, so DBeaver lists schemas");
        assertEquals(List.of("modelarts"), names(md.getSchemas(null, "%"), "TABLE_SCHEM"));
        // GenericExecutionContext.refreshDefaults
        assertEquals(null, c.getCatalog());
        assertEquals("modelarts", c.getSchema());
        c.setSchema("modelarts");
        // Browsing the schema: tables, then everything per table
        String schema = "modelarts".replace("_", escape + "_");
        List<String> tables = names(md.getTables(null, schema, "%", null), "TABLE_NAME");
        assertTrue(
            tables.containsAll(List.of("notebooks", "endpoints", "action_progress", "images")));
        assertTrue(count(md.getColumns(null, schema, "%", "%")) > 60);
        assertEquals(
            List.of("images", "notebooks"),
            names(md.getPrimaryKeys(null, "modelarts", "%"), "TABLE_NAME"));
        assertEquals(3, count(md.getImportedKeys(null, "modelarts", "%")));
        md.getIndexInfo(null, "modelarts", "notebooks", false, true).close();
        assertEquals(27, count(md.getColumns(null, schema, "notebooks", "%")));

        // Opening the table's data tab.
        sim.resetLog();
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT * FROM modelarts.notebooks",
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
          s.setFetchSize(200);
          s.setMaxRows(200);
          assertTrue(s.execute());
          try (ResultSet rs = s.getResultSet()) {
            ResultSetMetaData rmd = rs.getMetaData();
            for (int i = 1; i <= rmd.getColumnCount(); i++) {
              rmd.getColumnLabel(i);
              rmd.getColumnName(i);
              rmd.getColumnType(i);
              rmd.getColumnTypeName(i);
              rmd.getTableName(i);
              rmd.getSchemaName(i);
              rmd.getCatalogName(i);
              rmd.isNullable(i);
              rmd.getPrecision(i);
              rmd.getScale(i);
            }
            int rows = 0;
            while (rs.next()) {
              rows++;
              for (int i = 1; i <= rmd.getColumnCount(); i++) {
                Object v =
                    rmd.getColumnType(i) == java.sql.Types.TIMESTAMP
                        ? rs.getTimestamp(i)
                        : rmd.getColumnType(i) == java.sql.Types.ARRAY
                            ? rs.getArray(i)
                            : rs.getObject(i);
                if (v instanceof Array a) {
                  a.getArray();
                }
              }
            }
            assertEquals(200, rows);
          }
        }
        // maxRows is planned as LIMIT 200: four pages of 50 and at most the one read ahead,
        // not the ten pages of the whole listing.
        List<String> pages = sim.listCalls().stream().map(r -> r.rawQuery()).toList();
        assertTrue(pages.size() <= 5, pages.toString());

        // "Calculate total row count"
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM modelarts.notebooks")) {
          assertTrue(rs.next());
          assertEquals(500, rs.getLong(1));
        }
      }
    }
  }

  private static int count(ResultSet rs) throws Exception {
    int n = 0;
    try (rs) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  private static List<String> names(ResultSet rs, String column) throws Exception {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(column));
      }
    }
    return out;
  }
}
