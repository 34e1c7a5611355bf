package io.modelarts.sql.calcite.interpreter;

import java.lang.reflect.Type;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plan {@link PlanInterpreter} runs: for each execution, its rows as Calcite's result set reads
 * those of a compiled plan — arrays, or bare values when there is a single column.
 */
final class InterpretedPlan implements Bindable<Object>, Typed {
  private final Function<DataContext, Enumerable<Object[]>> rows;
  private final int @Nullable [] fields;
  private final int width;

  /**
   * @param fields the plan's fields the query returns, in order, or null for all of them
   * @param width how many columns the query returns
   */
  InterpretedPlan(
      Function<DataContext, Enumerable<Object[]>> rows, int @Nullable [] fields, int width) {
    this.rows = rows;
    this.fields = fields;
    this.width = width;
  }

  @Override
  public Enumerable<Object> bind(DataContext root) {
    Enumerable<Object[]> planRows = rows.apply(root);
    int[] picked = fields;
    if (picked == null) {
      return width == 1 ? planRows.select(row -> row[0]) : asObjects(planRows);
    }
    if (width == 1) {
      int only = picked[0];
      return planRows.select(row -> row[only]);
    }
    return planRows.select(
        row -> {
          Object[] out = new Object[picked.length];
          for (int i = 0; i < picked.length; i++) {
            out[i] = row[picked[i]];
          }
          return out;
        });
  }

  @SuppressWarnings("unchecked")
  private static Enumerable<Object> asObjects(Enumerable<Object[]> rows) {
    return (Enumerable<Object>) (Enumerable<?>) rows;
  }

  /** Arrays, or (for one column) values; Calcite's cursor then reads them as its own. */
  @Override
  public Type getElementType() {
    return width == 1 ? Object.class : Object[].class;
  }
}
