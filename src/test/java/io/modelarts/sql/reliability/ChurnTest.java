package io.modelarts.sql.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Notebooks created while a listing is read: no row comes twice (de-duplicated by id) and the
 * change of {@code total} is reported as an SQLWarning.
 */
class ChurnTest {
  @Test
  void notebooksAddedBetweenPagesNeverDuplicateRowsAndAreReported() throws Exception {
    AtomicInteger listCalls = new AtomicInteger();
    SimulatorFixture[] holder = new SimulatorFixture[1];
    SimulatorConfig config =
        SimulatorConfig.builder()
            .port(0)
            .notebooks(180)
            .seed(8L)
            .requestListener(
                r -> {
                  // after the first page is served, three new notebooks appear (they sort first, so
                  // every
                  // later page shifts by three: without de-duplication rows would come twice)
                  if (r.isListCall() && listCalls.incrementAndGet() == 1) {
                    holder[0].simulator().addNotebooks(3);
                  }
                })
            .build();
    try (SimulatorFixture sim = SimulatorFixture.start(config)) {
      holder[0] = sim;
      try (Connection c = sim.connect("pageConcurrency=1");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM notebooks WHERE feature = 'NOTEBOOK'")) {
        Set<String> ids = new HashSet<>();
        int rows = 0;
        while (rs.next()) {
          ids.add(rs.getString(1));
          rows++;
        }
        assertEquals(ids.size(), rows, "no id twice");
        SQLWarning warning = s.getWarnings();
        assertNotNull(warning, "the change of total is reported");
        assertTrue(
            warning.getMessage().contains("changed while it was read"), warning.getMessage());
        List<String> all =
            SimulatorFixture.rows(c, "SELECT id FROM notebooks WHERE feature = 'NOTEBOOK'");
        assertTrue(ids.size() <= all.size());
      }
    }
  }
}
