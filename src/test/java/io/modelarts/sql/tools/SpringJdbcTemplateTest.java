package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.modelarts.sql.testing.SimulatorFixture;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring's JdbcTemplate over a HikariCP pool, including a read-only transaction around a query. */
class SpringJdbcTemplateTest {
  @Test
  void jdbcTemplateQueriesThroughAPool() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(60, 8L);
        HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(sim.url());
      pool.setMaximumPoolSize(2);
      JdbcTemplate jdbc = new JdbcTemplate(pool);

      assertEquals(60, jdbc.queryForObject("SELECT COUNT(*) FROM notebooks", Long.class));
      long running =
          sim.simulator().dataset().stream()
              .filter(n -> n.get("status").asText().equals("RUNNING"))
              .count();
      assertEquals(
          running,
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM notebooks WHERE status = ?", Long.class, "RUNNING"));

      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "SELECT id, status, lease_create_at FROM notebooks ORDER BY id LIMIT 3");
      assertEquals(3, rows.size());
      List<LocalDateTime> created =
          jdbc.query(
              "SELECT lease_create_at FROM notebooks WHERE lease_create_at IS NOT NULL",
              (rs, i) -> rs.getObject(1, LocalDateTime.class));
      assertTrue(!created.isEmpty());

      jdbc.setMaxRows(5);
      jdbc.setFetchSize(100);
      assertEquals(5, jdbc.queryForList("SELECT id FROM notebooks").size());

      // @Transactional(readOnly = true) does this: setReadOnly, setAutoCommit(false), commit.
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
      tx.setReadOnly(true);
      Long inTx =
          tx.execute(
              status ->
                  new JdbcTemplate(pool).queryForObject("SELECT COUNT(*) FROM images", Long.class));
      assertTrue(inTx != null && inTx > 0);
    }
  }
}
