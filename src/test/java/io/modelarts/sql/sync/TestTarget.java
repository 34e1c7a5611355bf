package io.modelarts.sql.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A database a test syncs into: where it is, how to log in, and which dialect it speaks. */
interface TestTarget extends AutoCloseable {
  String url();

  Properties properties();

  default TargetDialect dialect() {
    return TargetDialect.forUrl(url());
  }

  default Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), properties());
  }

  /** {@code schema.table} quoted as sync created it. */
  default String table(String table) {
    return dialect().qualified(Sync.DEFAULT_SCHEMA, table);
  }

  @Override
  void close();
}
