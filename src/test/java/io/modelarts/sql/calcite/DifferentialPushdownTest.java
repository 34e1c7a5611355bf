package io.modelarts.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.simulator.NameMatch;
import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated queries run with pushdown on and off against the same simulator must return the same
 * rows, and pushdown must never cost more calls. The data sets span several pages, and the
 * simulator's fuzzy name match is varied so no single guess about it can pass.
 */
class DifferentialPushdownTest {
  private static final String[] STATUSES = {
    "INIT", "CREATING", "STARTING", "STOPPING", "DELETING", "RUNNING", "STOPPED", "SNAPSHOTTING",
    "CREATE_FAILED", "START_FAILED", "DELETE_FAILED", "ERROR", "DELETED", "FROZEN", "BOGUS", "running"
  };

  @ParameterizedTest(name = "{0} notebooks, seed {1}, name match {2}")
  @CsvSource({"230, 101, SUBSTRING_IGNORE_CASE, 400", "180, 202, PREFIX, 300", "320, 303, SUBSTRING, 300"})
  void pushdownAgreesWithThePlainPlan(int notebooks, long seed, NameMatch match, int queries) throws Exception {
    try (SimulatorFixture sim =
            SimulatorFixture.start(
                SimulatorConfig.builder().port(0).notebooks(notebooks).seed(seed).nameMatch(match).build());
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
        List<String> expected = run(plain, q.sql);
        int plainCount = sim.listCalls().size();
        sim.resetLog();
        List<String> actual = run(pushed, q.sql);
        int pushedCount = sim.listCalls().size();
        pushedCalls += pushedCount;
        plainCalls += plainCount;
        if (q.limitWithoutOrder >= 0) {
          // Any rows of the full answer are a right answer: check size and membership.
          List<String> full = run(plain, q.sqlWithoutLimit);
          long want = Math.max(0, Math.min(q.limitWithoutOrder, full.size() - q.offset));
          assertEquals(want, actual.size(), q.sql);
          assertTrue(full.containsAll(actual), q.sql);
        } else if (q.ordered) {
          assertEquals(expected, actual, q.sql);
        } else {
          assertEquals(sorted(expected), sorted(actual), q.sql);
        }
        assertTrue(pushedCount <= plainCount,
            q.sql + ": pushdown made " + pushedCount + " calls, the plain plan " + plainCount);
      }
      assertTrue(pushedCalls < plainCalls, "pushdown saves calls overall: " + pushedCalls + " vs " + plainCalls);
      System.out.printf("differential %s: %d queries, %d calls pushed vs %d plain%n", match, queries, pushedCalls, plainCalls);
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

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    Collections.sort(copy);
    return copy;
  }

  /** One generated query and how to compare its answers. */
  record GeneratedQuery(String sql, boolean ordered, long limitWithoutOrder, long offset, String sqlWithoutLimit) {}

  /** Random SQL over the four tables, built from values that occur in the data. */
  static final class QueryGenerator {
    private final Random random;
    private final List<String> names = new ArrayList<>();
    private final List<String> pools = new ArrayList<>();
    private final List<String> owners = new ArrayList<>();
    private final List<String> workspaces = new ArrayList<>();

    QueryGenerator(Random random, List<ObjectNode> data) {
      this.random = random;
      TreeSet<String> n = new TreeSet<>(), p = new TreeSet<>(), o = new TreeSet<>(), w = new TreeSet<>();
      for (ObjectNode nb : data) {
        add(n, nb.get("name"));
        if (nb.has("pool")) {
          add(p, nb.get("pool").get("id"));
        }
        add(o, nb.get("owner"));
        add(w, nb.get("workspace_id"));
      }
      names.addAll(n);
      pools.addAll(p);
      owners.addAll(o);
      workspaces.addAll(w);
      pools.add("no-such-pool");
    }

