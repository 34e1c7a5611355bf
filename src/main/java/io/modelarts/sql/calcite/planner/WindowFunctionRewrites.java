package io.modelarts.sql.calcite.planner;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Rewrites the window functions that Calcite's code gets wrong, or cannot run, into the ones it
 * gets right: {@code NTILE}, {@code PERCENT_RANK} and {@code CUME_DIST} into arithmetic of {@code
 * ROW_NUMBER}, {@code RANK} and {@code COUNT} over the same window, {@code NTH_VALUE} over a frame
 * from the partition's start into a {@code CASE} on the frame's count, and a frame of values with
 * an offset ordered by a number descending into one ordered by its negation ({@link #ascending}).
 *
 * <p>Why (Calcite 1.42): its {@code NTILE} computes {@code 1 + n * i / rows}, which is SQL's
 * buckets only where they come out even ({@code NTILE(5)} of three rows gave 1, 2, 4, not 1, 2, 3;
 * SQL gives the first {@code rows mod n} buckets one row more); it has no implementation of {@code
 * PERCENT_RANK} or {@code CUME_DIST} ("Unable to implement"); and its {@code NTH_VALUE} over the
 * default frame gave the partition's n-th value to rows before it, where SQL's frame (from the
 * partition's start to the row's last peer) has fewer than n rows and the value is NULL. Found by
 * {@code PostgresAnswersTest}.
 */
final class WindowFunctionRewrites {
  private WindowFunctionRewrites() {}

  /** {@code rel} with those window functions rewritten, sub-queries included. */
  static RelNode of(RelNode rel) {
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    return PlanRewrite.expressions(rel, plan -> new Windows(plan, rexBuilder));
  }

  /** Rewrites the window functions of one expression, and of the plans of its sub-queries. */
  private static final class Windows extends PlanRewrite.Expressions {
    private final RexBuilder rex;
    private final RelDataTypeFactory types;

    Windows(PlanRewrite plan, RexBuilder rexBuilder) {
      super(plan);
      this.rex = rexBuilder;
      this.types = rexBuilder.getTypeFactory();
    }

    @Override
    public RexNode visitOver(RexOver over) {
      RexNode visited = super.visitOver(over);
      if (!(visited instanceof RexOver visitedOver)
          || visitedOver.ignoreNulls()
          || visitedOver.isDistinct()) {
        return visited;
      }
      RexOver call = ascending(visitedOver);
      RexNode rewritten =
          switch (call.getAggOperator().getKind()) {
            case NTILE -> ntile(call);
            case PERCENT_RANK -> percentRank(call);
            case CUME_DIST -> cumeDist(call);
            case NTH_VALUE -> nthValue(call);
            default -> null;
          };
      // NTH_VALUE's NULL where the frame is short keeps its nullable type (the validator types
      // such calls nullable, and casts a value never NULL to that type above this call).
      if (rewritten == null) {
        return call;
      }
      return rewritten.getType().equals(call.getType())
              || call.getAggOperator().getKind() == SqlKind.NTH_VALUE
          ? rewritten
          : rex.makeCast(call.getType(), rewritten, true, false);
    }

    /**
     * {@code call} over a frame of values ({@code RANGE}) with an offset, ordered by one number
     * descending, as the same frame ordered by the number's negation ascending, its NULLs placed as
     * before: Calcite counted such offsets as if ascending, so {@code COUNT(*) OVER (ORDER BY x
     * DESC RANGE BETWEEN 10 PRECEDING AND CURRENT ROW)} was 0 (values from {@code x - 10} down to
     * {@code x}, none of which come before the row). Integers are negated as {@code BIGINT}s, which
     * cannot overflow; a {@code BIGINT} key's negation is checked.
     */
    private RexOver ascending(RexOver call) {
      RexWindow window = call.getWindow();
      boolean offset =
          !window.getLowerBound().isUnbounded() && !window.getLowerBound().isCurrentRow()
              || !window.getUpperBound().isUnbounded() && !window.getUpperBound().isCurrentRow();
      if (window.isRows() || !offset || window.orderKeys.size() != 1) {
        return call;
      }
      RexFieldCollation key = window.orderKeys.get(0);
      RelDataType type = key.left.getType();
      if (key.getDirection() != RelFieldCollation.Direction.DESCENDING
          || !SqlTypeUtil.isNumeric(type)) {
        return call;
      }
      RexNode value =
          SqlTypeUtil.isExactNumeric(type) && SqlTypeUtil.isIntType(type)
              ? rex.makeCast(types.createTypeWithNullability(bigint(), type.isNullable()), key.left)
              : key.left;
      RexNode negated = rex.makeCall(SqlStdOperatorTable.UNARY_MINUS, value);
      SqlKind nulls =
          key.getNullDirection() == RelFieldCollation.NullDirection.LAST
              ? SqlKind.NULLS_LAST
              : SqlKind.NULLS_FIRST;
      return (RexOver)
          rex.makeOver(
              call.getType(),
              call.getAggOperator(),
              call.getOperands(),
              window.partitionKeys,
              ImmutableList.of(new RexFieldCollation(negated, Set.of(nulls))),
              window.getLowerBound(),
              window.getUpperBound(),
              window.getExclude(),
              false,
              true,
              false,
              false,
              false);
    }

    /**
     * SQL's tiles: with {@code q = rows / n} and {@code r = rows mod n}, the first {@code r} tiles
     * hold {@code q + 1} rows and the others {@code q}; row {@code i} (from 1) is in tile {@code (i
     * - 1) / (q + 1) + 1} if {@code i <= r * (q + 1)}, else {@code r + 1 + (i - r * (q + 1) - 1) /
     * q} (never reached when {@code q} is 0).
     */
    private RexNode ntile(RexOver call) {
      RexNode n = positiveLiteral(call.getOperands().get(0));
      if (n == null) {
        return null;
      }
      RexNode rows = partitionRows(call);
      RexNode i = ranking(call, SqlStdOperatorTable.ROW_NUMBER);
      RexNode q = call(SqlStdOperatorTable.DIVIDE, rows, n);
      RexNode r = call(SqlStdOperatorTable.MOD, rows, n);
      RexNode big = call(SqlStdOperatorTable.PLUS, q, one());
      RexNode inBig = call(SqlStdOperatorTable.MULTIPLY, r, big);
      RexNode first =
          call(
              SqlStdOperatorTable.PLUS,
              call(SqlStdOperatorTable.DIVIDE, call(SqlStdOperatorTable.MINUS, i, one()), big),
              one());
      RexNode afterBig =
          call(SqlStdOperatorTable.MINUS, call(SqlStdOperatorTable.MINUS, i, inBig), one());
      RexNode rest =
          call(
              SqlStdOperatorTable.PLUS,
              call(SqlStdOperatorTable.PLUS, r, one()),
              call(SqlStdOperatorTable.DIVIDE, afterBig, q));
      return rex.makeCall(
          SqlStdOperatorTable.CASE,
          call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, i, inBig),
          first,
          rest);
    }

    /** {@code (RANK - 1) / (rows - 1)}, 0 for a partition of one row. */
    private RexNode percentRank(RexOver call) {
      RexNode rows = partitionRows(call);
      RexNode rank = ranking(call, SqlStdOperatorTable.RANK);
      return rex.makeCall(
          SqlStdOperatorTable.CASE,
          call(SqlStdOperatorTable.GREATER_THAN, rows, one()),
          call(
              SqlStdOperatorTable.DIVIDE,
              toDouble(call(SqlStdOperatorTable.MINUS, rank, one())),
              toDouble(call(SqlStdOperatorTable.MINUS, rows, one()))),
          rex.makeApproxLiteral(BigDecimal.ZERO));
    }

    /** The rows up to the row's last peer, over the partition's rows. */
    private RexNode cumeDist(RexOver call) {
      RexNode upToPeers =
          count(
              call,
              call.getWindow().orderKeys,
              RexWindowBounds.UNBOUNDED_PRECEDING,
              RexWindowBounds.CURRENT_ROW,
              false);
      return call(SqlStdOperatorTable.DIVIDE, toDouble(upToPeers), toDouble(partitionRows(call)));
    }

    /**
     * The n-th value where the frame, which starts at the partition's start, holds n rows; NULL
     * where it holds fewer. Other frames are left as they are.
     */
    private RexNode nthValue(RexOver call) {
      RexWindow window = call.getWindow();
      RexNode n = positiveLiteral(call.getOperands().get(1));
      if (n == null || !window.getLowerBound().isUnboundedPreceding()) {
        return null;
      }
      RexNode inFrame =
          count(
              call,
              window.orderKeys,
              window.getLowerBound(),
              window.getUpperBound(),
              window.isRows());
      RelDataType nullable = types.createTypeWithNullability(call.getType(), true);
      return rex.makeCall(
          nullable,
          SqlStdOperatorTable.CASE,
          List.of(
              call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, inFrame, n),
              rex.makeCast(nullable, call, true, false),
              rex.makeNullLiteral(nullable)));
    }

    /** {@code COUNT(*)} over the whole of the call's partition. */
    private RexNode partitionRows(RexOver call) {
      return count(
          call,
          ImmutableList.of(),
          RexWindowBounds.UNBOUNDED_PRECEDING,
          RexWindowBounds.UNBOUNDED_FOLLOWING,
          true);
    }

    private RexNode count(
        RexOver call,
        ImmutableList<RexFieldCollation> order,
        RexWindowBound lower,
        RexWindowBound upper,
        boolean rows) {
      return rex.makeOver(
          bigint(),
          SqlStdOperatorTable.COUNT,
          List.of(),
          call.getWindow().partitionKeys,
          order,
          lower,
          upper,
          rows,
          true,
          false,
          false,
          false);
    }

    /** {@code ranking} ({@code ROW_NUMBER} or {@code RANK}) over the call's window. */
    private RexNode ranking(RexOver call, SqlAggFunction ranking) {
      RexWindow window = call.getWindow();
      return rex.makeOver(
          bigint(),
          ranking,
          List.of(),
          window.partitionKeys,
          window.orderKeys,
          // A rank ignores the frame; this is the one Calcite's own give ranks.
          RexWindowBounds.UNBOUNDED_PRECEDING,
          RexWindowBounds.CURRENT_ROW,
          true,
          true,
          false,
          false,
          false);
    }

    /** {@code operand} as a {@code BIGINT} if it is a positive literal, else null. */
    private RexNode positiveLiteral(RexNode operand) {
      if (!(operand instanceof RexLiteral literal)) {
        return null;
      }
      BigDecimal value = literal.getValueAs(BigDecimal.class);
      return value != null && value.signum() > 0
          ? rex.makeCast(bigint(), literal, true, false)
          : null;
    }

    private RexNode call(SqlOperator operator, RexNode... operands) {
      return rex.makeCall(operator, operands);
    }

    private RexNode toDouble(RexNode value) {
      return rex.makeCast(types.createSqlType(SqlTypeName.DOUBLE), value, true, false);
    }

    private RexNode one() {
      return rex.makeBigintLiteral(BigDecimal.ONE);
    }

    private RelDataType bigint() {
      return types.createSqlType(SqlTypeName.BIGINT);
    }
  }
}
