package io.modelarts.sql.jdbc;

import static io.modelarts.sql.testing.RuleLists.assertSameRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.modelarts.sql.calcite.ModelArtsCountScan;
import io.modelarts.sql.calcite.ModelArtsTableScan;
import io.modelarts.sql.testing.QueryGenerator;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver's own copy of Calcite's default rules and standard program ({@link
 * DefaultRulesPrepare}) registers the rules Calcite registers, in its order and with the same
 * configurations, and every query of a corpus plans the same through both. A Calcite upgrade that
 * changes its defaults fails here.
 */
class DefaultRulesPrepareTest {
  private static SimulatorFixture sim;

  /** Shapes the generated queries lack: sub-queries, correlation, set operations, windows. */
  private static final List<String> SHAPES =
      List.of(
          "SELECT id FROM notebooks WHERE id IN (SELECT notebook_id FROM endpoints)",
          "SELECT id FROM notebooks n WHERE EXISTS"
              + " (SELECT 1 FROM endpoints e WHERE e.notebook_id = n.id AND e.dev_service = 'SSH')",
          "SELECT id, (SELECT COUNT(*) FROM endpoints e WHERE e.notebook_id = n.id) FROM notebooks n",
          "SELECT id FROM notebooks WHERE volume_capacity > (SELECT AVG(volume_capacity)"
              + " FROM notebooks)",
          "SELECT id FROM notebooks WHERE id NOT IN (SELECT notebook_id FROM action_progress)",
          "SELECT name FROM notebooks WHERE status = 'RUNNING'"
              + " UNION SELECT name FROM notebooks WHERE status = 'STOPPED'",
          "SELECT name FROM notebooks INTERSECT SELECT name FROM notebooks WHERE name LIKE 'a%'",
          "SELECT name FROM notebooks EXCEPT SELECT name FROM notebooks WHERE status = 'ERROR'",
          "SELECT status, COUNT(DISTINCT flavor), COUNT(DISTINCT image_id) FROM notebooks"
              + " GROUP BY status",
          "SELECT id, ROW_NUMBER() OVER (PARTITION BY status ORDER BY name) FROM notebooks",
          "SELECT n.id, e.dev_service, a.step FROM notebooks n JOIN endpoints e"
              + " ON e.notebook_id = n.id LEFT JOIN action_progress a ON a.notebook_id = n.id"
              + " WHERE n.status = 'RUNNING'",
          "SELECT * FROM (SELECT id, name FROM notebooks ORDER BY name LIMIT 20) t"
              + " WHERE name > 'm'",
          "SELECT status, SUM(volume_capacity) FROM notebooks GROUP BY status"
              + " HAVING SUM(volume_capacity) > 10 ORDER BY 2 DESC",
          "SELECT id FROM notebooks WHERE 1 = 0",
          "SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING' AND feature = 'NOTEBOOK'",
          "SELECT id, SUM(volume_capacity) OVER (ORDER BY name) FROM notebooks");

  /** Plans of scans under projections, filters and sorts, or values: planned with few rules. */
  private static final List<String> SCANS =
      List.of(
          "SELECT id, name, status FROM notebooks WHERE status = 'RUNNING' LIMIT 10",
          "SELECT * FROM notebooks",
          "SELECT * FROM notebooks WHERE name = 'nb-1' AND feature = 'NOTEBOOK'",
          "SELECT id FROM notebooks ORDER BY name DESC LIMIT 5 OFFSET 10",
          "SELECT id FROM notebooks WHERE status = 'RUNNING' ORDER BY status, name",
          "SELECT id FROM notebooks LIMIT 0",
          "SELECT id FROM notebooks WHERE status = 'RUNNING' AND status = 'STOPPED'",
          "SELECT id FROM notebooks WHERE EXTRACT(YEAR FROM lease_create_at) = 2024",
          "SELECT UPPER(name), volume_capacity * 2 FROM notebooks WHERE description IS NULL",
          "SELECT * FROM (SELECT id, name FROM notebooks WHERE status = 'RUNNING') t"
              + " WHERE name LIKE 'a%' ORDER BY name",
          "SELECT * FROM (SELECT id, name FROM notebooks ORDER BY name LIMIT 20) t"
              + " WHERE name > 'm'",
          "SELECT dev_service, notebook_id FROM endpoints WHERE dev_service = 'SSH'",
          "SELECT * FROM images ORDER BY name",
          "SELECT * FROM action_progress WHERE step > 1",
          "SELECT * FROM api_calls",
          "VALUES (1, 'a'), (2, 'b')",
          "SELECT 1");

