package io.modelarts.sql.calcite.interpreter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableIntersect;
import org.apache.calcite.adapter.enumerable.EnumerableMergeUnion;
import org.apache.calcite.adapter.enumerable.EnumerableMinus;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.function.EqualityComparer;
import org.apache.calcite.linq4j.function.Functions;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.core.SetOp;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's {@code UNION}, {@code INTERSECT} and {@code EXCEPT}, with or without {@code ALL}, run
 * with the linq4j methods their generated code calls ({@code concat}, {@code union}, {@code
 * intersect}, {@code except}; {@code mergeUnion} for a union of sorted inputs), inputs folded from
 * the first as that code folds them, on the values it passes: a one-column row's value bare, with
 * no comparer; a wider row as an array, compared by linq4j's array comparer.
 *
 * <p>Why the same values matter: the distinct forms and the {@code ALL} forms of {@code INTERSECT}
 * and {@code EXCEPT} gather rows in a hash set or multiset, so the rows come out in an order the
 * hash codes decide; an array's hash code is not its one value's. Given the same values the same
 * methods give the same rows in the same order.
 */
final class SetOpInterpreter {
  private SetOpInterpreter() {}

  /** One step of the fold: the rows so far combined with the next input's. */
  @FunctionalInterface
  private interface Step<T> {
    Enumerable<T> apply(Enumerable<T> sofar, Enumerable<T> next);
  }

  /**
   * The rows of {@code setOp} (an {@link EnumerableUnion}, {@link EnumerableMergeUnion}, {@link
   * EnumerableIntersect} or {@link EnumerableMinus}) over its {@code inputs}' rows.
   */
  static Function<DataContext, Enumerable<Object[]>> of(
      SetOp setOp, List<Function<DataContext, Enumerable<Object[]>>> inputs)
      throws NotInterpretable {
    if (setOp.getClass() == EnumerableMergeUnion.class) {
      return mergeUnion(setOp, inputs);
    }
    boolean all = setOp.all;
    if (setOp.getRowType().getFieldCount() == 1) {
      Step<Object> step = step(setOp, all, null);
      return root -> {
        Enumerable<Object> rows = null;
        for (Function<DataContext, Enumerable<Object[]>> input : inputs) {
          Enumerable<Object> values = input.apply(root).select(row -> row[0]);
          rows = rows == null ? values : step.apply(rows, values);
        }
        return rows.select(value -> new Object[] {value});
      };
    }
    Step<Object[]> step = step(setOp, all, Functions.arrayComparer());
    return root -> {
      Enumerable<Object[]> rows = null;
      for (Function<DataContext, Enumerable<Object[]>> input : inputs) {
        Enumerable<Object[]> next = input.apply(root);
        rows = rows == null ? next : step.apply(rows, next);
      }
      return rows;
    };
  }

  /**
   * linq4j's {@code mergeUnion} of {@code inputs} (each sorted by the union's collation), given the
   * sort key and comparator ({@link CollationKey}) and the equality {@code EnumerableMergeUnion}'s
   * code passes: for one column bare values, equal if {@code equals} says so (the identity
   * comparer); for several, arrays and linq4j's array comparer.
   */
  private static Function<DataContext, Enumerable<Object[]>> mergeUnion(
      SetOp union, List<Function<DataContext, Enumerable<Object[]>>> inputs)
      throws NotInterpretable {
    RelCollation collation = union.getTraitSet().getCollation();
    if (collation == null || collation.getFieldCollations().isEmpty()) {
      throw new NotInterpretable("merge union without a collation");
    }
    CollationKey key =
        CollationKey.of(collation.getFieldCollations(), union.getRowType().getFieldList());
    boolean all = union.all;
    if (union.getRowType().getFieldCount() == 1) {
      Comparator<Object> order = key.comparator();
      return root -> {
        List<Enumerable<Object>> values = new ArrayList<>();
        for (Function<DataContext, Enumerable<Object[]>> input : inputs) {
          values.add(input.apply(root).select(row -> row[0]));
        }
        return EnumerableDefaults.mergeUnion(
                values, value -> value, order, all, Functions.identityComparer())
            .select(value -> new Object[] {value});
      };
    }
    return root -> {
      List<Enumerable<Object[]>> rows = new ArrayList<>();
      for (Function<DataContext, Enumerable<Object[]>> input : inputs) {
        rows.add(input.apply(root));
      }
      return EnumerableDefaults.mergeUnion(
          rows, key.selector(), key.comparator(), all, Functions.arrayComparer());
    };
  }

  /**
   * The linq4j call {@code setOp}'s generated code makes for each input after the first, with
   * {@code comparer} (null: the overload without one).
   */
  private static <T> Step<T> step(SetOp setOp, boolean all, @Nullable EqualityComparer<T> comparer)
      throws NotInterpretable {
    Class<?> type = setOp.getClass();
    if (type == EnumerableUnion.class) {
      if (all) {
        return Enumerable::concat;
      }
      return comparer == null ? Enumerable::union : (a, b) -> a.union(b, comparer);
    }
    if (type == EnumerableIntersect.class) {
      return comparer == null
          ? (a, b) -> a.intersect(b, all)
          : (a, b) -> a.intersect(b, comparer, all);
    }
    if (type == EnumerableMinus.class) {
      return comparer == null ? (a, b) -> a.except(b, all) : (a, b) -> a.except(b, comparer, all);
    }
    throw new NotInterpretable(setOp.getRelTypeName());
  }
}
