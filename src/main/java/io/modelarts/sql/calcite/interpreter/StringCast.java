package io.modelarts.sql.calcite.interpreter;

import io.modelarts.sql.calcite.TimestampUnits;
import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * A cast to {@code CHAR(n)} or {@code VARCHAR[(n)]}, as Calcite's generated code makes it ({@code
 * RexToLixTranslator.translateCast}): the value as a string by the method that code calls for the
 * operand's type, then cut to {@code n} characters, a {@code CHAR}'s padded with spaces to {@code
 * n}, where that code cuts or pads.
 *
 * <p>Why the same methods: their strings are not Java's own in places a user sees — a decimal loses
 * its leading zero ({@code .5}), a boolean is upper case, a timestamp is printed to the second
 * whatever its precision.
 */
final class StringCast {
  private StringCast() {}

  /** {@code value}, of type {@code from}, cast to the string type {@code to}. */
  static RowExpression of(RowExpression value, RelDataType from, RelDataType to)
      throws NotInterpretable {
    UnaryOperator<Object> text = text(from);
    SqlTypeName source = from.getSqlTypeName();
    int length = to.getPrecision();
    boolean pad = to.getSqlTypeName() == SqlTypeName.CHAR;
    boolean cut = true;
    if (length == RelDataType.PRECISION_NOT_SPECIFIED) {
      return RowExpression.strict(value, text);
    }
    if (source == SqlTypeName.CHAR || source == SqlTypeName.VARCHAR) {
      // As that code decides: no cut when widening; no padding when narrowing, but from a
      // VARCHAR, whose trailing spaces are not implied.
      int comparison = SqlTypeUtil.comparePrecision(from.getPrecision(), length);
      cut = comparison > 0;
      pad = pad && !(comparison >= 0 && source != SqlTypeName.VARCHAR);
    }
    if (pad) {
      return RowExpression.strict(
          value, v -> SqlFunctions.truncateOrPad((String) text.apply(v), length));
    }
    if (cut) {
      return RowExpression.strict(
          value, v -> SqlFunctions.truncate((String) text.apply(v), length));
    }
    return RowExpression.strict(value, text);
  }

  /** The conversion of a non-null value of {@code type} to a string, as generated. */
  private static UnaryOperator<Object> text(RelDataType type) throws NotInterpretable {
    return switch (type.getSqlTypeName()) {
      case CHAR, VARCHAR -> Object::toString;
      case INTEGER -> v -> Integer.toString((Integer) v);
      case BIGINT -> v -> Long.toString((Long) v);
      case DECIMAL -> v -> SqlFunctions.toString((BigDecimal) v);
      case DOUBLE -> v -> SqlFunctions.toString((double) (Double) v);
      case BOOLEAN -> v -> SqlFunctions.toString((boolean) (Boolean) v);
      case DATE -> v -> DateTimeUtils.unixDateToString((Integer) v);
      case TIMESTAMP -> {
        if (!TimestampUnits.isMillisTimestamp(type)) {
          throw new NotInterpretable("cast of " + type + " to a string");
        }
        yield v -> DateTimeUtils.unixTimestampToString((Long) v);
      }
      default -> throw new NotInterpretable("cast of " + type + " to a string");
    };
  }
}
