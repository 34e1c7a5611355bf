package io.modelarts.sql.calcite;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.NlsString;
import org.checkerframework.checker.nullness.qual.PolyNull;

/**
 * The driver's validator: Calcite's, with five types corrected. A character literal's {@code
 * CHAR(n)} counts its characters, not its UTF-16 units, as {@link CodePointRexBuilder} types it
 * when the statement becomes a plan; {@code NTH_VALUE … OVER} is nullable whatever its argument; a
 * variance, standard deviation or covariance of exact numbers is a {@code DOUBLE}, its arguments
 * cast to {@code DOUBLE} in place; a percentile is nullable, {@code PERCENTILE_CONT} a {@code
 * DOUBLE} ({@link Percentiles}); and a {@code ROUND} of a {@code DECIMAL(p, s)} is a {@code
 * DECIMAL(p + 1, s)}. And a {@code STRING_AGG(… ORDER BY …)} under a {@code FILTER} is written as
 * the {@code LISTAGG … WITHIN GROUP} it means ({@link PostgresqlAggregates#orderedAsListagg}).
 *
 * <p>Why: SQL types {@code '🚀'} as {@code CHAR(1)}; Calcite as {@code CHAR(2)}, so a cast of it to
 * {@code CHAR(2)} added no space, and a column of it reported a precision of 2. And Calcite types a
 * window function of a value never NULL over a frame never empty as never NULL, but {@code
 * NTH_VALUE} is NULL where the frame holds fewer than n rows (the planner's {@code
 * WindowFunctionRewrites} makes it so); typed never NULL, that NULL read as the type's zero ({@code
 * 1970-01-01} for a date).
 *
 * <p>Why the variances: Calcite types them as their argument and computes them from sums of squares
 * in that type, so {@code STDDEV_POP} of 2, 2 and 4 was 1 (it is 0.943), {@code VAR_SAMP} of 1, 2
 * and 2 was 0 (0.333), and over the notebooks' {@code lease_duration}s {@code VAR_SAMP} was off by
 * nearly half. SQL makes each of them an approximate number; PostgreSQL's are exact decimals of the
 * same values.
 *
 * <p>Why the percentiles: Calcite types one as its key, so a key never NULL made a percentile never
 * NULL, whose NULL (a group without keys, a {@code FILTER}) failed the query, and a {@code
 * PERCENTILE_CONT} of integers would be an integer where it interpolates; PostgreSQL's is a {@code
 * double precision}. The validator puts a nullable copy of Calcite's function in the call
 * (Calcite's parser names its own, and its converter retypes the call from the function).
 *
 * <p>Why the rounding: rounding up may carry into a new digit ({@code ROUND(9.99, 1)} is 10.0),
 * which Calcite's type, the argument's, has no room for; where the value was then checked against
 * its type, as in a {@code COALESCE} or a {@code CASE}, the query failed ("Value -10 cannot be
 * represented as a DECIMAL(3, 2)").
 */
public final class ModelArtsValidator extends CalciteSqlValidator {
  /** The statistics SQL types as approximate numbers, which Calcite types as their arguments. */
  private static final Set<SqlKind> APPROXIMATE_STATISTICS =
      EnumSet.of(
          SqlKind.STDDEV_POP,
          SqlKind.STDDEV_SAMP,
          SqlKind.VAR_POP,
          SqlKind.VAR_SAMP,
          SqlKind.COVAR_POP,
          SqlKind.COVAR_SAMP,
          SqlKind.REGR_SXX,
          SqlKind.REGR_SYY);

  /** The inverse distribution functions, whose keys and types the validator corrects. */
  private static final Set<SqlKind> PERCENTILES =
      EnumSet.of(SqlKind.PERCENTILE_CONT, SqlKind.PERCENTILE_DISC);

  /**
   * Calcite's {@code ROUND}, equal to it (so that Calcite's code and the interpreter run it), but a
   * decimal's result has room for the digit that rounding up carries.
   */
  private static final SqlFunction ROUND =
      SqlBasicFunction.create(
          SqlStdOperatorTable.ROUND.getName(),
          ModelArtsValidator::roundType,
          OperandTypes.NUMERIC.or(OperandTypes.NUMERIC_INT32),
          SqlFunctionCategory.NUMERIC);

  public ModelArtsValidator(
      SqlOperatorTable opTab,
      CalciteCatalogReader catalogReader,
      JavaTypeFactory typeFactory,
      Config config) {
    super(opTab, catalogReader, typeFactory, config);
  }

