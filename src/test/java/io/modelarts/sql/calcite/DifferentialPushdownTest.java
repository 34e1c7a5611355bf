package io.modelarts.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modelarts.simulator.NameMatch;
import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.sql.testing.QueryGenerator;
import io.modelarts.sql.testing.QueryGenerator.GeneratedQuery;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated queries run with pushdown on and off against the same simulator must return the same
 * rows, and pushdown must never cost more calls. The data sets span several pages, and the
 * simulator's fuzzy name match is varied so no single guess about it can pass.
 */
class DifferentialPushdownTest {
  @ParameterizedTest(name = "{0} notebooks, seed {1}, name match {2}")
  @CsvSource({
    "230, 101, SUBSTRING_IGNORE_CASE, 400",
    "180, 202, PREFIX, 300",
    "320, 303, SUBSTRING, 300"
  })
  void pushdownAgreesWithThePlainPlan(int notebooks, long seed, NameMatch match, int queries)
      throws Exception {
    try (SimulatorFixture sim =
            SimulatorFixture.start(
                SimulatorConfig.builder()
                    .port(0)
                    .notebooks(notebooks)
                    .seed(seed)
                    .nameMatch(match)
                    .build());
        // One page at a time on both sides: read-ahead is not what is compared here, and
        // without it the number of calls each plan makes is deterministic.
        Connection pushed = sim.connect("pageConcurrency=1");
        Connection plain = sim.connect("pushdown=false", "pageConcurrency=1")) {
      QueryGenerator generator = new QueryGenerator(new Random(seed), sim.simulator().dataset());
      int pushedCalls = 0;
      int plainCalls = 0;
      for (int i = 0; i < queries; i++) {
        GeneratedQuery q = generator.next();
        sim.resetLog();
        List<String> expected = run(plain, q.sql());
        int plainCount = sim.listCalls().size();
        sim.resetLog();
        List<String> actual = run(pushed, q.sql());
        int pushedCount = sim.listCalls().size();
        pushedCalls += pushedCount;
        plainCalls += plainCount;
        if (q.limitWithoutOrder() >= 0) {
          // Any rows of the full answer are a right answer: check size and membership.
          List<String> full = run(plain, q.sqlWithoutLimit());
          long want = Math.max(0, Math.min(q.limitWithoutOrder(), full.size() - q.offset()));
          assertEquals(want, actual.size(), q.sql());
          assertTrue(full.containsAll(actual), q.sql());
        } else if (q.ordered() && q.sqlWithoutLimit() != null) {
          // top-N with possible ties: the sort keys must match in order, the rows by membership
          assertEquals(firstColumn(expected), firstColumn(actual), q.sql());
          assertTrue(run(plain, q.sqlWithoutLimit()).containsAll(actual), q.sql());
        } else if (q.ordered()) {
          assertEquals(expected, actual, q.sql());
        } else {
          assertEquals(sorted(expected), sorted(actual), q.sql());
        }
        assertTrue(
            pushedCount <= plainCount,
            q.sql() + ": pushdown made " + pushedCount + " calls, the plain plan " + plainCount);
      }
      assertTrue(
          pushedCalls < plainCalls,
          "pushdown saves calls overall: " + pushedCalls + " vs " + plainCalls);
      System.out.printf(
          "differential %s: %d queries, %d calls pushed vs %d plain%n",
          match, queries, pushedCalls, plainCalls);
    }
  }

  private static List<String> run(Connection c, String sql) {
    try {
      return SimulatorFixture.rows(c, sql);
    } catch (SQLException e) {
      fail(sql + " failed: " + e, e);
      return null;
    }
  }

  private static List<String> firstColumn(List<String> rows) {
    return rows.stream().map(r -> r.split("\\|", -1)[0]).toList();
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    Collections.sort(copy);
    return copy;
  }
}
