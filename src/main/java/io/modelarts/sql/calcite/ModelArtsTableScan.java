package io.modelarts.sql.calcite;

import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Scan of a ModelArts table: at run time it makes the list calls its {@link ScanSpec} describes.
 *
 * <p>EXPLAIN shows the calls ({@code listings}), the page size, the row window it cuts itself and
 * whether a local filter can still drop rows.
 */
public final class ModelArtsTableScan extends TableScan implements EnumerableRel, RowSource {
  final ModelArtsTable modelArtsTable;
  final ScanSpec spec;

  ModelArtsTableScan(
      RelOptCluster cluster, RelOptTable table, ModelArtsTable modelArtsTable, ScanSpec spec) {
    super(cluster, traits(cluster, modelArtsTable, spec), List.of(), table);
    this.modelArtsTable = modelArtsTable;
    this.spec = spec;
  }

  /** Enumerable, and sorted when the spec asks the API for an order (the scan then merges). */
  private static RelTraitSet traits(RelOptCluster cluster, ModelArtsTable table, ScanSpec spec) {
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE);
    if (spec.sort() == null) {
      return traits;
    }
    return traits.replace(
        RelCollations.of(
            new RelFieldCollation(
                table.indexOf(spec.sort().column()),
                spec.sort().descending()
                    ? RelFieldCollation.Direction.DESCENDING
                    : RelFieldCollation.Direction.ASCENDING,
                RelFieldCollation.NullDirection.LAST)));
  }

  /** The same scan with another spec. */
  ModelArtsTableScan withSpec(ScanSpec newSpec) {
    return new ModelArtsTableScan(getCluster(), getTable(), modelArtsTable, newSpec);
  }

  public ScanSpec spec() {
    return spec;
  }

  public ModelArtsTable modelArtsTable() {
    return modelArtsTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("listings", spec.describeListings())
        .itemIf("runTime", spec.deferred().describe(), !spec.deferred().isEmpty())
        .item("pageSize", spec.pageSize())
        .itemIf("rowsNeeded", spec.rowsNeededHint(), spec.rowsNeededHint() >= 0)
        .itemIf("window", "offset " + spec.offset() + ", fetch " + spec.fetch(), spec.hasWindow())
        .item(
            "localFilter",
            spec.exact()
                ? (spec.analyzedFilter().isEmpty() ? "none" : "re-check only")
                : "may drop rows"
                    + (spec.analyzedFilter().isEmpty() ? "" : ": " + spec.analyzedFilter()))
        .itemIf(
            "sort",
            spec.sort() + " (numeric key, NULLs last, merged across listings)",
            spec.sort() != null)
        .itemIf("readAhead", "none: a limit above may stop early", spec.stopsEarly())
        .itemIf("windowAtRunTime", spec.limit().describe(), !spec.limit().isEmpty())
        .itemIf("shared", true, spec.shared());
  }

  @Override
  public void register(RelOptPlanner planner) {
    if (modelArtsTable.session.config().pushdown()) {
      ModelArtsRules.register(planner);
    }
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return ScanCostModel.estimatedRows(spec, modelArtsTable);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double calls = ScanCostModel.estimatedCalls(spec, modelArtsTable);
    // The calls dominate everything else a query does; rows break ties.
    return planner
        .getCostFactory()
        .makeCost(ScanCostModel.costRows(spec, modelArtsTable), calls * 1000 + rows, calls);
  }

  @Override
  public Function<DataContext, Enumerable<Object[]>> rows() {
    ModelArtsTable table = modelArtsTable;
    ScanSpec scanSpec = spec;
    return root -> ScanExecution.enumerable(root, table, scanSpec);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression table = implementor.stash(modelArtsTable, ModelArtsTable.class);
    Expression stashedSpec = implementor.stash(spec, ScanSpec.class);
    return implementor.result(
        physType,
        Blocks.toBlock(
            Expressions.call(
                ScanExecution.class,
                "enumerable",
                implementor.getRootExpression(),
                table,
                stashedSpec)));
  }
}
