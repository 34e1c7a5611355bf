package io.modelarts.sql.calcite.interpreter;

/**
 * A call's operands, each compiled into a {@link RowExpression} when asked for: a function checks
 * its operator and operand types first, so an operand of a call it leaves to Calcite is never
 * compiled in vain.
 */
@FunctionalInterface
interface Operands {
  /** The operand at {@code index}, compiled. */
  RowExpression get(int index) throws NotInterpretable;
}
