package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import schemacrawler.inclusionrule.RegularExpressionInclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/** SchemaCrawler, a real metadata client, crawls the driver and finds the contract's schema. */
class SchemaCrawlerTest {
  @Test
  void crawlFindsTablesColumnsPrimaryAndForeignKeys() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(10, 4L)) {
      var credentials = sim.simulator().credentials();
      // Credentials as SchemaCrawler passes them: user and password beside the URL.
      String url =
          "jdbc:modelarts:endpoint="
              + sim.simulator().baseUrl()
              + ";projectId="
              + sim.simulator().projectId()
              + ";rateLimit=0";
      DatabaseConnectionSource source =
          DatabaseConnectionSources.newDatabaseConnectionSource(
              url, new MultiUseUserCredentials(credentials.accessKey(), credentials.secretKey()));
      SchemaCrawlerOptions options =
          SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
              .withLimitOptions(
                  LimitOptionsBuilder.builder()
                      .includeSchemas(new RegularExpressionInclusionRule("modelarts"))
                      .toOptions())
              .withLoadOptions(
                  LoadOptionsBuilder.builder()
                      .withSchemaInfoLevel(SchemaInfoLevelBuilder.standard())
                      .toOptions());
      Catalog catalog;
      try {
        catalog = SchemaCrawlerUtility.getCatalog(source, options);
      } finally {
        source.close();
      }

      Map<String, Table> tables = new TreeMap<>();
      for (Table t : catalog.getTables()) {
        tables.put(t.getName(), t);
      }
      assertTrue(
          tables
              .keySet()
              .containsAll(List.of("action_progress", "endpoints", "images", "notebooks")),
          tables.keySet().toString());
      assertEquals("modelarts", tables.get("notebooks").getSchema().getName());

      Table notebooks = tables.get("notebooks");
      assertEquals(27, notebooks.getColumns().size());
      Column id = notebooks.lookupColumn("id").orElseThrow();
      assertEquals("Instance ID.", id.getRemarks());
      assertFalse(id.isNullable());
      assertEquals(4, tables.get("endpoints").getColumns().size());

      assertNotNull(notebooks.getPrimaryKey(), "notebooks has a primary key");
      assertEquals(
          List.of("id"),
          notebooks.getPrimaryKey().getConstrainedColumns().stream().map(Column::getName).toList());
      assertEquals(
          List.of("id"),
          tables.get("images").getPrimaryKey().getConstrainedColumns().stream()
              .map(Column::getName)
              .toList());

      assertEquals(
          List.of("endpoints.notebook_id->notebooks.id"), references(tables.get("endpoints")));
      assertEquals(
          List.of("action_progress.notebook_id->notebooks.id"),
          references(tables.get("action_progress")));
      assertEquals(List.of("notebooks.image_id->images.id"), references(notebooks));
    }
  }

  /** The foreign keys a table imports, as "fkTable.column->pkTable.column". */
  private static List<String> references(Table table) {
    return table.getImportedForeignKeys().stream()
        .flatMap((ForeignKey fk) -> fk.getColumnReferences().stream())
        .map(
            (ColumnReference r) ->
                r.getForeignKeyColumn().getParent().getName()
                    + "."
                    + r.getForeignKeyColumn().getName()
                    + "->"
                    + r.getPrimaryKeyColumn().getParent().getName()
                    + "."
                    + r.getPrimaryKeyColumn().getName())
        .sorted()
        .toList();
  }
}
