package io.modelarts.sql.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;

/**
 * One connection's prepared plans by SQL text, so that a fresh statement repeating a query the
 * connection has run before skips parsing, validation, optimisation and code generation.
 *
 * <p>A plan ({@link CalciteSignature}) holds no state of a run: each execution binds it to a new
 * {@link org.apache.calcite.DataContext}, from which the scans make their API calls, so one plan
 * serves any number of statements, at once too. Only queries are kept: DDL and {@code SET} act
 * while they are prepared and must be prepared every time.
 *
 * <p>Calcite prepares on the calling thread without telling which connection asks, so the statement
 * wrappers open a {@link #during scope} around each prepare and {@link PlanCachingPrepare} looks
 * the plan up in the scope's cache; a prepare outside any scope is never cached.
 */
final class PlanCache {
  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  /** Null when the cache is off (size 0). */
  private final Cache<Key, CalciteSignature<?>> plans;

  /** A cache of at most {@code size} plans, least recently used evicted first; 0 for none. */
  PlanCache(long size) {
    this.plans = size > 0 ? CacheBuilder.newBuilder().maximumSize(size).build() : null;
  }

  /**
   * What a plan depends on besides the connection: the text, the row limit Calcite applies ({@code
   * maxRowCount}), the limit planned into the query ({@link MaxRowsLimit}), the result's element
   * type and the default schema.
   */
  private record Key(
      String sql, long maxRowCount, long plannedLimit, Type elementType, List<String> schema) {
    // Written out, not left to the record, for the reason ScanSpec gives: a first query looks its
    // plan up before planning it.
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && maxRowCount == that.maxRowCount
          && plannedLimit == that.plannedLimit
          && Objects.equals(sql, that.sql)
          && Objects.equals(elementType, that.elementType)
          && Objects.equals(schema, that.schema);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sql, maxRowCount, plannedLimit, elementType, schema);
    }
  }

  /** A cache and the maxRows limit planned into the queries prepared in its scope. */
  record Scope(PlanCache cache, long plannedLimit) {}

  /** The scope the current thread prepares in; null outside any. */
  static Scope current() {
    return CURRENT.get();
  }

  /**
   * Runs {@code prepare} so that the queries it prepares are looked up in, and added to, this
   * cache; {@code plannedLimit} is the maxRows limit they are planned with (0 for none).
   */
  <T> T during(long plannedLimit, MaxRowsLimit.Preparing<T> prepare) throws Throwable {
    if (plans == null) {
      return prepare.run();
    }
    Scope outer = CURRENT.get();
    CURRENT.set(new Scope(this, plannedLimit));
    try {
      return prepare.run();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * The plan of a query, from the cache or from {@code prepare}; a new plan is kept only if it is a
   * query's. Two threads missing the same text at once both prepare; the later plan is kept.
   */
  @SuppressWarnings("unchecked")
  <T> CalciteSignature<T> get(
      String sql,
      long maxRowCount,
      long plannedLimit,
      Type elementType,
      List<String> schema,
      Supplier<CalciteSignature<T>> prepare) {
    Key key = new Key(sql, maxRowCount, plannedLimit, elementType, List.copyOf(schema));
    CalciteSignature<T> cached = (CalciteSignature<T>) plans.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    CalciteSignature<T> planned = prepare.get();
    if (planned.statementType == Meta.StatementType.SELECT) {
      plans.put(key, planned);
    }
    return planned;
  }
}
