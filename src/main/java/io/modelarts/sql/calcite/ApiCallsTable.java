package io.modelarts.sql.calcite;

import io.modelarts.sql.http.ApiCall;
import io.modelarts.sql.http.ApiCallLog;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The {@code api_calls} table: the most recent HTTP calls of this connection, newest last, so a
 * user can see what a slow query cost. Reading it makes no call.
 */
public final class ApiCallsTable extends AbstractTable implements ScannableTable {
  public static final String NAME = "api_calls";

  private final ApiCallLog log;

  ApiCallsTable(ApiCallLog log) {
    this.log = log;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("seq", SqlTypeName.BIGINT)
        .add("started_at", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
        .add("method", SqlTypeName.VARCHAR)
        .add("path", SqlTypeName.VARCHAR)
        .add("query", SqlTypeName.VARCHAR)
        .add("attempt", SqlTypeName.INTEGER)
        .add("http_status", SqlTypeName.INTEGER)
        .add("error_code", SqlTypeName.VARCHAR)
        .nullable(true)
        .add("request_id", SqlTypeName.VARCHAR)
        .nullable(true)
        .add("duration_ms", SqlTypeName.BIGINT)
        .add("rows", SqlTypeName.INTEGER)
        .add("from_cache", SqlTypeName.BOOLEAN)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(
        log.snapshot().stream()
            .map(
                (ApiCall c) ->
                    new Object[] {
                      c.sequence(), c.startedAt().toEpochMilli(), c.method(), c.path(), c.query(),
                      c.attempt(), c.httpStatus(), c.errorCode(), c.requestId(), c.durationMillis(),
                      c.rows(), c.fromCache()
                    })
            .toList());
  }
}
