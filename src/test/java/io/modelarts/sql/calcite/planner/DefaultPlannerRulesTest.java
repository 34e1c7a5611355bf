package io.modelarts.sql.calcite.planner;

import static io.modelarts.sql.testing.RuleLists.assertSameRules;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.plan.RelOptRules;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.rules.CoreRules;
import org.junit.jupiter.api.Test;

/**
 * The rule lists of the standard program's heuristic steps match Calcite's, and settings the driver
 * does not mirror go to Calcite's own registration. (The planner's list and whole plans are
 * compared in {@code DefaultRulesPrepareTest}.)
 */
class DefaultPlannerRulesTest {
  @Test
  void calcRulesAreCalcites() {
    assertSameRules(RelOptRules.CALC_RULES, DefaultPlannerRules.calcRules());
  }

  @Test
  void subQueryRulesAreThoseOfCalcitesStandardProgram() {
    assertSameRules(
        List.of(
            CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_OVER_SUM_TO_SUM0_RULE),
        DefaultPlannerRules.subQueryRules(false));
    assertSameRules(
        List.of(
            CoreRules.FILTER_SUB_QUERY_TO_MARK_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_MARK_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_OVER_SUM_TO_SUM0_RULE),
        DefaultPlannerRules.subQueryRules(true));
  }

  @Test
  void materializationsAreLeftToCalcite() {
    VolcanoPlanner planner = new VolcanoPlanner();
    DefaultPlannerRules.register(planner, true, false);
    assertTrue(
        planner.getRules().stream().anyMatch(r -> r.toString().startsWith("MaterializedView")),
        planner.getRules().toString());
    assertTrue(planner.getRules().contains(CoreRules.FILTER_INTO_JOIN), "Calcite's own instances");
  }
}
