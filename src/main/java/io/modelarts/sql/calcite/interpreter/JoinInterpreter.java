package io.modelarts.sql.calcite.interpreter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.function.EqualityComparer;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.FlatLists;
import org.apache.calcite.runtime.Utilities;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's hash, merge and nested loop joins, run with the very linq4j methods their generated
 * code calls ({@code hashJoin}, {@code EnumerableDefaults.mergeJoin} and {@code nestedLoopJoin}),
 * given the keys, comparator, predicate and output rows that code builds, so the rows come out the
 * same and in the same order.
 *
 * <p>Inner, left, right and full joins on one key or several ({@code a.owner = b.owner AND a.status
 * = b.status}), with a further condition ({@code AND e.dev_service <> n.name}) whose expressions
 * {@link RowExpressions} takes, or on a condition alone (a nested loop join: a scalar sub-query's
 * one row joined to every row); keys of differing or uncomparable types are left to Calcite.
 */
final class JoinInterpreter {
  private static final Set<JoinRelType> JOIN_TYPES =
      Set.of(JoinRelType.INNER, JoinRelType.LEFT, JoinRelType.RIGHT, JoinRelType.FULL);

  private JoinInterpreter() {}

  /**
   * {@code left.hashJoin(right, ...)} as {@code EnumerableHashJoin}'s code calls it: each side's
   * key a one-element {@link FlatLists} list, or a list of several ({@link KeyLists}), null when a
   * key column is NULL and its {@code =} excludes NULLs (such a row matches nothing); no comparer;
   * nulls generated on the side the join type says; the condition beyond the keys, if any, as the
   * predicate ({@link #predicate}).
   */
  static Function<DataContext, Enumerable<Object[]>> hashJoin(
      EnumerableHashJoin join,
      Function<DataContext, Enumerable<Object[]>> left,
      Function<DataContext, Enumerable<Object[]>> right)
      throws NotInterpretable {
    JoinInfo info = join.analyzeCondition();
    EqualityKeys keys = EqualityKeys.of(join, info);
    int[] leftKeys = keys.left();
    int[] rightKeys = keys.right();
    boolean[] excludesNulls = keys.excludesNulls();
    Function1<Object[], Object> leftKeyOf = row -> nullAwareKey(row, leftKeys, excludesNulls);
    Function1<Object[], Object> rightKeyOf = row -> nullAwareKey(row, rightKeys, excludesNulls);
    Function2<Object[], Object[], Object[]> output = output(join);
    boolean nullsOnLeft = join.getJoinType().generatesNullsOnLeft();
    boolean nullsOnRight = join.getJoinType().generatesNullsOnRight();
    RowExpression condition = nonEquiCondition(join, info);
    return root ->
        left.apply(root)
            .hashJoin(
                right.apply(root),
                leftKeyOf,
                rightKeyOf,
                output,
                null,
                nullsOnLeft,
                nullsOnRight,
                predicate(output, condition, root));
  }

  /**
   * {@code EnumerableDefaults.nestedLoopJoin} as {@code EnumerableNestedLoopJoin}'s code calls it:
   * every pair of rows, the join's whole condition as the predicate.
   */
  static Function<DataContext, Enumerable<Object[]>> nestedLoopJoin(
      EnumerableNestedLoopJoin join,
      Function<DataContext, Enumerable<Object[]>> left,
      Function<DataContext, Enumerable<Object[]>> right)
      throws NotInterpretable {
    if (!JOIN_TYPES.contains(join.getJoinType())) {
      throw new NotInterpretable("join type " + join.getJoinType());
    }
    RowExpression condition = expressions(join).compile(join.getCondition());
    Function2<Object[], Object[], Object[]> output = output(join);
    JoinType type = linq4jType(join.getJoinType());
    return root ->
        EnumerableDefaults.nestedLoopJoin(
            left.apply(root),
            right.apply(root),
            Objects.requireNonNull(predicate(output, condition, root)),
            output,
            type);
  }

  /** The expressions of a join's condition, compiled as a calc's are. */
  private static RowExpressions expressions(Join join) {
    RelOptCluster cluster = join.getCluster();
    return new RowExpressions(cluster.getRexBuilder(), PlanInterpreter.conformance(cluster));
  }

  /**
   * The part of a join's condition beyond its equality keys ({@code info}'s), or null if there is
   * none.
   */
  private static @Nullable RowExpression nonEquiCondition(Join join, JoinInfo info)
      throws NotInterpretable {
    RexNode condition =
        RexUtil.composeConjunction(join.getCluster().getRexBuilder(), info.nonEquiConditions, true);
    return condition == null ? null : expressions(join).compile(condition);
  }

  /**
   * The predicate the generated code passes for {@code condition} ({@code
   * EnumUtils.generatePredicate}): a pair of rows matches when the condition over their {@code
   * pair} (the left row's fields, then the right's) is TRUE (not FALSE or NULL). Null if there is
   * no condition. Holds no plan node, as a cached plan must not.
   */
  private static @Nullable Predicate2<Object[], Object[]> predicate(
      Function2<Object[], Object[], Object[]> pair,
      @Nullable RowExpression condition,
      DataContext root) {
    if (condition == null) {
      return null;
    }
    return (l, r) -> Boolean.TRUE.equals(condition.evaluate(pair.apply(l, r), root));
  }

  /** A row's key as {@code PhysType.generateNullAwareAccessor}'s code builds it. */
  private static Object nullAwareKey(Object[] row, int[] columns, boolean[] excludesNulls) {
    for (int k = 0; k < columns.length; k++) {
      if (excludesNulls[k] && row[columns[k]] == null) {
        return null;
      }
    }
    return columns.length == 1 ? FlatLists.ofSingle(row[columns[0]]) : KeyLists.of(row, columns);
  }

