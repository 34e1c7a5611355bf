package io.modelarts.sql.calcite.planner;

import io.modelarts.sql.calcite.ApproximateArithmetic;
import java.math.BigDecimal;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Finds the calls in an expression that may fail on some values of their operands (a division or a
 * remainder but by a literal other than 0 and -1, checked arithmetic, a cast of a value that is not
 * a literal to a type that is not a string), for the steps that compute such an expression only
 * where SQL needs its value.
 */
final class CallsThatMayFail extends RexVisitorImpl<Void> {
  /** Calls that may fail on some values of their operands, whatever their types. */
  private static final Set<SqlKind> MAY_FAIL =
      Set.of(
          SqlKind.DIVIDE,
          SqlKind.CHECKED_DIVIDE,
          SqlKind.MOD,
          SqlKind.CHECKED_PLUS,
          SqlKind.CHECKED_MINUS,
          SqlKind.CHECKED_TIMES,
          SqlKind.CHECKED_MINUS_PREFIX);

  private boolean found;

  private CallsThatMayFail() {
    super(true);
  }

  /** Whether {@code expression} computes, anywhere in it, something that may fail. */
  static boolean foundIn(RexNode expression) {
    CallsThatMayFail finder = new CallsThatMayFail();
    expression.accept(finder);
    return finder.found;
  }

  /**
   * Whether {@code call} is a division or remainder by a literal neither 0 nor -1 (by which an
   * integer's least value overflows), which cannot fail: {@code lease_duration / 3600000.0}.
   */
  private static boolean byHarmlessLiteral(RexCall call) {
    boolean divides =
        call.getKind() == SqlKind.DIVIDE
            || call.getKind() == SqlKind.CHECKED_DIVIDE
            || call.getKind() == SqlKind.MOD
            || ApproximateArithmetic.isDivision(call.getOperator());
    if (!divides
        || call.getOperands().size() != 2
        || !(call.getOperands().get(1) instanceof RexLiteral divisor)) {
      return false;
    }
    BigDecimal value = divisor.getValueAs(BigDecimal.class);
    return value != null && value.signum() != 0 && value.compareTo(BigDecimal.ONE.negate()) != 0;
  }

  /** Whether {@code call} is one of the driver's checked functions of {@code DOUBLE}s. */
  private static boolean approximate(RexCall call) {
    return ApproximateArithmetic.isDivision(call.getOperator())
        || ApproximateArithmetic.isPower(call.getOperator())
        || ApproximateArithmetic.isExp(call.getOperator());
  }

  @Override
  public Void visitCall(RexCall call) {
    if (((MAY_FAIL.contains(call.getKind()) || approximate(call)) && !byHarmlessLiteral(call))
        || (call.getKind() == SqlKind.CAST
            && !(call.getOperands().get(0) instanceof RexLiteral)
            && !SqlTypeUtil.isCharacter(call.getType()))) {
      found = true;
      return null;
    }
    return super.visitCall(call);
  }
}
