package io.modelarts.sql.calcite;

import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites each calc (or each node of another class) of a finished plan, just before it runs, or
 * leaves the plan as planned where Calcite refuses to rebuild a node over a rewritten input.
 *
 * <p>Why a fallback: rebuilding a node runs its constructor's checks again, and some refuse inputs
 * the planner gave them. An {@code EnumerableMergeUnion} checks that each input carries its
 * collation, which a projection over a sorted limit does not once the planner's sets are gone. Such
 * a plan compiles as planned, without the rewrite.
 */
final class CalcRewrites {
  private static final Logger LOG = LoggerFactory.getLogger(CalcRewrites.class);

  private CalcRewrites() {}

  /**
   * {@code plan} with each calc replaced by what {@code rewrite} makes of it (the calc itself to
   * keep it), inputs before the nodes over them, so that a depth-first walk meets the calcs in the
   * order {@code rewrite} sees them; or {@code plan} itself where a node could not be rebuilt,
   * logged at DEBUG as {@code what} left undone.
   */
  static RelNode eachCalc(RelNode plan, Function<EnumerableCalc, RelNode> rewrite, String what) {
    return eachOf(EnumerableCalc.class, plan, rewrite, what);
  }

  /** As {@link #eachCalc}, for each node of {@code type} instead. */
  static <T extends RelNode> RelNode eachOf(
      Class<T> type, RelNode plan, Function<T, RelNode> rewrite, String what) {
    try {
      return plan.accept(
          new RelShuttleImpl() {
            @Override
            public RelNode visit(RelNode other) {
              RelNode visited = super.visit(other);
              return type.isInstance(visited) ? rewrite.apply(type.cast(visited)) : visited;
            }
          });
    } catch (IllegalArgumentException e) {
      LOG.debug("{} left undone: the plan could not be rebuilt", what, e);
      return plan;
    }
  }
}
