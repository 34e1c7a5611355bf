package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.ModelArtsSchema;
import io.modelarts.sql.calcite.ModelArtsSession;
import io.modelarts.sql.http.ListRequest;
import io.modelarts.sql.http.QueryContext;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connection the driver hands out: Calcite's, made to behave as pools and BI tools expect —
 * transaction calls succeed as no-ops on this read-only source, {@code isValid} really asks the
 * service, failures become SQLExceptions with fitting SQLStates, and its statements and metadata
 * are the driver's wrappers in turn ({@link ModelArtsStatement}, {@link
 * ModelArtsDatabaseMetaData}).
 */
final class ModelArtsConnection extends DelegatingConnection {
  private final Connection calcite;
  private final ModelArtsSession session;
  private final PlanCache plans;
  private final Map<String, String> clientInfo = new ConcurrentHashMap<>();
  private volatile boolean autoCommit = true;
  private volatile int isolation = Connection.TRANSACTION_NONE;
  private volatile int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
  private volatile int networkTimeoutMillis;

  ModelArtsConnection(Connection calcite, ModelArtsSession session) {
    this.calcite = calcite;
    this.session = session;
    this.plans = new PlanCache(session.config().planCacheSize());
  }

  @Override
  Connection target() {
    return calcite;
  }

  ModelArtsSession session() {
    return session;
  }

  /**
   * Runs {@code prepare} with the connection's plan cache at hand and {@code maxRows} (0 for none)
   * planned as a LIMIT into any query it plans; failures come back translated.
   */
  <T> T planned(long maxRows, MaxRowsLimit.Preparing<T> prepare) throws SQLException {
    try {
      return plans.during(maxRows, () -> MaxRowsLimit.during(maxRows, prepare));
    } catch (Throwable e) {
      throw SqlErrors.translate(e);
    }
  }

  private void checkOpen() throws SQLException {
    if (calcite.isClosed()) {
      throw new SQLException("The connection is closed", "08003");
    }
  }

  // Nothing is ever written: there is nothing to commit or roll back.

  @Override
  public void commit() throws SQLException {
    checkOpen();
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    checkOpen();
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    this.autoCommit = autoCommit;
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return autoCommit;
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    isolation = level;
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return isolation;
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    this.holdability = holdability;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public void setClientInfo(Properties properties) {
    properties.forEach((k, v) -> clientInfo.put(k.toString(), v.toString()));
  }

  @Override
  public void setClientInfo(String name, String value) {
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.put(name, value);
    }
  }

  @Override
  public Properties getClientInfo() {
    Properties p = new Properties();
    p.putAll(clientInfo);
    return p;
  }

  @Override
  public String getClientInfo(String name) {
    return clientInfo.get(name);
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen(); // one catalog only; tools set it before browsing
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new HashMap<>(); // no user-defined types
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema != null && !schema.equalsIgnoreCase(ModelArtsSchema.NAME)) {
      throw new SQLException(
          "Unknown schema '"
              + schema
              + "': this driver has the one schema '"
              + ModelArtsSchema.NAME
              + "'",
          "3F000");
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return ModelArtsSchema.NAME;
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    networkTimeoutMillis = milliseconds;
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeoutMillis;
  }

  /** Asks the service for one smallest page: valid means the credentials and endpoint work. */
  @Override
  public boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("isValid timeout must not be negative", "HY024");
    }
    if (calcite.isClosed()) {
      return false;
    }
    QueryContext context =
        new QueryContext(new AtomicBoolean(), timeoutSeconds == 0 ? 0 : timeoutSeconds * 1000L);
    try {
      session.pages().fetch(ListRequest.of(Map.of("feature", "NOTEBOOK"), 10), context);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings(session);
  }

  @Override
  public void clearWarnings() {
    session.drainWarnings();
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    close();
  }

  @Override
  public void close() throws SQLException {
    session.close(); // running statements see it at their next poll and abort their calls
    calcite.close();
  }

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return new ModelArtsStatement(super.createStatement(), this);
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    checkOpen();
    return new ModelArtsStatement(super.createStatement(type, concurrency), this);
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    return new ModelArtsStatement(super.createStatement(type, concurrency, holdability), this);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepared(sql, () -> super.prepareStatement(sql));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepared(sql, () -> super.prepareStatement(sql, autoGeneratedKeys));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepared(sql, () -> super.prepareStatement(sql, columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepared(sql, () -> super.prepareStatement(sql, columnNames));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    return prepared(sql, () -> super.prepareStatement(sql, type, concurrency));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    return prepared(sql, () -> super.prepareStatement(sql, type, concurrency, holdability));
  }

  // Calcite has no stored procedures, so these fail: on a closed connection with 08003 first.

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    checkOpen();
    return super.prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    checkOpen();
    return super.prepareCall(sql, type, concurrency);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    return super.prepareCall(sql, type, concurrency, holdability);
  }

  /** Prepares through the connection's plan cache and wraps the statement. */
  private PreparedStatement prepared(String sql, MaxRowsLimit.Preparing<PreparedStatement> prepare)
      throws SQLException {
    checkOpen();
    return new ModelArtsPreparedStatement(planned(0, prepare), this, sql);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new ModelArtsDatabaseMetaData(super.getMetaData(), this);
  }

  /** The session's warnings drained into a JDBC chain; null when there are none. */
  static SQLWarning warnings(ModelArtsSession session) {
    SQLWarning first = null;
    for (String message : session.drainWarnings()) {
      SQLWarning w = new SQLWarning(message, "01000");
      if (first == null) {
        first = w;
      } else {
        first.setNextWarning(w);
      }
    }
    return first;
  }
}
