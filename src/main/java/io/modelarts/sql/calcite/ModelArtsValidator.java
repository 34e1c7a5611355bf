package io.modelarts.sql.calcite;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.NlsString;

/**
 * The driver's validator: Calcite's, with two types corrected. A character literal's {@code
 * CHAR(n)} counts its characters, not its UTF-16 units, as {@link CodePointRexBuilder} types it
 * when the statement becomes a plan; and {@code NTH_VALUE … OVER} is nullable whatever its
 * argument.
 *
 * <p>Why: SQL types {@code '🚀'} as {@code CHAR(1)}; Calcite as {@code CHAR(2)}, so a cast of it to
 * {@code CHAR(2)} added no space, and a column of it reported a precision of 2. And Calcite types a
 * window function of a value never NULL over a frame never empty as never NULL, but {@code
 * NTH_VALUE} is NULL where the frame holds fewer than n rows (the planner's {@code
 * WindowFunctionRewrites} makes it so); typed never NULL, that NULL read as the type's zero ({@code
 * 1970-01-01} for a date).
 */
public final class ModelArtsValidator extends CalciteSqlValidator {
  public ModelArtsValidator(
      SqlOperatorTable opTab,
      CalciteCatalogReader catalogReader,
      JavaTypeFactory typeFactory,
      Config config) {
    super(opTab, catalogReader, typeFactory, config);
  }

  @Override
  public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
    if (expr instanceof SqlCharStringLiteral) {
      NlsString value = ((SqlCharStringLiteral) expr).getValueAs(NlsString.class);
      if (CodePointRexBuilder.hasPairs(value.getValue())) {
        RelDataType known = getValidatedNodeTypeIfKnown(expr);
        if (known != null) {
          return known;
        }
        RelDataType type = CodePointRexBuilder.literalType(typeFactory, value);
        setValidatedNodeType(expr, type);
        return type;
      }
    }
    RelDataType type = super.deriveType(scope, expr);
    if (!type.isNullable()
        && expr.getKind() == SqlKind.OVER
        && ((SqlCall) expr).operand(0).getKind() == SqlKind.NTH_VALUE) {
      type = typeFactory.createTypeWithNullability(type, true);
      setValidatedNodeType(expr, type);
    }
    return type;
  }
}
