package io.modelarts.sql.calcite.planner;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.AggregateExpandWithinDistinctRule;
import org.apache.calcite.rel.rules.AggregateJoinTransposeRule;
import org.apache.calcite.rel.rules.AggregateMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectPullUpConstantsRule;
import org.apache.calcite.rel.rules.AggregateProjectStarTableRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.AggregateRemoveRule;
import org.apache.calcite.rel.rules.AggregateStarTableRule;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.CalcRemoveRule;
import org.apache.calcite.rel.rules.ExchangeRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterCalcMergeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.FilterSampleTransposeRule;
import org.apache.calcite.rel.rules.FilterTableScanRule;
import org.apache.calcite.rel.rules.FilterToCalcRule;
import org.apache.calcite.rel.rules.FilterWindowTransposeRule;
import org.apache.calcite.rel.rules.IntersectToDistinctRule;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rel.rules.JoinPushExpressionsRule;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.rules.MatchRule;
import org.apache.calcite.rel.rules.MinusToDistinctRule;
import org.apache.calcite.rel.rules.ProjectAggregateMergeRule;
import org.apache.calcite.rel.rules.ProjectCalcMergeRule;
import org.apache.calcite.rel.rules.ProjectFilterTransposeRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectOverSumToSum0Rule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.rules.ProjectTableScanRule;
import org.apache.calcite.rel.rules.ProjectToCalcRule;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rel.rules.ProjectWindowTransposeRule;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.SampleToFilterRule;
import org.apache.calcite.rel.rules.SemiJoinRule;
import org.apache.calcite.rel.rules.SingleValuesOptimizationRules;
import org.apache.calcite.rel.rules.SortJoinTransposeRule;
import org.apache.calcite.rel.rules.SortRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.SortRemoveRule;
import org.apache.calcite.rel.rules.SortUnionTransposeRule;
import org.apache.calcite.rel.rules.SubQueryRemoveRule;
import org.apache.calcite.rel.rules.UnionMergeRule;
import org.apache.calcite.rel.rules.UnionPullUpConstantsRule;
import org.apache.calcite.rel.rules.UnionToDistinctRule;
import org.apache.calcite.rel.rules.UnionToValuesRule;
import org.apache.calcite.rel.stream.StreamRules;

/**
 * The rules Calcite's default planner starts with ({@code RelOptUtil.registerDefaultRules}), each
 * built from its own configuration instead of taken from {@code CoreRules}, and the shorter lists
 * that plans of a {@linkplain PlanShape simple shape} need.
 *
 * <p>Why: {@code CoreRules}' static initialiser builds all 162 of Calcite's core rules, with their
 * classes, configurations and lambdas, the first time anything reads one of its fields; the default
 * planner and the standard program use 64 of them. Building only those took ~0.2 s off a cold start
 * (600 fewer classes loaded). The instances here are the ones {@code CoreRules} would hold (the
 * same configuration object, so the same description, operands and behaviour), registered in
 * Calcite's order; five are Calcite's guarded against its wrong answers or failures ({@link
 * FilterDateRangeRule}, {@link PruneEmptyAggregateRule}, {@link SortProjectTransposeRule}, {@link
 * EnumerableMergeUnionRule}, {@link EnumerableWindowRule}). {@code DefaultRulesPrepareTest}
 * compares both lists rule by rule and the plans of a corpus of queries, {@code
 * DefaultPlannerRulesTest} every setting's list and the heuristic steps' lists, so a Calcite
 * upgrade that changes its defaults fails a test rather than planning differently.
 *
 * <p>Only the settings the driver uses are mirrored: with materializations, bindables, join
 * commuting or the enumerable convention switched on or off from the default, {@link #register}
 * hands over to Calcite.
 */
public final class DefaultPlannerRules {
  private DefaultPlannerRules() {}

  /**
   * Registers Calcite's default rules in {@code planner}, as {@code
   * RelOptUtil.registerDefaultRules(planner, materializations, bindable)} would.
   */
  public static void register(RelOptPlanner planner, boolean materializations, boolean bindable) {
    if (!mirrored(materializations, bindable)) {
      RelOptUtil.registerDefaultRules(planner, materializations, bindable);
      return;
    }
    AllRules.LIST.forEach(planner::addRule);
  }

