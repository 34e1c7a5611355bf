package io.modelarts.sql.calcite.planner;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * A rewrite of every node of a plan, its inputs first, and of the plans of the sub-queries in its
 * expressions, which a plan holds until Calcite's sub-query step makes them joins; the driver's own
 * planner steps that run before that step extend it.
 */
abstract class PlanRewrite extends RelHomogeneousShuttle {
  private final RexShuttle subQueries = new Expressions();

  /** The rewrite of one node's expressions; {@link Expressions} by default. */
  protected RexShuttle expressions() {
    return subQueries;
  }

  /** {@code node}, its inputs and expressions already rewritten, rewritten itself. */
  protected RelNode rewritten(RelNode node) {
    return node;
  }

  @Override
  public final RelNode visit(RelNode other) {
    return rewritten(super.visit(other).accept(expressions()));
  }

  /** Rewrites the plans of an expression's sub-queries with the plan's rewrite. */
  protected class Expressions extends RexShuttle {
    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
      RelNode rel = visited.rel.accept(PlanRewrite.this);
      return rel == visited.rel ? visited : visited.clone(rel);
    }
  }
}
