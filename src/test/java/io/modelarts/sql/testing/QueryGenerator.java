package io.modelarts.sql.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Random SQL over the four tables, built from values that occur in the simulator's data. */
public final class QueryGenerator {
  private static final String[] STATUSES = {
    "INIT", "CREATING", "STARTING", "STOPPING", "DELETING", "RUNNING", "STOPPED", "SNAPSHOTTING",
    "CREATE_FAILED", "START_FAILED", "DELETE_FAILED", "ERROR", "DELETED", "FROZEN", "BOGUS",
        "running"
  };

  /** One generated query and how to compare its answers. */
  public record GeneratedQuery(
      String sql, boolean ordered, long limitWithoutOrder, long offset, String sqlWithoutLimit) {}

  private final Random random;
  private final List<String> names = new ArrayList<>();
  private final List<String> pools = new ArrayList<>();
  private final List<String> owners = new ArrayList<>();
  private final List<String> workspaces = new ArrayList<>();

  public QueryGenerator(Random random, List<ObjectNode> data) {
    this.random = random;
    TreeSet<String> n = new TreeSet<>(),
        p = new TreeSet<>(),
        o = new TreeSet<>(),
        w = new TreeSet<>();
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
      case 0, 1, 2:
        return "status = " + quote(STATUSES[random.nextInt(STATUSES.length)]);
      case 3:
        return "status IN ("
            + quote(STATUSES[random.nextInt(14)])
            + ", "
            + quote(STATUSES[random.nextInt(14)])
            + ")";
      case 4, 5:
        return "feature = "
            + quote(
                random.nextBoolean() ? "NOTEBOOK" : random.nextInt(5) == 0 ? "CODELAB" : "DEFAULT");
      case 6:
        return "pool_id = " + quote(pick(pools));
      case 7:
        return "pool_id IS NULL";
      case 8:
        return "owner = " + quote(pick(owners));
      case 9:
        return "workspace_id = " + quote(pick(workspaces));
      case 10:
        return "name = " + quote(pick(names));
      case 11:
        {
          String name = pick(names);
          return "name LIKE "
              + quote(name.substring(0, 1 + random.nextInt(Math.max(1, name.length() - 1))) + "%");
        }
      case 12:
        {
          String name = pick(names);
          int from = random.nextInt(name.length());
          return "name LIKE "
              + quote("%" + name.substring(from, Math.min(name.length(), from + 3)) + "%");
        }
      case 13:
        return "description IS NULL";
      case 14:
        return "volume_capacity > " + (random.nextInt(3) * 40);
      default:
        return "lease_enable = " + random.nextBoolean();
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

  public GeneratedQuery next() {
    String where = where();
    String cols = "id, name, status, feature, owner, pool_id, workspace_id, lease_create_at";
    if (random.nextInt(5) == 0) {
      // Window functions see every row the WHERE keeps, whatever the LIMIT keeps of them.
      cols += ", COUNT(*) OVER () AS kept, ROW_NUMBER() OVER (ORDER BY id) AS row_no";
    }
    switch (random.nextInt(14)) {
      case 0:
        return new GeneratedQuery("SELECT COUNT(*) FROM notebooks" + where, false, -1, 0, null);
      case 1:
        return new GeneratedQuery(
            "SELECT feature, COUNT(*) FROM notebooks" + where + " GROUP BY feature",
            false,
            -1,
            0,
            null);
      case 2:
        return new GeneratedQuery(
            "SELECT status, COUNT(*) FROM notebooks" + where + " GROUP BY status",
            false,
            -1,
            0,
            null);
      case 3:
        {
          long limit = 1 + random.nextInt(60);
          long offset = random.nextInt(3) == 0 ? random.nextInt(120) : 0;
          String base = "SELECT " + cols + " FROM notebooks" + where;
          return new GeneratedQuery(
              base + " LIMIT " + limit + (offset > 0 ? " OFFSET " + offset : ""),
              false,
              limit,
              offset,
              base);
        }
      case 4:
        {
          long limit = 1 + random.nextInt(30);
          return new GeneratedQuery(
              "SELECT " + cols + " FROM notebooks" + where + " ORDER BY name, id LIMIT " + limit,
              true,
              -1,
              0,
              null);
        }
      case 5:
        return new GeneratedQuery(
            "SELECT n.id, e.dev_service, e.allowed_access_ips FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
                + where, // no column name is in both tables, so the notebooks filter needs no
            // prefix
            false,
            -1,
            0,
            null);
      case 6:
        return new GeneratedQuery(
            "SELECT p.notebook_id, p.step, p.status FROM action_progress p JOIN notebooks n ON p.notebook_id = n.id"
                + (where.isEmpty() ? "" : " WHERE n.feature = 'NOTEBOOK'"),
            false,
            -1,
            0,
            null);
      case 7:
        return new GeneratedQuery(
            "SELECT i.id, i.name, COUNT(*) FROM images i JOIN notebooks n ON n.image_id = i.id"
                + (where.isEmpty() ? "" : " WHERE n.status = 'RUNNING'")
                + " GROUP BY i.id, i.name",
            false,
            -1,
            0,
            null);
      case 8:
        return new GeneratedQuery(
            "SELECT dev_service, COUNT(*) FROM endpoints GROUP BY dev_service", false, -1, 0, null);
      case 9:
        {
          // a top-N by a numeric key: ties make several answers right, so only the key column is
          // compared in order (it comes first) and the rest by membership
          String key = random.nextBoolean() ? "lease_create_at" : "lease_update_at";
          String dir = random.nextBoolean() ? "ASC" : "DESC NULLS LAST";
          long limit = 1 + random.nextInt(70);
          String base =
              "SELECT " + key + " AS k, " + cols + " FROM notebooks" + where + " ORDER BY k " + dir;
          return new GeneratedQuery(base + " LIMIT " + limit, true, -1, 0, base);
        }
      case 10:
        return derived(where);
      default:
        return new GeneratedQuery("SELECT " + cols + " FROM notebooks" + where, false, -1, 0, null);
    }
  }

  /**
   * The first rows of an order, as a derived table that a second filter, a count, a group or
   * another order reads: the outer query's filter and count must not reach the API beneath the
   * inner limit, which keeps its rows before that filter.
   */
  private GeneratedQuery derived(String where) {
    String inner =
        "SELECT id, name, status, feature, owner, pool_id, workspace_id, description,"
            + " volume_capacity, lease_enable, lease_create_at FROM notebooks"
            + where
            + " ORDER BY lease_create_at"
            + (random.nextBoolean() ? " DESC" : "")
            + ", id LIMIT "
            + (1 + random.nextInt(60))
            + (random.nextInt(3) == 0 ? " OFFSET " + random.nextInt(120) : "");
    String source = " FROM (" + inner + ") s WHERE " + predicate(0);
    return switch (random.nextInt(3)) {
      case 0 -> new GeneratedQuery("SELECT COUNT(*)" + source, false, -1, 0, null);
      case 1 ->
          new GeneratedQuery(
              "SELECT status, COUNT(*)" + source + " GROUP BY status", false, -1, 0, null);
      default ->
          new GeneratedQuery(
              "SELECT id, name, status"
                  + source
                  + " ORDER BY name, id LIMIT "
                  + (1 + random.nextInt(20)),
              true,
              -1,
              0,
              null);
    };
  }
}
