package io.modelarts.sql.calcite.interpreter;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The scalar functions the interpreter evaluates, each by calling the {@link SqlFunctions} method
 * Calcite's generated code calls for it, with the same argument types: {@code UPPER}, {@code
 * LOWER}, {@code CHAR_LENGTH}, {@code ||}, {@code POSITION(a IN b)}, {@code SUBSTRING} (its
 * positions INTEGERs) and {@code TRIM} (of one literal character) of strings, {@code MOD} and
 * {@code ABS} of INTEGERs or of BIGINTs. Like the generated code, every operand is evaluated first,
 * and a NULL operand makes the result NULL; the methods' exceptions (a negative substring length,
 * {@code MOD} by zero) are theirs. Any other function, or other operand types, throws {@link
 * NotInterpretable}.
 *
 * <p>Why: these are the functions a hand-written filter or projection most often holds ({@code
 * LOWER(name) LIKE '%x%'}), and each would otherwise cost its plan a compilation.
 */
final class FunctionCalls {
  private FunctionCalls() {}

  /** {@code call}, whose operands {@code operands} compiles, as an expression over a row. */
  static RowExpression of(RexCall call, Operands operands) throws NotInterpretable {
    SqlOperator operator = call.getOperator();
    List<RexNode> arguments = call.getOperands();
    if (operator == SqlStdOperatorTable.UPPER) {
      requireStrings(arguments);
      return RowExpression.strict(operands.get(0), s -> SqlFunctions.upper(s.toString()));
    }
    if (operator == SqlStdOperatorTable.LOWER) {
      requireStrings(arguments);
      return RowExpression.strict(operands.get(0), s -> SqlFunctions.lower(s.toString()));
    }
    if (operator == SqlStdOperatorTable.CHAR_LENGTH
        || operator == SqlStdOperatorTable.CHARACTER_LENGTH) {
      requireStrings(arguments);
      return RowExpression.strict(operands.get(0), s -> SqlFunctions.charLength(s.toString()));
    }
    if (operator == SqlStdOperatorTable.CONCAT) {
      requireStrings(arguments);
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          (a, b) -> SqlFunctions.concat(a.toString(), b.toString()));
    }
    if (operator == SqlStdOperatorTable.POSITION && arguments.size() == 2) {
      requireStrings(arguments);
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          (a, b) -> SqlFunctions.position(a.toString(), b.toString()));
    }
    if (operator == SqlStdOperatorTable.SUBSTRING) {
      return substring(arguments, operands);
    }
    if (operator == SqlStdOperatorTable.TRIM) {
      return trim(arguments, operands);
    }
    if (operator == SqlStdOperatorTable.MOD) {
      boolean ints = integersOfResultType(call);
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          ints
              ? (a, b) -> SqlFunctions.mod(((Integer) a).intValue(), ((Integer) b).intValue())
              : (a, b) -> SqlFunctions.mod(((Long) a).longValue(), ((Long) b).longValue()));
    }
    if (operator == SqlStdOperatorTable.ABS) {
      boolean ints = integersOfResultType(call);
      return RowExpression.strict(
          operands.get(0),
          ints
              ? v -> SqlFunctions.abs(((Integer) v).intValue())
              : v -> SqlFunctions.abs(((Long) v).longValue()));
    }
    throw new NotInterpretable("operator " + operator.getName());
  }

  /** {@code SUBSTRING(s FROM start [FOR length])}, positions INTEGERs (the generated overload). */
  private static RowExpression substring(List<RexNode> arguments, Operands operands)
      throws NotInterpretable {
    requireStrings(arguments.subList(0, 1));
    for (RexNode position : arguments.subList(1, arguments.size())) {
      if (position.getType().getSqlTypeName() != SqlTypeName.INTEGER) {
        throw new NotInterpretable("SUBSTRING position of " + position.getType());
      }
    }
    if (arguments.size() == 2) {
      return RowExpression.strict(
          operands.get(0),
          operands.get(1),
          (s, start) -> SqlFunctions.substring(s.toString(), (int) (Integer) start));
    }
    return RowExpression.strict(
        operands.get(0),
        operands.get(1),
        operands.get(2),
        (string, start, length) ->
            SqlFunctions.substring(
                string.toString(), (int) (Integer) start, (int) (Integer) length));
  }

  /**
   * {@code TRIM([BOTH|LEADING|TRAILING] c FROM s)} with one character {@code c}, a literal (as in
   * {@code TRIM(s)}, a space): {@code SqlFunctions.trim(left, right, c, s, strict)}, as generated.
   * The generated code's {@code strict} (from the SQL conformance) only refuses a {@code c} of
   * another length, which is not taken here.
   */
  private static RowExpression trim(List<RexNode> arguments, Operands operands)
      throws NotInterpretable {
    requireStrings(arguments.subList(1, 3));
    if (!(arguments.get(0) instanceof RexLiteral flagLiteral
            && flagLiteral.getValue() instanceof SqlTrimFunction.Flag flag)
        || !(arguments.get(1) instanceof RexLiteral seekLiteral)
        || seekLiteral.isNull()
        || seekLiteral.getValueAs(String.class).length() != 1) {
      throw new NotInterpretable("TRIM of " + arguments);
    }
    boolean left = flag == SqlTrimFunction.Flag.BOTH || flag == SqlTrimFunction.Flag.LEADING;
    boolean right = flag == SqlTrimFunction.Flag.BOTH || flag == SqlTrimFunction.Flag.TRAILING;
    String seek = seekLiteral.getValueAs(String.class);
    return RowExpression.strict(
        operands.get(2), s -> SqlFunctions.trim(left, right, seek, s.toString(), true));
  }

  /** Each of {@code arguments} is a CHAR or VARCHAR, as the {@code String} methods take. */
  private static void requireStrings(List<RexNode> arguments) throws NotInterpretable {
    for (RexNode argument : arguments) {
      SqlTypeName type = argument.getType().getSqlTypeName();
      if (type != SqlTypeName.CHAR && type != SqlTypeName.VARCHAR) {
        throw new NotInterpretable("string function of " + argument.getType());
      }
    }
  }

  /**
   * Whether {@code call}'s result and operands are all INTEGERs (else all BIGINTs, the only other
   * types taken), so that the {@code int} or {@code long} overload is the one the generated code
   * calls.
   */
  private static boolean integersOfResultType(RexCall call) throws NotInterpretable {
    SqlTypeName type = call.getType().getSqlTypeName();
    if (type != SqlTypeName.INTEGER && type != SqlTypeName.BIGINT) {
      throw new NotInterpretable(call.getOperator().getName() + " of type " + call.getType());
    }
    for (RexNode operand : call.getOperands()) {
      RelDataType operandType = operand.getType();
      if (operandType.getSqlTypeName() != type) {
        throw new NotInterpretable(call.getOperator().getName() + " of " + operandType);
      }
    }
    return type == SqlTypeName.INTEGER;
  }
}
