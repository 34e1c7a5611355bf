package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRuleOperand;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * The planner rules that push work into {@link ModelArtsTableScan}: WHERE into listings, LIMIT into
 * a row window or page size, {@code COUNT(*)} into the listings' {@code total}, and a child table
 * joined to {@code notebooks} into the same calls as the {@code notebooks} scan.
 *
 * <p>Each rule only ever replaces a plan by one that returns the same rows; docs/pushdown.md says
 * why each step is exact. Rules match a scan under any run of projections and one filter, since
 * Calcite puts those between the operator and the scan.
 */
@SuppressWarnings("deprecation") // the operand() builders are the compact way to write these
final class ModelArtsRules {
  private ModelArtsRules() {}

  /** The shapes between an operator and a scan: nothing, a filter, a projection, or both. */
  private static final List<List<Class<? extends RelNode>>> CHAINS =
      List.of(
          List.of(),
          List.of(LogicalFilter.class),
          List.of(LogicalProject.class),
          List.of(LogicalProject.class, LogicalFilter.class));

  static final List<RelOptRule> RULES = rules();

  private static List<RelOptRule> rules() {
    List<RelOptRule> rules = new ArrayList<>();
    rules.add(new FilterRule());
    for (List<Class<? extends RelNode>> chain : CHAINS) {
      rules.add(new SortRule(RelOptRule.operand(LogicalSort.class, chain(chain))));
      rules.add(new LimitRule(RelOptRule.operand(LogicalSort.class, chain(chain))));
      rules.add(new CountRule(RelOptRule.operand(LogicalAggregate.class, chain(chain))));
      for (List<Class<? extends RelNode>> other : CHAINS) {
        rules.add(new JoinRule(RelOptRule.operand(LogicalJoin.class, chain(chain), chain(other))));
      }
    }
    return List.copyOf(rules);
  }

  static void register(RelOptPlanner planner) {
    for (RelOptRule rule : RULES) {
      planner.addRule(rule);
    }
  }

  /**
   * Operands for {@code wrappers[0](wrappers[1](...(scan)))}, whose projection computes no window
   * function.
   *
   * <p>Why: a window function ({@code COUNT(*) OVER ()}, before Calcite moves it out of the
   * projection into a window) is computed over every row beneath it. A limit, an API sort or a
   * count pushed through it into the scan would compute it over the rows kept: {@code SELECT
   * COUNT(*) OVER () FROM notebooks LIMIT 1} gave 1. Calcite's own transpose rules refuse such a
   * projection too.
   */
  private static RelOptRuleOperand chain(List<Class<? extends RelNode>> wrappers) {
    RelOptRuleOperand operand = RelOptRule.operand(ModelArtsTableScan.class, RelOptRule.none());
    for (int i = wrappers.size() - 1; i >= 0; i--) {
      operand =
          wrappers.get(i) == LogicalProject.class
              ? RelOptRule.operandJ(
                  LogicalProject.class, null, project -> !project.containsOver(), operand)
              : RelOptRule.operand(wrappers.get(i), operand);
    }
    return operand;
  }

  /** A unique rule description from the operand tree, e.g. {@code Sort(Filter(Scan))}. */
  private static String shape(RelOptRuleOperand operand) {
    String name =
        operand
            .getMatchedClass()
            .getSimpleName()
            .replace("Logical", "")
            .replace("ModelArtsTableScan", "Scan");
    List<RelOptRuleOperand> children = operand.getChildOperands();
    if (children.isEmpty()) {
      return name;
    }
    return name
        + "("
        + String.join(",", children.stream().map(ModelArtsRules::shape).toList())
        + ")";
  }

