package io.modelarts.sql.calcite.planner;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
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
 * The kinds of node a logical plan is made of, as far as the planner's rules care: the shapes of
 * most first queries (a listing, a lookup, a page, a count by group, a notebook joined to its
 * endpoints) need only the default rules that can match their nodes.
 *
 * <p>No simple shape has a window function, a sub-query or a correlation in any expression.
 */
public enum PlanShape {
  /** Table scans under projections, filters and sorts, or values. */
  SCANS,
  /** As {@link #SCANS}, with aggregates of one grouping set and no {@code DISTINCT} call. */
  AGGREGATES,
  /** As {@link #AGGREGATES}, with joins that need no correlation. */
  JOINS,
  /** Anything else: set operations, windows, sub-queries, correlations, distinct aggregates... */
  OTHER;

  /** The first of the shapes, in declaration order, that {@code plan} has. */
  public static PlanShape of(RelNode plan) {
    PlanShape shape = SCANS;
    if (plan instanceof LogicalAggregate aggregate) {
      if (aggregate.getGroupType() != Aggregate.Group.SIMPLE
          || aggregate.containsDistinctCall()
          || aggregate.getAggCallList().stream().anyMatch(call -> call.distinctKeys != null)) {
        return OTHER;
      }
      shape = AGGREGATES;
    } else if (plan instanceof LogicalJoin join) {
      if (!join.getVariablesSet().isEmpty()) {
        return OTHER;
      }
      shape = JOINS;
    } else if (!(plan instanceof TableScan && plan.getInputs().isEmpty()
        || plan instanceof LogicalProject
        || plan instanceof LogicalFilter filter && filter.getVariablesSet().isEmpty()
        || plan instanceof LogicalSort
        || plan instanceof LogicalValues)) {
      return OTHER;
    }
    if (!ExpressionCheck.simple(plan)) {
      return OTHER;
    }
    for (RelNode input : plan.getInputs()) {
      PlanShape inputShape = of(input);
      if (inputShape.compareTo(shape) > 0) {
        shape = inputShape;
      }
      if (shape == OTHER) {
        return OTHER;
      }
    }
    return shape;
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
