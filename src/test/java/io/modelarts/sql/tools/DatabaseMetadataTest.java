package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.calcite.Column;
import io.modelarts.sql.calcite.ModelArtsTable;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What metadata clients browse with: stable names that queries accept back, remarks from the API
 * documentation, keys, types, and result sets with JDBC's column names and types.
 */
class DatabaseMetadataTest {
  private static final List<String> CONTRACT_TABLES =
      List.of("action_progress", "endpoints", "images", "notebooks");

  private static SimulatorFixture sim;
  private static Connection connection;
  private static DatabaseMetaData md;

  @BeforeAll
  static void start() throws SQLException {
    sim = SimulatorFixture.start(20, 2L);
    connection = sim.connect();
    md = connection.getMetaData();
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sim.close();
  }

  /** Rows as "A|B|C" of the named columns. */
  private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (String c : columns) {
          values.add(rs.getString(c));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  /** A result set's column labels and JDBC types, as "NAME:type". */
  private static List<String> shape(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData m = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        out.add(m.getColumnLabel(i) + ":" + m.getColumnType(i));
      }
      return out;
    }
  }

  @Test
  void noCatalogAndOneSchema() throws SQLException {
    assertEquals(List.of(), rows(md.getCatalogs(), "TABLE_CAT"));
    assertEquals(List.of("modelarts|null"), rows(md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"));
    assertEquals(
        List.of("modelarts|null"),
        rows(md.getSchemas(null, "model%"), "TABLE_SCHEM", "TABLE_CATALOG"));
    assertEquals(List.of(), rows(md.getSchemas(null, "metadata"), "TABLE_SCHEM"));
    assertEquals(List.of(), rows(md.getSchemas("somecatalog", null), "TABLE_SCHEM"));
    assertEquals(null, connection.getCatalog());
    assertEquals("modelarts", connection.getSchema());
    assertFalse(md.supportsCatalogsInDataManipulation());
    assertTrue(md.supportsSchemasInDataManipulation());
  }

  @Test
  void tablesWithAndWithoutTypeFilters() throws SQLException {
    List<String> all =
        rows(md.getTables(null, null, "%", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE");
    assertEquals(
        List.of(
            "modelarts|api_calls|SYSTEM TABLE",
            "modelarts|action_progress|TABLE",
            "modelarts|endpoints|TABLE",
            "modelarts|images|TABLE",
            "modelarts|notebooks|TABLE"),
        all);
    assertEquals(
        CONTRACT_TABLES,
        rows(md.getTables(null, "modelarts", null, new String[] {"TABLE"}), "TABLE_NAME"));
    assertEquals(
        List.of("api_calls"),
        rows(md.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}), "TABLE_NAME"));
    assertEquals(
        List.of(), rows(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
    // DBeaver escapes '_' with getSearchStringEscape before asking for one table.
    assertEquals(
        List.of("action_progress"),
        rows(
            md.getTables(
                null, "modelarts", "action" + md.getSearchStringEscape() + "_progress", null),
            "TABLE_NAME"));
    assertEquals(List.of("SYSTEM TABLE", "TABLE"), rows(md.getTableTypes(), "TABLE_TYPE"));
    for (String remarks : rows(md.getTables(null, null, "%", null), "REMARKS")) {
      assertFalse(remarks.equals("null"), "every table has remarks");
    }
  }

  @Test
  void everyListedNameIsAcceptedBackQuotedAndUnquoted() throws SQLException {
    String q = md.getIdentifierQuoteString();
    assertEquals("\"", q);
    try (ResultSet tables = md.getTables(null, null, "%", null);
        Statement s = connection.createStatement()) {
      while (tables.next()) {
        String schema = tables.getString("TABLE_SCHEM");
        String table = tables.getString("TABLE_NAME");
        s.executeQuery("SELECT * FROM " + q + schema + q + "." + q + table + q + " WHERE 1 <> 1")
            .close();
        s.executeQuery("SELECT * FROM " + schema + "." + table + " WHERE 1 <> 1").close();
      }
    }
  }

  @Test
  void columnRemarksAreTheApiDocumentation() throws SQLException {
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    for (String name : CONTRACT_TABLES) {
      ModelArtsTable table =
          (ModelArtsTable) calcite.getRootSchema().getSubSchema("modelarts").tables().get(name);
      Map<String, String> expected = new LinkedHashMap<>();
      for (Column c : table.columns()) {
        assertNotNull(c.remarks(), name + "." + c.name());
        expected.put(c.name(), c.remarks());
      }
      Map<String, String> actual = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, "modelarts", name, "%")) {
        while (rs.next()) {
          actual.put(rs.getString("COLUMN_NAME"), rs.getString("REMARKS"));
          assertFalse(rs.getString("TYPE_NAME").contains("NOT NULL"), rs.getString("TYPE_NAME"));
          assertEquals("NO", rs.getString("IS_AUTOINCREMENT"));
        }
      }
      assertEquals(expected, actual, name);
    }
    assertEquals(List.of(), rows(md.getColumns(null, "metadata", "%", "%"), "COLUMN_NAME"));
    assertEquals(
        List.of("VARCHAR ARRAY"),
        rows(md.getColumns(null, null, "endpoints", "ssh_keys"), "TYPE_NAME"));
  }

  @Test
  void primaryAndForeignKeys() throws SQLException {
    assertEquals(
        List.of("images|id|1|images_pk", "notebooks|id|1|notebooks_pk"),
        rows(
            md.getPrimaryKeys(null, "modelarts", "%"),
            "TABLE_NAME",
            "COLUMN_NAME",
            "KEY_SEQ",
            "PK_NAME"));
    assertEquals(
        List.of("notebooks|id"),
        rows(md.getPrimaryKeys(null, "modelarts", "notebooks"), "TABLE_NAME", "COLUMN_NAME"));
    assertEquals(List.of(), rows(md.getPrimaryKeys(null, "modelarts", "endpoints"), "TABLE_NAME"));

    String[] fk = {"FKTABLE_NAME", "FKCOLUMN_NAME", "PKTABLE_NAME", "PKCOLUMN_NAME"};
    assertEquals(
        List.of("endpoints|notebook_id|notebooks|id"),
        rows(md.getImportedKeys(null, "modelarts", "endpoints"), fk));
    assertEquals(
        List.of("action_progress|notebook_id|notebooks|id"),
        rows(md.getImportedKeys(null, "modelarts", "action_progress"), fk));
    assertEquals(
        List.of("notebooks|image_id|images|id"),
        rows(md.getImportedKeys(null, "modelarts", "notebooks"), fk));
    assertEquals(
        List.of("action_progress|notebook_id|notebooks|id", "endpoints|notebook_id|notebooks|id"),
        rows(md.getExportedKeys(null, "modelarts", "notebooks"), fk));
    assertEquals(
        List.of("notebooks|image_id|images|id"),
        rows(md.getExportedKeys(null, "modelarts", "images"), fk));
    assertEquals(
        List.of("endpoints|notebook_id|notebooks|id"),
        rows(
            md.getCrossReference(null, "modelarts", "notebooks", null, "modelarts", "endpoints"),
            fk));
    assertEquals(3, rows(md.getImportedKeys(null, "modelarts", "%"), fk).size());
  }

  @Test
  void resultSetsHaveJdbcColumnNamesAndTypes() throws SQLException {
    String v = ":" + Types.VARCHAR;
    String s = ":" + Types.SMALLINT;
    assertEquals(List.of("TABLE_CAT" + v), shape(md.getCatalogs()));
    assertEquals(List.of("TABLE_SCHEM" + v, "TABLE_CATALOG" + v), shape(md.getSchemas()));
    assertEquals(
        List.of(
            "TABLE_CAT" + v,
            "TABLE_SCHEM" + v,
            "TABLE_NAME" + v,
            "TABLE_TYPE" + v,
            "REMARKS" + v,
            "TYPE_CAT" + v,
            "TYPE_SCHEM" + v,
            "TYPE_NAME" + v,
            "SELF_REFERENCING_COL_NAME" + v,
            "REF_GENERATION" + v),
        shape(md.getTables(null, null, null, null)));
    assertEquals(
        List.of(
            "TABLE_CAT" + v,
            "TABLE_SCHEM" + v,
            "TABLE_NAME" + v,
            "COLUMN_NAME" + v,
            "KEY_SEQ" + s,
            "PK_NAME" + v),
        shape(md.getPrimaryKeys(null, null, "notebooks")));
    assertEquals(
        List.of(
            "PKTABLE_CAT" + v,
            "PKTABLE_SCHEM" + v,
            "PKTABLE_NAME" + v,
            "PKCOLUMN_NAME" + v,
            "FKTABLE_CAT" + v,
            "FKTABLE_SCHEM" + v,
            "FKTABLE_NAME" + v,
            "FKCOLUMN_NAME" + v,
            "KEY_SEQ" + s,
            "UPDATE_RULE" + s,
            "DELETE_RULE" + s,
            "FK_NAME" + v,
            "PK_NAME" + v,
            "DEFERRABILITY" + s),
        shape(md.getImportedKeys(null, null, "endpoints")));
    try (ResultSet rs = md.getImportedKeys(null, null, "endpoints")) {
      assertTrue(rs.next());
      assertEquals(DatabaseMetaData.importedKeyNoAction, rs.getShort("DELETE_RULE"));
      assertEquals(1, rs.getInt("KEY_SEQ"));
      assertEquals(null, rs.getString("FKTABLE_CAT"));
      assertTrue(rs.wasNull());
    }
  }

  @Test
  void typeInfoListsCastableTypesByDataType() throws SQLException {
    List<String> types = rows(md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
    assertTrue(types.contains("VARCHAR|" + Types.VARCHAR), types.toString());
    assertTrue(types.contains("TIMESTAMP|" + Types.TIMESTAMP), types.toString());
    assertTrue(types.contains("BOOLEAN|" + Types.BOOLEAN), types.toString());
    assertTrue(types.contains("BIGINT|" + Types.BIGINT), types.toString());
    List<Integer> order = new ArrayList<>();
    for (String t : types) {
      order.add(Integer.parseInt(t.substring(t.indexOf('|') + 1)));
    }
    List<Integer> sorted = new ArrayList<>(order);
    sorted.sort(null);
    assertEquals(sorted, order, "ordered by DATA_TYPE");
  }

  @Test
  void productAndSyntaxAnswers() throws SQLException {
    assertEquals("ModelArts", md.getDatabaseProductName());
    assertFalse(md.getDatabaseProductVersion().isBlank());
    assertEquals("\\", md.getSearchStringEscape());
    assertTrue(md.isReadOnly());
    assertTrue(md.getURL().startsWith("jdbc:modelarts:endpoint="), md.getURL());
    assertFalse(md.getURL().contains(sim.simulator().credentials().secretKey()));
    assertEquals(sim.simulator().credentials().accessKey(), md.getUserName());
    assertEquals(connection, md.getConnection());
  }

  @Test
  void propertyInfoDescribesEveryProperty() throws SQLException {
    DriverPropertyInfo[] info =
        DriverManager.getDriver("jdbc:modelarts:").getPropertyInfo("jdbc:modelarts:", null);
    Map<String, DriverPropertyInfo> byName = new LinkedHashMap<>();
    for (DriverPropertyInfo i : info) {
      assertFalse(i.description == null || i.description.isBlank(), i.name);
      byName.put(i.name, i);
    }
    assertTrue(byName.get("projectId").required);
    assertEquals(List.of("aksk", "password", "token"), List.of(byName.get("authType").choices));
    assertEquals(List.of("true", "false"), List.of(byName.get("pushdown").choices));
  }
}
