package io.modelarts.sql.calcite.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Makes each operand of an {@code AND} or {@code OR} that may fail, such as a division, computed
 * only where the operands before it leave the answer open, anywhere in an expression: {@code a AND
 * b} becomes {@code CASE WHEN NOT a THEN FALSE ELSE a AND b END}, {@code a OR b} becomes {@code
 * CASE WHEN a THEN TRUE ELSE a OR b END}.
 *
 * <p>Why: the generated code and the interpreter compute every operand of an {@code AND} or {@code
 * OR} before combining them, so in {@code SUM(CASE WHEN x <> 0 AND y / x > 1 THEN 1 ELSE 0 END)} or
 * {@code WHERE x = 0 OR y / x > 1} the division ran where {@code x} is 0 and the query failed with
 * "Division by zero", where PostgreSQL, which evaluates them from the left, answers. The rewrite is
 * exact in SQL's three-valued logic: where the operands before are false (for {@code AND}; true for
 * {@code OR}) the answer is known whatever the next one is, and elsewhere, NULL included, the
 * operand runs as before. A {@code CASE} computes its branch only when its test holds, and
 * Calcite's simplifier keeps a {@code CASE} whose branch may fail.
 */
final class GuardedOperands extends RexShuttle {
  private final RexBuilder rexBuilder;

  GuardedOperands(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall logical)
        || (logical.getKind() != SqlKind.AND && logical.getKind() != SqlKind.OR)) {
      return visited;
    }
    List<RexNode> operands = logical.getOperands();
    if (operands.stream().skip(1).noneMatch(CallsThatMayFail::foundIn)) {
      return visited;
    }
    boolean and = logical.getKind() == SqlKind.AND;
    // The operands so far, flat as Calcite keeps them; a guard makes them one CASE.
    List<RexNode> before = new ArrayList<>(List.of(operands.get(0)));
    for (RexNode operand : operands.subList(1, operands.size())) {
      // Not behind a sub-query, which the CASE would hold two copies of to plan and run.
      if (!CallsThatMayFail.foundIn(operand) || RexUtil.SubQueryFinder.find(before) != null) {
        before.add(operand);
        continue;
      }
      RexNode settling = compose(and, before);
      List<RexNode> all = new ArrayList<>(before);
      all.add(operand);
      RexNode both = compose(and, all);
      // Where the operands before settle the answer (FALSE for AND, TRUE for OR), that answer.
      RexNode guarded =
          rexBuilder.makeCall(
              both.getType(),
              SqlStdOperatorTable.CASE,
              List.of(
                  and ? rexBuilder.makeCall(SqlStdOperatorTable.NOT, settling) : settling,
                  rexBuilder.makeLiteral(!and),
                  both));
      before = new ArrayList<>(List.of(guarded));
    }
    RexNode result = compose(and, before);
    return rexBuilder.ensureType(logical.getType(), result, true);
  }

  /** The {@code AND} or {@code OR} of {@code operands}; the one operand itself. */
  private RexNode compose(boolean and, List<RexNode> operands) {
    return operands.size() == 1
        ? operands.get(0)
        : rexBuilder.makeCall(
            and ? SqlStdOperatorTable.AND : SqlStdOperatorTable.OR, List.copyOf(operands));
  }
}
