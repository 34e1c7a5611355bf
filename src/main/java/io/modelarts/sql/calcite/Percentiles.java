package io.modelarts.sql.calcite;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.StrictAggImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The inverse distribution functions {@code PERCENTILE_CONT} and {@code PERCENTILE_DISC} ({@code …
 * WITHIN GROUP (ORDER BY key)}), as aggregate functions whose generated code computes them: a call
 * of one of these, over the fraction and the key, ordered by the key, is what the planner step
 * {@code PercentileCalls} puts in place of Calcite's.
 *
 * <p>Why: Calcite 1.42 validates them but has no code for them, so every query of a median failed
 * to plan. Calcite's aggregate feeds an ordered call its rows sorted by the call's {@code WITHIN
 * GROUP} order (as the query's {@code ORDER BY} sorts them: descending, strings in UTF-16 order),
 * so the function keeps the keys in the order they come and picks from them at the end.
 *
 * <p>As SQL and PostgreSQL define them, over the n keys that are not NULL (NULL if there are none):
 * {@code PERCENTILE_DISC(f)} is the first key whose cumulative share of the rows, i / n, reaches f
 * (the ⌈f·n⌉-th key, the first for f = 0); {@code PERCENTILE_CONT(f)} interpolates linearly between
 * the keys around position f·(n − 1) (from 0), as a {@code DOUBLE}. The positions are computed
 * exactly from the fraction as written, where PostgreSQL computes them in {@code double}s: {@code
 * PERCENTILE_CONT(0.1)} of 1 to 30 is 3.9, PostgreSQL's 3.9000000000000004.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * Calcite's {@code PERCENTILE_CONT} or {@code PERCENTILE_DISC} ({@code standard}), typed
   * nullable, for the validator to put in place of Calcite's own: a group without a key that is not
   * NULL has no percentile, where Calcite types one as its key (a key never NULL made a percentile
   * never NULL, whose NULL then failed the query); null for any other function.
   */
  public static @Nullable SqlAggFunction nullable(SqlOperator standard) {
    if (standard == SqlStdOperatorTable.PERCENTILE_CONT) {
      return Functions.NULLABLE_CONTINUOUS;
    }
    return standard == SqlStdOperatorTable.PERCENTILE_DISC ? Functions.NULLABLE_DISCRETE : null;
  }

  /**
   * The function computing {@code percentile} (of the kind {@code PERCENTILE_CONT} or {@code
   * PERCENTILE_DISC}), called over the fraction and the key; null for any other function.
   */
  public static @Nullable SqlAggFunction implementationOf(SqlAggFunction percentile) {
    return switch (percentile.getKind()) {
      case PERCENTILE_CONT -> Functions.CONTINUOUS;
      case PERCENTILE_DISC -> Functions.DISCRETE;
      default -> null;
    };
  }

  /** Whether {@code function} is one of the driver's percentiles, which are NULL over no rows. */
  public static boolean isImplementation(SqlAggFunction function) {
    return function instanceof SqlUserDefinedAggFunction defined
        && defined.function instanceof Implementable;
  }

  /** The functions, made when a statement first asks for a percentile. */
  private static final class Functions {
    static final SqlAggFunction NULLABLE_CONTINUOUS = nullable(SqlKind.PERCENTILE_CONT);
    static final SqlAggFunction NULLABLE_DISCRETE = nullable(SqlKind.PERCENTILE_DISC);

    /** A {@code DOUBLE}: the validator casts a continuous percentile's key to one. */
    static final SqlAggFunction CONTINUOUS =
        implementation(
            SqlStdOperatorTable.PERCENTILE_CONT,
            ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE),
            true);

    /** The key's type, NULL where there is no key. */
    static final SqlAggFunction DISCRETE =
        implementation(
            SqlStdOperatorTable.PERCENTILE_DISC,
            ReturnTypes.ARG1.andThen(SqlTypeTransforms.FORCE_NULLABLE),
            false);

    /**
     * Calcite's function of {@code kind}, as {@code SqlStdOperatorTable} makes it, but nullable.
     */
    private static SqlAggFunction nullable(SqlKind kind) {
      return SqlBasicAggFunction.create(
              kind, Functions::nullableKeyType, OperandTypes.UNIT_INTERVAL_NUMERIC_LITERAL)
          .withFunctionType(SqlFunctionCategory.SYSTEM)
          .withGroupOrder(Optionality.MANDATORY)
          .withPercentile(true)
          .withAllowsFraming(false);
    }

    /**
     * The key's type, nullable. A {@code FILTER} asks again, through a binding that knows no key
     * (Calcite's own {@code FILTER} of a percentile failed there): the type its {@code WITHIN
     * GROUP} gave the call just before.
     */
    private static RelDataType nullableKeyType(SqlOperatorBinding binding) {
      RelDataType known =
          binding instanceof SqlCallBinding call
              ? call.getValidator().getValidatedNodeTypeIfKnown(call.getCall())
              : null;
      return binding
          .getTypeFactory()
          .createTypeWithNullability(known != null ? known : binding.getCollationType(), true);
    }

    /**
     * {@code standard}'s name, but not its kind: Calcite retypes a call of a percentile's kind
     * through a binding that accepts Calcite's percentile functions only.
     */
    private static SqlAggFunction implementation(
        SqlAggFunction standard, SqlReturnTypeInference returnType, boolean continuous) {
      return new SqlUserDefinedAggFunction(
          new SqlIdentifier(standard.getName(), SqlParserPos.ZERO),
          SqlKind.OTHER_FUNCTION,
          returnType,
          null,
          null,
          new Implementable(continuous),
          false,
          false,
          Optionality.MANDATORY);
    }
  }

  /** The function as Calcite's code generator asks for it. */
  private static final class Implementable implements ImplementableAggFunction {
    private final boolean continuous;

    Implementable(boolean continuous) {
      this.continuous = continuous;
    }

    @Override
    public AggImplementor getImplementor(boolean windowContext) {
      return new Implementor(continuous);
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      // Only the call's own type is read (its return type inference); this is the continuous one.
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), true);
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }
  }

  /**
   * The generated code: a {@link Keys} per group, given each row's fraction and key in order, read
   * at the end. Calcite's strict aggregate skips the rows whose key is NULL or that the call's
   * {@code FILTER} leaves out, and makes the call NULL where no row is left.
   */
  private static final class Implementor extends StrictAggImplementor {
    private final boolean continuous;

    Implementor(boolean continuous) {
      this.continuous = continuous;
    }

    @Override
    public List<Type> getNotNullState(AggContext info) {
      return List.of(Keys.class);
    }

    @Override
    protected void implementNotNullReset(AggContext info, AggResetContext reset) {
      reset
          .currentBlock()
          .add(
              Expressions.statement(
                  Expressions.assign(reset.accumulator().get(0), Expressions.new_(Keys.class))));
    }

    @Override
    protected void implementNotNullAdd(AggContext info, AggAddContext add) {
      List<Expression> arguments = add.arguments();
      add.currentBlock()
          .add(
              Expressions.statement(
                  Expressions.call(
                      add.accumulator().get(0),
                      "add",
                      Expressions.convert_(Expressions.box(arguments.get(0)), Object.class),
                      Expressions.convert_(Expressions.box(arguments.get(1)), Object.class))));
    }

    @Override
    protected Expression implementNotNullResult(AggContext info, AggResultContext result) {
      return Expressions.call(result.accumulator().get(0), continuous ? "continuous" : "discrete");
    }
  }

  /**
   * One group's keys that are not NULL, in the order they come (the call's order), and the
   * fraction; public for the generated code.
   */
  public static final class Keys {
    private final List<Object> keys = new ArrayList<>();
    private @Nullable BigDecimal fraction;

    /** Adds {@code key}, unless it is NULL; {@code fraction} is the same on every row. */
    public void add(Object fraction, @Nullable Object key) {
      if (this.fraction == null) {
        this.fraction = exact((Number) fraction);
      }
      if (key != null) {
        keys.add(key);
      }
    }

    /** {@code PERCENTILE_DISC}: the ⌈f·n⌉-th key (the first for f = 0), NULL if none. */
    public @Nullable Object discrete() {
      if (keys.isEmpty()) {
        return null;
      }
      BigDecimal position =
          fraction().multiply(BigDecimal.valueOf(keys.size())).setScale(0, RoundingMode.CEILING);
      return keys.get(Math.max(position.intValueExact(), 1) - 1);
    }

    /**
     * {@code PERCENTILE_CONT}: the keys around position f·(n − 1) (from 0), interpolated as
     * PostgreSQL does ({@code lower + (upper − lower) · share}), NULL if there are none.
     */
    public @Nullable Double continuous() {
      if (keys.isEmpty()) {
        return null;
      }
      BigDecimal position = fraction().multiply(BigDecimal.valueOf(keys.size() - 1));
      BigDecimal below = position.setScale(0, RoundingMode.FLOOR);
      int lower = below.intValueExact();
      double lowerKey = ((Number) keys.get(lower)).doubleValue();
      if (position.compareTo(below) == 0) {
        return lowerKey;
      }
      double upperKey = ((Number) keys.get(lower + 1)).doubleValue();
      return lowerKey + (upperKey - lowerKey) * position.subtract(below).doubleValue();
    }

    private BigDecimal fraction() {
      if (fraction == null) {
        throw new IllegalStateException("a percentile of keys without a fraction");
      }
      return fraction;
    }

    /**
     * The exact value of a fraction: a decimal as written, an integer (0 or 1), or a {@code
     * double}'s binary value.
     */
    private static BigDecimal exact(Number fraction) {
      if (fraction instanceof BigDecimal decimal) {
        return decimal;
      }
      if (fraction instanceof Double || fraction instanceof Float) {
        return new BigDecimal(fraction.doubleValue());
      }
      return BigDecimal.valueOf(fraction.longValue());
    }
  }
}
