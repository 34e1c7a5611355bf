package io.modelarts.sql.calcite;

import org.apache.calcite.DataContext;

/**
 * How a statement's parameter values reach the compiled plan: Calcite puts each one in the
 * statement's {@link DataContext} under the name {@code "?index"}, the user's bound values and the
 * driver's hidden ones ({@link HoistedLiteralsCalc}) alike.
 */
final class BoundParameters {
  private BoundParameters() {}

  /** The name the value of parameter {@code index} has in a statement's data context. */
  static String name(int index) {
    return "?" + index;
  }

  /** The value bound to parameter {@code index} in {@code root}; null when none or SQL NULL. */
  static Object value(DataContext root, int index) {
    return root.get(name(index));
  }
}
