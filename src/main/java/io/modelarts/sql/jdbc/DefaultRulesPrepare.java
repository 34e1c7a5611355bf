package io.modelarts.sql.jdbc;

import static java.util.Objects.requireNonNull;

import io.modelarts.sql.calcite.BranchFlagCalls;
import io.modelarts.sql.calcite.CheckedSums;
import io.modelarts.sql.calcite.CodePointRexBuilder;
import io.modelarts.sql.calcite.CodePointStrings;
import io.modelarts.sql.calcite.ConditionNotNullCasts;
import io.modelarts.sql.calcite.DecimalKeys;
import io.modelarts.sql.calcite.ExplicitGroupingSets;
import io.modelarts.sql.calcite.GrandTotalRow;
import io.modelarts.sql.calcite.ModelArtsValidator;
import io.modelarts.sql.calcite.NestedChildSharing;
import io.modelarts.sql.calcite.PostgresqlAggregates;
import io.modelarts.sql.calcite.planner.DefaultPlannerRules;
import io.modelarts.sql.calcite.planner.DeferredRules;
import io.modelarts.sql.calcite.planner.StandardProgram;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.calcite.DataContexts;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare.CatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Holder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's preparation, with its default planner rules and standard program built by {@link
 * DefaultPlannerRules} and {@link StandardProgram}, so that planning never initialises {@code
 * CoreRules} and the hundred-odd rules of it no plan here uses.
 */
class DefaultRulesPrepare extends CalcitePrepareImpl {
  /** On in a thread planning with Calcite's own rule lists, for tests to compare with. */
  private static final CalciteComparisonSwitch CALCITE_LISTS = new CalciteComparisonSwitch();

  /** Runs {@code action} with Calcite's own rule registration and program in this thread. */
  static <T> T withCalciteLists(Callable<T> action) throws Exception {
    return CALCITE_LISTS.during(action);
  }

  /**
   * {@code CalcitePrepareImpl.createPlanner}, line for line, but for the rules' registration, which
   * waits in the planner's context for {@link StandardProgram} to know the plan ({@link
   * DeferredRules}). Spark (a Calcite switch the driver never sets) goes to Calcite's own.
   */
  @Override
  protected RelOptPlanner createPlanner(
      CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext,
      @Nullable RelOptCostFactory costFactory) {
    if (CALCITE_LISTS.isOn() || prepareContext.spark().enabled()) {
      return super.createPlanner(prepareContext, externalContext, costFactory);
    }
    // The default rules wait for the plan: a simple one needs few of them (DeferredRules).
    DeferredRules rules =
        new DeferredRules(prepareContext.config().materializationsEnabled(), enableBindable);
    VolcanoPlanner planner =
        new VolcanoPlanner(
            costFactory,
            Contexts.chain(
                externalContext != null ? externalContext : Contexts.of(prepareContext.config()),
                Contexts.of(rules)));
    planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    planner.setTopDownOpt(prepareContext.config().topDownOpt());
    Hook.PLANNER.run(planner); // as Calcite's: lets a test see the planner or add rules
    return planner;
  }