  /**
   * Registers in {@code planner} the default rules that planning {@code plan} can use: when {@code
   * plan} has a {@linkplain PlanShape simple shape}, only those of {@link #register}'s rules that
   * can match the nodes of that shape, else all of them.
   *
   * <p>Why: building the rules is a fifth of a first query's planning in a fresh JVM (their
   * classes, configurations and lambdas); a first query is most often a listing, a lookup, a page
   * or a count by group, which 27 (39 with aggregates) of the 108 rules can match, or a notebook
   * joined to its endpoints (58 with joins). {@code DefaultRulesPrepareTest} derives the lists from
   * Calcite's by the classes of their operands, so a Calcite upgrade that adds a rule for such
   * nodes fails it, and plans a corpus both ways.
   */
  public static void registerFor(
      RelOptPlanner planner, RelNode plan, boolean materializations, boolean bindable) {
    PlanShape shape = mirrored(materializations, bindable) ? PlanShape.of(plan) : PlanShape.OTHER;
    switch (shape) {
      case SCANS -> ScanPlanRules.LIST.forEach(planner::addRule);
      case AGGREGATES -> AggregatePlanRules.LIST.forEach(planner::addRule);
      case JOINS -> JoinPlanRules.LIST.forEach(planner::addRule);
      case OTHER -> register(planner, materializations, bindable);
    }
  }

  /** Whether {@link #register} builds the list itself for these settings. */
  static boolean mirrored(boolean materializations, boolean bindable) {
    return !materializations
        && !bindable
        && !CalciteSystemProperty.COMMUTE.value()
        && CalciteSystemProperty.ENABLE_ENUMERABLE.value();
  }

  /** The rules of the standard program's last step, {@code RelOptRules.CALC_RULES}. */
  static List<RelOptRule> calcRules() {
    return CalcRules.LIST;
  }

  /** The sub-query removal rules of the standard program's first step. */
  static List<RelOptRule> subQueryRules(boolean markJoin) {
    return markJoin ? SubQueryRules.TO_MARK_CORRELATE : SubQueryRules.TO_CORRELATE;
  }

  /**
   * The default rules, in Calcite's order, that a plan of {@code shape} can use ({@link
   * PlanShape#OTHER}: all of them), with the collation trait and the stream rules switched as given
   * (system properties, fixed for a JVM's life, and the lists with them), each built anew.
   */
  static List<RelOptRule> rules(PlanShape shape, boolean collationTrait, boolean streams) {
    ImmutableList.Builder<RelOptRule> rules = ImmutableList.builder();
    for (DefaultRule rule : DefaultRule.values()) {
      if (rule.shape.compareTo(shape) <= 0 && rule.registered.applies(collationTrait, streams)) {
        rules.add(rule.build());
      }
    }
    return rules.build();
  }

  /** {@link #rules} with this JVM's settings. */
  private static List<RelOptRule> rules(PlanShape shape) {
    return rules(
        shape,
        CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value(),
        CalciteSystemProperty.ENABLE_STREAM.value());
  }

  /** The rules for {@link PlanShape#SCANS}, built on first use. */
  private static final class ScanPlanRules {
    static final List<RelOptRule> LIST = rules(PlanShape.SCANS);
  }

  /** The rules for {@link PlanShape#AGGREGATES}, built on first use. */
  private static final class AggregatePlanRules {
    static final List<RelOptRule> LIST = rules(PlanShape.AGGREGATES);
  }

  /** The rules for {@link PlanShape#JOINS}, built on first use. */
  private static final class JoinPlanRules {
    static final List<RelOptRule> LIST = rules(PlanShape.JOINS);
  }

  /** All the default rules ({@link #register}'s), built on first use. */
  private static final class AllRules {
    static final List<RelOptRule> LIST = rules(PlanShape.OTHER);
  }

  /**
   * {@code RelOptRules.CALC_RULES}, apart so that a plan that needs no other rule builds no other.
   */
  private static final class CalcRules {
    static final List<RelOptRule> LIST =
        ImmutableList.of(
            Bindables.FROM_NONE_RULE,
            EnumerableRules.ENUMERABLE_CALC_RULE,
            EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE,
            EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
            FilterToCalcRule.Config.DEFAULT.toRule(),
            ProjectToCalcRule.Config.DEFAULT.toRule(),
            CalcMergeRule.Config.DEFAULT.toRule(),
            FilterCalcMergeRule.Config.DEFAULT.toRule(),
            ProjectCalcMergeRule.Config.DEFAULT.toRule());
  }