  /**
   * The matched nodes from position {@code start} of a rule call down to and including a scan:
   * projections and at most one filter, then the scan.
   */
  private record Chain(List<RelNode> wrappers, ModelArtsTableScan scan, int next) {
    static Chain at(RelOptRuleCall call, int start) {
      List<RelNode> wrappers = new ArrayList<>();
      int i = start;
      while (!(call.rel(i) instanceof ModelArtsTableScan)) {
        wrappers.add(call.rel(i));
        i++;
      }
      return new Chain(wrappers, call.rel(i), i + 1);
    }

    LogicalFilter filter() {
      for (RelNode r : wrappers) {
        if (r instanceof LogicalFilter f) {
          return f;
        }
      }
      return null;
    }

    LogicalProject project() {
      return wrappers.isEmpty() || !(wrappers.get(0) instanceof LogicalProject p) ? null : p;
    }

    /**
     * Whether no row the scan returns can be dropped before it reaches the operator above: the
     * filter (if any) is exactly the one the scan's spec was analysed for, and it was exact.
     */
    boolean dropsNothing() {
      LogicalFilter filter = filter();
      if (filter == null) {
        return scan.spec.exact() && scan.spec.analyzedFilter().isEmpty();
      }
      return scan.spec.exact()
          && filter.getCondition().toString().equals(scan.spec.analyzedFilter());
    }

    /**
     * Whether the filter is exactly the scan's, and the only rows it can drop are those a {@code
     * status IN (...)} list excludes: one listing per status would then return exactly the rows.
     */
    boolean dropsNothingOnceStatusesFannedOut() {
      LogicalFilter filter = filter();
      DeferredFilters deferred = scan.spec.deferred();
      return filter != null
          && filter.getCondition().toString().equals(scan.spec.analyzedFilter())
          && deferred.exactWhenFannedOut()
          && deferred.fanOut().keySet().equals(java.util.Set.of("status"));
    }

    /**
     * The scan column behind output column {@code field} of the chain (through its projection, if
     * any), or -1 when that output is computed rather than a column.
     */
    int sourceColumn(int field) {
      LogicalProject project = project();
      if (project == null) {
        return field;
      }
      return project.getProjects().get(field) instanceof RexInputRef ref ? ref.getIndex() : -1;
    }

    /** The same chain on top of another scan. */
    RelNode rebuild(RelNode newScan) {
      RelNode input = newScan;
      for (int i = wrappers.size() - 1; i >= 0; i--) {
        RelNode w = wrappers.get(i);
        input = w.copy(w.getTraitSet(), List.of(input));
      }
      return input;
    }
  }

  /** Pushes a WHERE on {@code notebooks} into the scan's listings, keeping it as a re-check. */
  private static final class FilterRule extends RelOptRule {
    FilterRule() {
      super(RelOptRule.operand(LogicalFilter.class, chain(List.of())), "ModelArtsFilterRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      ModelArtsTableScan scan = call.rel(1);
      if (!(scan.modelArtsTable instanceof NotebooksTable) || !scan.spec.isPristine()) {
        return;
      }
      ScanSpec spec =
          FilterTranslator.translate(filter.getCondition(), scan.modelArtsTable, scan.spec);
      // The filter stays: it is the exact predicate, re-checked on every row the API returns.
      call.transformTo(
          filter.copy(filter.getTraitSet(), scan.withSpec(spec), filter.getCondition()));
    }
  }

