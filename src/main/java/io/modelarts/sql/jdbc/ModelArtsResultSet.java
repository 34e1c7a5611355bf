package io.modelarts.sql.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A result set the driver hands out: typed {@code getObject}, translated failures, and the
 * statement's maxRows.
 *
 * <p>Calcite applies maxRows only to a statement that is prepared and run in one step, not to a
 * PreparedStatement whose maxRows is set after preparing (DBeaver's order), so the limit is applied
 * here, to every kind. Calcite reads the listing lazily, so stopping here also stops the API calls:
 * maxRows costs no more calls than the same LIMIT (ClientBehaviourTest measures it).
 */
final class ModelArtsResultSet extends DelegatingResultSet {
  private final ResultSet calcite;
  private final Statement statement;
  private final long maxRows;
  private long rowsRead;

  ModelArtsResultSet(ResultSet calcite, Statement statement, long maxRows) {
    this.calcite = calcite;
    this.statement = statement;
    this.maxRows = maxRows;
  }

  @Override
  ResultSet target() {
    return calcite;
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public boolean next() throws SQLException {
    if (maxRows > 0 && rowsRead >= maxRows) {
      return false;
    }
    boolean more = super.next();
    if (more) {
      rowsRead++;
    }
    return more;
  }

  // Unchecked: for a primitive type (int.class) the value is its box, which Class.cast refuses.

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    return (T) TypedValues.get(calcite, column, type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return (T) TypedValues.get(calcite, calcite.findColumn(label), type);
  }
}
