package io.modelarts.sql.calcite;

import com.google.common.collect.ImmutableList;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The rows of an aggregate over several grouping sets, one of them the empty set, with the empty
 * set's row added when the aggregate's input has no rows.
 *
 * <p>Why: in SQL the empty grouping set (a {@code ROLLUP}'s or {@code CUBE}'s grand total, {@code
 * GROUPING SETS (…, ())}) gives one row even over no rows, as an aggregate without {@code GROUP BY}
 * does: {@code SELECT status, COUNT(*) FROM notebooks WHERE name > 'zzz' GROUP BY ROLLUP(status)}
 * is {@code (NULL, 0)}. Calcite's code for such an aggregate makes one row per group it meets, so
 * over no rows it made none (up to Calcite 1.42 at least). Over some rows the empty set's row is
 * there, so the aggregate's rows are the answer exactly when it has any; when it has none, the
 * answer is that one row, each value what its call gives over no rows: 0 for a count, all ones for
 * {@code GROUPING}, NULL for the keys and the other calls. Added to a finished plan ({@link
 * #addedTo}) before it runs, interpreted or compiled; an aggregate with a call whose value over no
 * rows this class does not know is left as it is.
 */
public final class GrandTotalRow extends SingleRel implements EnumerableRel {
  /** Calls that give NULL over no rows (when their type allows NULL: else the call is unknown). */
  private static final Set<SqlKind> NULL_OVER_NO_ROWS =
      Set.of(
          SqlKind.SUM,
          SqlKind.MIN,
          SqlKind.MAX,
          SqlKind.AVG,
          SqlKind.ANY_VALUE,
          SqlKind.SINGLE_VALUE,
          SqlKind.VAR_POP,
          SqlKind.VAR_SAMP,
          SqlKind.STDDEV_POP,
          SqlKind.STDDEV_SAMP,
          SqlKind.COVAR_POP,
          SqlKind.COVAR_SAMP,
          SqlKind.BIT_AND,
          SqlKind.BIT_OR,
          SqlKind.BIT_XOR,
          SqlKind.LISTAGG,
          SqlKind.ARG_MIN,
          SqlKind.ARG_MAX,
          SqlKind.MODE);

  private static final Method OR_IF_NONE =
      Types.lookupMethod(GrandTotalRow.class, "orIfNone", Enumerable.class, Object.class);

  private final ImmutableList<RexLiteral> row;

  private GrandTotalRow(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexLiteral> row) {
    super(cluster, traits, input);
    this.row = ImmutableList.copyOf(row);
  }

  /**
   * {@code plan} with each aggregate over several grouping sets, one of them empty, under a {@code
   * GrandTotalRow}; itself if it has none, or if it cannot be rebuilt ({@link CalcRewrites}).
   */
  public static RelNode addedTo(RelNode plan) {
    return CalcRewrites.eachOf(
        EnumerableAggregate.class,
        plan,
        aggregate ->
            rowOverNoRows(aggregate)
                .<RelNode>map(
                    row ->
                        new GrandTotalRow(
                            aggregate.getCluster(), aggregate.getTraitSet(), aggregate, row))
                .orElse(aggregate),
        "Adding the empty grouping set's row");
  }

  /**
   * The empty grouping set's row over no rows, if {@code aggregate} has that set among others and
   * every call's value there is known.
   */
  static Optional<List<RexLiteral>> rowOverNoRows(Aggregate aggregate) {
    if (aggregate.getGroupSets().size() < 2
        || !aggregate.getGroupSets().contains(ImmutableBitSet.of())) {
      return Optional.empty();
    }
    RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
    List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
    List<RexLiteral> row = new ArrayList<>();
    for (int k = 0; k < aggregate.getGroupCount(); k++) {
      RelDataType type = fields.get(k).getType();
      if (!type.isNullable()) {
        return Optional.empty();
      }
      row.add(rexBuilder.makeNullLiteral(type));
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      RelDataType type = call.getType();
      SqlKind kind = call.getAggregation().getKind();
      if (kind == SqlKind.COUNT || kind == SqlKind.SUM0) {
        row.add(rexBuilder.makeZeroLiteral(type));
      } else if (kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID) {
        // Every argument is left out of the empty set: one bit each, all set.
        BigDecimal allOnes = BigDecimal.valueOf((1L << call.getArgList().size()) - 1);
        row.add(rexBuilder.makeExactLiteral(allOnes, type));
      } else if ((NULL_OVER_NO_ROWS.contains(kind)
              || Percentiles.isImplementation(call.getAggregation()))
          && type.isNullable()) {
        row.add(rexBuilder.makeNullLiteral(type));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(row);
  }

  /** The row given when the input has none, one literal per column. */
  public List<RexLiteral> row() {
    return row;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new GrandTotalRow(getCluster(), traitSet, sole(inputs), row);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("ifNoRows", row);
  }

  /** The input's rows, or ({@link #orIfNone}) the row, as the input's code has it. */
  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    Expression rows = builder.append("rows", input.block);
    JavaTypeFactory typeFactory = implementor.getTypeFactory();
    List<RelDataTypeField> fields = getRowType().getFieldList();
    List<Expression> values = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      values.add(
          RexToLixTranslator.translateLiteral(
              row.get(i), fields.get(i).getType(), typeFactory, RexImpTable.NullAs.NULL));
    }
    Expression record = Expressions.box(input.physType.record(values));
    builder.add(Expressions.return_(null, Expressions.call(OR_IF_NONE, rows, record)));
    return implementor.result(input.physType, builder.toBlock());
  }

  /**
   * {@code rows}, or {@code row} alone when {@code rows} has none, enumerated as often as asked;
   * what the generated code and the interpreter run. (linq4j's {@code defaultIfEmpty} reads the
   * first row when called and then iterates an enumerator it has closed.)
   */
  public static <T> Enumerable<T> orIfNone(Enumerable<T> rows, T row) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        Enumerator<T> input = rows.enumerator();
        return new Enumerator<>() {
          private boolean started;
          private boolean done;
          private T current;

          @Override
          public T current() {
            return current;
          }

          @Override
          public boolean moveNext() {
            if (done) {
              return false;
            }
            if (input.moveNext()) {
              current = input.current();
              started = true;
              return true;
            }
            done = true;
            if (started) {
              return false;
            }
            current = row;
            return true;
          }

          @Override
          public void reset() {
            input.reset();
            started = false;
            done = false;
          }

          @Override
          public void close() {
            input.close();
          }
        };
      }
    };
  }
}
