package io.modelarts.sql.calcite.interpreter;

/**
 * Thrown while preparing a plan for interpretation when it holds a node, operator or type the
 * interpreter does not reproduce exactly; the plan is then compiled as Calcite would compile it.
 */
final class NotInterpretable extends Exception {
  private static final long serialVersionUID = 1L;

  NotInterpretable(String what) {
    // No stack trace: this is a decision, not a failure, and may be thrown for many queries.
    super(what, null, false, false);
  }
}