  @Override
  protected @PolyNull SqlNode performUnconditionalRewrites(
      @PolyNull SqlNode node, boolean underFrom) {
    SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
    // After Calcite's, which finds each function by its name, the aggregates under it first.
    if (rewritten instanceof SqlBasicCall filter && filter.getKind() == SqlKind.FILTER) {
      SqlCall listagg = PostgresqlAggregates.orderedAsListagg(filter.operand(0));
      if (listagg != null) {
        filter.setOperand(0, listagg);
      }
    }
    return rewritten;
  }

  @Override
  public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
    if (expr instanceof SqlBasicCall call
        && APPROXIMATE_STATISTICS.contains(call.getKind())
        && getValidatedNodeTypeIfKnown(expr) == null) {
      // In place, before the call is typed: the call's type follows from the cast, and the
      // statement becomes a plan from this same tree, so the plan computes in DOUBLEs too.
      for (int i = 0; i < call.operandCount(); i++) {
        SqlNode operand = call.operand(i);
        if (SqlTypeUtil.isExactNumeric(deriveType(scope, operand))) {
          call.setOperand(i, castToDouble(operand));
        }
      }
    }
    if (expr instanceof SqlBasicCall call
        && call.getKind() == SqlKind.WITHIN_GROUP
        && PERCENTILES.contains(call.operand(0).getKind())
        && getValidatedNodeTypeIfKnown(expr) == null) {
      return percentileType(scope, call);
    }
    if (expr instanceof SqlBasicCall call
        && call.getOperator() == SqlStdOperatorTable.ROUND
        && getValidatedNodeTypeIfKnown(expr) == null) {
      // After Calcite's typing, which resolves the call's function again by its name.
      RelDataType type = withCarry(super.deriveType(scope, expr), typeFactory);
      call.setOperator(ROUND);
      setValidatedNodeType(expr, type);
      return type;
    }
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

  /**
   * The type of {@code PERCENTILE_CONT} or {@code PERCENTILE_DISC … WITHIN GROUP (ORDER BY key)}:
   * nullable, since a group without a key that is not NULL has none; and for {@code
   * PERCENTILE_CONT}, a {@code DOUBLE}, its key cast to one in place (a key that is not a number is
   * an error, as in PostgreSQL).
   */
  private RelDataType percentileType(SqlValidatorScope scope, SqlBasicCall withinGroup) {
    SqlCall percentile = withinGroup.operand(0);
    SqlNodeList order = withinGroup.operand(1);
    if (percentile.getKind() == SqlKind.PERCENTILE_CONT && order.size() == 1) {
      // The key under its DESC and NULLS FIRST / LAST, which the cast goes inside of.
      SqlNode holder = order;
      SqlNode key = order.get(0);
      while (key.getKind() == SqlKind.DESCENDING
          || key.getKind() == SqlKind.NULLS_FIRST
          || key.getKind() == SqlKind.NULLS_LAST) {
        holder = key;
        key = ((SqlCall) key).operand(0);
      }
      RelDataType keyType = deriveType(scope, key);
      if (!SqlTypeUtil.isNumeric(keyType)) {
        throw newValidationError(
            key,
            RESOURCE.unsupportedTypeInOrderBy(
                keyType.getSqlTypeName().getName(), percentile.getOperator().getName()));
      }
      if (keyType.getSqlTypeName() != SqlTypeName.DOUBLE) {
        SqlNode cast = castToDouble(key);
        if (holder instanceof SqlNodeList list) {
          list.set(0, cast);
        } else {
          ((SqlCall) holder).setOperand(0, cast);
        }
      }
    }
    SqlAggFunction nullable = Percentiles.nullable(percentile.getOperator());
    if (nullable != null && percentile instanceof SqlBasicCall call) {
      call.setOperator(nullable);
    }
    return super.deriveType(scope, withinGroup);
  }

  private static SqlNode castToDouble(SqlNode operand) {
    SqlParserPos pos = operand.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(
        pos, operand, new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos), pos));
  }

  /** {@code ROUND}'s type: its argument's, with room for a carry ({@link #withCarry}). */
  private static RelDataType roundType(SqlOperatorBinding binding) {
    return withCarry(ReturnTypes.ARG0_NULLABLE.inferReturnType(binding), binding.getTypeFactory());
  }

  /**
   * {@code type}, but a {@code DECIMAL(p, s)} made a {@code DECIMAL(p + 1, s)} (up to the largest
   * precision), as rounding may carry into a new digit.
   */
  private static RelDataType withCarry(RelDataType type, RelDataTypeFactory types) {
    int widest = types.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL);
    if (type.getSqlTypeName() != SqlTypeName.DECIMAL || type.getPrecision() >= widest) {
      return type;
    }
    return types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.DECIMAL, type.getPrecision() + 1, type.getScale()),
        type.isNullable());
  }
}