  /** Calcite's, but the string functions that count characters count code points. */
  @Override
  protected SqlRexConvertletTable createConvertletTable() {
    return CodePointStrings.convertlets(super.createConvertletTable());
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(
      CalcitePrepare.Context context,
      Type elementType,
      CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    return new PreparingStmt(
        this,
        context,
        catalogReader,
        elementType,
        createCluster(planner, new CodePointRexBuilder(context.getTypeFactory())),
        createConvertletTable());
  }

  /**
   * The plan about to be compiled for execution ({@code EXPLAIN} compiles nothing); a subclass may
   * rewrite it. This one returns it as it is.
   */
  protected RelRoot beforeImplement(RelRoot root) {
    return root;
  }

  /**
   * A way to run {@code root} without compiling it, or null to have Calcite compile it (after
   * {@link #beforeImplement}). This one returns null.
   */
  protected @Nullable Bindable<Object> interpreted(RelRoot root) {
    return null;
  }

  /**
   * The standard program when no hook offers one: {@link StandardProgram}, or, in a thread
   * comparing with Calcite's lists, {@code Programs.standard()} after the driver's percentiles,
   * window functions, checked integers, guarded conjuncts and filter arguments, ordered distinct
   * calls and grouping-set types, Calcite's sub-query step and the driver's {@link
   * StandardProgram#valuesListKeys}, as {@link StandardProgram} orders them.
   */
  static Program standardProgram() {
    return CALCITE_LISTS.isOn()
        ? org.apache.calcite.tools.Programs.sequence(
            StandardProgram.percentiles(),
            StandardProgram.windowFunctions(),
            StandardProgram.checkedIntegers(),
            StandardProgram.guardedConjuncts(),
            StandardProgram.guardedFilterArguments(),
            StandardProgram.orderedDistinctCalls(),
            StandardProgram.groupingSetTypes(),
            org.apache.calcite.tools.Programs.subQuery(DefaultRelMetadataProvider.INSTANCE),
            StandardProgram.valuesListKeys(),
            org.apache.calcite.tools.Programs.standard())
        : StandardProgram.create();
  }

  /**
   * Calcite's statement (the arguments {@code CalcitePrepareImpl.getPreparingStmt} passes: the
   * enumerable convention, arrays for {@code Object[]} results) whose program is {@link
   * #standardProgram()} unless {@link Hook#PROGRAM} offers one, as Calcite's {@code Prepare} does,
   * then {@link NestedChildSharing}; which validates a statement with its {@code ROLLUP}s and
   * {@code CUBE}s written out ({@link ExplicitGroupingSets}) and its literals typed by their
   * characters ({@link ModelArtsValidator}); and which runs the plan, with {@link GrandTotalRow}s
   * added, as {@link #interpreted} offers or compiles the plan {@link #beforeImplement} returns.
   */
  private static final class PreparingStmt extends CalcitePreparingStmt {
    private final DefaultRulesPrepare owner;
    private final boolean arrayRows;

    PreparingStmt(
        DefaultRulesPrepare prepare,
        CalcitePrepare.Context context,
        CalciteCatalogReader catalogReader,
        Type elementType,
        RelOptCluster cluster,
        SqlRexConvertletTable convertletTable) {
      super(
          prepare,
          context,
          catalogReader,
          context.getTypeFactory(),
          context.getRootSchema(),
          elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM,
          cluster,
          EnumerableConvention.INSTANCE,
          convertletTable);
      this.owner = prepare;
      this.arrayRows = elementType == Object[].class;
    }

    /**
     * {@code CalcitePrepareImpl.createSqlValidator}, line for line, but a {@link
     * ModelArtsValidator}: its literals typed as the cluster's {@link CodePointRexBuilder} makes
     * them.
     */
    @Override
    protected SqlValidator createSqlValidator(
        CatalogReader catalogReader, UnaryOperator<SqlValidator.Config> configTransform) {
      CalciteConnectionConfig config = context.config();
      SqlOperatorTable operators =
          SqlOperatorTables.chain(
              config.fun(SqlOperatorTable.class, SqlStdOperatorTable.instance()),
              new PostgresqlAggregates(),
              catalogReader);
      return new ModelArtsValidator(
          operators,
          (CalciteCatalogReader) catalogReader,
          context.getTypeFactory(),
          configTransform.apply(
              SqlValidator.Config.DEFAULT
                  .withLenientOperatorLookup(config.lenientOperatorLookup())
                  .withConformance(config.conformance())
                  .withDefaultNullCollation(config.defaultNullCollation())
                  .withIdentifierExpansion(true)));
    }

    @Override
    public PreparedResult prepareSql(
        SqlNode sqlQuery,
        SqlNode sqlNodeOriginal,
        Class<?> runtimeContextClass,
        SqlValidator validator,
        boolean needsValidation) {
      // In place: Calcite reads the validated statement's types from this same node afterwards.
      ExplicitGroupingSets.writeOut(sqlQuery);
      return super.prepareSql(
          sqlQuery, sqlNodeOriginal, runtimeContextClass, validator, needsValidation);
    }

    /** {@code EXPLAIN} shows the plan that runs: with the rewrites of {@link #completed}. */
    @Override
    protected PreparedResult createPreparedExplanation(
        @Nullable RelDataType resultType,
        RelDataType parameterRowType,
        @Nullable RelRoot root,
        SqlExplainFormat format,
        SqlExplainLevel detailLevel) {
      // A logical plan (EXPLAIN … WITHOUT IMPLEMENTATION) holds none of the nodes they rewrite.
      return super.createPreparedExplanation(
          resultType, parameterRowType, root == null ? null : completed(root), format, detailLevel);
    }

    /**
     * The planned plan as it must run. Calcite's code adds sums of {@code BIGINT}s that wrap past
     * their range, gives an empty grouping set no row over no rows, and keeps equal decimals of
     * different scales apart as keys; SQL does none of these.
     */
    private static RelRoot completed(RelRoot planned) {
      RelNode checked = CheckedSums.applied(planned.rel);
      return planned.withRel(DecimalKeys.canonicalised(GrandTotalRow.addedTo(checked)));
    }

    @Override
    protected PreparedResult implement(RelRoot planned) {
      RelRoot root = completed(planned);
      // Only a JDBC statement's rows (arrays): other element types take Calcite's custom classes.
      Bindable<Object> interpreted = arrayRows ? owner.interpreted(root) : null;
      if (interpreted == null) {
        // The generated code trusts NOT NULL casts that the simplifier may have left unguarded,
        // and cannot read a flag in a CASE branch that was used before it.
        RelNode generable =
            ConditionNotNullCasts.removed(
                BranchFlagCalls.rewritten(root.rel, context.config().conformance()));
        RelRoot compiled = owner.beforeImplement(root.withRel(generable));
        PreparedResult result = super.implement(compiled);
        RowCountParameters rowCounts = RowCountParameters.of(compiled.rel);
        if (rowCounts.isEmpty()) {
          return result;
        }
        // Calcite's result, with its plan run behind the row counts' check.
        PreparedResultImpl calcite = (PreparedResultImpl) result;
        return prepared(
            compiled,
            cursorFactory -> rowCounts.around(calcite.getBindable(cursorFactory)),
            calcite.getElementType());
      }
      Hook.PLAN_BEFORE_IMPLEMENTATION.run(root);
      Bindable<Object> checked = RowCountParameters.of(root.rel).around(interpreted);
      return prepared(root, cursorFactory -> checked, ((Typed) interpreted).getElementType());
    }

    /**
     * What Calcite's implement returns for a query of {@code root} (no DML: the driver's tables
     * take none), with the bindable {@code bindables} gives.
     */
    private PreparedResult prepared(
        RelRoot root, Function<Meta.CursorFactory, Bindable<Object>> bindables, Type elementType) {
      return new PreparedResultImpl(
          root.rel.getRowType(),
          requireNonNull(parameterRowType, "parameterRowType"),
          requireNonNull(fieldOrigins, "fieldOrigins"),
          root.collation.getFieldCollations().isEmpty() ? List.of() : List.of(root.collation),
          root.rel,
          null,
          false) {
        @Override
        public String getCode() {
          throw new UnsupportedOperationException();
        }

        @Override
        public Bindable getBindable(Meta.CursorFactory cursorFactory) {
          return bindables.apply(cursorFactory);
        }

        @Override
        public Type getElementType() {
          return elementType;
        }
      };
    }

    @Override
    protected Program getProgram() {
      Holder<@Nullable Program> offered = Holder.empty();
      Hook.PROGRAM.run(offered);
      Program chosen = offered.get() != null ? offered.get() : standardProgram();
      // After the planner: child tables joined above a shared join share its pages too.
      return (planner, rel, traits, materializations, lattices) ->
          NestedChildSharing.apply(chosen.run(planner, rel, traits, materializations, lattices));
    }
  }
}
