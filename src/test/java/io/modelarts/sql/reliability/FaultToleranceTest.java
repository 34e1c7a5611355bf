package io.modelarts.sql.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.ServedRequest;
import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.sql.testing.QueryGenerator;
import io.modelarts.sql.testing.QueryGenerator.GeneratedQuery;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With the simulator throttling every 7th call, failing every 11th with a 500 and dropping every
 * 13th connection, every query returns exactly the rows it returns without faults.
 */
class FaultToleranceTest {
  @Test
  void everyQueryReturnsTheSameRowsUnderThrottlingErrorsAndResets() throws Exception {
    SimulatorConfig clean = SimulatorConfig.builder().port(0).notebooks(260).seed(77L).build();
    SimulatorConfig faulty =
        clean.toBuilder()
            .throttleEvery(7)
            .retryAfterSeconds(0)
            .failEvery(11)
            .resetEvery(13)
            .build();
    try (SimulatorFixture reference = SimulatorFixture.start(clean);
        SimulatorFixture flaky = SimulatorFixture.start(faulty);
        Connection good = reference.connect();
        Connection bad = flaky.connect("maxRetries=6")) {
      QueryGenerator generator =
          new QueryGenerator(new Random(77), reference.simulator().dataset());
      int queries = 0;
      for (int i = 0; i < 150; i++) {
        GeneratedQuery q = generator.next();
        if (q.limitWithoutOrder() >= 0) {
          continue; // any rows are right there; compared in the differential test instead
        }
        List<String> expected = SimulatorFixture.rows(good, q.sql());
        List<String> actual = SimulatorFixture.rows(bad, q.sql());
        if (q.ordered() && q.sqlWithoutLimit() != null) {
          // ties: compare the sort key column only
          expected = expected.stream().map(r -> r.split("\\|", -1)[0]).toList();
          actual = actual.stream().map(r -> r.split("\\|", -1)[0]).toList();
        } else if (!q.ordered()) {
          Collections.sort(expected = new ArrayList<>(expected));
          Collections.sort(actual = new ArrayList<>(actual));
        }
        assertEquals(expected, actual, q.sql());
        queries++;
      }
      List<ServedRequest> log = flaky.simulator().requestLog();
      long throttled = log.stream().filter(r -> r.status() == 429).count();
      long failed = log.stream().filter(r -> r.status() == 500).count();
      long dropped =
          log.stream().filter(r -> r.status() == ServedRequest.CONNECTION_DROPPED).count();
      assertTrue(
          throttled > 0 && failed > 0 && dropped > 0, throttled + "/" + failed + "/" + dropped);
      System.out.printf(
          "fault tolerance: %d queries, %d calls served, %d throttled, %d failed, %d dropped, all answers equal%n",
          queries, log.size(), throttled, failed, dropped);
    }
  }
}