  /**
   * {@code EnumerableDefaults.mergeJoin} as {@code EnumerableMergeJoin}'s code calls it: each
   * side's key the value itself, or a list of several ({@link KeyLists}) compared key by key,
   * ascending with NULLs last by the {@link Utilities} method its code picks for each ({@code
   * compareNullsLastForMergeJoin} when either side may be NULL).
   */
  static Function<DataContext, Enumerable<Object[]>> mergeJoin(
      EnumerableMergeJoin join,
      Function<DataContext, Enumerable<Object[]>> left,
      Function<DataContext, Enumerable<Object[]>> right)
      throws NotInterpretable {
    JoinInfo info = join.analyzeCondition();
    EqualityKeys keys = EqualityKeys.of(join, info);
    int[] leftKeys = keys.left();
    int[] rightKeys = keys.right();
    List<Comparator<Comparable<Object>>> orders = new ArrayList<>();
    for (boolean nullable : keys.nullable()) {
      orders.add(nullable ? Utilities::compareNullsLastForMergeJoin : Utilities::compare);
    }
    Function1<Object[], Object> leftKeyOf;
    Function1<Object[], Object> rightKeyOf;
    Comparator<?> order;
    if (leftKeys.length == 1) {
      leftKeyOf = row -> row[leftKeys[0]];
      rightKeyOf = row -> row[rightKeys[0]];
      order = orders.get(0);
    } else {
      leftKeyOf = row -> KeyLists.of(row, leftKeys);
      rightKeyOf = row -> KeyLists.of(row, rightKeys);
      order = listOrder(orders);
    }
    Function2<Object[], Object[], Object[]> output = output(join);
    JoinType type = linq4jType(join.getJoinType());
    RowExpression condition = nonEquiCondition(join, info);
    return root ->
        merge(
            left.apply(root),
            right.apply(root),
            leftKeyOf,
            rightKeyOf,
            predicate(output, condition, root),
            output,
            type,
            order);
  }

  /** Lists of keys compared element by element, each by its comparator, the first difference. */
  @SuppressWarnings("unchecked")
  private static Comparator<List<Object>> listOrder(List<Comparator<Comparable<Object>>> orders) {
    return (a, b) -> {
      for (int k = 0; k < orders.size(); k++) {
        int c = orders.get(k).compare((Comparable<Object>) a.get(k), (Comparable<Object>) b.get(k));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /** The generic call, its key type (the keys' values, all {@code Comparable}) left raw. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Enumerable<Object[]> merge(
      Enumerable<Object[]> left,
      Enumerable<Object[]> right,
      Function1 leftKeyOf,
      Function1 rightKeyOf,
      @Nullable Predicate2<Object[], Object[]> predicate,
      Function2<Object[], Object[], Object[]> output,
      JoinType type,
      Comparator order) {
    return EnumerableDefaults.mergeJoin(
        left,
        right,
        leftKeyOf,
        rightKeyOf,
        predicate,
        output,
        type,
        order,
        (EqualityComparer) null);
  }

  /**
   * A join's equality keys, checked to be ones the generated code and this class treat alike.
   *
   * @param left each key's column on the left
   * @param right each key's column on the right
   * @param excludesNulls whether a NULL in each key matches nothing ({@code =}, not {@code IS NOT
   *     DISTINCT FROM})
   * @param nullable whether either side of each key may be NULL
   */
  private record EqualityKeys(
      int[] left, int[] right, boolean[] excludesNulls, boolean[] nullable) {
    /** {@code join}'s keys, of its condition as analysed ({@code info}). */
    static EqualityKeys of(Join join, JoinInfo info) throws NotInterpretable {
      if (!JOIN_TYPES.contains(join.getJoinType())) {
        throw new NotInterpretable("join type " + join.getJoinType());
      }
      if (info.leftKeys.isEmpty()) {
        throw new NotInterpretable("join on " + join.getCondition());
      }
      int count = info.leftKeys.size();
      EqualityKeys keys =
          new EqualityKeys(new int[count], new int[count], new boolean[count], new boolean[count]);
      for (int k = 0; k < count; k++) {
        int left = info.leftKeys.get(k);
        int right = info.rightKeys.get(k);
        RelDataType leftType = join.getLeft().getRowType().getFieldList().get(left).getType();
        RelDataType rightType = join.getRight().getRowType().getFieldList().get(right).getType();
        // Keys of one type keep their Java class in the generated code (no conversion), and
        // compare and hash as the values themselves.
        if (leftType.getSqlTypeName() != rightType.getSqlTypeName()
            || !PlanInterpreter.SORTABLE.contains(leftType.getSqlTypeName())
            || PlanInterpreter.comparedByCollator(leftType)
            || PlanInterpreter.comparedByCollator(rightType)) {
          throw new NotInterpretable("join key " + leftType + " = " + rightType);
        }
        keys.left[k] = left;
        keys.right[k] = right;
        keys.excludesNulls[k] = info.nullExclusionFlags.get(k);
        keys.nullable[k] = leftType.isNullable() || rightType.isNullable();
      }
      return keys;
    }
  }

  /** The joined row as {@code EnumUtils.joinSelector}'s code makes it: left's fields, right's. */
  private static Function2<Object[], Object[], Object[]> output(Join join) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int rightCount = join.getRight().getRowType().getFieldCount();
    return (l, r) -> {
      Object[] out = new Object[leftCount + rightCount];
      if (l != null) {
        System.arraycopy(l, 0, out, 0, leftCount);
      }
      if (r != null) {
        System.arraycopy(r, 0, out, leftCount, rightCount);
      }
      return out;
    };
  }

  private static JoinType linq4jType(JoinRelType type) {
    return switch (type) {
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      default -> JoinType.INNER;
    };
  }
}
