package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.QueryGenerator;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.runtime.Hook;
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
          "SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING' AND feature = 'NOTEBOOK'");

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
    String sql = "SELECT id FROM notebooks WHERE status = 'RUNNING'";
    List<RelOptRule> ours = rulesRegistered(() -> explain(sql));
    List<RelOptRule> calcites =
        rulesRegistered(() -> DefaultRulesPrepare.withCalciteLists(() -> explain(sql)));
    assertEquals(descriptions(calcites), descriptions(ours));
    for (int i = 0; i < ours.size(); i++) {
      RelOptRule mine = ours.get(i);
      RelOptRule theirs = calcites.get(i);
      assertEquals(theirs.getClass(), mine.getClass(), mine.toString());
      if (mine instanceof RelRule<?> rule) {
        assertEquals(((RelRule<?>) theirs).config, rule.config, mine.toString());
      }
    }
    assertTrue(ours.size() > 80, "only " + ours.size() + " rules registered");
    // Calcite's list holds CoreRules' own instances, the driver's never does.
    assertTrue(calcites.stream().anyMatch(r -> r == CoreRules.FILTER_INTO_JOIN));
    assertFalse(ours.stream().anyMatch(r -> r == CoreRules.FILTER_INTO_JOIN));
  }

  @Test
  void everyQueryOfTheCorpusPlansAsWithCalcitesLists() throws Exception {
    List<String> queries = new ArrayList<>(SHAPES);
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

  private static List<RelOptRule> rulesRegistered(Action action) throws Exception {
    List<List<RelOptRule>> seen = new ArrayList<>();
    try (Hook.Closeable hook =
        Hook.PLANNER.addThread(
            (Consumer<RelOptPlanner>) planner -> seen.add(List.copyOf(planner.getRules())))) {
      action.run();
    }
    assertEquals(1, seen.size(), "one planner");
    return seen.get(0);
  }

  private static List<String> descriptions(List<RelOptRule> rules) {
    return rules.stream().map(RelOptRule::toString).toList();
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
