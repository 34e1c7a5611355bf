package io.modelarts.sql.calcite.interpreter;

import java.util.Comparator;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.function.EqualityComparer;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.FlatLists;
import org.apache.calcite.runtime.Utilities;

/**
 * Calcite's hash and merge joins of one equality key, run with the very linq4j methods their
 * generated code calls ({@code hashJoin}, {@code EnumerableDefaults.mergeJoin}), given the keys,
 * comparator and output rows that code builds, so the rows come out the same and in the same order.
 *
 * <p>Inner, left, right and full joins; a join with a condition beyond its keys, several keys, or
 * keys of differing or uncomparable types is left to Calcite.
 */
final class JoinInterpreter {
  private static final Set<JoinRelType> JOIN_TYPES =
      Set.of(JoinRelType.INNER, JoinRelType.LEFT, JoinRelType.RIGHT, JoinRelType.FULL);

  private JoinInterpreter() {}

  /**
   * {@code left.hashJoin(right, ...)} as {@code EnumerableHashJoin}'s code calls it: each side's
   * key a one-element {@link FlatLists} list, null when the key is NULL and {@code =} excludes it
   * (such a row matches nothing); no comparer; nulls generated on the side the join type says.
   */
  static Function<DataContext, Enumerable<Object[]>> hashJoin(
      EnumerableHashJoin join,
      Function<DataContext, Enumerable<Object[]>> left,
      Function<DataContext, Enumerable<Object[]>> right)
      throws NotInterpretable {
    EqualityKey key = EqualityKey.of(join);
    int leftKey = key.left();
    int rightKey = key.right();
    boolean excludesNulls = key.excludesNulls();
    Function1<Object[], Object> leftKeyOf = row -> nullAwareKey(row[leftKey], excludesNulls);
    Function1<Object[], Object> rightKeyOf = row -> nullAwareKey(row[rightKey], excludesNulls);
    Function2<Object[], Object[], Object[]> output = output(join);
    boolean nullsOnLeft = join.getJoinType().generatesNullsOnLeft();
    boolean nullsOnRight = join.getJoinType().generatesNullsOnRight();
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
                null);
  }

  private static Object nullAwareKey(Object value, boolean excludesNulls) {
    return value == null && excludesNulls ? null : FlatLists.ofSingle(value);
  }

  /**
   * {@code EnumerableDefaults.mergeJoin} as {@code EnumerableMergeJoin}'s code calls it: each
   * side's key the value itself, compared ascending with NULLs last by the {@link Utilities} method
   * its code picks ({@code compareNullsLastForMergeJoin} when either side may be NULL).
   */
  static Function<DataContext, Enumerable<Object[]>> mergeJoin(
      EnumerableMergeJoin join,
      Function<DataContext, Enumerable<Object[]>> left,
      Function<DataContext, Enumerable<Object[]>> right)
      throws NotInterpretable {
    EqualityKey key = EqualityKey.of(join);
    int leftKey = key.left();
    int rightKey = key.right();
    Comparator<Comparable<Object>> order =
        key.nullable() ? Utilities::compareNullsLastForMergeJoin : Utilities::compare;
    Function1<Object[], Object> leftKeyOf = row -> row[leftKey];
    Function1<Object[], Object> rightKeyOf = row -> row[rightKey];
    Function2<Object[], Object[], Object[]> output = output(join);
    JoinType type = linq4jType(join.getJoinType());
    return root ->
        merge(left.apply(root), right.apply(root), leftKeyOf, rightKeyOf, output, type, order);
  }

  /** The generic call, its key type (the keys' values, all {@code Comparable}) left raw. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Enumerable<Object[]> merge(
      Enumerable<Object[]> left,
      Enumerable<Object[]> right,
      Function1 leftKeyOf,
      Function1 rightKeyOf,
      Function2<Object[], Object[], Object[]> output,
      JoinType type,
      Comparator order) {
    return EnumerableDefaults.mergeJoin(
        left,
        right,
        leftKeyOf,
        rightKeyOf,
        (Predicate2) null,
        output,
        type,
        order,
        (EqualityComparer) null);
  }

  /**
   * A join's one equality key, checked to be one the generated code and this class treat alike.
   *
   * @param left the key's column on the left
   * @param right the key's column on the right
   * @param excludesNulls whether a NULL key matches nothing ({@code =}, not {@code IS NOT DISTINCT
   *     FROM})
   * @param nullable whether either side's key may be NULL
   */
  private record EqualityKey(int left, int right, boolean excludesNulls, boolean nullable) {
    static EqualityKey of(Join join) throws NotInterpretable {
      if (!JOIN_TYPES.contains(join.getJoinType())) {
        throw new NotInterpretable("join type " + join.getJoinType());
      }
      JoinInfo info = join.analyzeCondition();
      if (!info.isEqui() || info.leftKeys.size() != 1) {
        throw new NotInterpretable("join on " + join.getCondition());
      }
      int left = info.leftKeys.get(0);
      int right = info.rightKeys.get(0);
      RelDataType leftType = join.getLeft().getRowType().getFieldList().get(left).getType();
      RelDataType rightType = join.getRight().getRowType().getFieldList().get(right).getType();
      // Keys of one type keep their Java class in the generated code (no conversion), and compare
      // and hash as the values themselves.
      if (leftType.getSqlTypeName() != rightType.getSqlTypeName()
          || !PlanInterpreter.SORTABLE.contains(leftType.getSqlTypeName())
          || PlanInterpreter.comparedByCollator(leftType)
          || PlanInterpreter.comparedByCollator(rightType)) {
        throw new NotInterpretable("join key " + leftType + " = " + rightType);
      }
      return new EqualityKey(
          left,
          right,
          info.nullExclusionFlags.get(0),
          leftType.isNullable() || rightType.isNullable());
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
