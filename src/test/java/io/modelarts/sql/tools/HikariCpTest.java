package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.modelarts.sql.jdbc.ModelArtsDataSource;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HikariCP pools the driver, configured by {@code jdbcUrl} and by {@code dataSourceClassName},
 * without {@code connectionTestQuery}: it then checks connections with {@code isValid}, which asks
 * the service, and resets their state (rollback, auto-commit, read-only) when they come back.
 */
class HikariCpTest {
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(40, 6L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static HikariConfig common() {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    config.setAutoCommit(false); // so Hikari rolls back on return: a no-op that must not fail
    config.setReadOnly(true);
    config.setConnectionTimeout(10_000);
    return config;
  }

  private static void useTwice(HikariDataSource pool) throws Exception {
    try (Connection c = pool.getConnection()) {
      assertEquals(List.of("40"), SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
    }
    // Past Hikari's 500 ms "alive bypass" window, the next borrow validates with isValid.
    Thread.sleep(700);
    sim.resetLog();
    try (Connection c = pool.getConnection()) {
      assertTrue(sim.listCalls().size() >= 1, "isValid asked the service");
      assertEquals(List.of("40"), SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
    }
  }

  @Test
  void poolByJdbcUrl() throws Exception {
    HikariConfig config = common();
    config.setJdbcUrl(sim.url("cacheTtl=0"));
    try (HikariDataSource pool = new HikariDataSource(config)) {
      useTwice(pool);
    }
  }

  @Test
  void poolByDataSourceClassName() throws Exception {
    HikariConfig config = common();
    config.setDataSourceClassName(ModelArtsDataSource.class.getName());
    config.addDataSourceProperty("endpoint", sim.simulator().baseUrl());
    config.addDataSourceProperty("projectId", sim.simulator().projectId());
    config.addDataSourceProperty("rateLimit", "0");
    config.addDataSourceProperty("cacheTtl", "0");
    config.addDataSourceProperty("pageConcurrency", "2");
    config.setUsername(sim.simulator().credentials().accessKey());
    config.setPassword(sim.simulator().credentials().secretKey());
    try (HikariDataSource pool = new HikariDataSource(config)) {
      useTwice(pool);
    }
  }
}
