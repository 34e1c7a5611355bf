package io.modelarts.sql.calcite.interpreter;

import java.util.Comparator;
import java.util.List;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Functions;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Utilities;

/**
 * The sort key and comparator Calcite's generated code orders rows by ({@code
 * PhysType.generateCollationKey}, which {@code EnumerableSort} and {@code EnumerableMergeUnion}
 * call): for one key, the key's value and linq4j's null-aware comparator of it; for several, the
 * row itself, each key in turn compared by Calcite's {@link Utilities} methods, negated when
 * descending.
 *
 * @param selector the sort key of a row
 * @param comparator the order of sort keys
 */
record CollationKey(Function1<Object[], Object> selector, Comparator<Object> comparator) {

  /**
   * The key and comparator of rows of {@code fields} ordered by {@code keys}; keys of a type whose
   * order this package does not reproduce are {@link NotInterpretable}.
   */
  static CollationKey of(List<RelFieldCollation> keys, List<RelDataTypeField> fields)
      throws NotInterpretable {
    for (RelFieldCollation key : keys) {
      RelDataType type = fields.get(key.getFieldIndex()).getType();
      if (PlanInterpreter.comparedByCollator(type)) {
        throw new NotInterpretable("sort by a collation with a comparator");
      }
      if (!PlanInterpreter.SORTABLE.contains(type.getSqlTypeName())) {
        throw new NotInterpretable("sort by " + type);
      }
    }
    if (keys.size() == 1) {
      RelFieldCollation key = keys.get(0);
      int index = key.getFieldIndex();
      return new CollationKey(
          row -> row[index],
          nullsComparator(
              key.nullDirection == RelFieldCollation.NullDirection.FIRST,
              key.getDirection() == RelFieldCollation.Direction.DESCENDING));
    }
    int[] indexes = new int[keys.size()];
    boolean[] descending = new boolean[keys.size()];
    boolean[] nullsLow = new boolean[keys.size()];
    for (int k = 0; k < indexes.length; k++) {
      RelFieldCollation key = keys.get(k);
      indexes[k] = key.getFieldIndex();
      descending[k] = key.getDirection() == RelFieldCollation.Direction.DESCENDING;
      // The generated code's choice: compareNullsFirst when nulls-first differs from descending.
      nullsLow[k] = (key.nullDirection == RelFieldCollation.NullDirection.FIRST) != descending[k];
    }
    Comparator<Object> order =
        (first, second) -> {
          Object[] a = (Object[]) first;
          Object[] b = (Object[]) second;
          for (int k = 0; k < indexes.length; k++) {
            Comparable<?> x = comparable(a[indexes[k]]);
            Comparable<?> y = comparable(b[indexes[k]]);
            int c =
                nullsLow[k] ? Utilities.compareNullsFirst(x, y) : Utilities.compareNullsLast(x, y);
            if (c != 0) {
              return descending[k] ? -c : c;
            }
          }
          return 0;
        };
    return new CollationKey(row -> row, order);
  }

  /** linq4j's comparator of one sort key, the one the generated code passes. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Comparator<Object> nullsComparator(boolean nullsFirst, boolean descending) {
    Comparator comparator = Functions.nullsComparator(nullsFirst, descending);
    return comparator;
  }

  @SuppressWarnings("rawtypes")
  private static Comparable comparable(Object value) {
    return (Comparable) value;
  }
}
