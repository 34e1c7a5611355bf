package io.modelarts.sql.calcite.planner;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * A rewrite of every node of a plan, its inputs first, and of the plans of the sub-queries in its
 * expressions, which a plan holds until Calcite's sub-query step makes them joins; the driver's own
 * planner steps that run before that step use it.
 */
final class PlanRewrite extends RelHomogeneousShuttle {
  private final RexShuttle expressions;
  private final UnaryOperator<RelNode> nodes;

  private PlanRewrite(
      Function<PlanRewrite, ? extends Expressions> expressions, UnaryOperator<RelNode> nodes) {
    this.expressions = expressions.apply(this);
    this.nodes = nodes;
  }

  /**
   * {@code rel} with each node's expressions rewritten by those {@code expressions} makes of the
   * rewrite (which it needs for the plans of their sub-queries).
   */
  static RelNode expressions(
      RelNode rel, Function<PlanRewrite, ? extends Expressions> expressions) {
    return rel.accept(new PlanRewrite(expressions, UnaryOperator.identity()));
  }

  /** {@code rel} with each node, its inputs already rewritten, rewritten by {@code nodes}. */
  static RelNode nodes(RelNode rel, UnaryOperator<RelNode> nodes) {
    return rel.accept(new PlanRewrite(Expressions::new, nodes));
  }

  @Override
  public RelNode visit(RelNode other) {
    return nodes.apply(super.visit(other).accept(expressions));
  }

  /** Rewrites the plans of an expression's sub-queries with the plan's rewrite. */
  static class Expressions extends RexShuttle {
    private final PlanRewrite plan;

    Expressions(PlanRewrite plan) {
      this.plan = plan;
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
      RelNode rel = visited.rel.accept(plan);
      return rel == visited.rel ? visited : visited.clone(rel);
    }
  }
}