  /**
   * Pushes LIMIT/OFFSET without ORDER BY. Where nothing local can drop rows of {@code notebooks}
   * the scan cuts the row window itself, reading only the pages that hold it (its listings one
   * after another, each from the page holding the rows of the offset it has left), with literal
   * counts or counts bound when the statement runs; over a child table it reads just the rows the
   * window needs. Otherwise the limit stays above a scan that reads its pages one at a time, so
   * that the limit stops the reading early.
   */
  private static final class LimitRule extends RelOptRule {
    LimitRule(RelOptRuleOperand operand) {
      super(operand, "ModelArtsLimitRule:" + shape(operand));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalSort sort = call.rel(0);
      Chain chain = Chain.at(call, 1);
      ScanSpec spec = chain.scan.spec;
      if (!sort.getCollation().getFieldCollations().isEmpty()
          || sort.fetch == null
          || spec.hasWindow()
          || spec.rowsNeededHint() >= 0
          || spec.stopsEarly()
          || spec.sort() != null
          || spec.shared()) {
        return;
      }
      if (chain.dropsNothing()) {
        long[] window = literalWindow(sort);
        if (!(chain.scan.modelArtsTable instanceof NotebooksTable)) {
          // A child table has any number of rows per notebook (images merge notebooks), so a
          // window of rows is no window of the listings' notebooks: only the rows the limit
          // needs are known, and the limit above cuts them.
          if (window != null) {
            RelNode hinted =
                chain.rebuild(chain.scan.withSpec(spec.withRowsNeededHint(window[0] + window[1])));
            call.transformTo(sort.copy(sort.getTraitSet(), List.of(hinted)));
            return;
          }
        } else if (window != null) {
          // An exact scan's listings each hold one feature's notebooks, one row each (an IN list
          // is never exact), so the window counts distinct rows, whichever listings it spans.
          call.transformTo(
              chain.rebuild(chain.scan.withSpec(spec.withWindow(window[0], window[1]))));
          return;
        } else {
          DeferredLimit bound = DeferredLimit.of(sort.fetch, sort.offset);
          if (bound != null) {
            call.transformTo(chain.rebuild(chain.scan.withSpec(spec.withWindowAtRunTime(bound))));
            return;
          }
        }
      }
      // How many rows pass the local filter (or a child table's bound limit needs) is unknown while
      // planning, but the limit may still stop the reading: fetch pages only as needed, none ahead.
      RelNode early = chain.rebuild(chain.scan.withSpec(spec.stoppingEarly()));
      call.transformTo(sort.copy(sort.getTraitSet(), List.of(early)));
    }
  }

  /**
   * Asks the API for the order of an {@code ORDER BY <numeric column> ... LIMIT n} on {@code
   * notebooks}, so the scan reads only the first pages of each listing and merges them; the scan
   * then carries the collation and Calcite drops its own sort. Only numeric keys (their order is
   * the same in any collation) and only NULLS LAST (rows without a key are set aside by the scan
   * and returned last, wherever the service put them).
   */
  private static final class SortRule extends RelOptRule {
    SortRule(RelOptRuleOperand operand) {
      super(operand, "ModelArtsSortRule:" + shape(operand));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalSort sort = call.rel(0);
      Chain chain = Chain.at(call, 1);
      ModelArtsTableScan scan = chain.scan;
      ScanSpec spec = scan.spec;
      List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
      if (!(scan.modelArtsTable instanceof NotebooksTable)
          || keys.size() != 1
          || sort.fetch == null
          || spec.sort() != null
          || spec.hasWindow()
          || spec.rowsNeededHint() >= 0
          || spec.stopsEarly()
          || spec.shared()
          || spec.listings().isEmpty()) {
        return;
      }
      LogicalFilter filter = chain.filter();
      if (filter != null && !filter.getCondition().toString().equals(spec.analyzedFilter())) {
        return; // push the WHERE first, so the sorted scan knows what its listings are
      }
      RelFieldCollation key = keys.get(0);
      int column = chain.sourceColumn(key.getFieldIndex());
      if (column < 0) {
        return;
      }
      String name = scan.modelArtsTable.columns().get(column).name();
      String apiKey = ApiSort.SORTABLE.get(name);
      RelFieldCollation.NullDirection nulls =
          key.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
              ? key.direction.defaultNullDirection()
              : key.nullDirection;
      boolean descending = key.direction == RelFieldCollation.Direction.DESCENDING;
      if (apiKey == null
          || nulls != RelFieldCollation.NullDirection.LAST
          || (!descending && key.direction != RelFieldCollation.Direction.ASCENDING)) {
        return;
      }
      long[] window = literalWindow(sort);
      if (window == null) {
        return;
      }
      ScanSpec sorted = spec.sortedBy(new ApiSort(name, apiKey, descending), window[0] + window[1]);
      call.transformTo(
          sort.copy(sort.getTraitSet(), List.of(chain.rebuild(scan.withSpec(sorted)))));
    }
  }

