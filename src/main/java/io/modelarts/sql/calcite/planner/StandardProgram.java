package io.modelarts.sql.calcite.planner;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelNodes;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.JoinPushTransitivePredicatesRule;
import org.apache.calcite.rel.rules.MeasureRules;
import org.apache.calcite.rel.rules.ValuesReduceRule;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.TopDownGeneralDecorrelator;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.RelBuilder;

/**
 * Calcite's standard optimizer program ({@code Programs.standard()}: remove sub-queries,
 * decorrelate, expand measures, trim fields, run the planner, form calcs), step for step, with the
 * rules of {@link DefaultPlannerRules}; and eight steps of the driver's own: first {@link
 * #percentiles}, {@link #windowFunctions}, {@link #checkedIntegers}, {@link #guardedConjuncts},
 * {@link #guardedFilterArguments}, {@link #orderedDistinctCalls} and {@link #groupingSetTypes}, and
 * {@link #valuesListKeys} after the sub-queries are removed.
 *
 * <p>Why a copy: the {@code Programs} class's static initialiser reads {@code RelOptRules} and
 * {@code CoreRules}, building every core rule Calcite has, so calling {@code Programs.standard()}
 * costs that whatever the plan needs (see {@link DefaultPlannerRules}). Each step here is the one
 * {@code Programs} builds; {@code DefaultRulesPrepareTest} checks that a corpus of queries plans
 * the same through both.
 */
public final class StandardProgram {
  private StandardProgram() {}

  /** The standard program, as {@code Programs.standard()} returns it. */
  public static Program create() {
    RelMetadataProvider metadata = DefaultRelMetadataProvider.INSTANCE;
    List<Program> steps =
        List.of(
            percentiles(),
            windowFunctions(),
            checkedIntegers(),
            guardedConjuncts(),
            guardedFilterArguments(),
            orderedDistinctCalls(),
            groupingSetTypes(),
            subQuery(metadata),
            valuesListKeys(),
            StandardProgram::decorrelate,
            measure(metadata),
            StandardProgram::trimFields,
            StandardProgram::plan,
            // The second, heuristic pass for physical tweaks: where calcs are first formed.
            hep(DefaultPlannerRules.calcRules(), metadata));
    return sequence(steps);
  }

  private static Program sequence(List<Program> steps) {
    return (planner, rel, traits, materializations, lattices) -> {
      RelNode result = rel;
      for (Program step : steps) {
        result = step.run(planner, result, traits, materializations, lattices);
      }
      return result;
    };
  }

  /** The cost-based planner's pass ({@code Programs.standard}'s own step). */
  private static RelNode plan(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    for (RelOptMaterialization materialization : materializations) {
      planner.addMaterialization(materialization);
    }
    for (RelOptLattice lattice : lattices) {
      planner.addLattice(lattice);
    }
    DeferredRules.registerFor(planner, rel);
    planner.setRoot(rel);
    RelNode root =
        rel.getTraitSet().equals(requiredOutputTraits)
            ? rel
            : planner.changeTraits(rel, requiredOutputTraits);
    requireNonNull(root, "root");
    planner.setRoot(root);
    return requireNonNull(planner.chooseDelegate().findBestExp(), "could not implement exp");
  }

  /**
   * {@code Programs.subQuery}: correlates or mark joins, as the connection's config says. A plan of
   * a simple {@link PlanShape} holds nothing its rules match (a sub-query, a window's {@code SUM}),
   * so for it the rules are not built and the pass is skipped, but for the metadata provider the
   * pass sets on the cluster.
   */
  private static Program subQuery(RelMetadataProvider metadata) {
    return (planner, rel, traits, materializations, lattices) -> {
      if (PlanShape.of(rel) != PlanShape.OTHER) {
        useMetadata(rel, metadata);
        return rel;
      }
      boolean markJoin = config(planner).topDownGeneralDecorrelationEnabled();
      return hep(DefaultPlannerRules.subQueryRules(markJoin), metadata)
          .run(planner, rel, traits, materializations, lattices);
    };
  }

  /** {@code Programs.measure}: only for plans with measures, whose rules are built then. */
  private static Program measure(RelMetadataProvider metadata) {
    Predicate<RelNode> hasMeasure =
        rel ->
            RelNodes.contains(
                rel,
                aggCall -> aggCall.getAggregation().kind == SqlKind.AGG_M2V,
                RexUtil.find(ImmutableSet.of(SqlKind.AGG_M2V, SqlKind.M2V)));
    return (planner, rel, traits, materializations, lattices) -> {
      if (!hasMeasure.test(rel)) {
        return rel;
      }
      List<RelOptRule> measureRules = new ArrayList<>();
      MeasureRules.rules().forEach(measureRules::add);
      return sequence(
              List.of(
                  hep(measureRules, metadata), subQuery(metadata), StandardProgram::decorrelate))
          .run(planner, rel, traits, materializations, lattices);
    };
  }

