package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mchange.v2.c3p0.ComboPooledDataSource;
import io.modelarts.sql.jdbc.ModelArtsDriver;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Metabase's call pattern over a c3p0 pool, as its generic SQL driver makes it: a probe that must
 * return no rows, statements created forward-only/read-only/close-at-commit with fetch size 500 and
 * maxRows, SQL led by a "-- Metabase::" comment with double-quoted, schema-qualified identifiers
 * and LIMIT 2000, and timestamps read as LocalDateTime.
 */
class MetabasePatternTest {
  private static final String PROBE =
      "SELECT TRUE AS \"_\" FROM \"modelarts\".\"notebooks\" WHERE 1 <> 1 LIMIT 0";

  @Test
  void metabaseQueriesThroughC3p0() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(150, 9L)) {
      ComboPooledDataSource pool = new ComboPooledDataSource();
      try {
        pool.setDriverClass(ModelArtsDriver.class.getName());
        pool.setJdbcUrl(sim.url("cacheTtl=0"));
        pool.setMaxPoolSize(3);
        pool.setInitialPoolSize(1);
        pool.setTestConnectionOnCheckout(true); // no test query: c3p0 then uses isValid
        pool.setAcquireRetryAttempts(1);

        try (Connection c = pool.getConnection()) {
          c.setReadOnly(true);
          c.setAutoCommit(true);
          c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);

          // Metabase's sync reads tables of these types, then their columns.
          Set<String> tables = new HashSet<>();
          try (ResultSet rs =
              c.getMetaData()
                  .getTables(
                      null,
                      "modelarts",
                      "%",
                      new String[] {
                        "TABLE",
                        "PARTITIONED TABLE",
                        "VIEW",
                        "FOREIGN TABLE",
                        "MATERIALIZED VIEW",
                        "EXTERNAL TABLE",
                        "DYNAMIC_TABLE"
                      })) {
            while (rs.next()) {
              tables.add(rs.getString("TABLE_NAME"));
            }
          }
          assertEquals(Set.of("notebooks", "endpoints", "action_progress", "images"), tables);

          sim.resetLog();
          try (Statement s = metabaseStatement(c, 2000);
              ResultSet rs = s.executeQuery(PROBE)) {
            assertFalse(rs.next());
            assertEquals("_", rs.getMetaData().getColumnLabel(1));
          }
          assertEquals(0, sim.listCalls().size(), "the probe makes no API call");

          Map<String, Long> expected =
              sim.simulator().dataset().stream()
                  .collect(
                      Collectors.groupingBy(
                          n -> n.get("status").asText(), TreeMap::new, Collectors.counting()));
          Map<String, Long> actual = new TreeMap<>();
          try (Statement s = metabaseStatement(c, 2000);
              ResultSet rs =
                  s.executeQuery(
                      "-- Metabase:: userID: 1 queryType: MBQL queryHash: 5a1b2c\n"
                          + "SELECT \"modelarts\".\"notebooks\".\"status\" AS \"status\", COUNT(*) AS \"count\"\n"
                          + "FROM \"modelarts\".\"notebooks\"\n"
                          + "GROUP BY \"modelarts\".\"notebooks\".\"status\"\n"
                          + "ORDER BY \"modelarts\".\"notebooks\".\"status\" ASC\n"
                          + "LIMIT 2000")) {
            while (rs.next()) {
              actual.put(rs.getString(1), rs.getLong(2));
            }
          }
          assertEquals(expected, actual);

          ObjectNode first =
              sim.simulator().dataset().stream()
                  .filter(n -> n.hasNonNull("lease") && n.get("lease").hasNonNull("create_at"))
                  .findFirst()
                  .orElseThrow();
          try (Statement s = metabaseStatement(c, 2000);
              ResultSet rs =
                  s.executeQuery(
                      "-- Metabase:: userID: 1 queryType: native\n"
                          + "SELECT \"modelarts\".\"notebooks\".\"id\" AS \"id\","
                          + " \"modelarts\".\"notebooks\".\"lease_create_at\" AS \"lease_create_at\"\n"
                          + "FROM \"modelarts\".\"notebooks\"\n"
                          + "WHERE \"modelarts\".\"notebooks\".\"id\" = '"
                          + first.get("id").asText()
                          + "'\n"
                          + "LIMIT 2000")) {
            assertTrue(rs.next());
            assertEquals(
                Instant.ofEpochMilli(first.get("lease").get("create_at").asLong())
                    .atOffset(ZoneOffset.UTC)
                    .toLocalDateTime(),
                rs.getObject(2, LocalDateTime.class));
          }

          // A table preview: maxRows below the LIMIT wins.
          try (Statement s = metabaseStatement(c, 7);
              ResultSet rs =
                  s.executeQuery(
                      "-- Metabase::\nSELECT \"modelarts\".\"notebooks\".\"id\" FROM \"modelarts\".\"notebooks\" LIMIT 2000")) {
            int n = 0;
            while (rs.next()) {
              n++;
            }
            assertEquals(7, n);
          }
        }
      } finally {
        pool.close();
      }
    }
  }

  private static Statement metabaseStatement(Connection c, int maxRows) throws Exception {
    Statement s =
        c.createStatement(
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY,
            ResultSet.CLOSE_CURSORS_AT_COMMIT);
    s.setFetchSize(500);
    s.setMaxRows(maxRows);
    return s;
  }
}