  /** The same with aggregates of one grouping set and no DISTINCT call. */
  private static final List<String> AGGREGATES =
      List.of(
          "SELECT status, COUNT(*) FROM notebooks GROUP BY status",
          "SELECT COUNT(*) FROM notebooks",
          "SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING' AND feature = 'NOTEBOOK'",
          "SELECT DISTINCT status FROM notebooks",
          "SELECT status, SUM(volume_capacity), AVG(volume_capacity), MIN(name), MAX(name)"
              + " FROM notebooks GROUP BY status HAVING COUNT(*) > 1 ORDER BY 2 DESC",
          "SELECT flavor, status, COUNT(description) FROM notebooks WHERE name LIKE 'a%'"
              + " GROUP BY flavor, status",
          "SELECT 'x', COUNT(*) FROM notebooks GROUP BY 'x'",
          "SELECT STDDEV_POP(volume_capacity), COUNT(*) FILTER (WHERE status = 'RUNNING')"
              + " FROM notebooks",
          "SELECT c FROM (SELECT status, COUNT(*) AS c FROM notebooks GROUP BY status) t"
              + " WHERE c > 1",
          "SELECT status, COUNT(*) FROM (SELECT status FROM notebooks GROUP BY status, flavor) t"
              + " GROUP BY status",
          "SELECT dev_service, COUNT(*) FROM endpoints GROUP BY dev_service",
          "SELECT COUNT(*) FROM notebooks WHERE 1 = 0");

  /** The same with joins that need no correlation. */
  private static final List<String> JOINS =
      List.of(
          "SELECT n.id FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id",
          "SELECT n.name, e.dev_service FROM notebooks n LEFT JOIN endpoints e"
              + " ON e.notebook_id = n.id WHERE n.status = 'RUNNING'",
          "SELECT n.status, COUNT(*) FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " WHERE n.name > 'b' GROUP BY n.status",
          "SELECT n.id, e.dev_service, a.step FROM notebooks n JOIN endpoints e"
              + " ON e.notebook_id = n.id LEFT JOIN action_progress a ON a.notebook_id = n.id",
          "SELECT a.id, b.id FROM notebooks a FULL JOIN notebooks b ON a.description = b.owner",
          "SELECT n.id FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " AND e.dev_service <> n.name ORDER BY n.id LIMIT 5",
          "SELECT n.name, i.name FROM notebooks n, images i WHERE i.id = n.image_id",
          "SELECT n.id, t.x FROM notebooks n CROSS JOIN (VALUES 1, 2) AS t(x)",
          "SELECT a.id FROM notebooks a JOIN notebooks b ON a.volume_capacity < b.volume_capacity"
              + " WHERE a.name = 'x'",
          "SELECT e.dev_service, COUNT(*) FROM (SELECT notebook_id, dev_service FROM endpoints"
              + " GROUP BY notebook_id, dev_service) e JOIN notebooks n ON n.id = e.notebook_id"
              + " GROUP BY e.dev_service",
          // Sub-queries the first step turns into joins, planned in the second.
          "SELECT id FROM notebooks WHERE id IN (SELECT notebook_id FROM endpoints)",
          "SELECT id, (SELECT 1) FROM notebooks");

