package io.modelarts.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with four departures, each toward the answer SQL users get elsewhere: the
 * statistical aggregates (averages, variances, standard deviations, covariances) are typed as
 * possibly NULL, decimals have up to 38 digits, not 19, strings of different fixed lengths combine
 * into a {@code VARCHAR}, not a padded {@code CHAR}, and sums and statistics of integers are {@code
 * BIGINT}s.
 *
 * <p>Why nullable statistics: Calcite types {@code VAR_SAMP(x)} and {@code COVAR_SAMP(x, y)} of a
 * {@code NOT NULL} x as {@code NOT NULL} (it makes only {@code STDDEV_SAMP} nullable), yet over a
 * single row SQL's answer is NULL. The planner expands them into {@code CASE WHEN COUNT(x) = 1 THEN
 * NULL ELSE … END} cast back to that {@code NOT NULL} type, and Calcite's generated code turns the
 * NULL into 0. Typing them nullable makes the cast keep the NULL. The averages and population
 * variances share the derivation and become nullable too, which is what SQL says of aggregates
 * anyway.
 *
 * <p>Why 38 digits: a type that would need more digits than the widest is cut to it by dropping
 * scale, and values cast to it lose their fraction. With Calcite's 19, {@code FLOOR(lease_duration
 * / 3600000.0)} is a {@code DECIMAL(19, 0)}, so {@code FLOOR(lease_duration / 3600000.0) < 2.18}
 * compared with 2 (false for 2), and a {@code CASE} of it and {@code 3.98} gave 3. Thirty-eight
 * digits (the widest {@code DECIMAL} of SQL Server, Oracle and others; PostgreSQL's {@code NUMERIC}
 * has more) leave room for what the notebooks' columns and literals usually combine into, and a
 * cast to {@code DECIMAL(30, 3)} keeps its declared type. The values computed are Java's {@code
 * BigDecimal}s either way; only types derived past 19 digits change (a quotient of a {@code BIGINT}
 * by a decimal: {@code DECIMAL(29, 9)}, was {@code DECIMAL(19, 6)}; a sum of decimals: {@code
 * DECIMAL(38, s)}).
 *
 * <p>Why {@code VARCHAR}: the literals of a {@code VALUES}, a {@code UNION} or the branches of a
 * {@code CASE} are {@code CHAR}s of their own lengths, and Calcite padded the shorter to the
 * longest with spaces. Its comparisons do not ignore trailing spaces, so a padded value no longer
 * equalled the column it was meant for: {@code status IN (VALUES ('RUNNING'), ('ERROR'))} and a
 * join with such a {@code VALUES} list left out every {@code ERROR} notebook ({@code 'ERROR'} and
 * two spaces). PostgreSQL (whose literals are {@code text}), Oracle (whose rule this is: {@code
 * CHAR}s of different lengths combine into a {@code VARCHAR2}), SQL Server and MySQL all find them;
 * so does the driver now, and {@code CASE WHEN … THEN 'up' ELSE 'down' END} gives {@code 'up'}, as
 * they do, not {@code 'up'} and two spaces. Calcite's conformances for those engines set the same
 * switch. Values of one length still combine into that {@code CHAR(n)}, and an explicit cast to
 * {@code CHAR(n)} still pads.
 *
 * <p>Why {@code BIGINT} sums: Calcite types {@code SUM} of {@code INTEGER}s as an {@code INTEGER}
 * and adds them in a Java {@code int}, which wraps without an error: {@code SUM(volume_capacity *
 * 10000000)} over the notebooks came out negative, and so did a window's running sum. PostgreSQL
 * sums {@code INTEGER}s into a {@code BIGINT}, as MySQL into a wider decimal; the driver does as
 * PostgreSQL does. (A sum of {@code BIGINT}s stays a {@code BIGINT}.) The planner computes an
 * average, a variance or a covariance from sums cast to the statistic's type ({@code CAST(SUM(x) AS
 * t) / COUNT(x)}, with squares and products of {@code x} in {@code t}), so those of integers are
 * {@code BIGINT}s too: as {@code INTEGER}s, the average of 2147483647 and 1 failed with "out of
 * range" where it is 1073741824, and the squares of a variance wrapped.
 */
public final class ModelArtsTypeSystem extends RelDataTypeSystemImpl {

  /**
   * The one instance, which each connection's type factory is made with (a type factory given to
   * Calcite's connection makes its {@code typeSystem} property unread).
   */
  public static final ModelArtsTypeSystem INSTANCE = new ModelArtsTypeSystem();

  /** The widest decimal: its precision, and so its largest scale. */
  static final int MAX_DECIMAL_DIGITS = 38;

  private ModelArtsTypeSystem() {}

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_DIGITS : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_DIGITS : super.getMaxScale(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    return super.deriveSumType(typeFactory, widened(typeFactory, argumentType));
  }

  /** {@code type} itself, or {@code BIGINT} (as nullable) for a narrower integer. */
  private static RelDataType widened(RelDataTypeFactory typeFactory, RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER ->
          typeFactory.createTypeWithNullability(
              typeFactory.createSqlType(SqlTypeName.BIGINT), type.isNullable());
      default -> type;
    };
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    return typeFactory.createTypeWithNullability(
        super.deriveAvgAggType(typeFactory, widened(typeFactory, argumentType)), true);
  }

  @Override
  public RelDataType deriveCovarType(
      RelDataTypeFactory typeFactory, RelDataType arg0Type, RelDataType arg1Type) {
    return typeFactory.createTypeWithNullability(
        super.deriveCovarType(
            typeFactory, widened(typeFactory, arg0Type), widened(typeFactory, arg1Type)),
        true);
  }
}
