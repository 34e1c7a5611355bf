package io.modelarts.sql.calcite.planner;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.util.Util;

/**
 * Tells a simple plan: table scans under projections, filters and sorts, or values, with no window
 * function, sub-query or correlation in any expression — a listing, a lookup or a page, the shape
 * of most first queries, which the planner plans with the few default rules that can match such
 * nodes.
 */
public final class SimplePlans {
  private SimplePlans() {}

  /** Whether every node of {@code plan} is a table scan, projection, filter, sort or values. */
  public static boolean isSimple(RelNode plan) {
    boolean simpleNode =
        plan instanceof TableScan && plan.getInputs().isEmpty()
            || plan instanceof LogicalProject
            || plan instanceof LogicalFilter filter && filter.getVariablesSet().isEmpty()
            || plan instanceof LogicalSort
            || plan instanceof LogicalValues;
    if (!simpleNode || !ExpressionCheck.simple(plan)) {
      return false;
    }
    for (RelNode input : plan.getInputs()) {
      if (!isSimple(input)) {
        return false;
      }
    }
    return true;
  }

  /** Visits a node's expressions and stops at the first window, sub-query or correlation. */
  private static final class ExpressionCheck extends RexShuttle {
    private static final ExpressionCheck INSTANCE = new ExpressionCheck();

    static boolean simple(RelNode node) {
      try {
        node.accept(INSTANCE);
        return true;
      } catch (Util.FoundOne found) {
        return false;
      }
    }

    @Override
    public RexNode visitOver(RexOver over) {
      throw Util.FoundOne.NULL;
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      throw Util.FoundOne.NULL;
    }

    @Override
    public RexNode visitCorrelVariable(RexCorrelVariable variable) {
      throw Util.FoundOne.NULL;
    }
  }
}