  /** Plans that take every default rule. */
  private static final List<String> OTHER =
      List.of(
          "SELECT id, ROW_NUMBER() OVER (ORDER BY name) FROM notebooks",
          "SELECT name FROM notebooks UNION ALL SELECT name FROM images",
          "SELECT n.id FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " UNION SELECT id FROM images",
          "SELECT COUNT(DISTINCT status) FROM notebooks",
          "SELECT status, COUNT(*) FROM notebooks GROUP BY ROLLUP(status)",
          "SELECT status, COUNT(DISTINCT flavor), COUNT(*) FROM notebooks GROUP BY status");

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(200, 43L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void registersCalcitesDefaultRulesInItsOrderWithItsConfigurations() throws Exception {
    String sql =
        "SELECT n.status, COUNT(*) FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
            + " WHERE n.name > 'b' GROUP BY n.status UNION ALL SELECT name, 1 FROM images";
    List<RelOptRule> ours = rulesRegistered(() -> explain(sql));
    List<RelOptRule> calcites =
        rulesRegistered(() -> DefaultRulesPrepare.withCalciteLists(() -> explain(sql)));
    assertSameRules(calcites, ours);
    assertTrue(ours.size() > 80, "only " + ours.size() + " rules registered");
    // Calcite's list holds CoreRules' own instances, the driver's never does.
    assertTrue(calcites.stream().anyMatch(r -> r == CoreRules.FILTER_INTO_JOIN));
    assertFalse(ours.stream().anyMatch(r -> r == CoreRules.FILTER_INTO_JOIN));
  }

  @Test
  void aSimplePlanGetsTheDefaultRulesThatCanMatchItsNodes() throws Exception {
    // Derived here from Calcite's own list, so a rule Calcite adds for such nodes fails the test.
    assertRulesMatch(SCANS, SCAN_PLAN_NODES, 30);
    assertRulesMatch(AGGREGATES, AGGREGATE_PLAN_NODES, 40);
    assertRulesMatch(JOINS, JOIN_PLAN_NODES, 80);
    for (String sql : OTHER) {
      assertSameRules(
          rulesRegistered(() -> DefaultRulesPrepare.withCalciteLists(() -> explain(sql))),
          rulesRegistered(() -> explain(sql)));
    }
  }

  /**
   * Each query is planned with those of Calcite's rules that can match {@code nodes}, fewer than
   * {@code atMost} of them.
   */
  private static void assertRulesMatch(List<String> queries, List<Class<?>> nodes, int atMost)
      throws Exception {
    for (String sql : queries) {
      List<RelOptRule> ours = rulesRegistered(() -> explain(sql));
      List<RelOptRule> calcites =
          rulesRegistered(() -> DefaultRulesPrepare.withCalciteLists(() -> explain(sql)));
      List<RelOptRule> matching = calcites.stream().filter(rule -> canMatch(rule, nodes)).toList();
      assertSameRules(matching, ours);
      long calcitesRules =
          ours.stream().filter(r -> r.getClass().getName().startsWith("org.apache.")).count();
      assertTrue(calcitesRules < atMost, sql + ": " + calcitesRules + " of Calcite's rules");
    }
  }

  /**
   * The nodes of a plan of scans, projections, filters, sorts and values, and those the planner
   * makes of them with the default rules: their enumerable and bindable forms, the driver's scan,
   * and the converters the planner places.
   */
  private static final List<Class<?>> SCAN_PLAN_NODES =
      List.of(
          LogicalTableScan.class,
          ModelArtsTableScan.class,
          LogicalProject.class,
          LogicalFilter.class,
          LogicalSort.class,
          LogicalValues.class,
          EnumerableTableScan.class,
          EnumerableProject.class,
          EnumerableFilter.class,
          EnumerableSort.class,
          EnumerableLimit.class,
          EnumerableValues.class,
          EnumerableInterpreter.class,
          Bindables.BindableTableScan.class,
          AbstractConverter.class);

  /** The same with aggregates, their enumerable form and the driver's count of a listing. */
  private static final List<Class<?>> AGGREGATE_PLAN_NODES =
      ImmutableList.<Class<?>>builder()
          .addAll(SCAN_PLAN_NODES)
          .add(LogicalAggregate.class, EnumerableAggregate.class, ModelArtsCountScan.class)
          .build();

  /** The same with joins and their enumerable forms. */
  private static final List<Class<?>> JOIN_PLAN_NODES =
      ImmutableList.<Class<?>>builder()
          .addAll(AGGREGATE_PLAN_NODES)
          .add(
              LogicalJoin.class,
              EnumerableHashJoin.class,
              EnumerableMergeJoin.class,
              EnumerableNestedLoopJoin.class)
          .build();

  /** Rules that match only a projection holding a window function, which no simple shape has. */
  private static final Set<String> WINDOW_ONLY =
      Set.of("ProjectToWindowRule:project", "ProjectOverSumToSum0Rule");

  @Test
  void theWindowRulesLeftOutMatchNoProjectionWithoutAWindow() throws Exception {
    String sql = "SELECT status, COUNT(*) FROM notebooks GROUP BY status";
    List<RelOptRule> calcites =
        rulesRegistered(() -> DefaultRulesPrepare.withCalciteLists(() -> explain(sql)));
    RelOptCluster cluster =
        RelOptCluster.create(new VolcanoPlanner(), new RexBuilder(new JavaTypeFactoryImpl()));
    RelNode row = LogicalValues.createOneRow(cluster);
    RelNode plainProjection =
        LogicalProject.create(
            row,
            List.of(),
            List.of(
                cluster.getRexBuilder().makeInputRef(row, 0),
                cluster
                    .getRexBuilder()
                    .makeCall(
                        SqlStdOperatorTable.PLUS,
                        cluster.getRexBuilder().makeInputRef(row, 0),
                        cluster.getRexBuilder().makeInputRef(row, 0))),
            List.of("a", "b"),
            Set.<CorrelationId>of());
    List<RelOptRule> windowOnly =
        calcites.stream().filter(rule -> WINDOW_ONLY.contains(rule.toString())).toList();
    assertEquals(WINDOW_ONLY.size(), windowOnly.size(), "Calcite's names: " + calcites);
    for (RelOptRule rule : windowOnly) {
      assertEquals(Project.class, rule.getOperand().getMatchedClass(), rule.toString());
      assertFalse(rule.getOperand().matches(plainProjection), rule.toString());
    }
  }

  /**
   * Whether every operand of {@code rule} matches a class of {@code nodes}, unless it is one of
   * {@link #WINDOW_ONLY}; the driver's own rules, registered by its scans whatever the plan, count
   * as matching.
   */
  private static boolean canMatch(RelOptRule rule, List<Class<?>> nodes) {
    if (rule.getClass().getName().startsWith("io.modelarts.")) {
      return true;
    }
    if (WINDOW_ONLY.contains(rule.toString())) {
      return false;
    }
    return rule.getOperands().stream()
        .allMatch(
            operand ->
                nodes.stream().anyMatch(node -> operand.getMatchedClass().isAssignableFrom(node)));
  }

  @Test
  void everyQueryOfTheCorpusPlansAsWithCalcitesLists() throws Exception {
    List<String> queries = new ArrayList<>(SHAPES);
    queries.addAll(SCANS);
    queries.addAll(AGGREGATES);
    queries.addAll(JOINS);
    queries.addAll(OTHER);
    queries.addAll(LiteralHoistingTest.EDGE_CASES);
    QueryGenerator generator = new QueryGenerator(new Random(43L), sim.simulator().dataset());
    for (int i = 0; i < 150; i++) {
      queries.add(generator.next().sql());
    }
    try (Connection c = sim.connect("planCacheSize=0")) {
      for (String sql : queries) {
        String calcites =
            DefaultRulesPrepare.withCalciteLists(() -> plan(c, "EXPLAIN PLAN FOR " + sql, 0));
        assertEquals(calcites, plan(c, "EXPLAIN PLAN FOR " + sql, 0), sql);
      }
      // A statement's maxRows is planned through the same program (MaxRowsLimit).
      String limited = "SELECT id, name FROM notebooks WHERE status = 'RUNNING' ORDER BY name";
      String calcites =
          DefaultRulesPrepare.withCalciteLists(() -> plan(c, "EXPLAIN PLAN FOR " + limited, 7));
      assertEquals(calcites, plan(c, "EXPLAIN PLAN FOR " + limited, 7));
      assertTrue(calcites.contains("7"), calcites);
    }
  }

  @Test
  void theSwitchForTestsReallyPlansWithCalcitesLists() throws Exception {
    List<String> programs = new ArrayList<>();
    try (Hook.Closeable hook =
        Hook.PLANNER.addThread(
            (Consumer<RelOptPlanner>)
                planner ->
                    programs.add(DefaultRulesPrepare.standardProgram().getClass().getName()))) {
      explain("SELECT id FROM notebooks");
      DefaultRulesPrepare.withCalciteLists(() -> explain("SELECT id FROM notebooks"));
    }
    assertEquals(2, programs.size());
    assertFalse(programs.get(0).startsWith("org.apache.calcite.tools.Programs"), programs.get(0));
    assertTrue(programs.get(1).startsWith("org.apache.calcite.tools.Programs"), programs.get(1));
  }

  /** The rules of the one planner {@code action} plans with, once it has planned. */
  private static List<RelOptRule> rulesRegistered(Action action) throws Exception {
    List<RelOptPlanner> seen = new ArrayList<>();
    try (Hook.Closeable hook = Hook.PLANNER.addThread((Consumer<RelOptPlanner>) seen::add)) {
      action.run();
    }
    assertEquals(1, seen.size(), "one planner");
    return List.copyOf(seen.get(0).getRules());
  }

  private static Object explain(String sql) throws Exception {
    try (Connection c = sim.connect("planCacheSize=0")) {
      return plan(c, "EXPLAIN PLAN FOR " + sql, 0);
    }
  }

  private static String plan(Connection c, String sql, int maxRows) throws Exception {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(maxRows);
      StringBuilder text = new StringBuilder();
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          text.append(rs.getString(1)).append('\n');
        }
      }
      return text.toString();
    }
  }

  /** Something that plans. */
  private interface Action {
    Object run() throws Exception;
  }
}
