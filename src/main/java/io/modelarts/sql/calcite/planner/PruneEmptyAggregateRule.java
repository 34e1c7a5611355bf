package io.modelarts.sql.calcite.planner;

import java.util.function.Predicate;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Calcite's rule that plans an aggregate over no rows as no rows, but not when one of its grouping
 * sets is the empty set.
 *
 * <p>Why: the empty grouping set (a {@code ROLLUP}'s or {@code CUBE}'s grand total) gives one row
 * even over no rows, as an aggregate without {@code GROUP BY} does, so {@code … WHERE 1 = 0 GROUP
 * BY ROLLUP(status)} is one row, not none. Calcite's rule checks only that the aggregate groups by
 * some column (up to Calcite 1.42 at least). Such an aggregate stays in the plan, where {@link
 * io.modelarts.sql.calcite.GrandTotalRow} gives its row. Named as Calcite's rule, with its
 * description and builder, so that plans and rule lists read the same.
 */
final class PruneEmptyAggregateRule extends PruneEmptyRules.RemoveEmptySingleRule {
  // The constructor that takes a configuration is package-private; this one, deprecated, is the
  // public way to give the operand a predicate, and builds the same kind of configuration.
  @SuppressWarnings("deprecation")
  PruneEmptyAggregateRule() {
    super(
        Aggregate.class,
        (Predicate<Aggregate>) PruneEmptyAggregateRule::hasNoRowOverNoRows,
        RelFactories.LOGICAL_BUILDER,
        "PruneEmptyAggregate");
  }

  /** True when {@code aggregate} over no rows gives none: it has keys, and no empty set. */
  static boolean hasNoRowOverNoRows(Aggregate aggregate) {
    return Aggregate.isNotGrandTotal(aggregate)
        && !aggregate.getGroupSets().contains(ImmutableBitSet.of());
  }
}
