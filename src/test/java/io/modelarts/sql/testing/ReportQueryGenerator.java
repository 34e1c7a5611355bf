package io.modelarts.sql.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.Ints;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random report queries over the notebooks: typed expressions nested a few levels deep (integer,
 * long, decimal and double arithmetic, strings and their functions and casts, timestamps, dates and
 * their fields, roundings and differences, {@code CASE} and {@code COALESCE}), in projections,
 * filters, sorts, groups with aggregates (also over grouping sets, distinct and filtered ones), set
 * operations, joins and derived tables; and, where {@link #portable}, window functions and
 * sub-queries.
 *
 * <p>Why: the plan interpreter takes all of these, and its tests compare it with Calcite's compiled
 * code; hand-written lists cover the cases someone thought of, this covers their combinations. Each
 * expression is built for one SQL type, so every query is valid; a division's divisor is a non-zero
 * literal, so errors come only from where both sides should fail alike (a value out of a cast's
 * range).
 *
 * <p>{@link #portable} makes only queries that mean the same in PostgreSQL, so that a second,
 * independent engine can check the answers: it leaves out Calcite's own functions and fields
 * ({@code FLOOR … TO}, {@code TIMESTAMPDIFF}, {@code TRUNCATE}, {@code INITCAP}, {@code DOW},
 * {@code WEEK}, {@code SECOND}), {@code CHAR(n)}, casts to strings whose formats the two engines
 * choose differently, averages of exact numbers and divisions of decimals (whose scale each engine
 * picks), casts of doubles to decimals (rounded or truncated, as SQL lets either), variances, a
 * {@code LIMIT} without an {@code ORDER BY}, and the descriptions and strings beyond ASCII (whose
 * case PostgreSQL's C locale leaves as it is, and whose types' lengths the driver counts in UTF-16
 * units: docs/jdbc.md); and it casts to integers what PostgreSQL would otherwise compute as a
 * decimal ({@code EXTRACT}, {@code SIGN}, {@code ROUND}).
 */
public final class ReportQueryGenerator {
  /** The SQL types the expressions are built for. */
  enum Type {
    INT,
    BIGINT,
    DECIMAL,
    DOUBLE,
    STRING,
    TIMESTAMP,
    DATE,
    BOOLEAN
  }

  private static final String[] STRING_COLUMNS = {
    "name", "status", "description", "pool_id", "owner", "flavor", "feature", "image_type"
  };

  /** The columns of the notebooks that the expressions read, which a derived table passes on. */
  private static final String COLUMNS =
      "id, name, status, description, pool_id, owner, flavor, feature, image_type,"
          + " volume_capacity, lease_enable, lease_duration, lease_create_at, lease_update_at";

  private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
  private static final String[] DIRECTIONS = {"", " DESC", " NULLS FIRST", " DESC NULLS LAST"};
  private static final String[] UNITS = {"YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR"};
  private static final String[] FIELDS = {
    "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "DOW", "DOY", "QUARTER", "WEEK"
  };
  private static final String[] PORTABLE_FIELDS = {
    "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "DOY", "QUARTER"
  };
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final Random random;
  private final boolean portable;
  private final List<String> strings = new ArrayList<>();
  private final List<Long> times = new ArrayList<>();

  public ReportQueryGenerator(Random random, List<ObjectNode> data) {
    this(random, data, false);
  }

  private ReportQueryGenerator(Random random, List<ObjectNode> data, boolean portable) {
    this.random = random;
    this.portable = portable;
    TreeSet<String> values = new TreeSet<>(List.of("", "a", "N", "RUNNING", "é", " x "));
    TreeSet<Long> t = new TreeSet<>();
    for (ObjectNode nb : data) {
      values.add(nb.path("name").asText());
      values.add(nb.path("owner").asText());
      t.add(nb.path("lease").path("create_at").asLong());
    }
    // Portable: ASCII only (a database in the C locale changes the case of ASCII letters only).
    values.stream()
        .filter(v -> !portable || v.chars().allMatch(ch -> ch < 128))
        .forEach(strings::add);
    times.addAll(t);
  }

  /** A generator of queries that PostgreSQL answers as SQL says too (see the type's comment). */
  public static ReportQueryGenerator portable(Random random, List<ObjectNode> data) {
    return new ReportQueryGenerator(random, data, true);
  }

  /** One query of any of the forms. */
  public String next() {
    // Windows only where portable: the interpreter runs none, so comparing it with the compiled
    // plans would compare compiled code with itself; PostgreSQL checks Calcite's windows instead.
    // Sub-queries likewise: the interpreter runs no correlated one.
    return switch (random.nextInt(portable ? 11 : 9)) {
      case 0, 1, 2 -> projection();
      case 3, 4 -> grouped();
      case 5 -> setOperation();
      case 6 -> join();
      case 7 -> sorted();
      case 8 -> derived();
      case 9 -> windowed();
      default -> withSubQuery();
    };
  }

  /**
   * A query over a derived table of the notebooks, named {@code s}, as BI tools nest theirs: a
   * sub-query in {@code FROM} or a {@code WITH}. The inner query may filter, and may keep the first
   * rows of an order (perhaps offset); the outer one filters again and projects, counts, groups
   * (perhaps joining the groups with another grouping, as a question joined with a saved one), or
   * keeps distinct values. The derived table passes on every column the expressions read, so that
   * they read its rows.
   */
  private String derived() {
    StringBuilder inner = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM notebooks");
    if (random.nextBoolean()) {
      inner.append(" WHERE ").append(expression(Type.BOOLEAN, 1));
    }
    if (random.nextInt(3) > 0) {
      String key = random.nextBoolean() ? timeColumn() : expression(comparable(), 1);
      inner.append(" ORDER BY ").append(key).append(pick(DIRECTIONS));
      inner.append(", id LIMIT ").append(1 + random.nextInt(60));
      if (random.nextInt(3) == 0) {
        inner.append(" OFFSET ").append(random.nextInt(100));
      }
    }
    boolean with = random.nextBoolean();
    String from = with ? " FROM s" : " FROM (" + inner + ") s";
    String where = random.nextInt(3) > 0 ? " WHERE " + expression(Type.BOOLEAN, 1) : "";
    String outer =
        switch (random.nextInt(5)) {
          case 0 ->
              "SELECT id, "
                  + expression(anyType(), 1)
                  + " AS c"
                  + from
                  + where
                  + (random.nextBoolean()
                      ? " ORDER BY id DESC LIMIT " + (1 + random.nextInt(20))
                      : "");
          case 1 ->
              "SELECT COUNT(*) AS n, COUNT(" + expression(anyType(), 1) + ") AS c" + from + where;
          case 2 -> {
            String key = groupKey();
            yield "SELECT "
                + key
                + " AS k, COUNT(*) AS n, "
                + aggregate()
                + " AS a"
                + from
                + where
                + " GROUP BY "
                + key;
          }
          // Two groupings joined on their key, as a question joined with a saved one.
          case 3 -> {
            String key = stringColumn();
            yield "SELECT a.k, a.n, b.n AS m, b.a FROM (SELECT "
                + key
                + " AS k, COUNT(*) AS n"
                + from
                + where
                + " GROUP BY "
                + key
                + ") a "
                + pick(new String[] {"", "LEFT ", "RIGHT ", "FULL "})
                + "JOIN (SELECT "
                + key
                + " AS k, COUNT(*) AS n, "
                + aggregate()
                + " AS a FROM notebooks WHERE "
                + expression(Type.BOOLEAN, 1)
                + " GROUP BY "
                + key
                + ") b ON a.k = b.k";
          }
          // Not of doubles: two engines' sums of the same doubles may differ in the last bit.
          default ->
              "SELECT DISTINCT "
                  + expression(pick(new Type[] {Type.STRING, Type.INT, Type.DATE, Type.BOOLEAN}), 1)
                  + " AS v"
                  + from
                  + where;
        };
    return with ? "WITH s AS (" + inner + ") " + outer : outer;
  }

  /**
   * A sub-query in a filter or a column: {@code [NOT] IN} a column of other notebooks (nullable
   * ones too, whose NULLs make {@code NOT IN} unknown), a comparison with {@code ANY} or {@code
   * ALL} of them, {@code [NOT] EXISTS} a notebook's endpoint, or a correlated count, extreme or
   * average of the notebooks that share a column with the row. The sub-query's own columns are
   * those of {@code m}; the row's are named {@code n.}.
   */
  private String withSubQuery() {
    String inner = " FROM notebooks m WHERE " + expression(Type.BOOLEAN, 2);
    String column = stringColumn();
    String test =
        switch (random.nextInt(4)) {
          case 0 ->
              "n."
                  + column
                  + (random.nextBoolean() ? " NOT IN" : " IN")
                  + " (SELECT m."
                  + stringColumn()
                  + inner
                  + ")";
          case 1 ->
              "n.volume_capacity "
                  + pick(COMPARISONS)
                  + (random.nextBoolean() ? " ALL" : " ANY")
                  + " (SELECT "
                  + (random.nextBoolean() ? "m.volume_capacity" : nullableInt())
                  + inner
                  + ")";
          case 2 ->
              (random.nextBoolean() ? "NOT " : "")
                  + "EXISTS (SELECT 1 FROM endpoints e WHERE e.notebook_id = n.id"
                  + (random.nextBoolean() ? " AND e.dev_service <> n.status" : "")
                  + ")";
          default ->
              "n.volume_capacity "
                  + pick(COMPARISONS)
                  + " (SELECT "
                  + pick(
                      new String[] {
                        "COUNT(*)", "MAX(m.volume_capacity)", "MIN(" + nullableInt() + ")"
                      })
                  + " FROM notebooks m WHERE m."
                  + column
                  + " = n."
                  + column
                  + ")";
        };
    String select = expression(anyType(), 1);
    // As a column, a test keeps its unknown (NULL), which a filter would drop.
    return random.nextBoolean()
        ? "SELECT n.id, " + select + " AS c FROM notebooks n WHERE " + test
        : "SELECT n.id, " + test + " AS t, " + select + " AS c FROM notebooks n";
  }

  /**
   * A window function beside an expression: a rank (also as a fraction: {@code PERCENT_RANK},
   * {@code CUME_DIST}), a tile, an offset, an n-th value or an aggregate, over partitions by a
   * group key or over all rows, ordered by an expression, with the default frame, a frame of rows,
   * or a frame of values ({@code RANGE}) with offsets either way of a number (an integer, a {@code
   * BIGINT}, a decimal, or an integer holding NULLs, placed first or last). A rank's order may have
   * ties (its values do not depend on how they fall), and so may an aggregate's over a frame of
   * values (peers share it); the others' order ends with the id, so that each row's value is SQL's
   * alone.
   */
  private String windowed() {
    String partition = random.nextInt(4) == 0 ? "" : "PARTITION BY " + groupKey() + " ";
    String key =
        random.nextInt(3) == 0
            ? expression(comparable(), 1)
            : pick(
                new String[] {"volume_capacity", "lease_duration", timeColumn(), stringColumn()});
    String order = "ORDER BY " + key + pick(DIRECTIONS);
    String[] frames = {
      "", " ROWS BETWEEN 2 PRECEDING AND CURRENT ROW", " ROWS BETWEEN CURRENT ROW AND 3 FOLLOWING"
    };
    String window =
        switch (random.nextInt(12)) {
          case 0 -> "ROW_NUMBER() OVER (" + partition + order + ", id)";
          // Ranks as fractions, whose ties (peers) share a value, and tiles of a total order.
          case 9 ->
              pick(new String[] {"PERCENT_RANK()", "CUME_DIST()"})
                  + " OVER ("
                  + partition
                  + order
                  + ")";
          case 10 ->
              (random.nextBoolean()
                      ? "NTILE(" + (1 + random.nextInt(5)) + ")"
                      : "NTH_VALUE("
                          + expression(anyType(), 1)
                          + ", "
                          + (1 + random.nextInt(3))
                          + ")")
                  + " OVER ("
                  + partition
                  + order
                  + ", id)";
          // An aggregate over a frame of values (RANGE), or over a row's peers (the default frame
          // of an order with ties): values, not positions, bound the frame.
          case 11 -> {
            // Keys of integers, BIGINTs, decimals and integers holding NULLs (the running
            // notebooks'), each with an offset in its own units.
            String[][] keys = {
              {"volume_capacity", "10"},
              {"lease_duration", "3600000"},
              {"CAST(volume_capacity AS DECIMAL(10, 2)) * 0.5", "2.5"},
              {"CASE WHEN status = 'RUNNING' THEN NULL ELSE volume_capacity END", "10"}
            };
            String[] numeric = keys[random.nextInt(keys.length)];
            String bound = numeric[1];
            yield pick(
                    new String[] {
                      "COUNT(*)",
                      "SUM(volume_capacity)",
                      "MIN(volume_capacity)",
                      "MAX(" + stringColumn() + ")",
                      "FIRST_VALUE(" + numeric[0] + ")",
                      "LAST_VALUE(" + numeric[0] + ")"
                    })
                + " OVER ("
                + partition
                + "ORDER BY "
                + numeric[0]
                + pick(new String[] {"", " DESC", " NULLS FIRST", " DESC NULLS LAST"})
                + pick(
                    new String[] {
                      "",
                      " RANGE BETWEEN " + bound + " PRECEDING AND CURRENT ROW",
                      " RANGE BETWEEN CURRENT ROW AND " + bound + " FOLLOWING",
                      " RANGE BETWEEN " + bound + " PRECEDING AND " + bound + " FOLLOWING",
                      " RANGE BETWEEN UNBOUNDED PRECEDING AND " + bound + " FOLLOWING",
                      " RANGE BETWEEN " + bound + " PRECEDING AND UNBOUNDED FOLLOWING"
                    })
                + ")";
          }
          case 1, 2 ->
              (random.nextBoolean() ? "RANK()" : "DENSE_RANK()")
                  + " OVER ("
                  + partition
                  + order
                  + ")";
          case 3 ->
              (random.nextBoolean() ? "LAG(" : "LEAD(")
                  + expression(anyType(), 1)
                  + (random.nextBoolean() ? ", 2" : "")
                  + ") OVER ("
                  + partition
                  + order
                  + ", id)";
          case 4 ->
              "FIRST_VALUE(" + expression(anyType(), 1) + ") OVER (" + partition + order + ", id)";
          default -> {
            String aggregate =
                switch (random.nextInt(4)) {
                  case 0 -> "COUNT(*)";
                  case 1 -> "SUM(" + expression(numeric(), 1) + ")";
                  case 2 -> "COUNT(" + expression(anyType(), 1) + ")";
                  default ->
                      (random.nextBoolean() ? "MIN(" : "MAX(") + expression(comparable(), 1) + ")";
                };
            yield random.nextInt(3) == 0
                ? aggregate + " OVER (" + partition.trim() + ")"
                : aggregate + " OVER (" + partition + order + ", id" + pick(frames) + ")";
          }
        };
    return "SELECT id, "
        + window
        + " AS w, "
        + expression(anyType(), 0)
        + " AS c FROM notebooks"
        + (random.nextBoolean() ? " WHERE " + expression(Type.BOOLEAN, 1) : "")
        // A window sees every row the WHERE keeps, whatever the LIMIT keeps of them.
        + (random.nextInt(3) == 0
            ? " ORDER BY "
                + timeColumn()
                + pick(DIRECTIONS)
                + ", id LIMIT "
                + (1 + random.nextInt(20))
            : "");
  }

  private String projection() {
    StringBuilder sql = new StringBuilder("SELECT id");
    int columns = 1 + random.nextInt(4);
    for (int i = 0; i < columns; i++) {
      sql.append(", ").append(expression(anyType(), 0)).append(" AS c").append(i);
    }
    sql.append(" FROM notebooks");
    if (random.nextInt(3) > 0) {
      sql.append(" WHERE ").append(expression(Type.BOOLEAN, 1));
    }
    if (random.nextInt(4) == 0 && !portable) { // which rows a bare LIMIT keeps is undefined
      sql.append(" LIMIT ").append(1 + random.nextInt(30));
    }
    return sql.toString();
  }

  /**
   * Rows ordered by an expression, then the id, perhaps limited and offset; a third ordered by a
   * timestamp column, which the driver may ask the API to sort by, paging with the offset.
   */
  private String sorted() {
    String key = random.nextInt(3) == 0 ? timeColumn() : expression(anyType(), 1);
    String limit = " LIMIT " + (1 + random.nextInt(20));
    return "SELECT id, "
        + key
        + " AS k FROM notebooks WHERE "
        + expression(Type.BOOLEAN, 1)
        + " ORDER BY k"
        + pick(DIRECTIONS)
        + ", id"
        + (random.nextBoolean()
            ? limit + (random.nextInt(3) == 0 ? " OFFSET " + random.nextInt(120) : "")
            : "");
  }

  private String grouped() {
    int keys = 1 + random.nextInt(3);
    List<String> keyList = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      // A key named twice makes ROLLUP and CUBE repeat a grouping set, whose rows SQL repeats.
      // Portable: a column only. PostgreSQL nulls only one of two equal constant keys where their
      // set leaves them out; SQL nulls both.
      String again = i > 0 && random.nextInt(5) == 0 ? pick(keyList) : null;
      keyList.add(again != null && (!portable || again.matches("[a-z_]+")) ? again : groupKey());
    }
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < keys; i++) {
      select.append(keyList.get(i)).append(" AS k").append(i).append(", ");
    }
    select.append("COUNT(*) AS n");
    int aggregates = 1 + random.nextInt(3);
    for (int i = 0; i < aggregates; i++) {
      select.append(", ").append(aggregate()).append(" AS a").append(i);
    }
    StringBuilder sql = select.append(" FROM notebooks");
    boolean filtered = random.nextBoolean();
    if (filtered) {
      sql.append(" WHERE ").append(expression(Type.BOOLEAN, 1));
    }
    String keysList = String.join(", ", keyList);
    int grouping = random.nextInt(6);
    sql.append(" GROUP BY ")
        .append(
            switch (grouping) {
              case 0 -> "ROLLUP(" + keysList + ")";
              case 1 -> "CUBE(" + keysList + ")";
              case 2 ->
                  keys > 1
                      ? "GROUPING SETS ((" + keysList + "), (" + keyList.get(0) + "), ())"
                      : "GROUPING SETS (("
                          + keysList
                          + "), ("
                          + (random.nextBoolean() ? keysList : "")
                          + "), ())";
              default -> keysList;
            });
    if (random.nextInt(3) == 0) {
      sql.append(" HAVING ")
          .append(
              switch (random.nextInt(4)) {
                case 0 -> "MIN(volume_capacity) < " + random.nextInt(100);
                case 1 -> "COUNT(DISTINCT status) > 1";
                case 2 -> "SUM(volume_capacity) >= " + random.nextInt(500) + " OR COUNT(*) = 1";
                default -> "COUNT(*) > " + random.nextInt(4);
              });
    }
    // Portable: grouping sets unordered. PostgreSQL sorts a constant key by its value before the
    // sets make it NULL, so its rows with the same count can come in either order.
    if (random.nextBoolean() && !(portable && grouping < 3)) {
      sql.append(" ORDER BY n DESC");
      for (int i = 0; i < keys; i++) {
        sql.append(", k").append(i);
      }
      // The top groups, as a chart of the ten largest asks: one row per key, so the order is
      // total (grouping sets may repeat a key with another count).
      if (grouping >= 3 && random.nextBoolean()) {
        sql.append(" LIMIT ").append(1 + random.nextInt(10));
      }
    }
    return sql.toString();
  }

  private String groupKey() {
    return switch (option(6, 1)) {
      case 0 -> stringColumn();
      case 1 -> "FLOOR(" + timeColumn() + " TO " + pick(UNITS) + ")";
      case 2 -> "CAST(" + timeColumn() + " AS DATE)";
      case 3 -> "volume_capacity / " + (1 + random.nextInt(40));
      case 4 -> "lease_enable";
      default -> expression(random.nextBoolean() ? Type.STRING : Type.INT, 2);
    };
  }

  private String aggregate() {
    // Portable: no variances (Calcite's sums of squares lose what PostgreSQL's algorithm keeps).
    return switch (option(16, 3, 5)) {
      case 0 -> "COUNT(" + expression(anyType(), 2) + ")";
      case 1 -> "SUM(" + expression(numeric(), 2) + ")";
      case 2 -> "AVG(" + expression(portable ? Type.DOUBLE : numeric(), 2) + ")";
      case 3 -> "ROUND(AVG(" + expression(numeric(), 2) + "), " + random.nextInt(3) + ")";
      case 4 -> (random.nextBoolean() ? "MIN(" : "MAX(") + expression(comparable(), 2) + ")";
      // Of NOT NULL values too: over one row a sample's variance is NULL, which Calcite once typed
      // away (ModelArtsTypeSystem).
      case 5 ->
          pick(new String[] {"STDDEV_POP(", "STDDEV_SAMP(", "VAR_POP(", "VAR_SAMP("})
              + (random.nextBoolean() ? "NULLIF(" : "COALESCE(")
              + expression(random.nextBoolean() && !portable ? Type.INT : Type.DOUBLE, 2)
              + ", 123456789))";
      case 6 -> "SUM(lease_duration / 3600000.0)";
      case 7 -> "MAX(" + stringColumn() + ") || '/' || MIN(" + stringColumn() + ")";
      case 9 -> "COUNT(DISTINCT " + expression(anyType(), 2) + ")";
      case 10 -> "SUM(DISTINCT " + expression(Type.INT, 2) + ")";
      case 11 -> "COUNT(*) FILTER (WHERE " + expression(Type.BOOLEAN, 2) + ")";
      case 12 ->
          "SUM("
              + expression(numeric(), 2)
              + ") FILTER (WHERE "
              + expression(Type.BOOLEAN, 2)
              + ")";
      case 13 -> percentile();
      // PostgreSQL's names (PostgresqlAggregates); a string list ordered by what it lists, whose
      // ties are equal strings.
      case 14 -> {
        if (random.nextBoolean()) {
          yield (random.nextBoolean() ? "BOOL_AND(" : "BOOL_OR(")
              + expression(Type.BOOLEAN, 2)
              + ")";
        }
        String column = stringColumn();
        yield "STRING_AGG("
            + column
            + ", ',' ORDER BY "
            + column
            + (random.nextBoolean() ? " DESC)" : ")");
      }
      // A quotient whose divisor is 0 on the rows the FILTER leaves out.
      case 15 -> {
        String divisor = zeroOnSomeRows();
        yield "SUM("
            + expression(Type.INT, 2)
            + " / "
            + divisor
            + ") FILTER (WHERE "
            + divisor
            + " <> 0)";
      }
      default -> "COUNT(*) * 100.0 / " + (1 + random.nextInt(9));
    };
  }

  /**
   * {@code PERCENTILE_CONT} of a number or {@code PERCENTILE_DISC} of a number or a time, at a
   * fraction whose positions a {@code double} holds exactly (PostgreSQL computes them in one),
   * ascending or descending.
   */
  private String percentile() {
    String fraction = pick(new String[] {"0", "0.25", "0.5", "0.75", "1"});
    boolean continuous = random.nextBoolean();
    Type key =
        continuous || random.nextBoolean()
            ? numeric()
            : (random.nextBoolean() ? Type.TIMESTAMP : Type.DATE);
    return (continuous ? "PERCENTILE_CONT(" : "PERCENTILE_DISC(")
        + fraction
        + ") WITHIN GROUP (ORDER BY "
        + expression(key, 2)
        + (random.nextBoolean() ? " DESC)" : ")");
  }

  private String setOperation() {
    Type type = random.nextBoolean() ? Type.STRING : anyType();
    String[] operators = {
      "UNION", "UNION ALL", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL"
    };
    String left = expression(type, 1);
    String right = expression(type, 1);
    String sql =
        "SELECT "
            + left
            + " AS v FROM notebooks WHERE "
            + expression(Type.BOOLEAN, 2)
            + " "
            + pick(operators)
            + " SELECT "
            + right
            + " FROM notebooks WHERE "
            + expression(Type.BOOLEAN, 2);
    return random.nextBoolean() ? sql : sql + " ORDER BY 1 LIMIT " + (1 + random.nextInt(15));
  }

  private String join() {
    return switch (random.nextInt(4)) {
      case 0 ->
          "SELECT n.id, "
              + expression(anyType(), 1)
              + " AS v, e.dev_service FROM notebooks n "
              + (random.nextBoolean() ? "LEFT " : "")
              + "JOIN endpoints e ON e.notebook_id = n.id"
              + (random.nextBoolean() ? " AND e.dev_service <> n.status" : "")
              + " WHERE "
              + expression(Type.BOOLEAN, 2);
      case 1 ->
          "SELECT a.id, b.id FROM notebooks a JOIN notebooks b ON a."
              + stringColumn()
              + " = b."
              + stringColumn()
              + " AND a.volume_capacity "
              + pick(COMPARISONS)
              + " b.volume_capacity WHERE a.name < 'k'";
      // Notebooks per group with their endpoints counted, those without any kept.
      case 2 ->
          "SELECT n.status AS k, COUNT(*) AS c, COUNT(e.dev_service) AS eps, COUNT(DISTINCT"
              + " e.dev_service) AS d FROM notebooks n LEFT JOIN endpoints e ON e.notebook_id ="
              + " n.id WHERE "
              + expression(Type.BOOLEAN, 2)
              + " GROUP BY n.status"
              + (random.nextBoolean()
                  ? " ORDER BY eps DESC, k LIMIT " + (1 + random.nextInt(6))
                  : "");
      default ->
          "SELECT status, COUNT(*) * 100.0 / (SELECT COUNT(*) FROM notebooks WHERE "
              + expression(Type.BOOLEAN, 2)
              + ") AS share FROM notebooks GROUP BY status";
    };
  }

  private Type anyType() {
    Type[] types = Type.values();
    return types[random.nextInt(types.length)];
  }

  /** Any type but, where portable, BOOLEAN (PostgreSQL has no MIN or MAX of booleans). */
  private Type comparable() {
    Type type = anyType();
    while (portable && type == Type.BOOLEAN) {
      type = anyType();
    }
    return type;
  }

  /**
   * One of {@code count} cases, drawn as {@code random.nextInt(count)}, drawn again while it is one
   * of {@code unportable} in a portable generator.
   */
  private int option(int count, int... unportable) {
    int option = random.nextInt(count);
    while (portable && Ints.contains(unportable, option)) {
      option = random.nextInt(count);
    }
    return option;
  }

  /** {@code expression} cast to an INTEGER where portable (PostgreSQL would give a decimal). */
  private String integer(String expression) {
    return portable ? "CAST(" + expression + " AS INTEGER)" : expression;
  }

  private String doubleType() {
    return portable ? "DOUBLE PRECISION" : "DOUBLE";
  }

  private Type numeric() {
    Type[] types = {Type.INT, Type.BIGINT, Type.DECIMAL, Type.DOUBLE};
    return types[random.nextInt(types.length)];
  }

  /** An expression of {@code type}; deeper levels choose leaves more often. */
  String expression(Type type, int depth) {
    boolean leaf = depth >= 3 || random.nextInt(10) < 3 + depth * 2;
    return switch (type) {
      case INT -> leaf ? intLeaf() : intExpression(depth + 1);
      case BIGINT -> leaf ? bigintLeaf() : bigintExpression(depth + 1);
      case DECIMAL -> leaf ? decimalLeaf() : decimalExpression(depth + 1);
      case DOUBLE -> leaf ? doubleLeaf() : doubleExpression(depth + 1);
      case STRING -> leaf ? stringLeaf() : stringExpression(depth + 1);
      case TIMESTAMP -> leaf ? timestampLeaf() : timestampExpression(depth + 1);
      case DATE -> leaf ? dateLeaf() : dateExpression(depth + 1);
      case BOOLEAN -> leaf ? booleanLeaf() : booleanExpression(depth + 1);
    };
  }

  private String intLeaf() {
    return switch (random.nextInt(4)) {
      case 0, 1 -> "volume_capacity";
      case 2 -> String.valueOf(random.nextInt(200) - 50);
      default -> "CHAR_LENGTH(" + stringColumn() + ")";
    };
  }

  private String intExpression(int depth) {
    return switch (option(12, 6)) {
      case 0 ->
          binary(
              expression(Type.INT, depth),
              new String[] {"+", "-", "*"},
              expression(Type.INT, depth));
      case 1 -> "(" + expression(Type.INT, depth) + " / " + nonZero() + ")";
      case 2 -> "MOD(" + expression(Type.INT, depth) + ", " + nonZero() + ")";
      case 3 -> integer(pick(new String[] {"ABS(", "SIGN("}) + expression(Type.INT, depth) + ")");
      case 4 ->
          integer(
              "EXTRACT("
                  + pick(portable ? PORTABLE_FIELDS : FIELDS)
                  + " FROM "
                  + expression(Type.TIMESTAMP, depth)
                  + ")");
      case 5 -> "POSITION(" + stringLeaf() + " IN " + expression(Type.STRING, depth) + ")";
      case 6 ->
          "TIMESTAMPDIFF("
              + pick(new String[] {"DAY", "HOUR", "MONTH", "MINUTE"})
              + ", "
              + expression(Type.TIMESTAMP, depth)
              + ", "
              + expression(Type.TIMESTAMP, depth)
              + ")";
      case 7 -> caseOf(Type.INT, depth);
      case 8 -> "COALESCE(" + nullableInt() + ", " + expression(Type.INT, depth) + ")";
      case 9 -> "NULLIF(" + expression(Type.INT, depth) + ", " + random.nextInt(60) + ")";
      case 10 ->
          integer(
              pick(portable ? new String[] {"ROUND("} : new String[] {"ROUND(", "TRUNCATE("})
                  + expression(Type.INT, depth)
                  + ", "
                  + (random.nextInt(3) - 2)
                  + ")");
      default -> "CAST(" + expression(Type.BIGINT, depth) + " / 3600000 AS INTEGER)";
    };
  }

  private String nullableInt() {
    return "CASE WHEN description IS NULL THEN NULL ELSE volume_capacity END";
  }

  private String bigintLeaf() {
    return switch (random.nextInt(3)) {
      case 0, 1 -> "lease_duration";
      default -> String.valueOf(random.nextInt(5) * 3_000_000_000L - 1);
    };
  }

  private String bigintExpression(int depth) {
    return switch (random.nextInt(7)) {
      case 0 ->
          binary(
              expression(Type.BIGINT, depth),
              new String[] {"+", "-"},
              expression(random.nextBoolean() ? Type.BIGINT : Type.INT, depth));
      case 1 -> "(" + expression(Type.BIGINT, depth) + " / " + nonZero() + "000)";
      case 2 -> "CAST(" + expression(Type.INT, depth) + " AS BIGINT)";
      case 3 -> "ABS(" + expression(Type.BIGINT, depth) + ")";
      case 4 -> caseOf(Type.BIGINT, depth);
      case 5 -> "(" + expression(Type.INT, depth) + " * 1000000000000)";
      default -> "MOD(" + expression(Type.BIGINT, depth) + ", " + nonZero() + ")";
    };
  }

  private String decimalLeaf() {
    return switch (random.nextInt(3)) {
      case 0 -> "volume_capacity * 1.5";
      case 1 -> "lease_duration / 3600000.0";
      default -> (random.nextInt(2000) - 1000) / 100.0 + "";
    };
  }

  private String decimalExpression(int depth) {
    // Portable: no division (each engine picks the quotient's scale) and no cast of a double
    // (Calcite truncates to the scale, PostgreSQL rounds; SQL lets either).
    return switch (option(9, 1, 7)) {
      case 0 ->
          binary(
              expression(Type.DECIMAL, depth),
              new String[] {"+", "-", "*"},
              expression(random.nextBoolean() ? Type.DECIMAL : Type.INT, depth));
      case 1 -> "(" + expression(Type.DECIMAL, depth) + " / " + nonZero() + ".5)";
      case 2 ->
          pick(portable ? new String[] {"ROUND("} : new String[] {"ROUND(", "TRUNCATE("})
              + expression(Type.DECIMAL, depth)
              + ", "
              + (random.nextInt(4) - 1)
              + ")";
      case 3 ->
          pick(new String[] {"FLOOR(", "CEIL(", "ABS("}) + expression(Type.DECIMAL, depth) + ")";
      case 4 -> "SIGN(" + expression(Type.DECIMAL, depth) + ")";
      case 5 -> "CAST(" + expression(Type.INT, depth) + " AS DECIMAL(12, 2))";
      case 6 -> caseOf(Type.DECIMAL, depth);
      case 7 -> "CAST(" + expression(Type.DOUBLE, depth) + " AS DECIMAL(30, 3))";
      default -> "COALESCE(" + expression(Type.DECIMAL, depth) + ", 0.5)";
    };
  }

  private String doubleLeaf() {
    return switch (random.nextInt(3)) {
      case 0 -> "CAST(volume_capacity AS " + doubleType() + ")";
      case 1 -> "CAST(lease_duration AS " + doubleType() + ") / 7";
      default -> (random.nextInt(2000) - 1000) / 8.0 + "E0";
    };
  }

  private String doubleExpression(int depth) {
    return switch (option(8, 3)) {
      case 0 ->
          binary(
              expression(Type.DOUBLE, depth),
              new String[] {"+", "-", "*", "/"},
              expression(random.nextBoolean() ? Type.DOUBLE : numeric(), depth));
      case 1 -> "POWER(" + expression(Type.DOUBLE, depth) + ", " + random.nextInt(3) + ")";
      case 2 -> "SQRT(ABS(" + expression(Type.DOUBLE, depth) + "))";
      case 3 -> "ROUND(" + expression(Type.DOUBLE, depth) + ", " + random.nextInt(3) + ")";
      case 4 -> "CAST(" + expression(Type.DECIMAL, depth) + " AS " + doubleType() + ")";
      case 5 -> caseOf(Type.DOUBLE, depth);
      case 6 -> "SIGN(" + expression(Type.DOUBLE, depth) + ")";
      default -> "ABS(" + expression(Type.DOUBLE, depth) + ")";
    };
  }

  private String stringLeaf() {
    return random.nextInt(3) == 0 ? string() : stringColumn();
  }

  private String stringExpression(int depth) {
    return switch (option(12, 10)) {
      case 0 ->
          pick(
                  portable
                      ? new String[] {"UPPER(", "LOWER("}
                      : new String[] {"UPPER(", "LOWER(", "INITCAP("})
              + expression(Type.STRING, depth)
              + ")";
      case 1 -> expression(Type.STRING, depth) + " || " + expression(Type.STRING, depth);
      case 2 ->
          "SUBSTRING("
              + expression(Type.STRING, depth)
              + " FROM "
              + (random.nextInt(5) - 1)
              + (random.nextBoolean() ? "" : " FOR " + random.nextInt(6))
              + ")";
      case 3 -> "TRIM(" + expression(Type.STRING, depth) + ")";
      case 4 ->
          "TRIM("
              + pick(new String[] {"BOTH", "LEADING", "TRAILING"})
              + " "
              + pick(new String[] {"'a'", "'N'", "'-'", "'nb'"})
              + " FROM "
              + expression(Type.STRING, depth)
              + ")";
      case 5 ->
          "REPLACE(" + expression(Type.STRING, depth) + ", " + string() + ", " + string() + ")";
      case 6 -> "CAST(" + expression(castable(), depth) + " AS VARCHAR)";
      case 7 ->
          "CAST(" + expression(castable(), depth) + " AS VARCHAR(" + random.nextInt(12) + "))";
      case 8 -> caseOf(Type.STRING, depth);
      case 9 -> "COALESCE(" + expression(Type.STRING, depth) + ", " + string() + ")";
      case 10 ->
          "CAST(" + expression(Type.STRING, depth) + " AS CHAR(" + (1 + random.nextInt(9)) + "))";
      default -> "NULLIF(" + expression(Type.STRING, depth) + ", " + string() + ")";
    };
  }

  private Type castable() {
    Type[] types =
        portable
            ? new Type[] {Type.INT, Type.BIGINT}
            : new Type[] {
              Type.INT, Type.BIGINT, Type.DECIMAL, Type.TIMESTAMP, Type.DATE, Type.BOOLEAN
            };
    return types[random.nextInt(types.length)];
  }

  private String timestampLeaf() {
    return random.nextInt(4) == 0 ? timestamp(pick(times) + random.nextInt(3) - 1) : timeColumn();
  }

  private String timestampExpression(int depth) {
    return switch (option(5, 0)) {
      case 0 ->
          pick(new String[] {"FLOOR(", "CEIL("})
              + expression(Type.TIMESTAMP, depth)
              + " TO "
              + pick(UNITS)
              + ")";
      case 1 ->
          expression(Type.TIMESTAMP, depth)
              + pick(new String[] {" + ", " - "})
              + "INTERVAL '"
              + random.nextInt(40)
              + "' "
              + pick(new String[] {"DAY", "HOUR", "MONTH", "MINUTE", "SECOND", "YEAR"});
      case 2 -> caseOf(Type.TIMESTAMP, depth);
      case 3 -> "COALESCE(" + expression(Type.TIMESTAMP, depth) + ", " + timestampLeaf() + ")";
      default -> "CAST(" + expression(Type.DATE, depth) + " AS TIMESTAMP)";
    };
  }

  private String dateLeaf() {
    return random.nextBoolean()
        ? "CAST(" + timeColumn() + " AS DATE)"
        : "DATE '" + TIMESTAMP.format(Instant.ofEpochMilli(pick(times))).substring(0, 10) + "'";
  }

  private String dateExpression(int depth) {
    return switch (random.nextInt(3)) {
      case 0 -> "CAST(" + expression(Type.TIMESTAMP, depth) + " AS DATE)";
      case 1 ->
          expression(Type.DATE, depth)
              + pick(new String[] {" + ", " - "})
              + "INTERVAL '"
              + random.nextInt(40)
              + "' "
              + pick(new String[] {"DAY", "MONTH", "YEAR"});
      default -> caseOf(Type.DATE, depth);
    };
  }

  private String booleanLeaf() {
    return switch (random.nextInt(4)) {
      case 0 -> "lease_enable";
      case 1 -> stringColumn() + " " + pick(COMPARISONS) + " " + string();
      case 2 -> stringColumn() + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
      default -> "volume_capacity " + pick(COMPARISONS) + " " + random.nextInt(100);
    };
  }

  private String booleanExpression(int depth) {
    return switch (random.nextInt(10)) {
      case 0, 1 -> {
        Type type = anyType();
        while (type == Type.BOOLEAN) {
          type = anyType();
        }
        yield expression(type, depth) + " " + pick(COMPARISONS) + " " + expression(type, depth);
      }
      case 2 ->
          "(" + expression(Type.BOOLEAN, depth) + " AND " + expression(Type.BOOLEAN, depth) + ")";
      case 3 ->
          "(" + expression(Type.BOOLEAN, depth) + " OR " + expression(Type.BOOLEAN, depth) + ")";
      case 4 -> "NOT (" + expression(Type.BOOLEAN, depth) + ")";
      case 5 ->
          expression(Type.STRING, depth)
              + (random.nextBoolean() ? " LIKE " : " NOT LIKE ")
              + pick(new String[] {"'%a%'", "'N%'", "'_%-%'", "'%'", "''"});
      case 6 ->
          "("
              + expression(Type.BOOLEAN, depth)
              + ") "
              + pick(
                  new String[] {"IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE", "IS NULL"});
      case 7 ->
          expression(Type.INT, depth)
              + (random.nextBoolean() ? " BETWEEN " : " NOT BETWEEN ")
              + random.nextInt(50)
              + " AND "
              + (20 + random.nextInt(80));
      case 9 -> guardedQuotient(depth);
      default ->
          expression(Type.STRING, depth)
              + (random.nextBoolean() ? " IN (" : " NOT IN (")
              + string()
              + ", "
              + string()
              + (random.nextInt(4) == 0 ? ", NULL)" : ")");
    };
  }

  /**
   * A comparison of a quotient behind the guard of its divisor, {@code (d <> 0 AND k / d > n)} or
   * {@code (d = 0 OR k / d < n)}, whose divisor is 0 on some rows: only the guard keeps the query
   * from failing, as PostgreSQL evaluates {@code AND} and {@code OR} from the left (the driver's
   * guarded operands and conjuncts).
   */
  private String guardedQuotient(int depth) {
    String divisor = zeroOnSomeRows();
    String dividend = expression(Type.INT, depth);
    String quotient =
        (random.nextBoolean() ? dividend : "CAST(" + dividend + " AS " + doubleType() + ")")
            + " / "
            + divisor
            + " "
            + pick(COMPARISONS)
            + " "
            + intLeaf();
    return random.nextBoolean()
        ? "(" + divisor + " <> 0 AND " + quotient + ")"
        : "(" + divisor + " = 0 OR " + quotient + ")";
  }

  /** An integer that is 0 on the notebooks of one volume capacity. */
  private String zeroOnSomeRows() {
    return "(volume_capacity - " + pick(new String[] {"5", "10", "20", "50", "100"}) + ")";
  }

  /** {@code (left op right)}, the operator one of {@code operators}. */
  private String binary(String left, String[] operators, String right) {
    return "(" + left + " " + pick(operators) + " " + right + ")";
  }

  private String caseOf(Type type, int depth) {
    return "CASE WHEN "
        + expression(Type.BOOLEAN, depth)
        + " THEN "
        + expression(type, depth)
        + (random.nextInt(4) == 0 ? "" : " ELSE " + expression(type, depth))
        + " END";
  }

  private String nonZero() {
    int n = random.nextInt(19) - 9;
    return String.valueOf(n == 0 ? 7 : n);
  }

  private String string() {
    String literal = "'" + pick(strings).replace("'", "''") + "'";
    // A literal is a CHAR(n), and PostgreSQL's is text; the driver combines CHARs of different
    // lengths unpadded (ModelArtsTypeSystem), so a CASE or COALESCE of two answers alike. Portable
    // queries also cast some to VARCHAR, as they did before that.
    return portable && random.nextBoolean() ? "CAST(" + literal + " AS VARCHAR(100))" : literal;
  }

  private String stringColumn() {
    String column = pick(STRING_COLUMNS);
    // Portable: not the descriptions, whose letters beyond ASCII a database in the C locale does
    // not change the case of (PostgresAnswersTest checks the functions that count their characters
    // on its own).
    while (portable && column.equals("description")) {
      column = pick(STRING_COLUMNS);
    }
    return column;
  }

  private String timeColumn() {
    return random.nextBoolean() ? "lease_create_at" : "lease_update_at";
  }

  private static String timestamp(long millis) {
    return "TIMESTAMP '" + TIMESTAMP.format(Instant.ofEpochMilli(millis)) + "'";
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
