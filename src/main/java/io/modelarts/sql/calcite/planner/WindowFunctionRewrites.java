package io.modelarts.sql.calcite.planner;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.modelarts.sql.calcite.UnsupportedSqlException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.apache.calcite.rex.RexWindowExclusion;
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
 * an offset into one ordered ascending by a {@code BIGINT} never NULL, with a {@code CASE} for the
 * rows whose key is NULL ({@code Windows#withOffsettableKey}).
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
  /** The most digits of a decimal key that, times 10 to its scale, surely fit in a BIGINT. */
  private static final int MAX_SCALED_DIGITS = 18;

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
      if (!(visited instanceof RexOver call)) {
        return visited;
      }
      RexWindowExclusion exclude = call.getWindow().getExclude();
      if (exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
        throw new UnsupportedSqlException(
            exclude
                + " in a window frame is not supported: Calcite 1.42's code answers it wrongly"
                + " (MIN, MAX, FIRST_VALUE and LAST_VALUE ignore it, an empty frame's MIN and MAX"
                + " are the type's extremes, EXCLUDE TIES excludes nothing). Combine frames"
                + " that leave the rows out instead, such as ROWS BETWEEN 2 PRECEDING AND 1"
                + " PRECEDING and ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING.");
      }
      if (call.isDistinct()) {
        return distinct(call);
      }
      if (call.ignoreNulls()) {
        return call;
      }
      RexOver offsettable = withOffsettableKey(call);
      if (offsettable == call) {
        return functions(call);
      }
      RexNode key = call.getWindow().orderKeys.get(0).left;
      RexNode standIn = offsettable.getWindow().orderKeys.get(0).left;
      if (!key.getType().isNullable() || standIn.getType().isNullable()) {
        return functions(offsettable);
      }
      // The rows whose key is NULL, whose frame the offsettable key (a stand-in value) would not
      // give: SQL's is their peers, to the partition's ends where a bound is UNBOUNDED.
      return rex.makeCall(
          SqlStdOperatorTable.CASE,
          call(SqlStdOperatorTable.IS_NULL, key),
          functions(peersFrame(call)),
          functions(offsettable));
    }

    /**
     * {@code call} with the window functions Calcite gets wrong rewritten, typed as {@code call};
     * {@code call} itself if it is none of them.
     */
    private RexNode functions(RexOver call) {
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
     * {@code call} over a frame of values ({@code RANGE}) with an offset, ordered by one integer or
     * decimal, as the same frame ordered by a {@code BIGINT} never NULL in the same order,
     * ascending: the integer itself, or the decimal times 10 to its scale (up to 18 digits), its
     * offsets scaled as well; negated for a descending order; and in place of NULL the least or
     * greatest {@code BIGINT}, where the NULLs sort. {@code call} itself for other frames and keys.
     *
     * <p>Why: Calcite's code computes a frame's ends as the key plus or minus the offset, in the
     * key's Java type, and (1.42) counted such offsets as if ascending ({@code COUNT(*) OVER (ORDER
     * BY x DESC RANGE BETWEEN 10 PRECEDING AND CURRENT ROW)} was 0: values from {@code x - 10} down
     * to {@code x}, none of which come before the row), unboxed a NULL key (a {@code
     * NullPointerException}), wrapped an {@code INTEGER}'s end past its range, and generated code
     * that did not compile for a decimal ({@code BigDecimal - BigDecimal}). A key that is NULL gets
     * its frame from {@link #peersFrame} instead; its stand-in value lies beyond every other key's
     * ends. A {@code BIGINT} key's negation is checked; a double's is Calcite's, a NULL double
     * still failing (a double has no value beyond every other to stand in for it). A wider decimal
     * is refused ({@link UnsupportedSqlException}).
     */
    private RexOver withOffsettableKey(RexOver call) {
      RexWindow window = call.getWindow();
      if (window.isRows()
          || !(hasOffset(window.getLowerBound()) || hasOffset(window.getUpperBound()))
          || window.orderKeys.size() != 1) {
        return call;
      }
      RexFieldCollation key = window.orderKeys.get(0);
      RelDataType type = key.left.getType();
      boolean descending = key.getDirection() == RelFieldCollation.Direction.DESCENDING;
      BigDecimal scale = BigDecimal.ONE;
      RexNode value = key.left;
      if (SqlTypeUtil.isIntType(type)) {
        value = type.getSqlTypeName() == SqlTypeName.BIGINT ? value : bigint(value);
      } else if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
        if (type.getPrecision() > MAX_SCALED_DIGITS
            || type.getScale() < 0
            || !(literalOffset(window.getLowerBound()) && literalOffset(window.getUpperBound()))) {
          // Calcite's code for it would not compile: say why, not in a page of generated Java.
          throw new UnsupportedSqlException(
              "A RANGE frame with an offset over a DECIMAL key of more than "
                  + MAX_SCALED_DIGITS
                  + " digits (here "
                  + type.getFullTypeString()
                  + "), or with an offset that is not a literal, is not supported: cast the key"
                  + " to DECIMAL("
                  + MAX_SCALED_DIGITS
                  + ", s) first.");
        }
        scale = BigDecimal.TEN.pow(type.getScale());
        value = bigint(call(SqlStdOperatorTable.MULTIPLY, value, rex.makeExactLiteral(scale)));
      } else if (!SqlTypeUtil.isNumeric(type) || !descending) {
        return call;
      }
      if (descending) {
        value = call(SqlStdOperatorTable.UNARY_MINUS, value);
      }
      boolean nullsLast = key.getNullDirection() == RelFieldCollation.NullDirection.LAST;
      if (type.isNullable() && value.getType().getSqlTypeName() == SqlTypeName.BIGINT) {
        long standIn = nullsLast ? Long.MAX_VALUE : Long.MIN_VALUE;
        value =
            call(
                SqlStdOperatorTable.COALESCE,
                value,
                rex.makeLiteral(BigDecimal.valueOf(standIn), value.getType()));
        // Never NULL, so typed so: Calcite's code then computes the frame's ends unboxed.
        value = rex.makeCast(bigint(), value);
      }
      return reframed(
          call,
          ImmutableList.of(
              new RexFieldCollation(
                  value, Set.of(nullsLast ? SqlKind.NULLS_LAST : SqlKind.NULLS_FIRST))),
          scaled(window.getLowerBound(), scale),
          scaled(window.getUpperBound(), scale));
    }

    /**
     * {@code call}'s frame for a row whose key is NULL: its peers (the other NULLs), from the
     * partition's start or to its end where {@code call}'s bound is {@code UNBOUNDED}, as
     * PostgreSQL frames such a row whatever the offsets.
     */
    private RexOver peersFrame(RexOver call) {
      RexWindow window = call.getWindow();
      RexWindowBound lower =
          window.getLowerBound().isUnbounded()
              ? window.getLowerBound()
              : RexWindowBounds.CURRENT_ROW;
      RexWindowBound upper =
          window.getUpperBound().isUnbounded()
              ? window.getUpperBound()
              : RexWindowBounds.CURRENT_ROW;
      return reframed(call, window.orderKeys, lower, upper);
    }

    /**
     * {@code call} over its frame of values ({@code RANGE}) ordered by {@code orderKeys} from
     * {@code lower} to {@code upper} instead.
     */
    private RexOver reframed(
        RexOver call,
        ImmutableList<RexFieldCollation> orderKeys,
        RexWindowBound lower,
        RexWindowBound upper) {
      RexWindow window = call.getWindow();
      return (RexOver)
          rex.makeOver(
              call.getType(),
              call.getAggOperator(),
              call.getOperands(),
              window.partitionKeys,
              orderKeys,
              lower,
              upper,
              window.getExclude(),
              false,
              true,
              false,
              false,
              false);
    }

    private static boolean hasOffset(RexWindowBound bound) {
      return !bound.isUnbounded() && !bound.isCurrentRow();
    }

    /** Whether {@code bound} has no offset or a literal one (not a parameter). */
    private static boolean literalOffset(RexWindowBound bound) {
      return !hasOffset(bound) || bound.getOffset() instanceof RexLiteral;
    }

    /**
     * {@code bound} with its offset times {@code scale}, rounded down: a key {@code k} of scale
     * {@code s} lies within offset {@code o} of {@code x} exactly when {@code k * 10^s} lies within
     * {@code floor(o * 10^s)} of {@code x * 10^s}, both being whole numbers.
     */
    private RexWindowBound scaled(RexWindowBound bound, BigDecimal scale) {
      if (!hasOffset(bound) || scale.equals(BigDecimal.ONE)) {
        return bound;
      }
      RexNode offset = requireNonNull(bound.getOffset(), "offset");
      BigDecimal value =
          requireNonNull(((RexLiteral) offset).getValueAs(BigDecimal.class), "offset")
              .multiply(scale)
              .setScale(0, RoundingMode.FLOOR);
      RexNode scaled = rex.makeBigintLiteral(value);
      return bound.isPreceding()
          ? RexWindowBounds.preceding(scaled)
          : RexWindowBounds.following(scaled);
    }

    /** {@code value} cast to a {@code BIGINT} of its nullability. */
    private RexNode bigint(RexNode value) {
      return rex.makeCast(
          types.createTypeWithNullability(bigint(), value.getType().isNullable()), value);
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
              List.of(),
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
              List.of(),
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

    /**
     * A window aggregate of distinct values: {@code MIN} and {@code MAX} as without {@code
     * DISTINCT}, which changes neither; {@code COUNT(DISTINCT x)} over a whole partition as the
     * number of ranks {@code x} takes there (its dense rank ascending plus descending, less one,
     * and less one more where a NULL took a rank); any other refused ({@link
     * UnsupportedSqlException}).
     *
     * <p>Why: Calcite 1.42's code ignores {@code DISTINCT} in a window: over 1, 2, 2, 4, {@code
     * COUNT(DISTINCT x) OVER ()} was 4 and {@code SUM(DISTINCT x) OVER ()} 9.
     */
    private RexNode distinct(RexOver call) {
      RexWindow window = call.getWindow();
      SqlKind kind = call.getAggOperator().getKind();
      if (kind == SqlKind.MIN || kind == SqlKind.MAX) {
        return rex.makeOver(
            call.getType(),
            call.getAggOperator(),
            call.getOperands(),
            window.partitionKeys,
            window.orderKeys,
            window.getLowerBound(),
            window.getUpperBound(),
            window.getExclude(),
            window.isRows(),
            true,
            false,
            false,
            call.ignoreNulls());
      }
      boolean wholePartition =
          window.getLowerBound().isUnboundedPreceding()
                  && window.getUpperBound().isUnboundedFollowing()
              // Without an order every row is the others' peer: a frame of values holds them all.
              || window.orderKeys.isEmpty() && !window.isRows();
      if (kind != SqlKind.COUNT || call.getOperands().size() != 1 || !wholePartition) {
        throw new UnsupportedSqlException(
            call.getAggOperator().getName()
                + "(DISTINCT …) OVER (…) is not supported but as MIN, MAX, or COUNT over a whole"
                + " partition: Calcite 1.42's code ignores DISTINCT in a window (SUM(DISTINCT x)"
                + " OVER () of 1, 2, 2, 4 gave 9). Aggregate the distinct values in a sub-query"
                + " and join it instead.");
      }
      RexNode value = call.getOperands().get(0);
      RexNode ranks =
          call(
              SqlStdOperatorTable.MINUS,
              call(
                  SqlStdOperatorTable.PLUS,
                  denseRank(call, new RexFieldCollation(value, Set.of(SqlKind.NULLS_LAST))),
                  denseRank(
                      call,
                      new RexFieldCollation(
                          value, Set.of(SqlKind.DESCENDING, SqlKind.NULLS_FIRST)))),
              one());
      if (value.getType().isNullable()) {
        RexNode nullRank =
            call(
                SqlStdOperatorTable.CASE,
                call(
                    SqlStdOperatorTable.GREATER_THAN,
                    partitionRows(call),
                    partitionCount(call, List.of(value))),
                one(),
                rex.makeBigintLiteral(BigDecimal.ZERO));
        ranks = call(SqlStdOperatorTable.MINUS, ranks, nullRank);
      }
      return rex.makeCast(call.getType(), ranks, true, false);
    }

    /** {@code DENSE_RANK()} over the call's partition, ordered by {@code key}. */
    private RexNode denseRank(RexOver call, RexFieldCollation key) {
      return ranking(call, SqlStdOperatorTable.DENSE_RANK, ImmutableList.of(key));
    }

    /** {@code COUNT(*)} over the whole of the call's partition. */
    private RexNode partitionRows(RexOver call) {
      return partitionCount(call, List.of());
    }

    /** {@code COUNT} of {@code operands} ({@code *} if none) over the call's whole partition. */
    private RexNode partitionCount(RexOver call, List<RexNode> operands) {
      return count(
          call,
          operands,
          ImmutableList.of(),
          RexWindowBounds.UNBOUNDED_PRECEDING,
          RexWindowBounds.UNBOUNDED_FOLLOWING,
          true);
    }

    private RexNode count(
        RexOver call,
        List<RexNode> operands,
        ImmutableList<RexFieldCollation> order,
        RexWindowBound lower,
        RexWindowBound upper,
        boolean rows) {
      return rex.makeOver(
          bigint(),
          SqlStdOperatorTable.COUNT,
          operands,
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
      return ranking(call, ranking, call.getWindow().orderKeys);
    }

    /** {@code ranking} over the call's partition, ordered by {@code order}. */
    private RexNode ranking(
        RexOver call, SqlAggFunction ranking, ImmutableList<RexFieldCollation> order) {
      return rex.makeOver(
          bigint(),
          ranking,
          List.of(),
          call.getWindow().partitionKeys,
          order,
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
