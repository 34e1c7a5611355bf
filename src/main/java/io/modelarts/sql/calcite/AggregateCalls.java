package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlAggFunction;

/**
 * Replacing an aggregate's calls with the driver's functions, for the rewrites that give Calcite's
 * calls code of the driver's ({@link CheckedSums}, the planner's {@code PercentileCalls}).
 */
public final class AggregateCalls {
  private AggregateCalls() {}

  /**
   * {@code aggregate} with each call replaced by what {@code replacement} makes of it (the call
   * itself to keep it); {@code aggregate} itself if no call changed.
   */
  public static Aggregate replaced(Aggregate aggregate, UnaryOperator<AggregateCall> replacement) {
    List<AggregateCall> calls = new ArrayList<>();
    boolean changed = false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      AggregateCall replaced = replacement.apply(call);
      calls.add(replaced);
      changed |= replaced != call;
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

  /**
   * {@code call} of {@code function} over {@code arguments}, the same in all else, its type too.
   */
  public static AggregateCall withFunction(
      AggregateCall call, SqlAggFunction function, List<Integer> arguments) {
    return AggregateCall.create(
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
        call.getName());
  }
}
