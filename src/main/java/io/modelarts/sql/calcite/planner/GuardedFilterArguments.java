package io.modelarts.sql.calcite.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Makes each argument of a filtered aggregate call that may fail, such as a division, computed only
 * on the rows its {@code FILTER} lets through: in {@code SUM(y / x) FILTER (WHERE x <> 0)} the
 * argument becomes {@code CASE WHEN x <> 0 THEN y / x END}, the filter staying as it was.
 *
 * <p>Why: an aggregate reads its arguments from the projection below it, which computes them for
 * every row, so the division ran where {@code x} is 0 and the query failed with "Division by zero",
 * where SQL (and PostgreSQL) answer: the filter decides which rows the call sees. A {@code CASE}
 * computes its branch only when its test holds; the rows it makes NULL are the ones the filter
 * leaves out, so the call's answer is unchanged. An argument only calls of one filter read is
 * guarded where it is; one read by others too gets a guarded copy, and is made NULL if in the end
 * nothing reads it, or the projection would still compute it for every row.
 */
final class GuardedFilterArguments {
  private GuardedFilterArguments() {}

  /** {@code rel} with its filtered calls' arguments guarded, sub-queries included. */
  static RelNode of(RelNode rel) {
    return PlanRewrite.nodes(
        rel,
        node ->
            node instanceof Aggregate aggregate && aggregate.getInput() instanceof Project project
                ? guarded(aggregate, project)
                : node);
  }

  private static RelNode guarded(Aggregate aggregate, Project project) {
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    List<RexNode> projects = project.getProjects();
    List<RexNode> expressions = new ArrayList<>(projects);
    List<String> names = new ArrayList<>(project.getRowType().getFieldNames());
    boolean changed = false;
    boolean[] mayFail = new boolean[projects.size()];
    for (int field = 0; field < projects.size(); field++) {
      mayFail[field] = CallsThatMayFail.foundIn(projects.get(field));
    }
    // A field only calls of one filter read is guarded in place: the fields keep their places,
    // which Calcite's expansion of a DISTINCT call relies on for the call's order.
    Integer[] onlyFilter =
        onlyFilters(aggregate.getGroupSet(), aggregate.getAggCallList(), projects.size());
    for (int field = 0; field < projects.size(); field++) {
      if (onlyFilter[field] != null && onlyFilter[field] >= 0 && mayFail[field]) {
        expressions.set(
            field, guard(projects.get(field), projects.get(onlyFilter[field]), rexBuilder));
        changed = true;
      }
    }
    // A field something else reads too gets a guarded copy for each filter.
    Map<List<Integer>, Integer> copies = new HashMap<>();
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall call : aggregate.getAggCallList()) {
      IntUnaryOperator copy =
          field ->
              call.filterArg < 0
                      || onlyFilter[field] == null
                      || onlyFilter[field] >= 0
                      || !mayFail[field]
                  ? field
                  : copies.computeIfAbsent(
                      List.of(field, call.filterArg),
                      key -> {
                        expressions.add(
                            guard(projects.get(field), projects.get(call.filterArg), rexBuilder));
                        names.add(names.get(field) + "$filtered");
                        return expressions.size() - 1;
                      });
      List<Integer> arguments = call.getArgList().stream().map(copy::applyAsInt).toList();
      // An ordered call (a percentile, LISTAGG ... WITHIN GROUP) computes its order's keys too.
      RelCollation collation =
          RelCollations.of(
              call.getCollation().getFieldCollations().stream()
                  .map(key -> key.withFieldIndex(copy.applyAsInt(key.getFieldIndex())))
                  .toList());
      calls.add(
          arguments.equals(call.getArgList()) && collation.equals(call.getCollation())
              ? call
              : call.withArgList(arguments).withCollation(collation));
    }
    if (!changed && copies.isEmpty()) {
      return aggregate;
    }
    // A field that may fail and that no call reads any more: computed, it would fail still.
    Integer[] stillRead = onlyFilters(aggregate.getGroupSet(), calls, expressions.size());
    for (int field = 0; field < projects.size(); field++) {
      if (stillRead[field] == null && mayFail[field]) {
        expressions.set(
            field,
            rexBuilder.makeNullLiteral(
                rexBuilder
                    .getTypeFactory()
                    .createTypeWithNullability(projects.get(field).getType(), true)));
      }
    }
    Project guardedProject =
        project.copy(
            project.getTraitSet(),
            project.getInput(),
            expressions,
            RexUtil.createStructType(rexBuilder.getTypeFactory(), expressions, names, null));
    return aggregate.copy(
        aggregate.getTraitSet(),
        guardedProject,
        aggregate.getGroupSet(),
        aggregate.getGroupSets(),
        calls);
  }

  /** {@code CASE WHEN filter THEN value END}, nullable. */
  private static RexNode guard(RexNode value, RexNode filter, RexBuilder rexBuilder) {
    RelDataType type = rexBuilder.getTypeFactory().createTypeWithNullability(value.getType(), true);
    return rexBuilder.makeCall(
        type, SqlStdOperatorTable.CASE, List.of(filter, value, rexBuilder.makeNullLiteral(type)));
  }

  /**
   * For each of {@code fieldCount} input fields of an aggregate with {@code groupSet} and {@code
   * calls}: null if nothing reads it; the filter field of the calls that read it if only calls with
   * that one filter read it, as arguments or keys of their order; -1 if anything else reads it.
   */
  private static Integer[] onlyFilters(
      ImmutableBitSet groupSet, List<AggregateCall> calls, int fieldCount) {
    Integer[] onlyFilter = new Integer[fieldCount];
    groupSet.forEach(field -> readBy(onlyFilter, field, -1));
    for (AggregateCall call : calls) {
      call.getArgList().forEach(field -> readBy(onlyFilter, field, call.filterArg));
      call.getCollation()
          .getFieldCollations()
          .forEach(key -> readBy(onlyFilter, key.getFieldIndex(), call.filterArg));
      if (call.filterArg >= 0) {
        readBy(onlyFilter, call.filterArg, -1);
      }
      if (call.distinctKeys != null) {
        call.distinctKeys.forEach(field -> readBy(onlyFilter, field, -1));
      }
    }
    return onlyFilter;
  }

  /** Notes in {@code onlyFilter} that {@code field} is read under {@code filter} (-1: none). */
  private static void readBy(Integer[] onlyFilter, int field, int filter) {
    onlyFilter[field] = onlyFilter[field] == null || onlyFilter[field] == filter ? filter : -1;
  }
}
