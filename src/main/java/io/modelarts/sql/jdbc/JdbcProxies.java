package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.ModelArtsSchema;
import io.modelarts.sql.calcite.ModelArtsSession;
import io.modelarts.sql.http.ListRequest;
import io.modelarts.sql.http.QueryContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * Wraps Calcite's JDBC objects in thin proxies that make them behave as pools and BI tools expect:
 * transaction calls succeed as no-ops on this read-only source, {@code isValid} really asks the
 * service, failures become SQLExceptions with fitting SQLStates, a cancelled statement can run
 * again, and {@code getObject(i, LocalDateTime.class)} and friends work.
 */
final class JdbcProxies {
  private JdbcProxies() {}

  static Connection connection(Connection calcite, ModelArtsSession session) {
    return proxy(Connection.class, new ConnectionHandler(calcite, session));
  }

  /** A proxy of {@code type} that hands every call to {@code handler}. */
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** Base of the handlers: delegation, unwrap, and translating every failure. */
  private abstract static class DelegatingHandler implements InvocationHandler {
    /** The Calcite object; a PreparedStatement's may be replaced (see StatementHandler). */
    volatile Object target;

    DelegatingHandler(Object target) {
      this.target = target;
    }

    Object delegate(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw SqlErrors.translate(e.getCause());
      }
    }