    private static void add(TreeSet<String> set, JsonNode value) {
      if (value != null && value.isTextual()) {
        set.add(value.asText());
      }
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private String quote(String s) {
      return "'" + s.replace("'", "''") + "'";
    }

    String atom() {
      switch (random.nextInt(16)) {
        case 0, 1, 2: return "status = " + quote(STATUSES[random.nextInt(STATUSES.length)]);
        case 3: return "status IN (" + quote(STATUSES[random.nextInt(14)]) + ", " + quote(STATUSES[random.nextInt(14)]) + ")";
        case 4, 5: return "feature = " + quote(random.nextBoolean() ? "NOTEBOOK" : random.nextInt(5) == 0 ? "CODELAB" : "DEFAULT");
        case 6: return "pool_id = " + quote(pick(pools));
        case 7: return "pool_id IS NULL";
        case 8: return "owner = " + quote(pick(owners));
        case 9: return "workspace_id = " + quote(pick(workspaces));
        case 10: return "name = " + quote(pick(names));
        case 11: {
          String name = pick(names);
          return "name LIKE " + quote(name.substring(0, 1 + random.nextInt(Math.max(1, name.length() - 1))) + "%");
        }
        case 12: {
          String name = pick(names);
          int from = random.nextInt(name.length());
          return "name LIKE " + quote("%" + name.substring(from, Math.min(name.length(), from + 3)) + "%");
        }
        case 13: return "description IS NULL";
        case 14: return "volume_capacity > " + (random.nextInt(3) * 40);
        default: return "lease_enable = " + random.nextBoolean();
      }
    }

    String predicate(int depth) {
      int r = random.nextInt(10);
      if (depth >= 2 || r < 4) {
        return atom();
      }
      if (r < 7) {
        return predicate(depth + 1) + " AND " + predicate(depth + 1);
      }
      if (r < 9) {
        return "(" + predicate(depth + 1) + " OR " + predicate(depth + 1) + ")";
      }
      return "NOT (" + predicate(depth + 1) + ")";
    }

    private String where() {
      int terms = random.nextInt(4);
      if (terms == 0) {
        return "";
      }
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < terms; i++) {
        parts.add(predicate(0));
      }
      return " WHERE " + String.join(" AND ", parts);
    }

    GeneratedQuery next() {
      String where = where();
      String cols = "id, name, status, feature, owner, pool_id, workspace_id, lease_create_at";
      switch (random.nextInt(12)) {
        case 0:
          return new GeneratedQuery("SELECT COUNT(*) FROM notebooks" + where, false, -1, 0, null);
        case 1:
          return new GeneratedQuery(
              "SELECT feature, COUNT(*) FROM notebooks" + where + " GROUP BY feature", false, -1, 0, null);
        case 2:
          return new GeneratedQuery(
              "SELECT status, COUNT(*) FROM notebooks" + where + " GROUP BY status", false, -1, 0, null);
        case 3: {
          long limit = 1 + random.nextInt(60);
          long offset = random.nextInt(3) == 0 ? random.nextInt(120) : 0;
          String base = "SELECT " + cols + " FROM notebooks" + where;
          return new GeneratedQuery(
              base + " LIMIT " + limit + (offset > 0 ? " OFFSET " + offset : ""), false, limit, offset, base);
        }
        case 4: {
          long limit = 1 + random.nextInt(30);
          return new GeneratedQuery(
              "SELECT " + cols + " FROM notebooks" + where + " ORDER BY name, id LIMIT " + limit, true, -1, 0, null);
        }
        case 5:
          return new GeneratedQuery(
              "SELECT n.id, e.dev_service, e.allowed_access_ips FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
                  + where, // no column name is in both tables, so the notebooks filter needs no prefix
              false, -1, 0, null);
        case 6:
          return new GeneratedQuery(
              "SELECT p.notebook_id, p.step, p.status FROM action_progress p JOIN notebooks n ON p.notebook_id = n.id"
                  + (where.isEmpty() ? "" : " WHERE n.feature = 'NOTEBOOK'"),
              false, -1, 0, null);
        case 7:
          return new GeneratedQuery(
              "SELECT i.id, i.name, COUNT(*) FROM images i JOIN notebooks n ON n.image_id = i.id"
                  + (where.isEmpty() ? "" : " WHERE n.status = 'RUNNING'") + " GROUP BY i.id, i.name",
              false, -1, 0, null);
        case 8:
          return new GeneratedQuery("SELECT dev_service, COUNT(*) FROM endpoints GROUP BY dev_service", false, -1, 0, null);
        default:
          return new GeneratedQuery("SELECT " + cols + " FROM notebooks" + where, false, -1, 0, null);
      }
    }
  }
}
