package io.modelarts.sql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * A forward-only, read-only {@link ResultSet} over rows held in memory: the metadata answers the
 * driver makes itself (keys, schemas, table list). Values are String, Integer or Boolean, as {@code
 * getObject} returns them for VARCHAR, SMALLINT/INTEGER and BOOLEAN columns.
 */
final class RowsResultSet implements InvocationHandler {
  /** A column: its label and {@link Types} code. */
  record Column(String name, int type) {}

  private final List<Column> columns;
  private final List<Object[]> rows;
  private int row = -1;
  private boolean wasNull;
  private boolean closed;

  private RowsResultSet(List<Column> columns, List<Object[]> rows) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  static ResultSet of(List<Column> columns, List<Object[]> rows) {
    return (ResultSet)
        Proxy.newProxyInstance(
            RowsResultSet.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            new RowsResultSet(columns, rows));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "close":
        closed = true;
        return null;
      case "isClosed":
        return closed;
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        throw new SQLException("Not a wrapper for " + args[0], "HY000");
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "RowsResultSet[" + rows.size() + " rows]";
      default:
        break;
    }
    if (closed) {
      throw new SQLException("The result set is closed", "HY010");
    }
    switch (name) {
      case "next":
        if (row < rows.size()) {
          row++;
        }
        return row < rows.size();
      case "wasNull":
        return wasNull;
      case "findColumn":
        return findColumn((String) args[0]);
      case "getMetaData":
        return metaData();
      case "getStatement", "getWarnings":
        return null;
      case "clearWarnings", "setFetchSize", "setFetchDirection":
        return null;
      case "getFetchSize":
        return 0;
      case "getFetchDirection":
        return ResultSet.FETCH_FORWARD;
      case "getType":
        return ResultSet.TYPE_FORWARD_ONLY;
      case "getConcurrency":
        return ResultSet.CONCUR_READ_ONLY;
      case "getHoldability":
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
      case "getRow":
        return row >= 0 && row < rows.size() ? row + 1 : 0;
      case "isBeforeFirst":
        return row < 0 && !rows.isEmpty();
      case "isAfterLast":
        return row >= rows.size() && !rows.isEmpty();
      case "isFirst":
        return row == 0 && !rows.isEmpty();
      case "isLast":
        return row == rows.size() - 1;
      default:
        break;
    }
    if (name.startsWith("get")
        && args != null
        && args.length >= 1
        && (args[0] instanceof Integer || args[0] instanceof String)) {
      int column = args[0] instanceof Integer i ? i : findColumn((String) args[0]);
      Class<?> type =
          args.length == 2 && args[1] instanceof Class<?> c ? c : method.getReturnType();
      return convert(value(column), type, name);
    }
    throw new SQLFeatureNotSupportedException(
        "ResultSet." + name + " is not supported on this metadata result set", "0A000");
  }

  private int findColumn(String label) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException("No column '" + label + "' in this result set", "42S22");
  }

  private Object value(int column) throws SQLException {
    if (row < 0 || row >= rows.size()) {
      throw new SQLException("The result set is not on a row", "24000");
    }
    if (column < 1 || column > columns.size()) {
      throw new SQLException(
          "Column index " + column + " is out of range 1.." + columns.size(), "07009");
    }
    Object v = rows.get(row)[column - 1];
    wasNull = v == null;
    return v;
  }

  /**
   * The value as the getter's type; null becomes 0 or false for primitive getters, as JDBC says.
   */
  private static Object convert(Object v, Class<?> type, String getter) throws SQLException {
    if (type == Object.class) {
      return v;
    }
    if (type == String.class) {
      return v == null ? null : v.toString();
    }
    if (type == boolean.class || type == Boolean.class) {
      boolean b = v instanceof Boolean x ? x : v instanceof Number n && n.intValue() != 0;
      return v == null && type == Boolean.class ? null : b;
    }
    if (v == null) {
      if (!type.isPrimitive()) {
        return null;
      }
      v = 0;
    }
    if (v instanceof Number n) {
      if (type == int.class || type == Integer.class) {
        return n.intValue();
      }
      if (type == short.class || type == Short.class) {
        return n.shortValue();
      }
      if (type == long.class || type == Long.class) {
        return n.longValue();
      }
      if (type == byte.class || type == Byte.class) {
        return n.byteValue();
      }
      if (type == double.class || type == Double.class) {
        return n.doubleValue();
      }
      if (type == float.class || type == Float.class) {
        return n.floatValue();
      }
      if (type == BigDecimal.class) {
        return new BigDecimal(n.toString());
      }
    }
    if (type.isInstance(v)) {
      return v;
    }
    throw new SQLException(
        getter + " cannot read a " + v.getClass().getSimpleName() + " as " + type.getSimpleName(),
        "22018");
  }

  private ResultSetMetaData metaData() {
    return (ResultSetMetaData)
        Proxy.newProxyInstance(
            RowsResultSet.class.getClassLoader(),
            new Class<?>[] {ResultSetMetaData.class},
            this::describe);
  }

  /** ResultSetMetaData of these columns. */
  private Object describe(Object proxy, Method method, Object[] args) throws SQLException {
    switch (method.getName()) {
      case "getColumnCount":
        return columns.size();
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        throw new SQLException("Not a wrapper for " + args[0], "HY000");
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "RowsResultSetMetaData" + columns;
      default:
        break;
    }
    int index = (Integer) args[0];
    if (index < 1 || index > columns.size()) {
      throw new SQLException(
          "Column index " + index + " is out of range 1.." + columns.size(), "07009");
    }
    Column c = columns.get(index - 1);
    boolean text = c.type() == Types.VARCHAR;
    switch (method.getName()) {
      case "getColumnName", "getColumnLabel":
        return c.name();
      case "getColumnType":
        return c.type();
      case "getColumnTypeName":
        return JDBCType.valueOf(c.type()).getName();
      case "getColumnClassName":
        return text
            ? String.class.getName()
            : c.type() == Types.BOOLEAN ? Boolean.class.getName() : Integer.class.getName();
      case "isNullable":
        return ResultSetMetaData.columnNullable;
      case "getPrecision":
        return text ? 0 : c.type() == Types.BOOLEAN ? 1 : c.type() == Types.SMALLINT ? 5 : 10;
      case "getScale":
        return 0;
      case "getColumnDisplaySize":
        return text ? 128 : 11;
      case "getTableName", "getSchemaName", "getCatalogName":
        return "";
      case "isCaseSensitive":
        return text;
      case "isSigned":
        return !text && c.type() != Types.BOOLEAN;
      case "isReadOnly":
        return true;
      case "isAutoIncrement", "isCurrency", "isWritable", "isDefinitelyWritable":
        return false;
      case "isSearchable":
        return false;
      default:
        throw new SQLFeatureNotSupportedException(
            "ResultSetMetaData." + method.getName().toLowerCase(Locale.ROOT) + " is not supported",
            "0A000");
    }
  }
}