  /** {@code Programs.DecorrelateProgram}. */
  private static RelNode decorrelate(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    CalciteConnectionConfig config = config(planner);
    if (!config.forceDecorrelate()) {
      return rel;
    }
    RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    return config.topDownGeneralDecorrelationEnabled()
        ? TopDownGeneralDecorrelator.decorrelateQuery(rel, relBuilder)
        : RelDecorrelator.decorrelateQuery(rel, relBuilder);
  }

  /** {@code Programs.TrimFieldsProgram}. */
  private static RelNode trimFields(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    return new RelFieldTrimmer(null, relBuilder).trim(rel);
  }

  /**
   * Not one of Calcite's steps: integer arithmetic made checked, failing on overflow rather than
   * wrapping, and a division of {@code DOUBLE}s failing on zero ({@link CheckedIntegerArithmetic}).
   * It runs before Calcite's steps, where Calcite would convert the arithmetic had its conformance
   * asked (after {@link #windowFunctions}, whose arithmetic it checks too), so tests comparing with
   * Calcite's program run it there too.
   */
  public static Program checkedIntegers() {
    return (planner, rel, traits, materializations, lattices) -> CheckedIntegerArithmetic.of(rel);
  }

  /**
   * Not one of Calcite's steps: a filter's or a join's condition that may fail (a division)
   * computed only where the conditions before it hold ({@link GuardedConjuncts}), and an operand of
   * an {@code AND} or {@code OR} anywhere only where the operands before it leave the answer open
   * ({@link GuardedOperands}), as PostgreSQL's {@code AND} and {@code OR} do. It runs after {@link
   * #checkedIntegers}, whose checked operators may fail too.
   */
  public static Program guardedConjuncts() {
    return (planner, rel, traits, materializations, lattices) -> GuardedConjuncts.of(rel);
  }

  /**
   * Not one of Calcite's steps: a filtered aggregate call's argument that may fail (a division)
   * computed only on the rows its {@code FILTER} lets through ({@link GuardedFilterArguments}). It
   * runs after {@link #checkedIntegers}, whose checked operators may fail too.
   */
  public static Program guardedFilterArguments() {
    return (planner, rel, traits, materializations, lattices) -> GuardedFilterArguments.of(rel);
  }

  /**
   * Not one of Calcite's steps: the projections of a repeated grouping set typed as their inputs
   * ({@link RepeatedGroupingSetTypes}), which Calcite's planner otherwise refuses. It runs before
   * the sub-query step, which would plan a sub-query's projections as they are.
   */
  public static Program groupingSetTypes() {
    return (planner, rel, traits, materializations, lattices) -> RepeatedGroupingSetTypes.of(rel);
  }

  /**
   * Not one of Calcite's steps: {@code PERCENTILE_CONT} and {@code PERCENTILE_DISC}, which
   * Calcite's planner cannot implement, made calls of the driver's functions ({@link
   * PercentileCalls}). It runs first, so that each later step sees only calls it knows.
   */
  public static Program percentiles() {
    return (planner, rel, traits, materializations, lattices) -> PercentileCalls.of(rel);
  }

  /**
   * Not one of Calcite's steps: each {@code DISTINCT} aggregate call with an order in an aggregate
   * of its own ({@link OrderedDistinctCalls}), which Calcite's planner otherwise orders by another
   * column. It runs after {@link #guardedFilterArguments}, which guards the arguments of an
   * aggregate only where it reads them from a projection, as the converted statement has it, not
   * from the inner aggregate this step may put beneath it.
   */
  public static Program orderedDistinctCalls() {
    return (planner, rel, traits, materializations, lattices) -> OrderedDistinctCalls.of(rel);
  }

  /**
   * Not one of Calcite's steps: the window functions Calcite's code gets wrong or cannot run
   * ({@code NTILE}, {@code PERCENT_RANK}, {@code CUME_DIST}, {@code NTH_VALUE}) rewritten into
   * those it gets right ({@link WindowFunctionRewrites}), before the planner splits windows out;
   * frames of values with an offset ordered by a key Calcite can offset ({@code BIGINT}, never
   * NULL, ascending); {@code COUNT(DISTINCT …)} over a partition from ranks; and the frames and
   * {@code DISTINCT}s Calcite answers wrongly refused. It runs first, so that the next step checks
   * the arithmetic it writes.
   */
  public static Program windowFunctions() {
    return (planner, rel, traits, materializations, lattices) -> WindowFunctionRewrites.of(rel);
  }

