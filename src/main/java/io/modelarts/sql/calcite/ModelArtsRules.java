package io.modelarts.sql.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptRuleOperand;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * The planner rules that push work into {@link ModelArtsTableScan}: WHERE into listings, LIMIT
 * into a row window or page size, {@code COUNT(*)} into the listings' {@code total}, and a child
 * table joined to {@code notebooks} into the same calls as the {@code notebooks} scan.
 *
 * <p>Each rule only ever replaces a plan by one that returns the same rows; see
 * docs/pushdown.md for why each step is exact.
 */
@SuppressWarnings("deprecation") // the operand() builders are the compact way to write these
final class ModelArtsRules {
  private ModelArtsRules() {}

  static final List<RelOptRule> RULES =
      List.of(
          new FilterRule(),
          new LimitRule(operand(LogicalSort.class, scan())),
          new LimitRule(operand(LogicalSort.class, operand(LogicalFilter.class, scan()))),
          new CountRule(operand(LogicalAggregate.class, scan())),
          new CountRule(operand(LogicalAggregate.class, operand(LogicalFilter.class, scan()))),
          new CountRule(operand(LogicalAggregate.class, operand(LogicalProject.class, scan()))),
          new CountRule(
              operand(
                  LogicalAggregate.class,
                  operand(LogicalProject.class, operand(LogicalFilter.class, scan())))),
          new JoinRule(operand(LogicalJoin.class, scan(), scan()), false, false),
          new JoinRule(
              operand(LogicalJoin.class, scan(), operand(LogicalFilter.class, scan())), false, true),
          new JoinRule(
              operand(LogicalJoin.class, operand(LogicalFilter.class, scan()), scan()), true, false));

  static void register(RelOptPlanner planner) {
    for (RelOptRule rule : RULES) {
      planner.addRule(rule);
    }
  }

  private static RelOptRuleOperand scan() {
    return RelOptRule.operand(ModelArtsTableScan.class, RelOptRule.none());
  }

  private static RelOptRuleOperand operand(Class<? extends RelNode> clazz, RelOptRuleOperand... children) {
    if (children.length == 0) {
      return RelOptRule.operand(clazz, RelOptRule.any());
    }
    RelOptRuleOperand first = children[0];
    RelOptRuleOperand[] rest = java.util.Arrays.copyOfRange(children, 1, children.length);
    return RelOptRule.operand(clazz, first, rest);
  }

  /** The scan at the end of a matched operand chain. */
  private static ModelArtsTableScan lastScan(RelOptRuleCall call) {
    return call.rel(call.getRelList().size() - 1);
  }

  /** Pushes a WHERE on {@code notebooks} into the scan's listings, keeping it as a re-check. */
  private static final class FilterRule extends RelOptRule {
    FilterRule() {
      super(operand(LogicalFilter.class, scan()), "ModelArtsFilterRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      ModelArtsTableScan scan = call.rel(1);
      if (!(scan.modelArtsTable instanceof NotebooksTable) || !scan.spec.isPristine()) {
        return;
      }
      ScanSpec spec = FilterTranslator.translate(filter.getCondition(), scan.modelArtsTable, scan.spec);
      // The filter stays: it is the exact predicate, re-checked on every row the API returns.
      call.transformTo(filter.copy(filter.getTraitSet(), scan.withSpec(spec), filter.getCondition()));
    }
  }

  /** Whether no local predicate between a scan and the operator above it can drop rows. */
  private static boolean filterIsExact(RelOptRuleCall call, ModelArtsTableScan scan) {
    boolean hasFilter = call.getRelList().size() > 2 && call.rel(call.getRelList().size() - 2) instanceof LogicalFilter;
    if (hasFilter) {
      return scan.spec.exact() && !scan.spec.local().isEmpty();
    }
    return scan.spec.exact();
  }

  /**
   * Pushes LIMIT/OFFSET without ORDER BY: a single listing cuts the row window itself, reading
   * only the pages that hold it; several listings only get a page size that fits the limit.
   */
  private static final class LimitRule extends RelOptRule {
    LimitRule(RelOptRuleOperand operand) {
      super(operand, "ModelArtsLimitRule_" + operand.getMatchedClass().getSimpleName() + "_" + depth(operand));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalSort sort = call.rel(0);
      ModelArtsTableScan scan = lastScan(call);
      if (!sort.getCollation().getFieldCollations().isEmpty()
          || sort.fetch == null
          || scan.spec.hasWindow()
          || scan.spec.rowsNeededHint() >= 0
          || !filterIsExact(call, scan)) {
        return;
      }
      Long fetch = literalValue(sort.fetch);
      Long offset = sort.offset == null ? Long.valueOf(0) : literalValue(sort.offset);
      if (fetch == null || offset == null) {
        return;
      }
      boolean hasFilter = call.getRelList().size() == 3;
      if (scan.spec.listings().size() == 1) {
        RelNode newScan = scan.withSpec(scan.spec.withWindow(offset, fetch));
        call.transformTo(hasFilter ? ((LogicalFilter) call.rel(1)).copy(call.rel(1).getTraitSet(), List.of(newScan)) : newScan);
      } else {
        RelNode newScan = scan.withSpec(scan.spec.withRowsNeededHint(offset + fetch));
        RelNode input = hasFilter ? ((LogicalFilter) call.rel(1)).copy(call.rel(1).getTraitSet(), List.of(newScan)) : newScan;
        call.transformTo(sort.copy(sort.getTraitSet(), List.of(input)));
      }
    }
  }

