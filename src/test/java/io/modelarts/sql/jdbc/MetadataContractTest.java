package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client reading {@link DatabaseMetaData} finds every table and column of shared/contract.md with
 * its type. The expectations are written out here from the contract, not taken from the code.
 */
class MetadataContractTest {
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(20, 1L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static Map<String, Integer> columns(Object... pairs) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }

  static final Map<String, Map<String, Integer>> CONTRACT =
      Map.of(
          "notebooks",
          columns(
              "id",
              Types.VARCHAR,
              "name",
              Types.VARCHAR,
              "description",
              Types.VARCHAR,
              "status",
              Types.VARCHAR,
              "feature",
              Types.VARCHAR,
              "flavor",
              Types.VARCHAR,
              "fail_reason",
              Types.VARCHAR,
              "url",
              Types.VARCHAR,
              "token",
              Types.VARCHAR,
              "workspace_id",
              Types.VARCHAR,
              "owner",
              Types.VARCHAR,
              "pool_id",
              Types.VARCHAR,
              "pool_name",
              Types.VARCHAR,
              "image_id",
              Types.VARCHAR,
              "image_name",
              Types.VARCHAR,
              "image_swr_path",
              Types.VARCHAR,
              "image_type",
              Types.VARCHAR,
              "lease_create_at",
              Types.TIMESTAMP,
              "lease_update_at",
              Types.TIMESTAMP,
              "lease_duration",
              Types.BIGINT,
              "lease_enable",
              Types.BOOLEAN,
              "lease_type",
              Types.VARCHAR,
              "volume_capacity",
              Types.INTEGER,
              "volume_category",
              Types.VARCHAR,
              "volume_mount_path",
              Types.VARCHAR,
              "volume_ownership",
              Types.VARCHAR,
              "volume_status",
              Types.VARCHAR),
          "endpoints",
          columns(
              "notebook_id",
              Types.VARCHAR,
              "dev_service",
              Types.VARCHAR,
              "allowed_access_ips",
              Types.ARRAY,
              "ssh_keys",
              Types.ARRAY),
          "action_progress",
          columns(
              "notebook_id",
              Types.VARCHAR,
              "step",
              Types.INTEGER,
              "status",
              Types.VARCHAR,
              "step_description",
              Types.VARCHAR),
          "images",
          columns(
              "id",
              Types.VARCHAR,
              "name",
              Types.VARCHAR,
              "arch",
              Types.VARCHAR,
              "description",
              Types.VARCHAR,
              "namespace",
              Types.VARCHAR,
              "origin",
              Types.VARCHAR,
              "service_type",
              Types.VARCHAR,
              "status",
              Types.VARCHAR,
              "status_message",
              Types.VARCHAR,
              "swr_path",
              Types.VARCHAR,
              "tag",
              Types.VARCHAR,
              "type",
              Types.VARCHAR,
              "visibility",
              Types.VARCHAR,
              "workspace_id",
              Types.VARCHAR,
              "create_at",
              Types.TIMESTAMP,
              "update_at",
              Types.TIMESTAMP,
              "size",
              Types.BIGINT,
              "dev_services",
              Types.ARRAY,
              "resource_categories",
              Types.ARRAY,
              "support_res_categories",
              Types.ARRAY));

  @Test
  void everyContractTableAndColumnHasItsType() throws Exception {
    try (Connection c = sim.connect()) {
      DatabaseMetaData md = c.getMetaData();
      for (var table : CONTRACT.entrySet()) {
        Map<String, Integer> actual = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(null, "modelarts", table.getKey(), "%")) {
          while (rs.next()) {
            actual.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
          }
        }
        assertEquals(table.getValue(), actual, "columns of " + table.getKey());
      }
    }
  }

  @Test
  void keyColumnsAreNotNull() throws Exception {
    try (Connection c = sim.connect();
        ResultSet rs = c.getMetaData().getColumns(null, "modelarts", "%", "%")) {
      while (rs.next()) {
        String column = rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME");
        boolean key =
            column.equals("notebooks.id")
                || column.equals("images.id")
                || column.equals("endpoints.notebook_id")
                || column.equals("action_progress.notebook_id");
        if (CONTRACT.containsKey(rs.getString("TABLE_NAME"))) {
          assertEquals(
              key ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable,
              rs.getInt("NULLABLE"),
              column);
        }
      }
    }
  }

  @Test
  void tablesAreListedInTheModelartsSchema() throws Exception {
    try (Connection c = sim.connect();
        ResultSet rs = c.getMetaData().getTables(null, "modelarts", "%", null)) {
      java.util.Set<String> names = new java.util.HashSet<>();
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
      assertTrue(names.containsAll(CONTRACT.keySet()), names.toString());
      assertEquals("modelarts", c.getSchema());
    }
  }
}
