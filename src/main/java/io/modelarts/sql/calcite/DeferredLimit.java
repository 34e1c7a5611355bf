package io.modelarts.sql.calcite;

import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * A {@code LIMIT}/{@code OFFSET} over an exact scan whose count is a bound parameter ({@code LIMIT
 * ? OFFSET ?}, or one of the two with a literal): the row window is known only when the statement
 * runs, and then the scan cuts it itself as it cuts a literal one, starting at the page that holds
 * the offset and reading just the pages of the window (see {@link ScanSpec#atRunTime}).
 *
 * <p>The driver checks the bound values before the plan runs (a whole number, not negative; {@code
 * NULL} for no limit or no offset) and hands them over as {@code Integer}s; see the JDBC layer's
 * {@code RowCountParameters}.
 *
 * @param fetchParameter the bound parameter giving the row count, or -1 for {@code fetch}
 * @param fetch the literal row count when {@code fetchParameter} is -1
 * @param offsetParameter the bound parameter giving the offset, or -1 for {@code offset}
 * @param offset the literal offset (0 when there is none) when {@code offsetParameter} is -1
 */
public record DeferredLimit(int fetchParameter, long fetch, int offsetParameter, long offset) {
  /** No limit waits for its values. */
  public static final DeferredLimit NONE = new DeferredLimit(-1, -1, -1, 0);

  /**
   * The limit of a sort's {@code fetch} and {@code offset} (null when absent) when at least one is
   * a bound parameter and each is a parameter or a literal; null otherwise.
   */
  static DeferredLimit of(RexNode fetch, RexNode offset) {
    if (fetch == null || !(fetch instanceof RexDynamicParam || offset instanceof RexDynamicParam)) {
      return null;
    }
    long[] rows = part(fetch);
    long[] skip = offset == null ? new long[] {-1, 0} : part(offset);
    if (rows == null || skip == null) {
      return null;
    }
    return new DeferredLimit((int) rows[0], rows[1], (int) skip[0], skip[1]);
  }

  /** {@code {index, -1}} for a bound parameter, {@code {-1, value}} for a literal, else null. */
  private static long[] part(RexNode node) {
    if (node instanceof RexDynamicParam p) {
      return new long[] {p.getIndex(), -1};
    }
    Long value = node instanceof RexLiteral literal ? literal.getValueAs(Long.class) : null;
    return value == null ? null : new long[] {-1, value};
  }

  // Written out, not left to the record, for the reason ScanSpec gives.
  @Override
  public boolean equals(Object other) {
    return other instanceof DeferredLimit that
        && fetchParameter == that.fetchParameter
        && fetch == that.fetch
        && offsetParameter == that.offsetParameter
        && offset == that.offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fetchParameter, fetch, offsetParameter, offset);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The window's {@code {offset, fetch}} with the values bound in {@code root}. */
  long[] window(DataContext root) {
    return new long[] {value(offsetParameter, offset, root), value(fetchParameter, fetch, root)};
  }

  private static long value(int parameter, long literal, DataContext root) {
    if (parameter < 0) {
      return literal;
    }
    Object bound = BoundParameters.value(root, parameter);
    if (!(bound instanceof Number n) || n.longValue() < 0) {
      // The JDBC layer checks these values before the plan runs; anything else is a driver bug.
      throw new IllegalStateException(
          "row count parameter " + BoundParameters.name(parameter) + " is " + bound);
    }
    return n.longValue();
  }

  /** How EXPLAIN shows it: {@code LIMIT ?0 OFFSET ?1}. */
  String describe() {
    String rows = fetchParameter >= 0 ? BoundParameters.name(fetchParameter) : Long.toString(fetch);
    String skip =
        offsetParameter >= 0 ? BoundParameters.name(offsetParameter) : Long.toString(offset);
    return "LIMIT " + rows + " OFFSET " + skip;
  }
}
