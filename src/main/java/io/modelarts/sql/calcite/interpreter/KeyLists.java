package io.modelarts.sql.calcite.interpreter;

import java.util.List;
import org.apache.calcite.runtime.FlatLists;

/**
 * A key of several columns as Calcite's generated code builds it for grouping and joining ({@code
 * JavaRowFormat.LIST}): {@link FlatLists}' {@code of} overload for two to six values, {@code
 * copyOf} of an array of {@code Comparable}s beyond.
 *
 * <p>Why the very same methods: each builds a list class of its own, and hash maps keyed by them
 * give groups and matches in an order their hash codes decide.
 */
final class KeyLists {
  private KeyLists() {}

  /** The key of {@code row}'s {@code columns} (at least two). */
  static List<Object> of(Object[] row, int[] columns) {
    return switch (columns.length) {
      case 2 -> FlatLists.of(row[columns[0]], row[columns[1]]);
      case 3 -> FlatLists.of(row[columns[0]], row[columns[1]], row[columns[2]]);
      case 4 -> FlatLists.of(row[columns[0]], row[columns[1]], row[columns[2]], row[columns[3]]);
      case 5 ->
          FlatLists.of(
              row[columns[0]], row[columns[1]], row[columns[2]], row[columns[3]], row[columns[4]]);
      case 6 ->
          FlatLists.of(
              row[columns[0]],
              row[columns[1]],
              row[columns[2]],
              row[columns[3]],
              row[columns[4]],
              row[columns[5]]);
      default -> {
        if (columns.length < 2) {
          throw new IllegalArgumentException("a key of " + columns.length + " columns");
        }
        Comparable<?>[] values = new Comparable<?>[columns.length];
        for (int k = 0; k < columns.length; k++) {
          values[k] = (Comparable<?>) row[columns[k]];
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) (List<?>) FlatLists.copyOf(values);
        yield list;
      }
    };
  }
}
