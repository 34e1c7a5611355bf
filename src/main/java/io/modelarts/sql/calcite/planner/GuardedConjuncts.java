package io.modelarts.sql.calcite.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Makes each condition of a filter ({@code WHERE}, {@code HAVING}) or a join's {@code ON} that may
 * fail, such as a division, run only on the rows that the conditions before it let through: {@code
 * x <> 0 AND y / x > 1} becomes {@code x <> 0 AND CASE WHEN x <> 0 THEN y / x > 1 ELSE FALSE END}.
 *
 * <p>Why: the generated code and the interpreter compute every operand of an {@code AND} before
 * combining them, so the division ran on the rows where {@code x} is 0 and the query failed with
 * "Division by zero", where PostgreSQL (which evaluates an {@code AND} from the left) answers. SQL
 * leaves the order to the engine; users write the guard first and expect it to guard. A {@code
 * CASE} computes its branch only when its test holds, and Calcite's simplifier keeps a {@code CASE}
 * whose branch may fail. In a filter the two conditions are the same: where the guard is NULL or
 * false, both leave the row out. The conditions before stay as they are, so the scan still pushes
 * them to the API. The operands of an {@code AND} or {@code OR} within a condition, and in a
 * projection, are guarded as {@link GuardedOperands} says.
 */
final class GuardedConjuncts {
  private GuardedConjuncts() {}

  /**
   * {@code rel} with its filters' and joins' conditions guarded, and the operands of every {@code
   * AND} and {@code OR} in them and in projections ({@link GuardedOperands}), sub-queries included.
   */
  static RelNode of(RelNode rel) {
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    GuardedOperands operands = new GuardedOperands(rexBuilder);
    return PlanRewrite.nodes(
        rel,
        node -> {
          if (node instanceof Project project) {
            List<RexNode> expressions = operands.apply(project.getProjects());
            return expressions.equals(project.getProjects())
                ? project
                : project.copy(
                    project.getTraitSet(), project.getInput(), expressions, project.getRowType());
          }
          if (node instanceof Filter filter) {
            RexNode condition = guarded(filter.getCondition(), operands, rexBuilder);
            return condition == filter.getCondition()
                ? filter
                : filter.copy(filter.getTraitSet(), filter.getInput(), condition);
          }
          if (node instanceof Join join) {
            // An ON condition too: a pair it does not hold for, NULL or false, does not match.
            RexNode condition = guarded(join.getCondition(), operands, rexBuilder);
            return condition == join.getCondition()
                ? join
                : join.copy(
                    join.getTraitSet(),
                    condition,
                    join.getLeft(),
                    join.getRight(),
                    join.getJoinType(),
                    join.isSemiJoinDone());
          }
          return node;
        });
  }

  /**
   * {@code condition} with its conjuncts that may fail guarded, and the operands within them;
   * itself if none is.
   */
  private static RexNode guarded(
      RexNode condition, GuardedOperands operands, RexBuilder rexBuilder) {
    List<RexNode> written = RelOptUtil.conjunctions(condition);
    List<RexNode> conjuncts = operands.apply(written);
    List<RexNode> guarded = new ArrayList<>(conjuncts.size());
    boolean changed = !conjuncts.equals(written);
    for (int i = 0; i < conjuncts.size(); i++) {
      RexNode conjunct = conjuncts.get(i);
      if (i > 0 && CallsThatMayFail.foundIn(conjunct)) {
        // The conditions before it but sub-queries, which the CASE would hold a second copy of to
        // plan and run: a weaker guard, which still leaves the filter's rows as they are.
        List<RexNode> before =
            conjuncts.subList(0, i).stream()
                .filter(c -> RexUtil.SubQueryFinder.find(List.of(c)) == null)
                .toList();
        if (!before.isEmpty()) {
          conjunct =
              rexBuilder.makeCall(
                  conjunct.getType(),
                  SqlStdOperatorTable.CASE,
                  List.of(
                      RexUtil.composeConjunction(rexBuilder, before),
                      conjunct,
                      rexBuilder.makeLiteral(false)));
          changed = true;
        }
      }
      guarded.add(conjunct);
    }
    return changed ? RexUtil.composeConjunction(rexBuilder, guarded) : condition;
  }
}
