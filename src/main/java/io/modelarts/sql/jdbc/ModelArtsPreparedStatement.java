package io.modelarts.sql.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A prepared statement the driver hands out. It was planned before its maxRows was set (DBeaver's
 * order): one without parameters is planned again with the limit when it runs; one with parameters
 * keeps its plan, and the result set stops at maxRows (the same rows, some pages more read ahead).
 */
final class ModelArtsPreparedStatement extends DelegatingPreparedStatement {
  private final String sql;

  /** The maxRows the current Calcite statement was planned with. */
  private long plannedMaxRows;

  ModelArtsPreparedStatement(PreparedStatement target, ModelArtsConnection connection, String sql) {
    super(target, connection);
    this.sql = sql;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    beforeRun();
    return wrap(super.executeQuery());
  }

  @Override
  public boolean execute() throws SQLException {
    beforeRun();
    return super.execute();
  }

  @Override
  public int executeUpdate() throws SQLException {
    beforeRun();
    return super.executeUpdate();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    beforeRun();
    return super.executeLargeUpdate();
  }

  private void beforeRun() throws SQLException {
    resetCancelFlag();
    long limit = maxRows;
    // Also when maxRows went back to 0: the plan must lose its limit then.
    if (limit != plannedMaxRows && getParameterMetaData().getParameterCount() == 0) {
      prepareAgain(limit);
    }
  }

  /** Replaces the Calcite statement by one planned with {@code limit}, keeping its settings. */
  private void prepareAgain(long limit) throws SQLException {
    PreparedStatement old = (PreparedStatement) target();
    Connection calcite = old.getConnection();
    PreparedStatement planned =
        connection.planned(
            limit,
            () ->
                calcite.prepareStatement(
                    sql,
                    old.getResultSetType(),
                    old.getResultSetConcurrency(),
                    old.getResultSetHoldability()));
    planned.setFetchSize(old.getFetchSize());
    planned.setQueryTimeout(old.getQueryTimeout());
    planned.setLargeMaxRows(limit);
    replaceTarget(planned);
    plannedMaxRows = limit;
    old.close();
  }
}