  /**
   * The {@code [offset, fetch]} of a LIMIT/OFFSET when both are literals, or null (a dynamic
   * parameter's value is not known while planning).
   */
  private static long[] literalWindow(LogicalSort sort) {
    Long fetch = literalValue(sort.fetch);
    Long offset = sort.offset == null ? Long.valueOf(0) : literalValue(sort.offset);
    return fetch == null || offset == null ? null : new long[] {offset, fetch};
  }

  private static Long literalValue(RexNode node) {
    return node instanceof RexLiteral literal ? literal.getValueAs(Long.class) : null;
  }

  /**
   * Answers {@code COUNT(*)}, alone or grouped by {@code feature}, from the {@code total} of one
   * smallest page per listing, when nothing local can drop rows.
   */
  private static final class CountRule extends RelOptRule {
    CountRule(RelOptRuleOperand operand) {
      super(operand, "ModelArtsCountRule:" + shape(operand));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate aggregate = call.rel(0);
      Chain chain = Chain.at(call, 1);
      ModelArtsTableScan scan = chain.scan;
      if (!(scan.modelArtsTable instanceof NotebooksTable)
          || scan.spec.hasWindow()
          || scan.spec.shared()
          || !(chain.dropsNothing() || chain.dropsNothingOnceStatusesFannedOut())
          || aggregate.getGroupType() != Aggregate.Group.SIMPLE
          || aggregate.getGroupCount() > 1) {
        return;
      }
      for (AggregateCall agg : aggregate.getAggCallList()) {
        if (agg.getAggregation().getKind() != SqlKind.COUNT
            || !agg.getArgList().isEmpty()
            || agg.isDistinct()
            || agg.filterArg >= 0) {
          return;
        }
      }
      if (aggregate.getGroupCount() == 1) {
        int key = chain.sourceColumn(aggregate.getGroupSet().nth(0));
        if (key != scan.modelArtsTable.indexOf("feature")) {
          return;
        }
      }
      call.transformTo(
          new ModelArtsCountScan(
              aggregate.getCluster(),
              aggregate.getRowType(),
              scan.modelArtsTable,
              scan.spec,
              aggregate.getGroupCount() == 1,
              aggregate.getAggCallList().size()));
    }
  }

  /**
   * Lets a child table ({@code endpoints}, {@code action_progress}, {@code images}) joined to
   * {@code notebooks} read the pages of the {@code notebooks} scan instead of listing them again:
   * both scans are marked shared and fetch each page once per statement, so the join costs the
   * calls of the {@code notebooks} scan alone. Two ways, the planner keeps the cheaper:
   *
   * <ul>
   *   <li><b>Narrow</b>: {@code endpoints} or {@code action_progress} joined on {@code notebook_id
   *       = id} by a join that drops child rows without a notebook gets the listings of the {@code
   *       notebooks} side, filtered or not. Exact because the join keeps only child rows whose
   *       notebook the {@code notebooks} side returns, and those all come from those very listings.
   *   <li><b>Full</b>: any child table, any join type and condition, when the {@code notebooks}
   *       side reads the full listing (possibly under a WHERE that it filters locally): the child
   *       then reads exactly what it reads alone. This is the only sharing for {@code images} (a
   *       row merges every notebook's copy of an image, so a narrower listing could change it) and
   *       for a child kept by an outer join.
   * </ul>
   */
  private static final class JoinRule extends RelOptRule {
    JoinRule(RelOptRuleOperand operand) {
      super(operand, "ModelArtsJoinRule:" + shape(operand));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalJoin join = call.rel(0);
      Chain left = Chain.at(call, 1);
      Chain right = Chain.at(call, left.next);
      tryOrientation(call, join, left, right, false);
      tryOrientation(call, join, right, left, true);
    }

