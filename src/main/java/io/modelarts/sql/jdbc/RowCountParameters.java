package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.DeferredLimit;
import io.modelarts.sql.calcite.ModelArtsTableScan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The bound parameters a plan reads as row counts ({@code LIMIT ?}, {@code OFFSET ?}, {@code FETCH
 * NEXT ? ROWS}), checked before the plan runs and handed to it as the {@code Integer} Calcite's
 * code casts them to.
 *
 * <p>Why: Calcite's limit reads such a parameter with a plain cast to {@code Integer}, so {@code
 * setLong} (what Spring Data's {@code Pageable.getOffset()} binds) failed with a {@code
 * ClassCastException} and no SQLState, {@code setNull} with a {@code NullPointerException}, and a
 * negative count was quietly read as none. Here any whole number is taken whatever its Java type;
 * {@code NULL} means no limit and no offset, as in PostgreSQL; a negative or fractional count fails
 * with the SQLState the SQL standard gives ({@code 2201W} for the limit, {@code 2201X} for the
 * offset), a value that is no number with {@code 07006}; counts past {@code Integer.MAX_VALUE} are
 * read as that (no listing holds so many rows, so the answer is the same).
 */
final class RowCountParameters {
  /** A plan without row-count parameters. */
  private static final RowCountParameters NONE = new RowCountParameters(Map.of());

  /** Which clause a parameter counts for: its name in messages and its SQLState when invalid. */
  enum Clause {
    LIMIT("2201W", Integer.MAX_VALUE),
    OFFSET("2201X", 0);

    private final String invalidState;
    private final int whenNull;

    Clause(String invalidState, int whenNull) {
      this.invalidState = invalidState;
      this.whenNull = whenNull;
    }
  }

  /** Parameter index → the clause it counts for, in index order. */
  private final Map<Integer, Clause> clauses;

  private RowCountParameters(Map<Integer, Clause> clauses) {
    this.clauses = clauses;
  }

  /** The row-count parameters of {@code plan}: its limits' and its scans' deferred windows'. */
  static RowCountParameters of(RelNode plan) {
    Map<Integer, Clause> found = new TreeMap<>();
    collect(plan, found);
    return found.isEmpty() ? NONE : new RowCountParameters(found);
  }

  private static void collect(RelNode rel, Map<Integer, Clause> found) {
    if (rel instanceof Sort sort) {
      add(sort.fetch, Clause.LIMIT, found);
      add(sort.offset, Clause.OFFSET, found);
    } else if (rel instanceof EnumerableLimit limit) {
      add(limit.fetch, Clause.LIMIT, found);
      add(limit.offset, Clause.OFFSET, found);
    } else if (rel instanceof ModelArtsTableScan scan) {
      DeferredLimit window = scan.spec().limit();
      if (window.fetchParameter() >= 0) {
        found.put(window.fetchParameter(), Clause.LIMIT);
      }
      if (window.offsetParameter() >= 0) {
        found.put(window.offsetParameter(), Clause.OFFSET);
      }
    }
    for (RelNode input : rel.getInputs()) {
      collect(input, found);
    }
  }

  private static void add(@Nullable RexNode node, Clause clause, Map<Integer, Clause> found) {
    if (node instanceof RexDynamicParam parameter) {
      found.put(parameter.getIndex(), clause);
    }
  }

  boolean isEmpty() {
    return clauses.isEmpty();
  }

  /**
   * {@code plan} run with its row-count parameters checked first (before any call to the service)
   * and read as {@code Integer}s; {@code plan} itself when it has none.
   */
  Bindable<Object> around(Bindable<Object> plan) {
    if (clauses.isEmpty()) {
      return plan;
    }
    return new Checked(plan, this);
  }

  /** The values of the row-count parameters bound in {@code root}, checked: name → value. */
  private Map<String, Object> checked(DataContext root) {
    Map<String, Object> values = new TreeMap<>();
    for (Map.Entry<Integer, Clause> e : clauses.entrySet()) {
      String name = "?" + e.getKey();
      values.put(name, count(root.get(name), e.getValue(), e.getKey()));
    }
    return values;
  }

  /**
   * {@code value} bound to parameter {@code index} of {@code clause}, as the count it stands for.
   */
  static Integer count(@Nullable Object value, Clause clause, int index) {
    if (value == null) {
      return clause.whenNull;
    }
    BigInteger whole = wholeNumber(value);
    if (whole == null) {
      String what =
          value instanceof Number
              ? "is bound to " + value + ", which is not a whole number"
              : "is bound to a " + value.getClass().getSimpleName() + ", not a number";
      throw invalid(clause, index, what, value instanceof Number ? clause.invalidState : "07006");
    }
    if (whole.signum() < 0) {
      throw invalid(
          clause, index, "is bound to " + value + ": it must not be negative", clause.invalidState);
    }
    return whole.bitLength() < Integer.SIZE ? whole.intValue() : Integer.MAX_VALUE;
  }

  /** {@code value} as a whole number, or null when it is not a number or has a fraction. */
  private static @Nullable BigInteger wholeNumber(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return big;
    }
    BigDecimal decimal;
    if (value instanceof BigDecimal d) {
      decimal = d;
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return null;
      }
      decimal = BigDecimal.valueOf(d);
    } else {
      return null;
    }
    try {
      return decimal.toBigIntegerExact();
    } catch (ArithmeticException fraction) {
      return null;
    }
  }

  private static IllegalArgumentException invalid(
      Clause clause, int index, String what, String sqlState) {
    String message =
        clause
            + " ? (parameter "
            + (index + 1)
            + ") "
            + what
            + "; bind a whole number of rows (setInt, setLong), or NULL for "
            + (clause == Clause.LIMIT ? "no limit" : "no offset");
    // Unchecked, for it leaves a DataContext; SqlErrors finds the SQLException in the causes.
    return new IllegalArgumentException(
        message, new ModelArtsSQLException(message, sqlState, null, null, null, null));
  }

  /** A plan whose data context answers the row-count parameters with their checked values. */
  private static final class Checked implements Bindable<Object>, Typed {
    private final Bindable<Object> plan;
    private final RowCountParameters parameters;

    Checked(Bindable<Object> plan, RowCountParameters parameters) {
      this.plan = plan;
      this.parameters = parameters;
    }

    @Override
    public Enumerable<Object> bind(DataContext root) {
      return plan.bind(new CheckedContext(root, parameters.checked(root)));
    }

    @Override
    public java.lang.reflect.Type getElementType() {
      return ((Typed) plan).getElementType();
    }
  }

  /** The statement's data context with the row-count parameters replaced by their counts. */
  private static final class CheckedContext implements DataContext {
    private final DataContext root;
    private final Map<String, Object> counts;

    CheckedContext(DataContext root, Map<String, Object> counts) {
      this.root = root;
      this.counts = counts;
    }

    @Override
    public @Nullable SchemaPlus getRootSchema() {
      return root.getRootSchema();
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return root.getTypeFactory();
    }

    @Override
    public QueryProvider getQueryProvider() {
      return root.getQueryProvider();
    }

    @Override
    public @Nullable Object get(String name) {
      Object count = counts.get(name);
      return count != null ? count : root.get(name);
    }
  }
}
