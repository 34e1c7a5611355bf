package io.modelarts.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Calcite's expression builder, but a character literal's {@code CHAR(n)} counts its characters,
 * not its UTF-16 units, as the validator types it ({@link ModelArtsValidator}).
 *
 * <p>Why: a character beyond the Basic Multilingual Plane (an emoji) is one character in SQL but
 * two units in a Java string, and Calcite types a literal by its units: {@code '🚀'} was a {@code
 * CHAR(2)}, so {@code CAST('🚀' AS CHAR(2))} looked like a cast to the literal's own type and gave
 * {@code '🚀'}, not {@code '🚀 '}, and a result column of it reported a precision of 2. A cast of a
 * literal becomes a literal here, before the convertlets ({@link CodePointStrings}) see it, so this
 * builder casts such literals itself, counting characters. A literal without such characters is
 * Calcite's, unchanged.
 */
public final class CodePointRexBuilder extends RexBuilder {
  public CodePointRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  /**
   * The type of a character literal of {@code value}: {@code CHAR(n)} for its n characters, with
   * its character set and collation, or the type factory's default set and a coercible collation,
   * as Calcite's {@code SqlUtil.createNlsStringType}.
   */
  public static RelDataType literalType(RelDataTypeFactory typeFactory, NlsString value) {
    RelDataType type =
        typeFactory.createSqlType(SqlTypeName.CHAR, CodePointStrings.charLength(value.getValue()));
    return typeFactory.createTypeWithCharsetAndCollation(
        type,
        value.getCharset() == null ? typeFactory.getDefaultCharset() : value.getCharset(),
        value.getCollation() == null ? SqlCollation.COERCIBLE : value.getCollation());
  }

  /** Whether {@code text} has a character of two units, which Calcite would count twice. */
  public static boolean hasPairs(String text) {
    return CodePointStrings.charLength(text) != text.length();
  }

  @Override
  public RexLiteral makeCharLiteral(NlsString str) {
    if (!hasPairs(str.getValue())) {
      return super.makeCharLiteral(str);
    }
    return makeLiteral(str, literalType(typeFactory, str), SqlTypeName.CHAR);
  }

  /**
   * Calcite's, but a literal with characters of two units cast to a {@code CHAR(n)} or {@code
   * VARCHAR(n)} becomes the literal the cast gives, counting characters; Calcite kept such a
   * literal as it was wherever its units fitted n.
   */
  @Override
  public RexNode makeCast(
      SqlParserPos pos,
      RelDataType type,
      RexNode exp,
      boolean matchNullability,
      boolean safe,
      RexLiteral format) {
    Object value = exp instanceof RexLiteral ? ((RexLiteral) exp).getValue() : null;
    boolean toChar = type.getSqlTypeName() == SqlTypeName.CHAR;
    if (!(value instanceof NlsString)
        || !(toChar || type.getSqlTypeName() == SqlTypeName.VARCHAR)
        || type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
        || !format.isNull()
        || !hasPairs(((NlsString) value).getValue())) {
      return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }
    NlsString string = (NlsString) value;
    int length = type.getPrecision();
    RexLiteral cast =
        makeLiteral(
            string.copy(
                toChar
                    ? CodePointStrings.truncateOrPad(string.getValue(), length)
                    : CodePointStrings.truncate(string.getValue(), length)),
            type,
            SqlTypeName.CHAR);
    // As Calcite's: a literal is NOT NULL, and a cast to a nullable type keeps it so unless told.
    return type.isNullable() && matchNullability
        ? makeAbstractCast(pos, type, cast, safe, format)
        : cast;
  }
}