  /**
   * Not one of Calcite's steps: a join with a {@code VALUES} list (a mapping table written inline,
   * or {@code IN (VALUES …)}) passes the list's keys to the other side as a filter, which a scan
   * then pushes down as an {@code IN} list; Calcite would list every notebook and match them to the
   * list afterwards. Calcite's {@code JoinPushTransitivePredicatesRule} does the work, only on such
   * joins, so that other joins (notebooks with endpoints) plan as before. It runs once the
   * sub-queries are joins (an {@code IN} list longer than Calcite's threshold of 20 is one too), so
   * tests comparing with Calcite's program run Calcite's sub-query step, then this, then that
   * program.
   */
  public static Program valuesListKeys() {
    RelMetadataProvider metadata = DefaultRelMetadataProvider.INSTANCE;
    // The rules are built only for such a plan, which most first queries are not.
    return (planner, rel, traits, materializations, lattices) ->
        containsJoinOfValuesList(rel)
            ? hep(valuesListRules(), metadata).run(planner, rel, traits, materializations, lattices)
            : rel;
  }

  /**
   * A projection of a list (its keys cast to the other side's type) made a list itself, since the
   * inference sees through column references only; then the keys passed across the joins.
   */
  private static List<RelOptRule> valuesListRules() {
    return List.of(
        ValuesReduceRule.Config.PROJECT.toRule(),
        JoinPushTransitivePredicatesRule.Config.DEFAULT
            .withOperandSupplier(
                b -> b.operand(Join.class).predicate(StandardProgram::joinsValuesList).anyInputs())
            .as(JoinPushTransitivePredicatesRule.Config.class)
            .toRule());
  }

  private static boolean containsJoinOfValuesList(RelNode rel) {
    return (rel instanceof Join && joinsValuesList((Join) rel))
        || rel.getInputs().stream().anyMatch(StandardProgram::containsJoinOfValuesList);
  }

  /** Whether an input of {@code join} is a {@code VALUES} list, filtered, projected or grouped. */
  private static boolean joinsValuesList(Join join) {
    return join.getInputs().stream().anyMatch(StandardProgram::isValuesList);
  }

  private static boolean isValuesList(RelNode node) {
    RelNode rel = node.stripped();
    while (rel instanceof Project || rel instanceof Filter || rel instanceof Aggregate) {
      rel = rel.getInput(0).stripped();
    }
    return rel instanceof Values;
  }

  /** {@code Programs.hep(rules, true, metadata)}: the rules as one heuristic pass, no DAG. */
  private static Program hep(List<RelOptRule> rules, RelMetadataProvider metadata) {
    HepProgramBuilder builder = HepProgram.builder();
    rules.forEach(builder::addRuleInstance);
    HepProgram program = builder.build();
    return (planner, rel, traits, materializations, lattices) -> {
      HepPlanner hepPlanner = hepPlanner(program, rel, metadata);
      materializations.forEach(hepPlanner::addMaterialization);
      lattices.forEach(hepPlanner::addLattice);
      hepPlanner.setRoot(rel);
      return hepPlanner.findBestExp();
    };
  }

  /**
   * A heuristic planner of {@code program}, with {@code metadata} behind its own provider set on
   * {@code rel}'s cluster, as {@code Programs.hep} sets it (the cluster keeps it after the pass).
   */
  @SuppressWarnings("deprecation") // Calcite's own program sets the cluster's provider so too
  private static HepPlanner hepPlanner(
      HepProgram program, RelNode rel, RelMetadataProvider metadata) {
    HepPlanner hepPlanner = new HepPlanner(program, null, true, null, RelOptCostImpl.FACTORY);
    List<RelMetadataProvider> providers = new ArrayList<>(List.of(metadata));
    hepPlanner.registerMetadataProviders(providers);
    rel.getCluster().setMetadataProvider(ChainedRelMetadataProvider.of(providers));
    return hepPlanner;
  }

  /**
   * What a heuristic pass in which no rule fires leaves: {@code rel}, and the cluster's provider.
   */
  private static void useMetadata(RelNode rel, RelMetadataProvider metadata) {
    hepPlanner(HepProgram.builder().build(), rel, metadata);
  }

  private static CalciteConnectionConfig config(RelOptPlanner planner) {
    return planner
        .getContext()
        .maybeUnwrap(CalciteConnectionConfig.class)
        .orElse(CalciteConnectionConfig.DEFAULT);
  }
}