    /** Handles unwrap/isWrapperFor/equals/hashCode/toString; null when not one of those. */
    Object common(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "unwrap":
          if (((Class<?>) args[0]).isInstance(proxy)) {
            return proxy;
          }
          return delegate(method, args);
        case "isWrapperFor":
          return ((Class<?>) args[0]).isInstance(proxy) || (boolean) delegate(method, args);
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return getClass().getSimpleName().replace("Handler", "")
              + "@"
              + Integer.toHexString(System.identityHashCode(proxy));
        default:
          return null;
      }
    }
  }

  /** The connection: read-only, auto-commit, one schema. */
  private static final class ConnectionHandler extends DelegatingHandler {
    private final ModelArtsSession session;
    private final PlanCache plans;
    private final Map<String, String> clientInfo = new ConcurrentHashMap<>();
    private volatile boolean autoCommit = true;
    private volatile int isolation = Connection.TRANSACTION_NONE;
    private volatile int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
    private volatile int networkTimeoutMillis;
    private Connection self;

    ConnectionHandler(Connection calcite, ModelArtsSession session) {
      super(calcite);
      this.session = session;
      this.plans = new PlanCache(session.config().planCacheSize());
    }

    private Connection calcite() {
      return (Connection) target;
    }

    private void checkOpen() throws SQLException {
      if (calcite().isClosed()) {
        throw new SQLException("The connection is closed", "08003");
      }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      self = (Connection) proxy;
      Object common = common(proxy, method, args);
      if (common != null) {
        return common;
      }
      switch (method.getName()) {
        case "commit", "rollback", "releaseSavepoint":
          checkOpen();
          return null; // nothing is ever written: there is nothing to commit or roll back
        case "setAutoCommit":
          checkOpen();
          autoCommit = (boolean) args[0];
          return null;
        case "getAutoCommit":
          checkOpen();
          return autoCommit;
        case "setReadOnly":
          checkOpen();
          return null;
        case "isReadOnly":
          checkOpen();
          return true;
        case "setTransactionIsolation":
          checkOpen();
          isolation = (int) args[0];
          return null;
        case "getTransactionIsolation":
          checkOpen();
          return isolation;
        case "setHoldability":
          checkOpen();
          holdability = (int) args[0];
          return null;
        case "getHoldability":
          checkOpen();
          return holdability;
        case "setClientInfo":
          if (args.length == 1) {
            ((Properties) args[0]).forEach((k, v) -> clientInfo.put(k.toString(), v.toString()));
          } else if (args[1] == null) {
            clientInfo.remove((String) args[0]);
          } else {
            clientInfo.put((String) args[0], (String) args[1]);
          }
          return null;
        case "getClientInfo":
          if (args == null || args.length == 0) {
            Properties p = new Properties();
            p.putAll(clientInfo);
            return p;
          }
          return clientInfo.get((String) args[0]);
        case "setCatalog":
          checkOpen();
          return null; // one catalog only; tools set it before browsing
        case "getTypeMap":
          checkOpen();
          return new java.util.HashMap<String, Class<?>>(); // no user-defined types
        case "setTypeMap":
          checkOpen();
          return null;
        case "setSchema":
          checkOpen();
          String schema = (String) args[0];
          if (schema != null && !schema.equalsIgnoreCase(ModelArtsSchema.NAME)) {
            throw new SQLException(
                "Unknown schema '"
                    + schema
                    + "': this driver has the one schema '"
                    + ModelArtsSchema.NAME
                    + "'",
                "3F000");
          }
          return null;
        case "getSchema":
          checkOpen();
          return ModelArtsSchema.NAME;
        case "setNetworkTimeout":
          checkOpen();
          networkTimeoutMillis = (int) args[1];
          return null;
        case "getNetworkTimeout":
          checkOpen();
          return networkTimeoutMillis;
        case "isValid":
          return isValid((int) args[0]);
        case "getWarnings":
          checkOpen();
          return warnings(session);
        case "clearWarnings":
          session.drainWarnings();
          return null;
        case "abort", "close":
          session.close(); // running statements see it at their next poll and abort their calls
          calcite().close();
          return null;
        case "createStatement":
          checkOpen();
          return statement((Statement) delegate(method, args), self, session, plans, null);
        case "prepareStatement":
          checkOpen();
          Statement prepared = plans.during(0, () -> (Statement) delegate(method, args));
          return statement(prepared, self, session, plans, (String) args[0]);
        case "prepareCall":
          checkOpen();
          Statement call = plans.during(0, () -> (Statement) delegate(method, args));
          return statement(call, self, session, plans, null);
        case "getMetaData":
          checkOpen();
          return metaData((DatabaseMetaData) delegate(method, args), self, session);
        default:
          return delegate(method, args);
      }
    }

    /** Asks the service for one smallest page: valid means the credentials and endpoint work. */
    private boolean isValid(int timeoutSeconds) throws SQLException {
      if (timeoutSeconds < 0) {
        throw new SQLException("isValid timeout must not be negative", "HY024");
      }
      if (calcite().isClosed()) {
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
  }

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

  /** Wraps a statement; {@code sql} is a prepared statement's text, null for a plain statement. */
  static Statement statement(
      Statement calcite,
      Connection connection,
      ModelArtsSession session,
      PlanCache plans,
      String sql) {
    Class<? extends Statement> type =
        calcite instanceof CallableStatement
            ? CallableStatement.class
            : calcite instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return proxy(type, new StatementHandler(calcite, connection, session, plans, sql));
  }

  /**
   * A statement: resets the cancel flag before each run, wraps result sets, and plans maxRows as a
   * LIMIT ({@link MaxRowsLimit}). A plain statement is planned when it runs, with the maxRows of
   * that moment. A prepared statement was planned before its maxRows was set (DBeaver's order): one
   * without parameters is planned again with the limit when it runs; one with parameters keeps its
   * plan, and the result set stops at maxRows (the same rows, some pages more read ahead). Plans
   * come from the connection's {@link PlanCache} when the text was prepared before.
   */
  private static final class StatementHandler extends DelegatingHandler {
    private final Connection connection;
    private final ModelArtsSession session;
    private final PlanCache plans;
    private final String preparedSql;
    private volatile long maxRows;
    private long plannedMaxRows;

    StatementHandler(
        Statement calcite,
        Connection connection,
        ModelArtsSession session,
        PlanCache plans,
        String preparedSql) {
      super(calcite);
      this.connection = connection;
      this.session = session;
      this.plans = plans;
      this.preparedSql = preparedSql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object common = common(proxy, method, args);
      if (common != null) {
        return common;
      }
      String name = method.getName();
      if (name.startsWith("execute")) {
        resetCancelFlag();
      }
      switch (name) {
        case "getConnection":
          return connection;
        case "getWarnings":
          return warnings(session);
        case "setMaxRows", "setLargeMaxRows":
          delegate(method, args);
          maxRows = ((Number) args[0]).longValue();
          return null;
        case "executeQuery", "execute", "executeLargeUpdate", "executeUpdate":
          Object result = execute(method, args);
          return result instanceof ResultSet rs
              ? resultSet(rs, (Statement) proxy, maxRows)
              : result;
        case "getResultSet", "getGeneratedKeys":
          ResultSet rs = (ResultSet) delegate(method, args);
          return rs == null ? null : resultSet(rs, (Statement) proxy, maxRows);
        default:
          return delegate(method, args);
      }
    }

    private Object execute(Method method, Object[] args) throws Throwable {
      long limit = maxRows;
      if (args != null && args.length > 0 && args[0] instanceof String) {
        return planned(limit, () -> delegate(method, args)); // planned now
      }
      // Also when maxRows went back to 0: the plan must lose its limit then.
      if (preparedSql != null && limit != plannedMaxRows && !hasParameters()) {
        prepareAgain(limit);
      }
      return delegate(method, args);
    }

    /** Runs {@code prepare} with maxRows planned as a LIMIT and the connection's plans at hand. */
    private <T> T planned(long limit, MaxRowsLimit.Preparing<T> prepare) throws Throwable {
      return plans.during(limit, () -> MaxRowsLimit.during(limit, prepare));
    }

    private boolean hasParameters() throws SQLException {
      return ((PreparedStatement) target).getParameterMetaData().getParameterCount() > 0;
    }

    /** Replaces the Calcite statement by one planned with {@code limit}, keeping its settings. */
    private void prepareAgain(long limit) throws Throwable {
      PreparedStatement old = (PreparedStatement) target;
      Connection calcite = old.getConnection();
      PreparedStatement planned =
          planned(
              limit,
              () ->
                  calcite.prepareStatement(
                      preparedSql,
                      old.getResultSetType(),
                      old.getResultSetConcurrency(),
                      old.getResultSetHoldability()));
      planned.setFetchSize(old.getFetchSize());
      planned.setQueryTimeout(old.getQueryTimeout());
      planned.setLargeMaxRows(limit);
      target = planned;
      plannedMaxRows = limit;
      old.close();
    }

    /**
     * Avatica never clears a statement's cancel flag, so a cancelled statement would fail every
     * later run; clearing it before each execution lets it run again.
     */
    private void resetCancelFlag() throws SQLException {
      AvaticaStatement statement = ((Statement) target).unwrap(AvaticaStatement.class);
      AvaticaConnection avatica = statement.getConnection().unwrap(AvaticaConnection.class);
      if (statement.handle != null) {
        try {
          avatica.getCancelFlag(statement.handle).set(false);
        } catch (org.apache.calcite.avatica.NoSuchStatementException e) {
          // a statement the server no longer knows: its next run fails on its own terms
        }
      }
    }
  }

  static ResultSet resultSet(ResultSet calcite, Statement statement, long maxRows) {
    return proxy(ResultSet.class, new ResultSetHandler(calcite, statement, maxRows));
  }

  /**
   * A result set: typed {@code getObject}, translated failures, and the statement's maxRows.
   *
   * <p>Calcite applies maxRows only to a statement that is prepared and run in one step, not to a
   * PreparedStatement whose maxRows is set after preparing (DBeaver's order), so the limit is
   * applied here, to every kind. Calcite reads the listing lazily, so stopping here also stops the
   * API calls: maxRows costs no more calls than the same LIMIT (ClientBehaviourTest measures it).
   */
  private static final class ResultSetHandler extends DelegatingHandler {
    private final Statement statement;
    private final long maxRows;
    private long rowsRead;

    ResultSetHandler(ResultSet calcite, Statement statement, long maxRows) {
      super(calcite);
      this.statement = statement;
      this.maxRows = maxRows;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object common = common(proxy, method, args);
      if (common != null) {
        return common;
      }
      switch (method.getName()) {
        case "getStatement":
          return statement;
        case "next":
          if (maxRows > 0 && rowsRead >= maxRows) {
            return false;
          }
          boolean more = (boolean) delegate(method, args);
          if (more) {
            rowsRead++;
          }
          return more;
        case "getObject":
          if (args.length == 2 && args[1] instanceof Class<?> type) {
            ResultSet rs = (ResultSet) target;
            int column = args[0] instanceof Integer i ? i : rs.findColumn((String) args[0]);
            return TypedValues.get(rs, column, type);
          }
          return delegate(method, args);
        default:
          return delegate(method, args);
      }
    }
  }

  static DatabaseMetaData metaData(
      DatabaseMetaData calcite, Connection connection, ModelArtsSession session) {
    return proxy(DatabaseMetaData.class, new MetaDataHandler(calcite, connection, session));
  }

  /**
   * Metadata: points back to the wrapped connection; answers catalogs, schemas, tables, keys and
   * types itself ({@link MetadataResults}), and the rest through Calcite, narrowed to the one
   * schema.
   */
  private static final class MetaDataHandler extends DelegatingHandler {
    private final Connection connection;
    private final ModelArtsSession session;

    MetaDataHandler(DatabaseMetaData calcite, Connection connection, ModelArtsSession session) {
      super(calcite);
      this.connection = connection;
      this.session = session;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object common = common(proxy, method, args);
      if (common != null) {
        return common;
      }
      switch (method.getName()) {
        case "getConnection":
          return connection;
        case "getURL":
          // Enough to tell connections apart, and no credential.
          return ModelArtsDriver.PREFIX
              + "endpoint="
              + session.config().endpoints().modelArts()
              + ";projectId="
              + session.config().projectId();
        case "getUserName":
          return session.config().user();
        case "supportsCatalogsInDataManipulation",
        "supportsCatalogsInProcedureCalls",
        "supportsCatalogsInTableDefinitions",
        "supportsCatalogsInIndexDefinitions",
        "supportsCatalogsInPrivilegeDefinitions":
          return false; // there is no catalog to qualify names with
        case "getCatalogs":
          return MetadataResults.catalogs();
        case "getSchemas":
          return args == null || args.length == 0
              ? MetadataResults.schemas(null, null)
              : MetadataResults.schemas((String) args[0], (String) args[1]);
        case "getTableTypes":
          return MetadataResults.tableTypes();
        case "getTables":
          return MetadataResults.tables(
              (String) args[0],
              (String) args[1],
              (String) args[2],
              (String[]) args[3],
              tableNames());
        case "getColumns":
          // Calcite's columns, narrowed: an empty schema pattern matches no schema.
          String schema =
              MetadataResults.selectsOurSchema((String) args[0], (String) args[1])
                  ? MetadataResults.SCHEMA
                  : "";
          return delegate(method, new Object[] {null, schema, args[2], args[3]});
        case "getPrimaryKeys":
          return MetadataResults.primaryKeys((String) args[0], (String) args[1], (String) args[2]);
        case "getImportedKeys":
          return MetadataResults.importedKeys((String) args[0], (String) args[1], (String) args[2]);
        case "getExportedKeys":
          return MetadataResults.exportedKeys((String) args[0], (String) args[1], (String) args[2]);
        case "getCrossReference":
          return MetadataResults.crossReference(
              (String) args[0],
              (String) args[1],
              (String) args[2],
              (String) args[3],
              (String) args[4],
              (String) args[5]);
        case "getTypeInfo":
          return MetadataResults.typeInfo((ResultSet) delegate(method, args));
        default:
          return delegate(method, args);
      }
    }

    private java.util.Set<String> tableNames() throws SQLException {
      return connection
          .unwrap(org.apache.calcite.jdbc.CalciteConnection.class)
          .getRootSchema()
          .getSubSchema(MetadataResults.SCHEMA)
          .tables()
          .getNames(org.apache.calcite.schema.lookup.LikePattern.any());
    }
  }
}
