package io.modelarts.sql.calcite.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.QueryGenerator;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handlers compiled at build time are the ones the driver uses, and they answer every kind of
 * metadata exactly as Janino's run-time handlers do, on every node of the logical and physical
 * plans of hand-written and generated queries.
 */
class PrecompiledMetadataHandlersTest {
  private static final List<String> SHAPES =
      List.of(
          "SELECT id, name FROM notebooks WHERE status = 'RUNNING' ORDER BY name LIMIT 5",
          "SELECT feature, status, COUNT(*) FROM notebooks GROUP BY feature, status",
          "SELECT COUNT(*) FROM notebooks WHERE status IN ('RUNNING', 'STOPPED')",
          "SELECT n.name, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " WHERE n.status = 'RUNNING'",
          "SELECT n.name, i.name FROM notebooks n LEFT JOIN images i ON i.id = n.image_id",
          "SELECT name FROM notebooks WHERE id IN (SELECT notebook_id FROM endpoints)",
          "SELECT name FROM notebooks n WHERE EXISTS"
              + " (SELECT 1 FROM action_progress a WHERE a.notebook_id = n.id)",
          "SELECT owner, MAX(lease_create_at) FROM notebooks GROUP BY owner"
              + " HAVING COUNT(*) > 1 ORDER BY 2 DESC NULLS LAST",
          "SELECT name FROM notebooks WHERE feature = 'NOTEBOOK'"
              + " UNION SELECT name FROM notebooks WHERE status = 'STOPPED'",
          "SELECT DISTINCT status FROM notebooks ORDER BY status OFFSET 1 ROWS FETCH NEXT 3 ROWS ONLY",
          "SELECT name, ROW_NUMBER() OVER (PARTITION BY status ORDER BY name) FROM notebooks");

  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(180, 41L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void everyKindOfMetadataIsServedByABuildTimeClass() {
    for (Class<? extends MetadataHandler<?>> kind : MetadataHandlerSources.handlerInterfaces()) {
      assertTrue(
          PrecompiledMetadataHandlers.INSTANCE.isPrecompiled(kind),
          kind.getName() + " falls back to Janino: the build did not compile its handler");
    }
    assertTrue(MetadataHandlerSources.handlerInterfaces().size() >= 27);
  }

  @Test
  void theDriverPlansWithThePrecompiledHandlers() throws Exception {
    List<RelNode> plans = plansOf(List.of(SHAPES.get(0)));
    RelMetadataQuery mq = plans.get(plans.size() - 1).getCluster().getMetadataQuery();
    assertEquals(RelMetadataQuery.class, mq.getClass());
    // The cluster's query was made by PrecompiledMetadataHandlers: its handlers are the generated
    // classes, which a query made over Janino's provider never holds.
    assertTrue(
        handlerClassNames(mq).stream().anyMatch(n -> n.startsWith(MetadataHandlerSources.PACKAGE)),
        handlerClassNames(mq).toString());
  }

  @Test
  void everyNodeGetsTheSameMetadataAsFromJaninosHandlers() throws Exception {
    List<String> queries = new ArrayList<>(SHAPES);
    QueryGenerator generator = new QueryGenerator(new Random(41L), sim.simulator().dataset());
    for (int i = 0; i < 120; i++) {
      queries.add(generator.next().sql());
    }
    int nodes = 0;
    for (RelNode plan : plansOf(queries)) {
      for (RelNode node : nodesOf(plan)) {
        String precompiled =
            fingerprint(node, new RelMetadataQuery(PrecompiledMetadataHandlers.INSTANCE));
        String janino = fingerprint(node, new RelMetadataQuery(JaninoRelMetadataProvider.DEFAULT));
        assertEquals(janino, precompiled, node.explain());
        nodes++;
      }
    }
    assertTrue(nodes > 500, nodes + " nodes compared");
  }

  /** The logical plan and the physical plan of each query, as the driver made them. */
  private static List<RelNode> plansOf(List<String> queries) throws Exception {
    List<RelNode> plans = new ArrayList<>();
    List<RelNode> physicalPlans = new ArrayList<>();
    try (Hook.Closeable converted = Hook.CONVERTED.addThread((RelNode rel) -> plans.add(rel));
        Hook.Closeable physical =
            Hook.PLAN_BEFORE_IMPLEMENTATION.addThread(
                (RelRoot root) -> physicalPlans.add(root.rel));
        // Every text planned afresh, repeated ones too.
        Connection c = sim.connect("planCacheSize=0");
        Statement s = c.createStatement()) {
      for (String sql : queries) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            // drain: a scan's work is not what is compared, but the query must run to the end
          }
        }
      }
    }
    assertEquals(queries.size(), physicalPlans.size(), "physical plans");
    plans.addAll(physicalPlans);
    return plans;
  }

  private static List<RelNode> nodesOf(RelNode root) {
    Map<RelNode, Boolean> seen = new IdentityHashMap<>();
    List<RelNode> out = new ArrayList<>();
    List<RelNode> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      RelNode node = todo.remove(todo.size() - 1);
      if (seen.put(node, Boolean.TRUE) == null) {
        out.add(node);
        todo.addAll(node.getInputs());
      }
    }
    return out;
  }

  private static List<String> handlerClassNames(RelMetadataQuery mq) throws Exception {
    List<String> names = new ArrayList<>();
    for (java.lang.reflect.Field f : RelMetadataQuery.class.getDeclaredFields()) {
      if (f.getName().endsWith("Handler")) {
        f.setAccessible(true);
        names.add(f.get(mq).getClass().getName());
      }
    }
    return names;
  }

  /** Every kind of built-in metadata of one node, as text both providers must agree on. */
  private static String fingerprint(RelNode node, RelMetadataQuery mq) {
    int fields = node.getRowType().getFieldCount();
    ImmutableBitSet all = ImmutableBitSet.range(fields);
    ImmutableBitSet first = ImmutableBitSet.of(0);
    Map<String, String> m = new TreeMap<>();
    put(m, "rowCount", () -> mq.getRowCount(node));
    put(m, "maxRowCount", () -> mq.getMaxRowCount(node));
    put(m, "minRowCount", () -> mq.getMinRowCount(node));
    put(m, "cumulativeCost", () -> mq.getCumulativeCost(node));
    put(m, "nonCumulativeCost", () -> mq.getNonCumulativeCost(node));
    put(m, "collations", () -> mq.collations(node));
    put(m, "distribution", () -> mq.distribution(node));
    put(m, "uniqueKeys", () -> mq.getUniqueKeys(node));
    put(m, "uniqueAll", () -> mq.areColumnsUnique(node, all));
    put(m, "uniqueFirst", () -> mq.areColumnsUnique(node, first));
    put(m, "distinctRowCount", () -> mq.getDistinctRowCount(node, first, null));
    put(m, "populationSize", () -> mq.getPopulationSize(node, first));
    put(m, "selectivity", () -> mq.getSelectivity(node, null));
    put(m, "predicates", () -> mq.getPulledUpPredicates(node));
    put(m, "allPredicates", () -> mq.getAllPredicates(node));
    put(m, "columnOrigins", () -> origins(mq.getColumnOrigins(node, 0)));
    put(m, "tableReferences", () -> mq.getTableReferences(node));
    put(m, "nodeTypes", () -> nodeTypes(mq.getNodeTypes(node)));
    put(m, "averageRowSize", () -> mq.getAverageRowSize(node));
    put(m, "averageColumnSizes", () -> mq.getAverageColumnSizes(node));
    put(m, "percentageOriginalRows", () -> mq.getPercentageOriginalRows(node));
    put(m, "memory", () -> mq.memory(node));
    put(m, "splitCount", () -> mq.splitCount(node));
    put(m, "phaseTransition", () -> mq.isPhaseTransition(node));
    put(m, "visible", () -> mq.isVisibleInExplain(node, SqlExplainLevel.EXPPLAN_ATTRIBUTES));
    put(m, "inputFieldsUsed", () -> mq.getInputFieldsUsed(node));
    put(m, "functionalDependencies", () -> mq.determines(node, 0, fields - 1));
    return m.toString();
  }

  private static void put(Map<String, String> m, String kind, Callable<?> metadata) {
    String value;
    try {
      value = String.valueOf(metadata.call());
    } catch (Exception | AssertionError e) {
      value = "threw " + e.getClass().getName() + ": " + e.getMessage();
    }
    m.put(kind, value);
  }

  private static String origins(Collection<RelColumnOrigin> origins) {
    if (origins == null) {
      return "null";
    }
    List<String> out = new ArrayList<>();
    for (RelColumnOrigin o : origins) {
      out.add(
          o.getOriginTable().getQualifiedName()
              + "#"
              + o.getOriginColumnOrdinal()
              + (o.isDerived() ? " derived" : ""));
    }
    out.sort(null);
    return out.toString();
  }

  private static String nodeTypes(
      com.google.common.collect.Multimap<Class<? extends RelNode>, RelNode> types) {
    if (types == null) {
      return "null";
    }
    Map<String, Integer> counts = new TreeMap<>();
    types.asMap().forEach((k, v) -> counts.put(k.getName(), v.size()));
    return counts.toString();
  }
}
