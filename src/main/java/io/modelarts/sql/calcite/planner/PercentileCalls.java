package io.modelarts.sql.calcite.planner;

import io.modelarts.sql.calcite.Percentiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
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
    List<AggregateCall> calls = new ArrayList<>();
    boolean changed = false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      SqlAggFunction function = Percentiles.implementationOf(call.getAggregation());
      if (function == null) {
        calls.add(call);
        continue;
      }
      // The validator let through one fraction and one key.
      List<Integer> arguments =
          List.of(
              call.getArgList().get(0),
              call.getCollation().getFieldCollations().get(0).getFieldIndex());
      calls.add(
          AggregateCall.create(
              call.getParserPosition(),
              function,
              call.isDistinct(),
              call.isApproximate(),
              call.ignoreNulls(),
              call.rexList,
              arguments,
              call.filterArg,
              call.distinctKeys,
              call.getCollation(),
              call.getType(),
              call.getName()));
      changed = true;
    }
    return changed
        ? aggregate.copy(
            aggregate.getTraitSet(),
            aggregate.getInput(),
            aggregate.getGroupSet(),
            aggregate.getGroupSets(),
            calls)
        : aggregate;
  }
}