    private void tryOrientation(
        RelOptRuleCall call, LogicalJoin join, Chain child, Chain parent, boolean childOnRight) {
      ModelArtsTable childTable = child.scan.modelArtsTable;
      ScanSpec spec = parent.scan.spec;
      if (!(parent.scan.modelArtsTable instanceof NotebooksTable)
          || !(childTable instanceof EndpointsTable
              || childTable instanceof ActionProgressTable
              || childTable instanceof ImagesTable)
          || !child.scan.spec.isPristine()
          || spec.hasWindow()
          || spec.rowsNeededHint() >= 0
          || spec.stopsEarly()
          || spec.sort() != null
          || spec.shared()) {
        return;
      }
      boolean narrowed = false;
      if (!(childTable instanceof ImagesTable)
          && restrictsChild(join.getJoinType(), childOnRight)
          && joinsOn(
              join,
              child,
              childTable.indexOf("notebook_id"),
              parent,
              parent.scan.modelArtsTable.indexOf("id"),
              childOnRight)) {
        ScanSpec parentSpec = spec.asShared();
        share(call, join, child, parentSpec.forChildOf(), parent, parentSpec, childOnRight);
        narrowed = true;
      }
      // A filtered notebooks side takes part too: the planner keeps the scan of the full listing
      // under the WHERE, which re-checks every row, as an alternative to the filtered listings.
      // Not with filters settled at run time (a bound parameter, an IN list that may fan out):
      // the notebooks side would then not read the full listing the child reads.
      if (narrowed || !spec.readsFullListing()) {
        return;
      }
      ScanSpec parentSpec = spec.asShared();
      share(call, join, child, ScanSpec.fullListing().asShared(), parent, parentSpec, childOnRight);
    }

    /** The same join over the two chains rebuilt on scans with the given specs. */
    private static void share(
        RelOptRuleCall call,
        LogicalJoin join,
        Chain child,
        ScanSpec childSpec,
        Chain parent,
        ScanSpec parentSpec,
        boolean childOnRight) {
      RelNode newChild = child.rebuild(child.scan.withSpec(childSpec));
      RelNode newParent = parent.rebuild(parent.scan.withSpec(parentSpec));
      call.transformTo(
          join.copy(
              join.getTraitSet(),
              join.getCondition(),
              childOnRight ? newParent : newChild,
              childOnRight ? newChild : newParent,
              join.getJoinType(),
              join.isSemiJoinDone()));
    }

    /** Whether the join has {@code child.childColumn = parent.parentColumn} among its equi-keys. */
    private static boolean joinsOn(
        LogicalJoin join,
        Chain child,
        int childColumn,
        Chain parent,
        int parentColumn,
        boolean childOnRight) {
      JoinInfo info = join.analyzeCondition();
      for (int i = 0; i < info.leftKeys.size(); i++) {
        int childKey =
            child.sourceColumn(childOnRight ? info.rightKeys.get(i) : info.leftKeys.get(i));
        int parentKey =
            parent.sourceColumn(childOnRight ? info.leftKeys.get(i) : info.rightKeys.get(i));
        if (childKey == childColumn && parentKey == parentColumn) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Whether the join type drops child rows whose notebook is not on the {@code notebooks} side, so
   * a child limited to the notebooks of that side returns the same rows.
   */
  static boolean restrictsChild(JoinRelType type, boolean childOnRight) {
    return type == JoinRelType.INNER
        || (type == JoinRelType.LEFT && childOnRight)
        || (type == JoinRelType.RIGHT && !childOnRight)
        || (type == JoinRelType.SEMI && !childOnRight);
  }
}
