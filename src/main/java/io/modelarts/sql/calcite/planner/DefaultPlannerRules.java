package io.modelarts.sql.calcite.planner;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.AggregateCaseToFilterRule;
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
import org.apache.calcite.rel.rules.DateRangeRules;
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
import org.apache.calcite.rel.rules.SortProjectTransposeRule;
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
 * built from its own configuration instead of taken from {@code CoreRules}.
 *
 * <p>Why: {@code CoreRules}' static initialiser builds all 162 of Calcite's core rules, with their
 * classes, configurations and lambdas, the first time anything reads one of its fields; the default
 * planner and the standard program use 64 of them. Building only those took ~0.2 s off a cold start
 * (600 fewer classes loaded). The instances here are the ones {@code CoreRules} would hold (the
 * same configuration object, so the same description, operands and behaviour), registered in
 * Calcite's order. {@code DefaultRulesPrepareTest} compares both lists rule by rule and the plans
 * of a corpus of queries, {@code DefaultPlannerRulesTest} the heuristic steps' lists, so a Calcite
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
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      Rules.ABSTRACT_RELATIONAL.forEach(planner::addRule);
    }
    Rules.ABSTRACT.forEach(planner::addRule);
    Rules.BASE.forEach(planner::addRule);
    planner.addRule(Bindables.BINDABLE_TABLE_SCAN_RULE);
    planner.addRule(Rules.PROJECT_TABLE_SCAN);
    planner.addRule(Rules.PROJECT_INTERPRETER_TABLE_SCAN);
    EnumerableRules.ENUMERABLE_RULES.forEach(planner::addRule);
    planner.addRule(EnumerableRules.TO_INTERPRETER);
    if (CalciteSystemProperty.ENABLE_STREAM.value()) {
      StreamRules.RULES.forEach(planner::addRule);
    }
    planner.addRule(Rules.FILTER_REDUCE_EXPRESSIONS);
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
    // The stream rules match only a stream's delta, which no simple shape has.
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
   * The rule instances, built on first use, each once, so that a rule listed twice (as {@code
   * FILTER_INTO_JOIN} is) is the same object both times, as the planner requires of two rules with
   * one description.
   */
  private static final class Rules {
    static final RelOptRule FILTER_INTO_JOIN =
        FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule();
    static final RelOptRule JOIN_COMMUTE = JoinCommuteRule.Config.DEFAULT.toRule();
    static final RelOptRule PROJECT_TABLE_SCAN = ProjectTableScanRule.Config.DEFAULT.toRule();
    static final RelOptRule PROJECT_INTERPRETER_TABLE_SCAN =
        ProjectTableScanRule.Config.INTERPRETER.toRule();
    static final RelOptRule FILTER_REDUCE_EXPRESSIONS =
        ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig.DEFAULT
            .toRule();

    /** {@code RelOptRules.ABSTRACT_RELATIONAL_RULES}. */
    static final List<RelOptRule> ABSTRACT_RELATIONAL =
        ImmutableList.of(
            FILTER_INTO_JOIN,
            FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule(),
            AbstractConverter.ExpandConversionRule.INSTANCE,
            JOIN_COMMUTE,
            SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT.toRule(),
            SemiJoinRule.JoinOnUniqueToSemiJoinRule.JoinOnUniqueToSemiJoinRuleConfig.DEFAULT
                .toRule(),
            SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT.toRule(),
            AggregateRemoveRule.Config.DEFAULT.toRule(),
            UnionToDistinctRule.Config.DEFAULT.toRule(),
            UnionToValuesRule.Config.DEFAULT.toRule(),
            ProjectRemoveRule.Config.DEFAULT.toRule(),
            ProjectAggregateMergeRule.Config.DEFAULT.toRule(),
            AggregateJoinTransposeRule.Config.DEFAULT.toRule(),
            AggregateMergeRule.Config.DEFAULT.toRule(),
            AggregateProjectMergeRule.Config.DEFAULT.toRule(),
            CalcRemoveRule.Config.DEFAULT.toRule(),
            SortRemoveRule.Config.DEFAULT.toRule());

    /** {@code RelOptRules.ABSTRACT_RULES}. */
    static final List<RelOptRule> ABSTRACT =
        ImmutableList.of(
            AggregateProjectPullUpConstantsRule.Config.ANY.toRule(),
            UnionPullUpConstantsRule.Config.DEFAULT.toRule(),
            PruneEmptyRules.UNION_INSTANCE,
            PruneEmptyRules.INTERSECT_INSTANCE,
            PruneEmptyRules.MINUS_INSTANCE,
            PruneEmptyRules.PROJECT_INSTANCE,
            PruneEmptyRules.FILTER_INSTANCE,
            PruneEmptyRules.SORT_INSTANCE,
            PruneEmptyRules.AGGREGATE_INSTANCE,
            PruneEmptyRules.WINDOW_INSTANCE,
            PruneEmptyRules.JOIN_LEFT_INSTANCE,
            PruneEmptyRules.JOIN_RIGHT_INSTANCE,
            PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE,
            PruneEmptyRules.EMPTY_TABLE_INSTANCE,
            SingleValuesOptimizationRules.JOIN_LEFT_INSTANCE,
            SingleValuesOptimizationRules.JOIN_RIGHT_INSTANCE,
            SingleValuesOptimizationRules.JOIN_LEFT_PROJECT_INSTANCE,
            SingleValuesOptimizationRules.JOIN_RIGHT_PROJECT_INSTANCE,
            UnionMergeRule.Config.DEFAULT.toRule(),
            UnionMergeRule.Config.INTERSECT.toRule(),
            UnionMergeRule.Config.MINUS.toRule(),
            ProjectOverSumToSum0Rule.Config.DEFAULT.toRule(),
            ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule
                .ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT
                .toRule(),
            FilterMergeRule.Config.DEFAULT.toRule(),
            DateRangeRules.FILTER_INSTANCE,
            IntersectToDistinctRule.Config.DEFAULT.toRule(),
            MinusToDistinctRule.Config.DEFAULT.toRule());

    /** {@code RelOptRules.BASE_RULES} without join commuting (so with {@code PROJECT_MERGE}). */
    static final List<RelOptRule> BASE =
        ImmutableList.of(
            AggregateStarTableRule.Config.DEFAULT.toRule(),
            AggregateProjectStarTableRule.Config.DEFAULT.toRule(),
            ProjectMergeRule.Config.DEFAULT.toRule(),
            FilterTableScanRule.Config.DEFAULT.toRule(),
            ProjectFilterTransposeRule.Config.DEFAULT.toRule(),
            FilterProjectTransposeRule.Config.DEFAULT.toRule(),
            FILTER_INTO_JOIN,
            JoinPushExpressionsRule.Config.DEFAULT.toRule(),
            AggregateExpandDistinctAggregatesRule.Config.DEFAULT.toRule(),
            AggregateExpandWithinDistinctRule.Config.DEFAULT.toRule(),
            AggregateCaseToFilterRule.Config.DEFAULT.toRule(),
            AggregateReduceFunctionsRule.Config.DEFAULT.toRule(),
            FilterAggregateTransposeRule.Config.DEFAULT.toRule(),
            ProjectWindowTransposeRule.Config.DEFAULT.toRule(),
            MatchRule.Config.DEFAULT.toRule(),
            JOIN_COMMUTE,
            JoinPushThroughJoinRule.RIGHT,
            JoinPushThroughJoinRule.LEFT,
            SortProjectTransposeRule.Config.DEFAULT.toRule(),
            SortJoinTransposeRule.Config.DEFAULT.toRule(),
            SortRemoveConstantKeysRule.Config.DEFAULT.toRule(),
            SortUnionTransposeRule.Config.DEFAULT.toRule(),
            ExchangeRemoveConstantKeysRule.Config.DEFAULT.toRule(),
            ExchangeRemoveConstantKeysRule.Config.SORT.toRule(),
            SampleToFilterRule.Config.DEFAULT.toRule(),
            FilterSampleTransposeRule.Config.DEFAULT.toRule(),
            FilterWindowTransposeRule.Config.DEFAULT.toRule());
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
   * The rules of {@link Rules} whose every operand can match a node of a plan of a simple {@link
   * PlanShape} or a node the planner makes of one (its enumerable and bindable forms, an abstract
   * converter), in {@link #register}'s order, each with the least shape it can match and built from
   * its configuration as {@link Rules} builds it. Left out: the two rules that match only a
   * projection holding a window function ({@code ProjectToWindowRule}, {@code
   * ProjectOverSumToSum0Rule}), which no simple shape has.
   */
  private enum ShapeRule {
    // RelOptRules.ABSTRACT_RELATIONAL_RULES' part, registered with the collation trait.
    FILTER_INTO_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    JOIN_CONDITION_PUSH(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    EXPAND_CONVERSION(PlanShape.SCANS, Registered.WITH_COLLATION_TRAIT),
    JOIN_COMMUTE(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    PROJECT_TO_SEMI_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    JOIN_ON_UNIQUE_TO_SEMI_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    JOIN_TO_SEMI_JOIN(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_REMOVE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    PROJECT_REMOVE(PlanShape.SCANS, Registered.WITH_COLLATION_TRAIT),
    PROJECT_AGGREGATE_MERGE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_JOIN_TRANSPOSE(PlanShape.JOINS, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_MERGE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    AGGREGATE_PROJECT_MERGE(PlanShape.AGGREGATES, Registered.WITH_COLLATION_TRAIT),
    SORT_REMOVE(PlanShape.SCANS, Registered.WITH_COLLATION_TRAIT),
    // The parts of ABSTRACT_RULES, BASE_RULES and the enumerable rules.
    AGGREGATE_PROJECT_PULL_UP_CONSTANTS(PlanShape.AGGREGATES, Registered.ALWAYS),
    PRUNE_EMPTY_PROJECT(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_EMPTY_FILTER(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_EMPTY_SORT(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_EMPTY_AGGREGATE(PlanShape.AGGREGATES, Registered.ALWAYS),
    PRUNE_EMPTY_JOIN_LEFT(PlanShape.JOINS, Registered.ALWAYS),
    PRUNE_EMPTY_JOIN_RIGHT(PlanShape.JOINS, Registered.ALWAYS),
    PRUNE_SORT_FETCH_ZERO(PlanShape.SCANS, Registered.ALWAYS),
    PRUNE_ZERO_ROWS_TABLE(PlanShape.SCANS, Registered.ALWAYS),
    JOIN_LEFT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_RIGHT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_LEFT_PROJECT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_RIGHT_PROJECT_SINGLE_VALUE(PlanShape.JOINS, Registered.ALWAYS),
    FILTER_MERGE(PlanShape.SCANS, Registered.ALWAYS),
    FILTER_DATE_RANGE(PlanShape.SCANS, Registered.ALWAYS),
    PROJECT_MERGE(PlanShape.SCANS, Registered.ALWAYS),
    FILTER_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    PROJECT_FILTER_TRANSPOSE(PlanShape.SCANS, Registered.ALWAYS),
    FILTER_PROJECT_TRANSPOSE(PlanShape.SCANS, Registered.ALWAYS),
    // BASE_RULES lists it again: a second place only without the collation trait.
    FILTER_INTO_JOIN_IN_BASE(PlanShape.JOINS, Registered.WITHOUT_COLLATION_TRAIT),
    JOIN_PUSH_EXPRESSIONS(PlanShape.JOINS, Registered.ALWAYS),
    AGGREGATE_EXPAND_DISTINCT_AGGREGATES(PlanShape.AGGREGATES, Registered.ALWAYS),
    AGGREGATE_EXPAND_WITHIN_DISTINCT(PlanShape.AGGREGATES, Registered.ALWAYS),
    AGGREGATE_CASE_TO_FILTER(PlanShape.AGGREGATES, Registered.ALWAYS),
    AGGREGATE_REDUCE_FUNCTIONS(PlanShape.AGGREGATES, Registered.ALWAYS),
    FILTER_AGGREGATE_TRANSPOSE(PlanShape.AGGREGATES, Registered.ALWAYS),
    JOIN_COMMUTE_IN_BASE(PlanShape.JOINS, Registered.WITHOUT_COLLATION_TRAIT),
    JOIN_PUSH_THROUGH_JOIN_RIGHT(PlanShape.JOINS, Registered.ALWAYS),
    JOIN_PUSH_THROUGH_JOIN_LEFT(PlanShape.JOINS, Registered.ALWAYS),
    SORT_PROJECT_TRANSPOSE(PlanShape.SCANS, Registered.ALWAYS),
    SORT_JOIN_TRANSPOSE(PlanShape.JOINS, Registered.ALWAYS),
    SORT_REMOVE_CONSTANT_KEYS(PlanShape.SCANS, Registered.ALWAYS),
    BINDABLE_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    PROJECT_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    PROJECT_INTERPRETER_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_JOIN(PlanShape.JOINS, Registered.ALWAYS),
    ENUMERABLE_MERGE_JOIN(PlanShape.JOINS, Registered.ALWAYS),
    ENUMERABLE_PROJECT(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_FILTER(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_AGGREGATE(PlanShape.AGGREGATES, Registered.ALWAYS),
    ENUMERABLE_SORT(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_LIMIT(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_VALUES(PlanShape.SCANS, Registered.ALWAYS),
    ENUMERABLE_TABLE_SCAN(PlanShape.SCANS, Registered.ALWAYS),
    TO_INTERPRETER(PlanShape.SCANS, Registered.ALWAYS),
    FILTER_REDUCE_EXPRESSIONS(PlanShape.SCANS, Registered.ALWAYS);

    /** The least shape whose plans the rule can match. */
    private final PlanShape shape;

    /** Whether Calcite registers the rule here with the collation trait, without it, or both. */
    private final Registered registered;

    ShapeRule(PlanShape shape, Registered registered) {
      this.shape = shape;
      this.registered = registered;
    }

    /**
     * The rules for plans of {@code shape}, in order, each built anew (a switch, no lambdas); a
     * rule Calcite lists twice is in one of its two places, so it is built once.
     */
    static List<RelOptRule> build(PlanShape shape, boolean collation) {
      ImmutableList.Builder<RelOptRule> rules = ImmutableList.builder();
      for (ShapeRule rule : values()) {
        if (rule.shape.compareTo(shape) <= 0
            && rule.registered
                != (collation
                    ? Registered.WITHOUT_COLLATION_TRAIT
                    : Registered.WITH_COLLATION_TRAIT)) {
          rules.add(rule.build());
        }
      }
      return rules.build();
    }

    private RelOptRule build() {
      return switch (this) {
        case FILTER_INTO_JOIN, FILTER_INTO_JOIN_IN_BASE ->
            FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule();
        case JOIN_CONDITION_PUSH ->
            FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule();
        case JOIN_COMMUTE, JOIN_COMMUTE_IN_BASE -> JoinCommuteRule.Config.DEFAULT.toRule();
        case PROJECT_TO_SEMI_JOIN ->
            SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT.toRule();
        case JOIN_ON_UNIQUE_TO_SEMI_JOIN ->
            SemiJoinRule.JoinOnUniqueToSemiJoinRule.JoinOnUniqueToSemiJoinRuleConfig.DEFAULT
                .toRule();
        case JOIN_TO_SEMI_JOIN ->
            SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT.toRule();
        case AGGREGATE_JOIN_TRANSPOSE -> AggregateJoinTransposeRule.Config.DEFAULT.toRule();
        case PRUNE_EMPTY_JOIN_LEFT -> PruneEmptyRules.JoinLeftEmptyRuleConfig.DEFAULT.toRule();
        case PRUNE_EMPTY_JOIN_RIGHT -> PruneEmptyRules.JoinRightEmptyRuleConfig.DEFAULT.toRule();
        // Their configurations are not public; the four instances are all this shape's.
        case JOIN_LEFT_SINGLE_VALUE -> SingleValuesOptimizationRules.JOIN_LEFT_INSTANCE;
        case JOIN_RIGHT_SINGLE_VALUE -> SingleValuesOptimizationRules.JOIN_RIGHT_INSTANCE;
        case JOIN_LEFT_PROJECT_SINGLE_VALUE ->
            SingleValuesOptimizationRules.JOIN_LEFT_PROJECT_INSTANCE;
        case JOIN_RIGHT_PROJECT_SINGLE_VALUE ->
            SingleValuesOptimizationRules.JOIN_RIGHT_PROJECT_INSTANCE;
        case JOIN_PUSH_EXPRESSIONS -> JoinPushExpressionsRule.Config.DEFAULT.toRule();
        case JOIN_PUSH_THROUGH_JOIN_RIGHT -> JoinPushThroughJoinRule.RIGHT;
        case JOIN_PUSH_THROUGH_JOIN_LEFT -> JoinPushThroughJoinRule.LEFT;
        case SORT_JOIN_TRANSPOSE -> SortJoinTransposeRule.Config.DEFAULT.toRule();
        case ENUMERABLE_JOIN -> EnumerableRules.ENUMERABLE_JOIN_RULE;
        case ENUMERABLE_MERGE_JOIN -> EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE;
        case EXPAND_CONVERSION -> AbstractConverter.ExpandConversionRule.INSTANCE;
        case AGGREGATE_REMOVE -> AggregateRemoveRule.Config.DEFAULT.toRule();
        case PROJECT_REMOVE -> ProjectRemoveRule.Config.DEFAULT.toRule();
        case PROJECT_AGGREGATE_MERGE -> ProjectAggregateMergeRule.Config.DEFAULT.toRule();
        case AGGREGATE_MERGE -> AggregateMergeRule.Config.DEFAULT.toRule();
        case AGGREGATE_PROJECT_MERGE -> AggregateProjectMergeRule.Config.DEFAULT.toRule();
        case SORT_REMOVE -> SortRemoveRule.Config.DEFAULT.toRule();
        case AGGREGATE_PROJECT_PULL_UP_CONSTANTS ->
            AggregateProjectPullUpConstantsRule.Config.ANY.toRule();
        case PRUNE_EMPTY_PROJECT ->
            PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.PROJECT.toRule();
        case PRUNE_EMPTY_FILTER ->
            PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.FILTER.toRule();
        case PRUNE_EMPTY_SORT ->
            PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.SORT.toRule();
        case PRUNE_EMPTY_AGGREGATE ->
            PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.AGGREGATE.toRule();
        case PRUNE_SORT_FETCH_ZERO -> PruneEmptyRules.SortFetchZeroRuleConfig.DEFAULT.toRule();
        case PRUNE_ZERO_ROWS_TABLE -> PruneEmptyRules.ZeroMaxRowsRuleConfig.DEFAULT.toRule();
        case FILTER_MERGE -> FilterMergeRule.Config.DEFAULT.toRule();
        case FILTER_DATE_RANGE -> DateRangeRules.FILTER_INSTANCE;
        case PROJECT_MERGE -> ProjectMergeRule.Config.DEFAULT.toRule();
        case FILTER_TABLE_SCAN -> FilterTableScanRule.Config.DEFAULT.toRule();
        case PROJECT_FILTER_TRANSPOSE -> ProjectFilterTransposeRule.Config.DEFAULT.toRule();
        case FILTER_PROJECT_TRANSPOSE -> FilterProjectTransposeRule.Config.DEFAULT.toRule();
        case AGGREGATE_EXPAND_DISTINCT_AGGREGATES ->
            AggregateExpandDistinctAggregatesRule.Config.DEFAULT.toRule();
        case AGGREGATE_EXPAND_WITHIN_DISTINCT ->
            AggregateExpandWithinDistinctRule.Config.DEFAULT.toRule();
        case AGGREGATE_CASE_TO_FILTER -> AggregateCaseToFilterRule.Config.DEFAULT.toRule();
        case AGGREGATE_REDUCE_FUNCTIONS -> AggregateReduceFunctionsRule.Config.DEFAULT.toRule();
        case FILTER_AGGREGATE_TRANSPOSE -> FilterAggregateTransposeRule.Config.DEFAULT.toRule();
        case SORT_PROJECT_TRANSPOSE -> SortProjectTransposeRule.Config.DEFAULT.toRule();
        case SORT_REMOVE_CONSTANT_KEYS -> SortRemoveConstantKeysRule.Config.DEFAULT.toRule();
        case BINDABLE_TABLE_SCAN -> Bindables.BINDABLE_TABLE_SCAN_RULE;
        case PROJECT_TABLE_SCAN -> ProjectTableScanRule.Config.DEFAULT.toRule();
        case PROJECT_INTERPRETER_TABLE_SCAN -> ProjectTableScanRule.Config.INTERPRETER.toRule();
        case ENUMERABLE_PROJECT -> EnumerableRules.ENUMERABLE_PROJECT_RULE;
        case ENUMERABLE_FILTER -> EnumerableRules.ENUMERABLE_FILTER_RULE;
        case ENUMERABLE_AGGREGATE -> EnumerableRules.ENUMERABLE_AGGREGATE_RULE;
        case ENUMERABLE_SORT -> EnumerableRules.ENUMERABLE_SORT_RULE;
        case ENUMERABLE_LIMIT -> EnumerableRules.ENUMERABLE_LIMIT_RULE;
        case ENUMERABLE_VALUES -> EnumerableRules.ENUMERABLE_VALUES_RULE;
        case ENUMERABLE_TABLE_SCAN -> EnumerableRules.ENUMERABLE_TABLE_SCAN_RULE;
        case TO_INTERPRETER -> EnumerableRules.TO_INTERPRETER;
        case FILTER_REDUCE_EXPRESSIONS ->
            ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig
                .DEFAULT
                .toRule();
      };
    }
  }

  /**
   * The rules for {@link PlanShape#SCANS}, built on first use, once per setting of the collation
   * trait (a system property, fixed for the JVM's life).
   */
  private static final class ScanPlanRules {
    static final List<RelOptRule> LIST =
        ShapeRule.build(PlanShape.SCANS, CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value());
  }

  /** The rules for {@link PlanShape#AGGREGATES}, built on first use. */
  private static final class AggregatePlanRules {
    static final List<RelOptRule> LIST =
        ShapeRule.build(PlanShape.AGGREGATES, CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value());
  }

  /** The rules for {@link PlanShape#JOINS}, built on first use. */
  private static final class JoinPlanRules {
    static final List<RelOptRule> LIST =
        ShapeRule.build(PlanShape.JOINS, CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value());
  }

  /** Where Calcite registers a rule, by the collation trait (a system property). */
  private enum Registered {
    ALWAYS,
    WITH_COLLATION_TRAIT,
    WITHOUT_COLLATION_TRAIT
  }
}
