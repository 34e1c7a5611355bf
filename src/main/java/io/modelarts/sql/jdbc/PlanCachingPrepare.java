package io.modelarts.sql.jdbc;

import java.lang.reflect.Type;

/**
 * Calcite's preparation, but a SQL text prepared before in the same {@link PlanCache} scope (the
 * same connection, maxRows and schema) takes the plan made then.
 */
final class PlanCachingPrepare extends InterpretingPrepare {
  @Override
  public <T> CalciteSignature<T> prepareSql(
      Context context, Query<T> query, Type elementType, long maxRowCount) {
    PlanCache.Scope scope = PlanCache.current();
    if (scope == null || query.sql == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    return scope
        .cache()
        .get(
            query.sql,
            maxRowCount,
            scope.plannedLimit(),
            elementType,
            context.getDefaultSchemaPath(),
            () -> super.prepareSql(context, query, elementType, maxRowCount));
  }
}
