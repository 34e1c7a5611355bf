package io.modelarts.sql.calcite;

import io.modelarts.sql.http.ListRequest;
import io.modelarts.sql.http.NotebookPage;
import io.modelarts.sql.http.QueryContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code COUNT(*)} (optionally grouped by {@code feature}) answered from the {@code total} that the
 * API reports: one smallest page ({@code limit=10}) per listing, all in parallel.
 */
public final class ModelArtsCountScan extends AbstractRelNode implements EnumerableRel {
  private final ModelArtsTable table;
  private final ScanSpec spec;
  private final boolean groupByFeature;
  private final int countColumns;

  ModelArtsCountScan(
      RelOptCluster cluster,
      RelDataType rowType,
      ModelArtsTable table,
      ScanSpec spec,
      boolean groupByFeature,
      int countColumns) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.rowType = rowType;
    this.table = table;
    this.spec = spec;
    this.groupByFeature = groupByFeature;
    this.countColumns = countColumns;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.name())
        .item("listings", spec.describeListings())
        .itemIf("runTime", spec.deferred().describe(), !spec.deferred().isEmpty())
        .item("pageSize", 10)
        .item("answer", groupByFeature ? "total per feature" : "sum of total");
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return groupByFeature ? 2 : 1;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double calls = spec.listings().size();
    return planner.getCostFactory().makeCost(1, calls * 1000, calls);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    return implementor.result(
        physType,
        Blocks.toBlock(
            Expressions.call(
                ModelArtsCountScan.class,
                "count",
                implementor.getRootExpression(),
                implementor.stash(table, ModelArtsTable.class),
                implementor.stash(spec, ScanSpec.class),
                Expressions.constant(groupByFeature),
                Expressions.constant(countColumns))));
  }

  /** Entry point for generated code: the count rows. */
  public static Enumerable<Object[]> count(
      DataContext root, ModelArtsTable table, ScanSpec spec, boolean groupByFeature, int columns) {
    ModelArtsSession session = table.session;
    QueryContext context = ScanExecution.contextOf(root, session);
    List<Map<String, String>> listings = ListingResolver.resolve(spec, root, session);
    List<CompletableFuture<NotebookPage>> futures = new ArrayList<>();
    for (Map<String, String> listing : listings) {
      ListRequest request = ListRequest.of(listing, 10);
      futures.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return session.pages().fetch(request, context);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              session.executor()));
    }
    Map<String, Long> totals = new LinkedHashMap<>();
    try {
      for (int i = 0; i < futures.size(); i++) {
        NotebookPage page = ScanExecution.await(futures.get(i), context);
        if (page.total() == null || page.total() < 0) {
          throw new io.modelarts.sql.http.ListingPager.ListingException(
              new io.modelarts.sql.http.MalformedResponseException(
                  "the page has no valid 'total'"));
        }
        totals.merge(listings.get(i).get("feature"), page.total(), Long::sum);
      }
    } finally {
      context.close();
    }
    List<Object[]> rows = new ArrayList<>();
    if (groupByFeature) {
      totals.forEach(
          (feature, total) -> {
            if (total > 0) { // GROUP BY yields no group for a feature with no rows
              rows.add(row(feature, total, columns));
            }
          });
    } else {
      rows.add(row(null, totals.values().stream().mapToLong(Long::longValue).sum(), columns));
    }
    return Linq4j.asEnumerable(rows);
  }

  private static Object[] row(String feature, long total, int columns) {
    int offset = feature == null ? 0 : 1;
    Object[] row = new Object[offset + columns];
    if (feature != null) {
      row[0] = feature;
    }
    for (int i = 0; i < columns; i++) {
      row[offset + i] = total;
    }
    return row;
  }
}
