package io.modelarts.sql.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's (a): runs SQL through {@code jdbc:modelarts:} and reads every column of every
 * row, as an application would. Connections stay open between runs, as in a pool, so a run measures
 * the query, not the connect.
 */
final class SqlRunner implements AutoCloseable {
  private final Map<String, Connection> connections = new HashMap<>();
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  /** A fresh {@link Statement} per run: parse, plan and execute every time. */
  Measurement query(String url, String sql, boolean sampleHeap) throws SQLException {
    Connection connection = connection(url);
    try (HeapSampler sampler = sampleHeap ? HeapSampler.start() : null) {
      RowTimer timer = new RowTimer();
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(sql)) {
        readAll(rs, timer);
      }
      return timer.finish(sampler == null ? -1 : sampler.peakBytes());
    }
  }

  /**
   * One {@link PreparedStatement} per connection and SQL text, prepared once and re-executed, with
   * {@code parameter} as its value when it has one: the plan is reused.
   */
  Measurement prepared(String url, String sql, String parameter, boolean sampleHeap)
      throws SQLException {
    PreparedStatement statement = prepared.get(url + '\n' + sql);
    if (statement == null) {
      statement = connection(url).prepareStatement(sql);
      prepared.put(url + '\n' + sql, statement);
    }
    try (HeapSampler sampler = sampleHeap ? HeapSampler.start() : null) {
      RowTimer timer = new RowTimer();
      if (statement.getParameterMetaData().getParameterCount() > 0) {
        statement.setString(1, parameter);
      }
      try (ResultSet rs = statement.executeQuery()) {
        readAll(rs, timer);
      }
      return timer.finish(sampler == null ? -1 : sampler.peakBytes());
    }
  }

  private static void readAll(ResultSet rs, RowTimer timer) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      int hash = 0;
      for (int i = 1; i <= columns; i++) {
        Object value = rs.getObject(i);
        hash = 31 * hash + (value == null ? 0 : value.hashCode());
      }
      timer.row(hash);
    }
  }

  private Connection connection(String url) throws SQLException {
    Connection connection = connections.get(url);
    if (connection == null) {
      connection = DriverManager.getConnection(url);
      connections.put(url, connection);
    }
    return connection;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : prepared.values()) {
      statement.close();
    }
    for (Connection connection : connections.values()) {
      connection.close();
    }
  }
}
