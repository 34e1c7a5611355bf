package io.modelarts.sql.calcite.planner;

import io.modelarts.sql.calcite.UnsupportedSqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Computes each {@code DISTINCT} aggregate call that has an order ({@code LISTAGG(DISTINCT s, ',')
 * WITHIN GROUP (ORDER BY s)}, {@code STRING_AGG(DISTINCT s, ',' ORDER BY s)}) in an aggregate of
 * its own, joined to the others on the group keys, before the planner sees it; and there, over one
 * grouping set, as the call without {@code DISTINCT} over the distinct rows it reads ({@link
 * #distinctFirst}).
 *
 * <p>Why: Calcite's planner computes the distinct calls of an aggregate that has other calls as a
 * second aggregate over a first that groups by their arguments too ({@code
 * AggregateExpandDistinctAggregatesRule}), renumbering each call's arguments for it but not the
 * columns of its order. The call was then ordered by another column: {@code SELECT k, MIN(b),
 * LISTAGG(DISTINCT s, '|') WITHIN GROUP (ORDER BY s) … GROUP BY k} ordered by the separator, and
 * gave {@code y|x} where SQL gives {@code x|y}. Alone in its aggregate such a call is planned
 * another way, which keeps its order but with a {@code FILTER} (see {@link #distinctFirst}). The
 * two aggregates read the same input and give one row for each group, so the join on the keys (NULL
 * matching NULL) is one to one. Several grouping sets would each need that join: they are refused.
 */
final class OrderedDistinctCalls {
  private OrderedDistinctCalls() {}

  /** {@code rel} with such calls in aggregates of their own, sub-queries included. */
  static RelNode of(RelNode rel) {
    return PlanRewrite.nodes(
        rel, node -> node instanceof Aggregate aggregate ? split(aggregate) : node);
  }

  private static boolean orderedDistinct(AggregateCall call) {
    return call.isDistinct() && !call.getCollation().getFieldCollations().isEmpty();
  }

  private static RelNode split(Aggregate aggregate) {
    List<AggregateCall> calls = aggregate.getAggCallList();
    if (calls.stream().noneMatch(OrderedDistinctCalls::orderedDistinct)) {
      return aggregate;
    }
    if (calls.size() == 1) {
      return distinctFirst(aggregate);
    }
    if (aggregate.getGroupSets().size() > 1) {
      throw new UnsupportedSqlException(
          "A DISTINCT aggregate with an order (LISTAGG(DISTINCT …) WITHIN GROUP (ORDER BY …),"
              + " STRING_AGG(DISTINCT … ORDER BY …)) beside other aggregates over grouping sets"
              + " is not supported: Calcite 1.42 orders it by another column. Compute it in a"
              + " query of its own and join the two.");
    }
    // The pieces: the other calls together, then each ordered distinct call alone.
    List<List<Integer>> pieces = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (orderedDistinct(calls.get(i))) {
        pieces.add(List.of(i));
      } else {
        others.add(i);
      }
    }
    if (!others.isEmpty()) {
      pieces.add(0, others);
    }
    int keys = aggregate.getGroupCount();
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(aggregate.getCluster(), null);
    // Where each call's column is in the joined row.
    int[] columns = new int[calls.size()];
    int width = 0;
    for (List<Integer> piece : pieces) {
      List<AggregateCall> pieceCalls = new ArrayList<>();
      for (int i = 0; i < piece.size(); i++) {
        pieceCalls.add(calls.get(piece.get(i)));
        columns[piece.get(i)] = width + keys + i;
      }
      // Created as is, not through the builder, which would retype the calls.
      Aggregate pieceAggregate =
          LogicalAggregate.create(
              aggregate.getInput(),
              aggregate.getHints(),
              aggregate.getGroupSet(),
              null,
              pieceCalls);
      builder.push(distinctFirst(pieceAggregate));
      if (width > 0) {
        List<RexNode> sameKeys = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
          sameKeys.add(builder.isNotDistinctFrom(builder.field(2, 0, k), builder.field(2, 1, k)));
        }
        builder.join(JoinRelType.INNER, builder.and(sameKeys));
      }
      width += keys + piece.size();
    }
    List<RexNode> row = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      row.add(builder.field(k));
    }
    for (int column : columns) {
      row.add(builder.field(column));
    }
    return builder.project(row, aggregate.getRowType().getFieldNames(), true).build();
  }

  /**
   * {@code aggregate}, if its one call is an ordered {@code DISTINCT} one, as the call without
   * {@code DISTINCT} over the distinct rows of the group keys, the call's arguments and its filter;
   * {@code aggregate} itself if not, over several grouping sets, or if the call's order has a key
   * that is not one of its arguments.
   *
   * <p>Why not Calcite's planner: alone in its aggregate with a {@code FILTER}, the call is planned
   * as such a pair by Calcite's rule too, which renumbers its arguments but not the keys of its
   * order, right only where the numbers happen to stay: next to the pieces {@link #split} makes, a
   * {@code LISTAGG} was ordered by its separator. Duplicates differ in nothing the call reads, so
   * the call over the distinct rows sees each value once, and a group whose rows the filter all
   * leaves out keeps its row.
   */
  private static RelNode distinctFirst(Aggregate aggregate) {
    if (aggregate.getAggCallList().size() != 1) {
      return aggregate;
    }
    AggregateCall call = aggregate.getAggCallList().get(0);
    ImmutableBitSet arguments = ImmutableBitSet.of(call.getArgList());
    // Over grouping sets the distinct rows of the finest would repeat a value in a coarser one.
    if (!orderedDistinct(call)
        || aggregate.getGroupSets().size() > 1
        || call.getCollation().getFieldCollations().stream()
            .anyMatch(key -> !arguments.get(key.getFieldIndex()))) {
      return aggregate;
    }
    ImmutableBitSet.Builder read = aggregate.getGroupSet().rebuild().addAll(arguments);
    if (call.filterArg >= 0) {
      read.set(call.filterArg);
    }
    ImmutableBitSet distinctRows = read.build();
    Aggregate inner =
        LogicalAggregate.create(
            aggregate.getInput(), aggregate.getHints(), distinctRows, null, List.of());
    // A field of the input is at its rank among the inner aggregate's keys.
    IntUnaryOperator position = distinctRows::indexOf;
    AggregateCall plain =
        call.withDistinct(false)
            .withArgList(call.getArgList().stream().map(position::applyAsInt).toList())
            .withFilter(call.filterArg < 0 ? -1 : position.applyAsInt(call.filterArg))
            .withCollation(
                RelCollations.of(
                    call.getCollation().getFieldCollations().stream()
                        .map(key -> key.withFieldIndex(position.applyAsInt(key.getFieldIndex())))
                        .toList()));
    Aggregate outer =
        LogicalAggregate.create(
            inner,
            aggregate.getHints(),
            ImmutableBitSet.of(
                aggregate.getGroupSet().asList().stream().map(position::applyAsInt).toList()),
            null,
            List.of(plain));
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(aggregate.getCluster(), null);
    return builder.push(outer).rename(aggregate.getRowType().getFieldNames()).build();
  }
}
