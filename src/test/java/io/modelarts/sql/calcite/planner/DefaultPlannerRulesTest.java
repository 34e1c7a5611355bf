package io.modelarts.sql.calcite.planner;

import static io.modelarts.sql.testing.RuleLists.assertSameRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRules;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.stream.StreamRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default registration matches Calcite's under every setting of the two system properties it
 * reads, the simple shapes' lists are its sub-lists, the rule lists of the standard program's
 * heuristic steps match Calcite's, and settings the driver does not mirror go to Calcite's own
 * registration. (The planner's lists in use and whole plans are compared in {@code
 * DefaultRulesPrepareTest}.)
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

  @Test
  void registersWhatCalciteRegistersWithThisJvmsSettings() {
    VolcanoPlanner calcites = new VolcanoPlanner();
    RelOptUtil.registerDefaultRules(calcites, false, false);
    VolcanoPlanner ours = new VolcanoPlanner();
    DefaultPlannerRules.register(ours, false, false);
    assertSameRules(calcites.getRules(), ours.getRules());
    // The transcription of Calcite's registration below, checked where both can be run.
    assertSameRules(
        calcites.getRules(),
        calcitesRegistration(
            CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value(),
            CalciteSystemProperty.ENABLE_STREAM.value()));
  }

  @ParameterizedTest(name = "collation trait {0}, streams {1}")
  @CsvSource({"true, true", "true, false", "false, true", "false, false"})
  void everySettingsListIsCalcites(boolean collationTrait, boolean streams) {
    // Both properties are read once per JVM, so the settings this JVM does not have are compared
    // with Calcite's lists as its registration would add them.
    List<RelOptRule> all = DefaultPlannerRules.rules(PlanShape.OTHER, collationTrait, streams);
    assertSameRules(calcitesRegistration(collationTrait, streams), all);
    for (PlanShape shape : List.of(PlanShape.SCANS, PlanShape.AGGREGATES, PlanShape.JOINS)) {
      // A shape's rules are the same with either setting, in the full list's order.
      Set<String> shapes =
          DefaultPlannerRules.rules(shape, true, true).stream()
              .map(RelOptRule::toString)
              .collect(Collectors.toSet());
      assertSameRules(
          all.stream().filter(rule -> shapes.contains(rule.toString())).toList(),
          DefaultPlannerRules.rules(shape, collationTrait, streams));
    }
    assertEquals(
        (collationTrait ? 108 : 93) - (streams ? 0 : 8), all.size(), "rules in all: " + all);
  }

  /**
   * What {@code RelOptUtil.registerDefaultRules(planner, false, false)} adds with these settings,
   * from Calcite's own lists (a rule listed twice counts where it is first, as the planner keeps
   * it).
   */
  private static List<RelOptRule> calcitesRegistration(boolean collationTrait, boolean streams) {
    List<RelOptRule> rules = new ArrayList<>();
    if (collationTrait) {
      rules.addAll(relOptRules("ABSTRACT_RELATIONAL_RULES"));
    }
    rules.addAll(relOptRules("ABSTRACT_RULES"));
    rules.addAll(relOptRules("BASE_RULES"));
    rules.add(Bindables.BINDABLE_TABLE_SCAN_RULE);
    rules.add(CoreRules.PROJECT_TABLE_SCAN);
    rules.add(CoreRules.PROJECT_INTERPRETER_TABLE_SCAN);
    rules.addAll(EnumerableRules.ENUMERABLE_RULES);
    rules.add(EnumerableRules.TO_INTERPRETER);
    if (streams) {
      rules.addAll(StreamRules.RULES);
    }
    rules.add(CoreRules.FILTER_REDUCE_EXPRESSIONS);
    return rules.stream().distinct().toList();
  }

  /** One of {@code RelOptRules}' package-private lists. */
  @SuppressWarnings("unchecked")
  private static List<RelOptRule> relOptRules(String field) {
    try {
      var f = RelOptRules.class.getDeclaredField(field);
      f.setAccessible(true);
      return (List<RelOptRule>) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(field, e);
    }
  }
}
