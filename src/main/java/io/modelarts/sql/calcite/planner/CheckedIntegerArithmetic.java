package io.modelarts.sql.calcite.planner;

import io.modelarts.sql.calcite.ApproximateArithmetic;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Makes a plan's {@code +}, {@code -}, {@code *}, {@code /} and negation of {@code INTEGER}s and
 * {@code BIGINT}s Calcite's checked operators, which fail on overflow ("integer overflow", SQLState
 * 22003) instead of wrapping.
 *
 * <p>Why: Calcite computes them in a Java {@code int} or {@code long}, so {@code volume_capacity *
 * 1073741824} (a capacity in bytes) of 10 gave -2147483648 without an error; SQL says the result is
 * out of range, and PostgreSQL, Oracle and SQL Server say so. Calcite converts arithmetic this way
 * itself only under a conformance that asks for it ({@code checkedArithmetic}), and then also wraps
 * decimal arithmetic in casts to its own type, which would cut the digits the driver's quotients
 * keep (types.md); the driver checks integers only. The generated code calls {@code
 * SqlFunctions.checkedPlus} and the others ({@code Math.addExact} and the like); the interpreter
 * computes the same. A division, {@code POWER} and {@code EXP} typed {@code DOUBLE} become the
 * driver's ({@link ApproximateArithmetic}), which fail where SQL's do and Java's give {@code
 * Infinity} or {@code NaN}.
 */
final class CheckedIntegerArithmetic {
  /** Each unchecked operator, with its checked twin. */
  private static final Map<SqlOperator, SqlOperator> CHECKED =
      Map.of(
          SqlStdOperatorTable.PLUS, SqlStdOperatorTable.CHECKED_PLUS,
          SqlStdOperatorTable.MINUS, SqlStdOperatorTable.CHECKED_MINUS,
          SqlStdOperatorTable.MULTIPLY, SqlStdOperatorTable.CHECKED_MULTIPLY,
          SqlStdOperatorTable.DIVIDE, SqlStdOperatorTable.CHECKED_DIVIDE,
          SqlStdOperatorTable.DIVIDE_INTEGER, SqlStdOperatorTable.CHECKED_DIVIDE_INTEGER,
          SqlStdOperatorTable.UNARY_MINUS, SqlStdOperatorTable.CHECKED_UNARY_MINUS);

  private CheckedIntegerArithmetic() {}

  /** {@code rel} with its integer arithmetic checked, sub-queries included. */
  static RelNode of(RelNode rel) {
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    return PlanRewrite.expressions(rel, plan -> new Arithmetic(plan, rexBuilder));
  }

  /** Rewrites the arithmetic of one expression, and of the plans of its sub-queries. */
  private static final class Arithmetic extends PlanRewrite.Expressions {
    private final RexBuilder rexBuilder;

    Arithmetic(PlanRewrite plan, RexBuilder rexBuilder) {
      super(plan);
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      SqlOperator checked = CHECKED.get(call.getOperator());
      SqlTypeName type = call.getType().getSqlTypeName();
      SqlOperator approximate = ApproximateArithmetic.checked(call.getOperator());
      if (approximate != null
          && (type == SqlTypeName.DOUBLE || type == SqlTypeName.FLOAT)
          && visited instanceof RexCall approximateCall) {
        // Its operands made DOUBLEs, the method's parameters, as Calcite's code converts them.
        RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
        RelDataType doubleType = typeFactory.createSqlType(SqlTypeName.DOUBLE);
        List<RexNode> operands =
            approximateCall.getOperands().stream()
                .map(
                    operand ->
                        operand.getType().getSqlTypeName() == SqlTypeName.DOUBLE
                            ? operand
                            : rexBuilder.makeCast(
                                typeFactory.createTypeWithNullability(
                                    doubleType, operand.getType().isNullable()),
                                operand))
                .toList();
        return rexBuilder.makeCall(
            approximateCall.getParserPosition(), call.getType(), approximate, operands);
      }
      if (checked == null
          || !(visited instanceof RexCall visitedCall)
          || (type != SqlTypeName.INTEGER && type != SqlTypeName.BIGINT)) {
        return visited;
      }
      return rexBuilder.makeCall(
          visitedCall.getParserPosition(), call.getType(), checked, visitedCall.getOperands());
    }
  }
}
