package io.modelarts.sql.calcite.planner;

import io.modelarts.sql.calcite.AggregateCalls;
import io.modelarts.sql.calcite.Percentiles;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.sql.SqlAggFunction;

/**
 * Puts the driver's {@link Percentiles} in place of each {@code PERCENTILE_CONT} and {@code
 * PERCENTILE_DISC} call of a plan's aggregates, before the planner sees them: the call, over its
 * fraction, becomes one over the fraction and its key, still ordered by the key.
 *
 * <p>Why before planning: Calcite's planner finds no code for Calcite's own calls and fails the
 * whole query ("could not be implemented"). The key joins the call's arguments because the function
 * reads its arguments only, and the order stays on the call so that Calcite's aggregate feeds the
 * function its rows in that order.
 */
final class PercentileCalls {
  private PercentileCalls() {}

  /** {@code rel} with its percentile calls made the driver's, sub-queries included. */
  static RelNode of(RelNode rel) {
    return PlanRewrite.nodes(
        rel, node -> node instanceof Aggregate aggregate ? implemented(aggregate) : node);
  }

  private static RelNode implemented(Aggregate aggregate) {
    return AggregateCalls.replaced(
        aggregate,
        call -> {
          SqlAggFunction function = Percentiles.implementationOf(call.getAggregation());
          // The validator let through one fraction and one key.
          return function == null
              ? call
              : AggregateCalls.withFunction(
                  call,
                  function,
                  List.of(
                      call.getArgList().get(0),
                      call.getCollation().getFieldCollations().get(0).getFieldIndex()));
        });
  }
}