  private static int depth(RelOptRuleOperand operand) {
    return operand.getChildOperands().isEmpty() ? 1 : 1 + depth(operand.getChildOperands().get(0));
  }

  private static Long literalValue(RexNode node) {
    if (node instanceof RexDynamicParam) {
      return null;
    }
    if (node instanceof RexLiteral literal) {
      Number n = literal.getValueAs(Long.class);
      return n == null ? null : n.longValue();
    }
    return null;
  }

  /**
   * Answers {@code COUNT(*)}, alone or grouped by {@code feature}, from the {@code total} of one
   * smallest page per listing, when nothing local can drop rows.
   */
  private static final class CountRule extends RelOptRule {
    CountRule(RelOptRuleOperand operand) {
      super(operand, "ModelArtsCountRule_" + depth(operand));
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate aggregate = call.rel(0);
      ModelArtsTableScan scan = lastScan(call);
      if (!(scan.modelArtsTable instanceof NotebooksTable)
          || scan.spec.hasWindow()
          || !filterIsExact(call, scan)
          || aggregate.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE
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
        int key = aggregate.getGroupSet().nth(0);
        if (call.rel(1) instanceof LogicalProject project) {
          if (!(project.getProjects().get(key) instanceof RexInputRef ref)) {
            return;
          }
          key = ref.getIndex();
        }
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
   * Gives a child table ({@code endpoints}, {@code action_progress}) joined to {@code notebooks}
   * on {@code notebook_id = id} the listings of the {@code notebooks} scan, and lets both scans
   * share their pages: the join then costs the calls of the {@code notebooks} scan alone.
   *
   * <p>Exact because the join keeps only child rows whose notebook the {@code notebooks} side
   * returns, and those notebooks all come from those very listings. Not for {@code images}: its
   * rows merge every notebook's copy of an image, so a narrower listing could change them.
   */
  private static final class JoinRule extends RelOptRule {
    private final boolean childIsRight;

    JoinRule(RelOptRuleOperand operand, boolean leftHasFilter, boolean rightHasFilter) {
      super(operand, "ModelArtsJoinRule_" + leftHasFilter + "_" + rightHasFilter);
      this.childIsRight = leftHasFilter;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalJoin join = call.rel(0);
      List<RelNode> rels = call.getRelList();
      ModelArtsTableScan left = (ModelArtsTableScan) (rels.get(1) instanceof ModelArtsTableScan s ? s : rels.get(2));
      ModelArtsTableScan right = lastScan(call);
      tryOrientation(call, join, left, right, false);
      tryOrientation(call, join, right, left, true);
    }

    private void tryOrientation(
        RelOptRuleCall call, LogicalJoin join, ModelArtsTableScan child, ModelArtsTableScan parent, boolean childOnRight) {
      if (!(parent.modelArtsTable instanceof NotebooksTable)
          || !(child.modelArtsTable instanceof EndpointsTable || child.modelArtsTable instanceof ActionProgressTable)
          || !child.spec.isPristine()
          || child.spec.shared()
          || parent.spec.hasWindow()
          || parent.spec.rowsNeededHint() >= 0
          || parent.spec.shared()) {
        return;
      }
      JoinRelType type = join.getJoinType();
      boolean childMayBeRestricted =
          type == JoinRelType.INNER
              || (type == JoinRelType.LEFT && childOnRight)
              || (type == JoinRelType.RIGHT && !childOnRight);
      if (!childMayBeRestricted) {
        return;
      }
      JoinInfo info = join.analyzeCondition();
      int childKey = child.modelArtsTable.indexOf("notebook_id");
      int parentKey = parent.modelArtsTable.indexOf("id");
      boolean keyed = false;
      for (int i = 0; i < info.leftKeys.size(); i++) {
        int l = info.leftKeys.get(i);
        int r = info.rightKeys.get(i);
        if (childOnRight ? (r == childKey && l == parentKey) : (l == childKey && r == parentKey)) {
          keyed = true;
        }
      }
      if (!keyed) {
        return;
      }
      ScanSpec parentSpec = parent.spec.asShared();
      ScanSpec childSpec = parentSpec.withFilter(parentSpec.listings(), false, "via join with notebooks");
      RelNode newChild = child.withSpec(childSpec);
      RelNode newParent = replaceScan(call, parent, parent.withSpec(parentSpec));
      RelNode newLeft = childOnRight ? newParent : newChild;
      RelNode newRight = childOnRight ? newChild : newParent;
      call.transformTo(join.copy(join.getTraitSet(), join.getCondition(), newLeft, newRight, type, join.isSemiJoinDone()));
    }

    /** The matched input that holds {@code scan} (the scan itself or its filter), rebuilt on {@code replacement}. */
    private static RelNode replaceScan(RelOptRuleCall call, ModelArtsTableScan scan, RelNode replacement) {
      List<RelNode> rels = call.getRelList();
      for (int i = 1; i < rels.size() - 1; i++) {
        if (rels.get(i) instanceof LogicalFilter filter && rels.get(i + 1) == scan) {
          return filter.copy(filter.getTraitSet(), List.of(replacement));
        }
      }
      return replacement;
    }
  }
}