  /** {@code Programs.subQuery}'s rules, built only for a plan that may hold a sub-query. */
  private static final class SubQueryRules {
    static final RelOptRule JOIN_TO_CORRELATE = SubQueryRemoveRule.Config.JOIN.toRule();
    static final RelOptRule PROJECT_OVER_SUM_TO_SUM0 =
        ProjectOverSumToSum0Rule.Config.DEFAULT.toRule();

    /** Without mark joins. */
    static final List<RelOptRule> TO_CORRELATE =
        ImmutableList.of(
            SubQueryRemoveRule.Config.FILTER.toRule(),
            SubQueryRemoveRule.Config.PROJECT.toRule(),
            JOIN_TO_CORRELATE,
            PROJECT_OVER_SUM_TO_SUM0);

    /** With mark joins (top-down general decorrelation). */
    static final List<RelOptRule> TO_MARK_CORRELATE =
        ImmutableList.of(
            SubQueryRemoveRule.Config.FILTER_ENABLE_MARK_JOIN.toRule(),
            SubQueryRemoveRule.Config.PROJECT_ENABLE_MARK_JOIN.toRule(),
            JOIN_TO_CORRELATE,
            PROJECT_OVER_SUM_TO_SUM0);
  }

  /**
   * Every rule Calcite's default registration adds, in its order, each with the least {@link
   * PlanShape} whose plans it can match (an operand of it can match a node of such a plan or one
   * the planner makes of one: its enumerable and bindable forms, an abstract converter) and the
   * settings under which Calcite registers it there. Two rules matching only a projection holding a
   * window function ({@code ProjectToWindowRule}, {@code ProjectOverSumToSum0Rule}) are left to
   * {@link PlanShape#OTHER}, as no simple shape has one.
   */
  private enum DefaultRule {
    // RelOptRules.ABSTRACT_RELATIONAL_RULES, registered with the collation trait only.
    FILTER_INTO_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    JOIN_CONDITION_PUSH(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    EXPAND_CONVERSION(PlanShape.SCANS, Registered.WITH_COLLATION_TRAIT),
    JOIN_COMMUTE(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    PROJECT_TO_SEMI_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    JOIN_ON_UNIQUE_TO_SEMI_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    JOIN_TO_SEMI_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_REMOVE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    UNION_TO_DISTINCT(PlanShape.OTHER, Registered.WITH_COLLATION_TRAIT),
    UNION_TO_VALUES(PlanShape.OTHER, Registered.WITH_COLLATION_TRAIT),
    PROJECT_REMOVE(PlanShape.SCANS, Registered.WITH_COLLATION_TRAIT),
    PROJECT_AGGREGATE_MERGE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_JOIN_TRANSPOSE(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_MERGE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_PROJECT_MERGE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    CALC_REMOVE(PlanShape.OTHER, Registered.WITH_COLLATION_TRAIT),
    SORT_REMOVE(PlanShape.SCANS, Registered.WITH_COLLATION_TRAIT),
    // RelOptRules.ABSTRACT_RULES.
    AGGREGATE_PROJECT_PULL_UP_CONSTANTS(PlanShape.AGGREGATES, Registered.ALWAYS),
    UNION_PULL_UP_CONSTANTS(PlanShape.OTHER, Registered.ALWAYS),
    PRUNE_EMPTY_UNION(PlanShape.OTHER, Registered.ALWAYS),
    PRUNE_EMPTY_INTERSECT(PlanShape.OTHER, Registered.ALWAYS),
    PRUNE_EMPTY_MINUS(PlanShape.OTHER, Registered.ALWAYS),
    PRUNE_EMPTY_PROJECT(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_EMPTY_FILTER(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_EMPTY_SORT(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_EMPTY_AGGREGATE(PlanShape.AGGREGATES, Registered.ALWAYS),
    PRUNE_EMPTY_WINDOW(PlanShape.OTHER, Registered.ALWAYS),
    PRUNE_EMPTY_JOIN_LEFT(PlanShape.JOINS, Registered.ALWAYS),
    PRUNE_EMPTY_JOIN_RIGHT(PlanShape.JOINS, Registered.ALWAYS),
    PRUNE_SORT_FETCH_ZERO(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_ZERO_ROWS_TABLE(PlanShape.SCANS, Registered.ALWAYS),
    JOIN_LEFT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_RIGHT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_LEFT_PROJECT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_RIGHT_PROJECT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    UNION_MERGE(PlanShape.OTHER, Registered.ALWAYS),
    INTERSECT_MERGE(PlanShape.OTHER, Registered.ALWAYS),
    MINUS_MERGE(PlanShape.OTHER, Registered.ALWAYS),
    PROJECT_OVER_SUM_TO_SUM0(PlanShape.OTHER, Registered.ALWAYS),
    PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW(PlanShape.OTHER, Registered.ALWAYS),
    FILTER_MERGE(PlanShape.SCANS, Registered.ALWAYS),
    FILTER_DATE_RANGE(PlanShape.SCANS, Registered.ALWAYS),
    INTERSECT_TO_DISTINCT(PlanShape.OTHER, Registered.ALWAYS),
    MINUS_TO_DISTINCT(PlanShape.OTHER, Registered.ALWAYS),
    // RelOptRules.BASE_RULES without join commuting (so with PROJECT_MERGE).
    AGGREGATE_STAR_TABLE(PlanShape.OTHER, Registered.ALWAYS),
    AGGREGATE_PROJECT_STAR_TABLE(PlanShape.OTHER, Registered.ALWAYS),
    PROJECT_MERGE(PlanShape.SCANS, Registered.ALWAYS),
    FILTER_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    PROJECT_FILTER_TRANSPOSE(PlanShape.SCANS, Registered.ALWAYS),
    FILTER_PROJECT_TRANSPOSE(PlanShape.SCANS, Registered.ALWAYS),
    // Listed again: its place when the collation trait did not register it above.
    FILTER_INTO_JOIN_IN_BASE(PlanShape.JOINS, Registered.WITHOUT_COLLATION_TRAIT),
    JOIN_PUSH_EXPRESSIONS(PlanShape.JOINS, Registered.ALWAYS),
    AGGREGATE_EXPAND_DISTINCT_AGGREGATES(PlanShape.AGGREGATES, Registered.ALWAYS),
    AGGREGATE_EXPAND_WITHIN_DISTINCT(PlanShape.AGGREGATES, Registered.ALWAYS),
    AGGREGATE_CASE_TO_FILTER(PlanShape.AGGREGATES, Registered.ALWAYS),
    AGGREGATE_REDUCE_FUNCTIONS(PlanShape.AGGREGATES, Registered.ALWAYS),
    FILTER_AGGREGATE_TRANSPOSE(PlanShape.AGGREGATES, Registered.ALWAYS),
    PROJECT_WINDOW_TRANSPOSE(PlanShape.OTHER, Registered.ALWAYS),
    MATCH(PlanShape.OTHER, Registered.ALWAYS),
    JOIN_COMMUTE_IN_BASE(PlanShape.JOINS, Registered.WITHOUT_COLLATION_TRAIT),
    JOIN_PUSH_THROUGH_JOIN_RIGHT(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_PUSH_THROUGH_JOIN_LEFT(PlanShape.JOINS, Registered.ALWAYS),
    SORT_PROJECT_TRANSPOSE(PlanShape.SCANS, Registered.ALWAYS),
    SORT_JOIN_TRANSPOSE(PlanShape.JOINS, Registered.ALWAYS),
    SORT_REMOVE_CONSTANT_KEYS(PlanShape.SCANS, Registered.ALWAYS),
    SORT_UNION_TRANSPOSE(PlanShape.OTHER, Registered.ALWAYS),
    EXCHANGE_REMOVE_CONSTANT_KEYS(PlanShape.OTHER, Registered.ALWAYS),
    SORT_EXCHANGE_REMOVE_CONSTANT_KEYS(PlanShape.OTHER, Registered.ALWAYS),
    SAMPLE_TO_FILTER(PlanShape.OTHER, Registered.ALWAYS),
    FILTER_SAMPLE_TRANSPOSE(PlanShape.OTHER, Registered.ALWAYS),
    FILTER_WINDOW_TRANSPOSE(PlanShape.OTHER, Registered.ALWAYS),
    // The table scans' rules registerDefaultRules adds itself.
    BINDABLE_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    PROJECT_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    PROJECT_INTERPRETER_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    // EnumerableRules.ENUMERABLE_RULES, then TO_INTERPRETER.
    ENUMERABLE_JOIN(PlanShape.JOINS, Registered.ALWAYS),
    ENUMERABLE_ASOF_JOIN(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_MERGE_JOIN(PlanShape.JOINS, Registered.ALWAYS),
    ENUMERABLE_CORRELATE(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_CONDITIONAL_CORRELATE(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_PROJECT(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_FILTER(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_CALC(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_AGGREGATE(PlanShape.AGGREGATES, Registered.ALWAYS),
    ENUMERABLE_SORT(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_LIMIT(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_COLLECT(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_UNCOLLECT(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_MERGE_UNION(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_UNION(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_COMBINE(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_REPEAT_UNION(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_TABLE_SPOOL(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_INTERSECT(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_MINUS(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_TABLE_MODIFICATION(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_VALUES(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_WINDOW(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_TABLE_FUNCTION_SCAN(PlanShape.OTHER, Registered.ALWAYS),
    ENUMERABLE_MATCH(PlanShape.OTHER, Registered.ALWAYS),
    TO_INTERPRETER(PlanShape.SCANS, Registered.ALWAYS),
    // StreamRules.RULES: they match only a stream's delta, which no simple shape has.
    DELTA_PROJECT_TRANSPOSE(PlanShape.OTHER, Registered.WITH_STREAMS),
    DELTA_FILTER_TRANSPOSE(PlanShape.OTHER, Registered.WITH_STREAMS),
    DELTA_AGGREGATE_TRANSPOSE(PlanShape.OTHER, Registered.WITH_STREAMS),
    DELTA_SORT_TRANSPOSE(PlanShape.OTHER, Registered.WITH_STREAMS),
    DELTA_UNION_TRANSPOSE(PlanShape.OTHER, Registered.WITH_STREAMS),
    DELTA_JOIN_TRANSPOSE(PlanShape.OTHER, Registered.WITH_STREAMS),
    DELTA_TABLE_SCAN(PlanShape.OTHER, Registered.WITH_STREAMS),
    DELTA_TABLE_SCAN_TO_EMPTY(PlanShape.OTHER, Registered.WITH_STREAMS),
    // The last rule registerDefaultRules adds.
    FILTER_REDUCE_EXPRESSIONS(PlanShape.SCANS, Registered.ALWAYS);

    /** The least shape whose plans the rule can match. */
    private final PlanShape shape;

    /** The settings under which Calcite registers the rule in this place. */
    private final Registered registered;

    DefaultRule(PlanShape shape, Registered registered) {
      this.shape = shape;
      this.registered = registered;
    }

    /**
     * The rule, built from its configuration as {@code CoreRules} builds it (a switch, no lambdas),
     * or the instance Calcite's own class holds where that class builds few others or its
     * configuration is not public.
     */
    private RelOptRule build() {
      return switch (this) {
        case FILTER_INTO_JOIN, FILTER_INTO_JOIN_IN_BASE ->
            rule(FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT);
        case JOIN_CONDITION_PUSH ->
            rule(FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT);
        case EXPAND_CONVERSION -> AbstractConverter.ExpandConversionRule.INSTANCE;
        case JOIN_COMMUTE, JOIN_COMMUTE_IN_BASE -> rule(JoinCommuteRule.Config.DEFAULT);
        case PROJECT_TO_SEMI_JOIN ->
            rule(SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT);
        case JOIN_ON_UNIQUE_TO_SEMI_JOIN ->
            rule(SemiJoinRule.JoinOnUniqueToSemiJoinRule.JoinOnUniqueToSemiJoinRuleConfig.DEFAULT);
        case JOIN_TO_SEMI_JOIN ->
            rule(SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT);
        case AGGREGATE_REMOVE -> rule(AggregateRemoveRule.Config.DEFAULT);
        case UNION_TO_DISTINCT -> rule(UnionToDistinctRule.Config.DEFAULT);
        case UNION_TO_VALUES -> rule(UnionToValuesRule.Config.DEFAULT);
        case PROJECT_REMOVE -> rule(ProjectRemoveRule.Config.DEFAULT);
        case PROJECT_AGGREGATE_MERGE -> rule(ProjectAggregateMergeRule.Config.DEFAULT);
        case AGGREGATE_JOIN_TRANSPOSE -> rule(AggregateJoinTransposeRule.Config.DEFAULT);
        case AGGREGATE_MERGE -> rule(AggregateMergeRule.Config.DEFAULT);
        case AGGREGATE_PROJECT_MERGE -> rule(AggregateProjectMergeRule.Config.DEFAULT);
        case CALC_REMOVE -> rule(CalcRemoveRule.Config.DEFAULT);
        case SORT_REMOVE -> rule(SortRemoveRule.Config.DEFAULT);
        case AGGREGATE_PROJECT_PULL_UP_CONSTANTS ->
            rule(AggregateProjectPullUpConstantsRule.Config.ANY);
        case UNION_PULL_UP_CONSTANTS -> rule(UnionPullUpConstantsRule.Config.DEFAULT);
        case PRUNE_EMPTY_UNION -> rule(PruneEmptyRules.UnionEmptyPruneRuleConfig.DEFAULT);
        case PRUNE_EMPTY_INTERSECT -> rule(PruneEmptyRules.IntersectEmptyPruneRuleConfig.DEFAULT);
        case PRUNE_EMPTY_MINUS -> rule(PruneEmptyRules.MinusEmptyPruneRuleConfig.DEFAULT);
        case PRUNE_EMPTY_PROJECT ->
            rule(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.PROJECT);
        case PRUNE_EMPTY_FILTER ->
            rule(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.FILTER);
        case PRUNE_EMPTY_SORT ->
            rule(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.SORT);
        // Calcite's, guarded against the empty grouping set.
        case PRUNE_EMPTY_AGGREGATE -> new PruneEmptyAggregateRule();
        case PRUNE_EMPTY_WINDOW ->
            rule(PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.WINDOW);
        case PRUNE_EMPTY_JOIN_LEFT -> rule(PruneEmptyRules.JoinLeftEmptyRuleConfig.DEFAULT);
        case PRUNE_EMPTY_JOIN_RIGHT -> rule(PruneEmptyRules.JoinRightEmptyRuleConfig.DEFAULT);
        case PRUNE_SORT_FETCH_ZERO -> rule(PruneEmptyRules.SortFetchZeroRuleConfig.DEFAULT);
        case PRUNE_ZERO_ROWS_TABLE -> rule(PruneEmptyRules.ZeroMaxRowsRuleConfig.DEFAULT);
        // Their configurations are not public; the four instances are all this class holds.
        case JOIN_LEFT_SINGLE_VALUE -> SingleValuesOptimizationRules.JOIN_LEFT_INSTANCE;
        case JOIN_RIGHT_SINGLE_VALUE -> SingleValuesOptimizationRules.JOIN_RIGHT_INSTANCE;
        case JOIN_LEFT_PROJECT_SINGLE_VALUE ->
            SingleValuesOptimizationRules.JOIN_LEFT_PROJECT_INSTANCE;
        case JOIN_RIGHT_PROJECT_SINGLE_VALUE ->
            SingleValuesOptimizationRules.JOIN_RIGHT_PROJECT_INSTANCE;
        case UNION_MERGE -> rule(UnionMergeRule.Config.DEFAULT);
        case INTERSECT_MERGE -> rule(UnionMergeRule.Config.INTERSECT);
        case MINUS_MERGE -> rule(UnionMergeRule.Config.MINUS);
        case PROJECT_OVER_SUM_TO_SUM0 -> rule(ProjectOverSumToSum0Rule.Config.DEFAULT);
        case PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW ->
            rule(
                ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule
                    .ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT);
        case FILTER_MERGE -> rule(FilterMergeRule.Config.DEFAULT);
        // Calcite's, guarded against the units it fails on.
        case FILTER_DATE_RANGE -> new FilterDateRangeRule();
        case INTERSECT_TO_DISTINCT -> rule(IntersectToDistinctRule.Config.DEFAULT);
        case MINUS_TO_DISTINCT -> rule(MinusToDistinctRule.Config.DEFAULT);
        case AGGREGATE_STAR_TABLE -> rule(AggregateStarTableRule.Config.DEFAULT);
        case AGGREGATE_PROJECT_STAR_TABLE -> rule(AggregateProjectStarTableRule.Config.DEFAULT);
        case PROJECT_MERGE -> rule(ProjectMergeRule.Config.DEFAULT);
        case FILTER_TABLE_SCAN -> rule(FilterTableScanRule.Config.DEFAULT);
        case PROJECT_FILTER_TRANSPOSE -> rule(ProjectFilterTransposeRule.Config.DEFAULT);
        case FILTER_PROJECT_TRANSPOSE -> rule(FilterProjectTransposeRule.Config.DEFAULT);
        case JOIN_PUSH_EXPRESSIONS -> rule(JoinPushExpressionsRule.Config.DEFAULT);
        case AGGREGATE_EXPAND_DISTINCT_AGGREGATES ->
            rule(AggregateExpandDistinctAggregatesRule.Config.DEFAULT);
        case AGGREGATE_EXPAND_WITHIN_DISTINCT ->
            rule(AggregateExpandWithinDistinctRule.Config.DEFAULT);
        // Calcite's, but not over a CASE that may fail (a division).
        case AGGREGATE_CASE_TO_FILTER -> new AggregateCaseToFilterRule();
        case AGGREGATE_REDUCE_FUNCTIONS -> rule(AggregateReduceFunctionsRule.Config.DEFAULT);
        case FILTER_AGGREGATE_TRANSPOSE -> rule(FilterAggregateTransposeRule.Config.DEFAULT);
        case PROJECT_WINDOW_TRANSPOSE -> rule(ProjectWindowTransposeRule.Config.DEFAULT);
        case MATCH -> rule(MatchRule.Config.DEFAULT);
        case JOIN_PUSH_THROUGH_JOIN_RIGHT -> JoinPushThroughJoinRule.RIGHT;
        case JOIN_PUSH_THROUGH_JOIN_LEFT -> JoinPushThroughJoinRule.LEFT;
        // Calcite's, but not through a cast that merges values before another sort key.
        case SORT_PROJECT_TRANSPOSE -> new SortProjectTransposeRule();
        case SORT_JOIN_TRANSPOSE -> rule(SortJoinTransposeRule.Config.DEFAULT);
        case SORT_REMOVE_CONSTANT_KEYS -> rule(SortRemoveConstantKeysRule.Config.DEFAULT);
        case SORT_UNION_TRANSPOSE -> rule(SortUnionTransposeRule.Config.DEFAULT);
        case EXCHANGE_REMOVE_CONSTANT_KEYS -> rule(ExchangeRemoveConstantKeysRule.Config.DEFAULT);
        case SORT_EXCHANGE_REMOVE_CONSTANT_KEYS -> rule(ExchangeRemoveConstantKeysRule.Config.SORT);
        case SAMPLE_TO_FILTER -> rule(SampleToFilterRule.Config.DEFAULT);
        case FILTER_SAMPLE_TRANSPOSE -> rule(FilterSampleTransposeRule.Config.DEFAULT);
        case FILTER_WINDOW_TRANSPOSE -> rule(FilterWindowTransposeRule.Config.DEFAULT);
        case BINDABLE_TABLE_SCAN -> Bindables.BINDABLE_TABLE_SCAN_RULE;
        case PROJECT_TABLE_SCAN -> rule(ProjectTableScanRule.Config.DEFAULT);
        case PROJECT_INTERPRETER_TABLE_SCAN -> rule(ProjectTableScanRule.Config.INTERPRETER);
        // Calcite's preparation builds all the enumerable rules anyway (CalcitePrepareImpl).
        case ENUMERABLE_JOIN -> EnumerableRules.ENUMERABLE_JOIN_RULE;
        case ENUMERABLE_ASOF_JOIN -> EnumerableRules.ENUMERABLE_ASOFJOIN_RULE;
        case ENUMERABLE_MERGE_JOIN -> EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE;
        case ENUMERABLE_CORRELATE -> EnumerableRules.ENUMERABLE_CORRELATE_RULE;
        case ENUMERABLE_CONDITIONAL_CORRELATE ->
            EnumerableRules.ENUMERABLE_CONDITIONAL_CORRELATE_RULE;
        case ENUMERABLE_PROJECT -> EnumerableRules.ENUMERABLE_PROJECT_RULE;
        case ENUMERABLE_FILTER -> EnumerableRules.ENUMERABLE_FILTER_RULE;
        case ENUMERABLE_CALC -> EnumerableRules.ENUMERABLE_CALC_RULE;
        case ENUMERABLE_AGGREGATE -> EnumerableRules.ENUMERABLE_AGGREGATE_RULE;
        case ENUMERABLE_SORT -> EnumerableRules.ENUMERABLE_SORT_RULE;
        case ENUMERABLE_LIMIT -> EnumerableRules.ENUMERABLE_LIMIT_RULE;
        case ENUMERABLE_COLLECT -> EnumerableRules.ENUMERABLE_COLLECT_RULE;
        case ENUMERABLE_UNCOLLECT -> EnumerableRules.ENUMERABLE_UNCOLLECT_RULE;
        // Calcite's, but not limiting the inputs of a UNION without ALL.
        case ENUMERABLE_MERGE_UNION -> new EnumerableMergeUnionRule();
        case ENUMERABLE_UNION -> EnumerableRules.ENUMERABLE_UNION_RULE;
        case ENUMERABLE_COMBINE -> EnumerableRules.ENUMERABLE_COMBINE_RULE;
        case ENUMERABLE_REPEAT_UNION -> EnumerableRules.ENUMERABLE_REPEAT_UNION_RULE;
        case ENUMERABLE_TABLE_SPOOL -> EnumerableRules.ENUMERABLE_TABLE_SPOOL_RULE;
        case ENUMERABLE_INTERSECT -> EnumerableRules.ENUMERABLE_INTERSECT_RULE;
        case ENUMERABLE_MINUS -> EnumerableRules.ENUMERABLE_MINUS_RULE;
        case ENUMERABLE_TABLE_MODIFICATION -> EnumerableRules.ENUMERABLE_TABLE_MODIFICATION_RULE;
        case ENUMERABLE_VALUES -> EnumerableRules.ENUMERABLE_VALUES_RULE;
        // Calcite's, but promising no order of its rows, which it does not keep.
        case ENUMERABLE_WINDOW -> new EnumerableWindowRule();
        case ENUMERABLE_TABLE_SCAN -> EnumerableRules.ENUMERABLE_TABLE_SCAN_RULE;
        case ENUMERABLE_TABLE_FUNCTION_SCAN -> EnumerableRules.ENUMERABLE_TABLE_FUNCTION_SCAN_RULE;
        case ENUMERABLE_MATCH -> EnumerableRules.ENUMERABLE_MATCH_RULE;
        case TO_INTERPRETER -> EnumerableRules.TO_INTERPRETER;
        case DELTA_PROJECT_TRANSPOSE ->
            rule(StreamRules.DeltaProjectTransposeRule.DeltaProjectTransposeRuleConfig.DEFAULT);
        case DELTA_FILTER_TRANSPOSE ->
            rule(StreamRules.DeltaFilterTransposeRule.DeltaFilterTransposeRuleConfig.DEFAULT);
        case DELTA_AGGREGATE_TRANSPOSE ->
            rule(StreamRules.DeltaAggregateTransposeRule.DeltaAggregateTransposeRuleConfig.DEFAULT);
        case DELTA_SORT_TRANSPOSE ->
            rule(StreamRules.DeltaSortTransposeRule.DeltaSortTransposeRuleConfig.DEFAULT);
        case DELTA_UNION_TRANSPOSE ->
            rule(StreamRules.DeltaUnionTransposeRule.DeltaUnionTransposeRuleConfig.DEFAULT);
        case DELTA_JOIN_TRANSPOSE ->
            rule(StreamRules.DeltaJoinTransposeRule.DeltaJoinTransposeRuleConfig.DEFAULT);
        case DELTA_TABLE_SCAN ->
            rule(StreamRules.DeltaTableScanRule.DeltaTableScanRuleConfig.DEFAULT);
        case DELTA_TABLE_SCAN_TO_EMPTY ->
            rule(StreamRules.DeltaTableScanToEmptyRule.DeltaTableScanToEmptyRuleConfig.DEFAULT);
        case FILTER_REDUCE_EXPRESSIONS ->
            rule(
                ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig
                    .DEFAULT);
      };
    }

    /**
     * The rule {@code config} builds, as a plain {@link RelOptRule}: were {@link #build} to return
     * each configuration's own {@code toRule()}, typed as its rule's class, the JVM's verifier
     * would load all ~110 rule classes to check them against its return type when a simple plan
     * first uses this enum, not only the rules that plan builds.
     */
    private static RelOptRule rule(RelRule.Config config) {
      return config.toRule();
    }
  }

  /**
   * The settings under which Calcite registers a rule in a place of its list: both system
   * properties, the collation trait and the stream rules, are on by default.
   */
  private enum Registered {
    ALWAYS,
    WITH_COLLATION_TRAIT,
    WITHOUT_COLLATION_TRAIT,
    WITH_STREAMS;

    boolean applies(boolean collationTrait, boolean streams) {
      return switch (this) {
        case ALWAYS -> true;
        case WITH_COLLATION_TRAIT -> collationTrait;
        case WITHOUT_COLLATION_TRAIT -> !collationTrait;
        case WITH_STREAMS -> streams;
      };
    }
  }
}
