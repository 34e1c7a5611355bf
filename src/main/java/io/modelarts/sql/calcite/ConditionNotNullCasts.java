package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Rewrites a plan about to be compiled so that no calc's condition casts a nullable value to a
 * {@code NOT NULL} type of its own kind: the value stays nullable, and whatever uses it becomes
 * nullable in turn.
 *
 * <p>Why: such a cast only asserts that the value is never NULL where it is read, and Calcite's
 * generated code trusts it, evaluating what lies over it as if no NULL could reach it. Calcite's
 * simplifier can break the assertion. {@code COALESCE(pool_id, 'x-1') NOT LIKE '_%-%'} becomes
 * {@code CASE WHEN pool_id IS NOT NULL THEN CAST(pool_id AS VARCHAR NOT NULL) NOT LIKE …}, and in a
 * filter the simplifier drops the {@code IS NOT NULL} test, since what remains is NULL for a NULL
 * pool id, and a filter leaves out NULL. In SQL it is; but the generated code reads {@code LIKE} of
 * the NULL as false, so {@code NOT LIKE} lets every NULL pool id through. With the cast gone the
 * code keeps SQL's three values, and a condition may be NULL (a row it leaves out). The projected
 * values keep their casts, so the result's types do not change. {@link
 * io.modelarts.sql.calcite.interpreter.PlanInterpreter} keeps a cast's NULL already and needs no
 * rewrite.
 */
public final class ConditionNotNullCasts {

  /** Tests whose answer is never NULL, whatever their operands are. */
  private static final Set<SqlKind> NEVER_NULL =
      Set.of(
          SqlKind.IS_NULL,
          SqlKind.IS_NOT_NULL,
          SqlKind.IS_TRUE,
          SqlKind.IS_NOT_TRUE,
          SqlKind.IS_FALSE,
          SqlKind.IS_NOT_FALSE,
          SqlKind.IS_DISTINCT_FROM,
          SqlKind.IS_NOT_DISTINCT_FROM);

  private ConditionNotNullCasts() {}

  /**
   * {@code plan} with such casts removed from its calcs' conditions; itself if it has none, or if
   * it cannot be rebuilt ({@link CalcRewrites}).
   */
  public static RelNode removed(RelNode plan) {
    return CalcRewrites.eachCalc(
        plan, ConditionNotNullCasts::withoutCasts, "Removing NOT NULL casts from conditions");
  }

  private static RelNode withoutCasts(EnumerableCalc calc) {
    RexProgram program = calc.getProgram();
    RexLocalRef condition = program.getCondition();
    if (condition == null) {
      return calc;
    }
    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    RexNode tree = program.expandLocalRef(condition);
    RexNode rewritten = tree.accept(new CastRemover(rexBuilder.getTypeFactory()));
    if (rewritten == tree) {
      return calc;
    }
    RexProgramBuilder builder = new RexProgramBuilder(program.getInputRowType(), rexBuilder);
    List<RexLocalRef> projects = program.getProjectList();
    List<String> names = program.getOutputRowType().getFieldNames();
    for (int i = 0; i < projects.size(); i++) {
      builder.addProject(program.expandLocalRef(projects.get(i)), names.get(i));
    }
    builder.addCondition(rewritten);
    return calc.copy(calc.getTraitSet(), calc.getInput(), builder.getProgram(true));
  }

  /**
   * Drops each cast that only makes a nullable value {@code NOT NULL}, and makes nullable each call
   * over an operand that became nullable (but for tests that are never NULL).
   */
  private static final class CastRemover extends RexShuttle {
    private final RelDataTypeFactory typeFactory;

    CastRemover(RelDataTypeFactory typeFactory) {
      this.typeFactory = typeFactory;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      List<RexNode> operands = new ArrayList<>(call.getOperands().size());
      boolean changed = false;
      boolean madeNullable = false;
      for (RexNode operand : call.getOperands()) {
        RexNode visited = operand.accept(this);
        changed |= visited != operand;
        madeNullable |= visited.getType().isNullable() && !operand.getType().isNullable();
        operands.add(visited);
      }
      RexNode operand = operands.isEmpty() ? null : operands.get(0);
      if (call.getKind() == SqlKind.CAST
          && !call.getType().isNullable()
          && operand != null
          && operand.getType().isNullable()
          && SqlTypeUtil.equalSansNullability(typeFactory, call.getType(), operand.getType())) {
        return operand;
      }
      if (!changed) {
        return call;
      }
      RelDataType type =
          madeNullable && !NEVER_NULL.contains(call.getKind())
              ? typeFactory.createTypeWithNullability(call.getType(), true)
              : call.getType();
      return call.clone(type, operands);
    }
  }
}
