package io.modelarts.sql.calcite.interpreter;

import java.util.NoSuchElementException;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of a calc for one execution: the input rows whose condition is TRUE, each projected,
 * enumerated as the code Calcite generates for a calc enumerates them (lazily, closing the input
 * when closed).
 */
final class CalcEnumerable extends AbstractEnumerable<Object[]> {
  private final Enumerable<Object[]> input;
  private final @Nullable RowExpression condition;
  private final RowExpression[] projects;
  private final DataContext root;

  CalcEnumerable(
      Enumerable<Object[]> input,
      @Nullable RowExpression condition,
      RowExpression[] projects,
      DataContext root) {
    this.input = input;
    this.condition = condition;
    this.projects = projects;
    this.root = root;
  }

  @Override
  public Enumerator<Object[]> enumerator() {
    Enumerator<Object[]> rows = input.enumerator();
    return new Enumerator<>() {
      private Object @Nullable [] current;

      @Override
      public Object[] current() {
        if (current == null) {
          throw new NoSuchElementException();
        }
        return current;
      }

      @Override
      public boolean moveNext() {
        while (rows.moveNext()) {
          Object[] row = rows.current();
          if (condition == null || Boolean.TRUE.equals(condition.evaluate(row, root))) {
            Object[] projected = new Object[projects.length];
            for (int i = 0; i < projects.length; i++) {
              projected[i] = projects[i].evaluate(row, root);
            }
            current = projected;
            return true;
          }
        }
        current = null;
        return false;
      }

      @Override
      public void reset() {
        rows.reset();
        current = null;
      }

      @Override
      public void close() {
        rows.close();
      }
    };
  }
}
