package io.modelarts.sql.calcite;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.adapter.enumerable.StrictAggImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Makes a plan's sums of {@code BIGINT}s fail past the {@code BIGINT} range ("long overflow",
 * SQLState 22003) instead of wrapping: just before the plan runs ({@link #applied}), each {@code
 * SUM} and {@code $SUM0} of {@code BIGINT}s in an aggregate or a window becomes the same call of a
 * function of the same name and kind that adds with {@code Math.addExact}.
 *
 * <p>Why: Calcite adds such a sum in a Java {@code long} with {@code +}, which wraps without an
 * error, so a sum past 9.2 × 10¹⁸ came out negative (or, past it twice, small and positive). SQL
 * lets a sum keep its argument's type and asks for an exception past that type's range; the driver
 * keeps the type ({@code BIGINT}, as the tools reading it expect) and raises the exception.
 * (PostgreSQL sums {@code BIGINT}s into a {@code NUMERIC}, so it answers where the driver fails.)
 * The driver's interpreter adds them checked too.
 *
 * <p>Why after planning: the planner writes sums of its own (an {@code AVG} as a {@code SUM} over a
 * {@code COUNT}, a {@code SUM} as a {@code $SUM0} and a {@code COUNT}, a rollup's sum of sums), and
 * its rules know Calcite's {@code SUM}, not another function; once the plan is made, no rule reads
 * its calls again. Sums of {@code INTEGER}s, added in a {@code long} ({@link ModelArtsTypeSystem}),
 * are left as they are: no listing has the 2³² rows they would need to overflow.
 */
public final class CheckedSums {
  private CheckedSums() {}

  /**
   * {@code plan} with each sum of {@code BIGINT}s checked; itself if it has none, or if it cannot
   * be rebuilt ({@link CalcRewrites}).
   */
  public static RelNode applied(RelNode plan) {
    return CalcRewrites.eachOf(RelNode.class, plan, CheckedSums::checked, "Checking BIGINT sums");
  }

  private static RelNode checked(RelNode node) {
    if (node.getClass() == EnumerableAggregate.class) {
      EnumerableAggregate aggregate = (EnumerableAggregate) node;
      List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
      return AggregateCalls.replaced(
          aggregate,
          call -> {
            SqlAggFunction checked =
                call.getArgList().size() == 1
                    ? Functions.checkedFor(
                        call.getAggregation(),
                        fields.get(call.getArgList().get(0)).getType(),
                        call.getType())
                    : null;
            return checked == null
                ? call
                : AggregateCalls.withFunction(call, checked, call.getArgList());
          });
    }
    if (node.getClass() == EnumerableWindow.class) {
      Window window = (Window) node;
      List<Window.Group> groups = new ArrayList<>();
      boolean changed = false;
      for (Window.Group group : window.groups) {
        List<Window.RexWinAggCall> calls = new ArrayList<>();
        for (Window.RexWinAggCall call : group.aggCalls) {
          List<RexNode> operands = call.getOperands();
          SqlAggFunction checked =
              operands.size() == 1
                  ? Functions.checkedFor(
                      (SqlAggFunction) call.getOperator(),
                      operands.get(0).getType(),
                      call.getType())
                  : null;
          calls.add(
              checked == null
                  ? call
                  : new Window.RexWinAggCall(
                      call.getParserPosition(),
                      checked,
                      call.getType(),
                      operands,
                      call.ordinal,
                      call.distinct,
                      call.ignoreNulls));
          changed |= checked != null;
        }
        groups.add(
            new Window.Group(
                group.keys,
                group.isRows,
                group.lowerBound,
                group.upperBound,
                group.exclude,
                group.orderKeys,
                calls));
      }
      if (!changed) {
        return node;
      }
      // EnumerableWindow's constructor is Calcite's own: its rule makes one of the same window
      // with the new groups, which is then copied over the same input with the same traits. The
      // rule reads its input's one collation, where an input may promise several (x beside x * x,
      // both ascending): it is given a copy of the input that promises none.
      RelNode input = window.getInput();
      RelNode standIn =
          input.copy(input.getTraitSet().replace(RelCollations.EMPTY), input.getInputs());
      LogicalWindow logical =
          LogicalWindow.create(
              window.getTraitSet().replace(Convention.NONE),
              standIn,
              window.getConstants(),
              window.getRowType(),
              groups);
      ConverterRule calcites = EnumerableRules.ENUMERABLE_WINDOW_RULE;
      return calcites.convert(logical).copy(window.getTraitSet(), List.of(input));
    }
    return node;
  }

  /** The checked functions, made when a plan first sums {@code BIGINT}s. */
  private static final class Functions {
    static final SqlAggFunction SUM = checked(SqlStdOperatorTable.SUM);
    static final SqlAggFunction SUM0 = checked(SqlStdOperatorTable.SUM0);

    /**
     * The checked function for a call of {@code function} over {@code argument} typed {@code
     * result}, or null if the call is not a sum of {@code BIGINT}s.
     */
    static @Nullable SqlAggFunction checkedFor(
        SqlAggFunction function, RelDataType argument, RelDataType result) {
      if (argument.getSqlTypeName() != SqlTypeName.BIGINT
          || result.getSqlTypeName() != SqlTypeName.BIGINT) {
        return null;
      }
      if (function == SqlStdOperatorTable.SUM) {
        return SUM;
      }
      return function == SqlStdOperatorTable.SUM0 ? SUM0 : null;
    }

    /** {@code standard}'s name, kind and types, added up with {@code Math.addExact}. */
    private static SqlAggFunction checked(SqlAggFunction standard) {
      return new SqlUserDefinedAggFunction(
          new SqlIdentifier(standard.getName(), SqlParserPos.ZERO),
          standard.getKind(),
          standard.getReturnTypeInference(),
          standard.getOperandTypeInference(),
          null,
          new CheckedLongSum(),
          false,
          false,
          Optionality.FORBIDDEN);
    }
  }

  /** A sum of {@code long}s whose generated code adds with {@code Math.addExact}. */
  private static final class CheckedLongSum implements ImplementableAggFunction {
    @Override
    public AggImplementor getImplementor(boolean windowContext) {
      return new Adder();
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(SqlTypeName.BIGINT);
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }
  }

  /**
   * Calcite's sum, but for the addition: the accumulator starts at 0 (the default of its {@code
   * long}), NULLs are skipped and a sum of none is NULL where its type is nullable, as {@link
   * StrictAggImplementor} does for every sum.
   */
  private static final class Adder extends StrictAggImplementor {
    @Override
    protected void implementNotNullAdd(AggContext info, AggAddContext add) {
      Expression accumulator = add.accumulator().get(0);
      Type type = accumulator.getType();
      Expression argument = EnumUtils.convert(add.arguments().get(0), type);
      accAdvance(add, accumulator, Expressions.call(Math.class, "addExact", accumulator, argument));
    }
  }
}
