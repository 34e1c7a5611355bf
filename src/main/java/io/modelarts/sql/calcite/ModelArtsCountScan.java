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
import java.util.function.Function;
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
 * API reports: one smallest page ({@code limit=10}) per listing, all in parallel. Under {@code
 * status IN (...)} the listings are one per status, unless the learned row counts show that reading
 * the listings whole and counting is cheaper (or nothing is known yet).
 */
public final class ModelArtsCountScan extends AbstractRelNode implements EnumerableRel, RowSource {
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
        .item(
            "answer",
            (groupByFeature ? "total per feature" : "sum of total")
                + (spec.deferred().fanOut().isEmpty()
                    ? ""
                    : " of one listing per value, or rows counted from the listings whole where"
                        + " learned row counts show that costs fewer calls"));
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
  public Function<DataContext, Enumerable<Object[]>> rows() {
    ModelArtsTable counted = table;
    ScanSpec scanSpec = spec;
    boolean byFeature = groupByFeature;
    int columns = countColumns;
    return root -> count(root, counted, scanSpec, byFeature, columns);
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
    List<Map<String, String>> listings = ListingResolver.bind(spec, root);
    if (!spec.deferred().fanOut().isEmpty()) {
      List<Map<String, String>> fanned =
          ListingResolver.fannedOutForCount(spec, listings, session.statistics());
      if (fanned == null) {
        return rows(countByReading(listings, spec, session, context), groupByFeature, columns);
      }
      listings = fanned;
    }
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
    return rows(totals, groupByFeature, columns);
  }

  /**
   * Counts, per feature, the rows of the plain listings whose status the IN list allows, reading
   * the listings whole (which also teaches the statistics every status's count).
   */
  private static Map<String, Long> countByReading(
      List<Map<String, String>> listings,
      ScanSpec spec,
      ModelArtsSession session,
      QueryContext context) {
    java.util.Set<String> statuses = java.util.Set.copyOf(spec.deferred().fanOut().get("status"));
    Map<String, Long> counts = new LinkedHashMap<>();
    try {
      for (Map<String, String> listing : listings) {
        counts.putIfAbsent(listing.get("feature"), 0L);
        try (io.modelarts.sql.http.ListingPager pager =
            new io.modelarts.sql.http.ListingPager(
                session.pages(),
                ListRequest.of(listing, ListRequest.MAX_PAGE_SIZE),
                session.config().pageConcurrency(),
                session.executor(),
                context,
                session::warn,
                -1)) {
          ListingReader reader = new ListingReader(listing, pager, true, session.statistics());
          while (reader.hasNext()) {
            io.modelarts.sql.http.Notebook n = reader.next();
            if (reader.firstTime(n) && statuses.contains(n.status())) {
              counts.merge(listing.get("feature"), 1L, Long::sum);
            }
          }
        }
      }
    } finally {
      context.close();
    }
    return counts;
  }

  private static Enumerable<Object[]> rows(
      Map<String, Long> totals, boolean groupByFeature, int columns) {
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
