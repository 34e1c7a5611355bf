package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.sync.PostgresTarget;
import io.modelarts.sql.testing.ReportQueryGenerator;
import io.modelarts.sql.testing.SimulatorFixture;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver answers random report queries as PostgreSQL answers them over a copy of the same rows:
 * a second engine that shares nothing with Calcite, so that a mistake of Calcite's planner that its
 * compiled code and the driver's interpreter both make still shows.
 *
 * <p>The queries come from {@link ReportQueryGenerator#portable}, which makes only queries that
 * mean the same in both. Values are compared as SQL values: numbers to nine significant digits and
 * 20 places (each engine chooses its own decimal scales, and PostgreSQL reads {@code 1.5E0} as a
 * decimal), a date as the timestamp of its midnight (PostgreSQL's date plus an interval is a
 * timestamp). A query without an {@code ORDER BY} is compared as a multiset of rows. A query
 * PostgreSQL refuses (an integer out of range, a division by zero) is counted, not compared; one it
 * answers, the driver must answer too. Runs where {@code .ci/run} starts PostgreSQL, or a local
 * server answers; skips otherwise ({@link PostgresTarget}). A longer campaign: {@code
 * -Dmodelarts.postgresQueries=3000 -Dmodelarts.postgresSeed=8}.
 */
class PostgresAnswersTest {
  private static final Pattern ORDERED = Pattern.compile("(?i)\\bORDER BY\\b[^)]*$");
  private static final MathContext DIGITS = new MathContext(9);
  private static final int MAX_PLACES = 20;

  private static SimulatorFixture sim;
  private static PostgresTarget postgres;

  @BeforeAll
  static void start() throws SQLException {
    postgres = PostgresTarget.create();
    sim = SimulatorFixture.start(300, 43L);
    try (Connection driver = sim.connect();
        Connection pg = DriverManager.getConnection(postgres.url(), postgres.properties())) {
      copy(
          driver,
          pg,
          "notebooks",
          "id text, name text, status text, description text, pool_id text, owner text, flavor"
              + " text, feature text, image_type text, volume_capacity integer, lease_enable"
              + " boolean, lease_duration bigint, lease_create_at timestamp(3), lease_update_at"
              + " timestamp(3)");
      copy(driver, pg, "endpoints", "notebook_id text, dev_service text");
    }
  }

  @AfterAll
  static void stop() {
    if (sim != null) {
      sim.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /**
   * Creates {@code table} in PostgreSQL with {@code columns} and fills it with the driver's rows,
   * each value passed as the driver's string and cast there to the column's type.
   */
  private static void copy(Connection driver, Connection pg, String table, String columns)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (String column : columns.split(", ")) {
      String[] parts = column.split(" ", 2);
      names.add(parts[0]);
      types.add(parts[1]);
    }
    try (Statement s = pg.createStatement()) {
      s.execute("CREATE TABLE " + table + " (" + columns + ")");
    }
    StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES (");
    for (int i = 0; i < types.size(); i++) {
      insert.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(types.get(i)).append(')');
    }
    try (Statement read = driver.createStatement();
        ResultSet rs = read.executeQuery("SELECT " + String.join(", ", names) + " FROM " + table);
        PreparedStatement write = pg.prepareStatement(insert.append(')').toString())) {
      while (rs.next()) {
        for (int i = 1; i <= names.size(); i++) {
          write.setString(i, rs.getString(i));
        }
        write.addBatch();
      }
      write.executeBatch();
    }
  }

  @Test
  void randomReportQueriesAnswerAsPostgresql() throws Exception {
    int count = Integer.getInteger("modelarts.postgresQueries", 150);
    long seed = Long.getLong("modelarts.postgresSeed", 7L);
    ReportQueryGenerator generator =
        ReportQueryGenerator.portable(new Random(seed), sim.simulator().dataset());
    List<String> differences = new ArrayList<>();
    int compared = 0;
    try (Connection driver = sim.connect("planCacheSize=0");
        Connection pg = DriverManager.getConnection(postgres.url(), postgres.properties())) {
      for (int i = 0; i < count; i++) {
        if (compare(driver, pg, generator.next(), differences)) {
          compared++;
        }
      }
    }
    assertTrue(
        differences.isEmpty(), differences.size() + " differ:\n" + String.join("\n", differences));
    // Most must have been compared, or the generator makes queries PostgreSQL refuses.
    assertTrue(compared > count * 3 / 4, compared + " of " + count + " compared");
  }

  /**
   * The string functions that count characters, over the descriptions, whose emoji are one
   * character each and two UTF-16 units, and over literals beyond ISO-8859-1 (which the portable
   * generator leaves out, for what PostgreSQL's C locale does to their case).
   */
  @Test
  void charactersBeyondTheBasicPlaneAnswerAsPostgresql() throws Exception {
    List<String> queries = new ArrayList<>();
    for (int start = -2; start <= 22; start += 3) {
      queries.add(
          "SELECT id, CHAR_LENGTH(description), SUBSTRING(description FROM "
              + start
              + "), SUBSTRING(description FROM "
              + start
              + " FOR 3), OVERLAY(description PLACING '\uD83E\uDDEA' FROM "
              + Math.max(start, 1)
              + " FOR 2), POSITION('e' IN SUBSTRING(description FROM "
              + start
              + ")), CAST(description AS VARCHAR("
              + Math.max(start, 1)
              + ")) FROM notebooks ORDER BY id");
    }
    queries.add(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE description LIKE '_ quick%'),"
            + " SUM(CHAR_LENGTH(description)), MAX(POSITION('\uD83E\uDDEA' IN description))"
            + " FROM notebooks WHERE description LIKE '%\uD83D\uDE80%'");
    queries.add(
        "SELECT CHAR_LENGTH('\u6a21\u578b\uD83D\uDE80'), SUBSTRING('\u6a21\uD83D\uDE80x' FROM 2),"
            + " OVERLAY('\uD83D\uDE80abc' PLACING 'x' FROM 2 FOR 1)");
    List<String> differences = new ArrayList<>();
    try (Connection driver = sim.connect("planCacheSize=0");
        Connection pg = DriverManager.getConnection(postgres.url(), postgres.properties())) {
      for (String sql : queries) {
        assertTrue(compare(driver, pg, sql, differences), "refused: " + sql);
      }
    }
    assertTrue(
        differences.isEmpty(), differences.size() + " differ:\n" + String.join("\n", differences));
  }

  /**
   * Runs {@code sql} on both and adds to {@code differences} if their rows differ (as a multiset
   * without an {@code ORDER BY}, or if the driver refuses what PostgreSQL answers); false,
   * comparing nothing, if either refuses it.
   */
  private static boolean compare(
      Connection driver, Connection pg, String sql, List<String> differences) {
    List<String> ours;
    List<String> theirs;
    try {
      theirs = rows(pg, sql);
    } catch (SQLException refused) {
      return false;
    }
    try {
      ours = rows(driver, sql);
    } catch (SQLException refused) {
      differences.add(
          sql + "\n  driver refused it: " + refused.getMessage().lines().findFirst().orElse(""));
      return false;
    }
    if (!ORDERED.matcher(sql).find()) {
      Collections.sort(ours);
      Collections.sort(theirs);
    }
    if (!sameWithinRounding(ours, theirs)) {
      differences.add(
          sql
              + "\n  driver:     "
              + unmatched(ours, theirs)
              + "\n  PostgreSQL: "
              + unmatched(theirs, ours));
    }
    return true;
  }

  /**
   * Whether the rows are the same, row by row, but for numbers that their nine significant digits
   * tell apart only by the last: two sums of the same doubles added in another order can fall on
   * either side of a rounding boundary ({@code 3600018.625} as {@code …62} or {@code …63}).
   */
  private static boolean sameWithinRounding(List<String> ours, List<String> theirs) {
    if (ours.size() != theirs.size()) {
      return false;
    }
    for (int i = 0; i < ours.size(); i++) {
      String[] a = ours.get(i).split("\\|", -1);
      String[] b = theirs.get(i).split("\\|", -1);
      if (a.length != b.length) {
        return false;
      }
      for (int j = 0; j < a.length; j++) {
        if (!a[j].equals(b[j]) && !lastDigitApart(a[j], b[j])) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether both are numbers, at most one unit apart in their ninth significant digit. */
  private static boolean lastDigitApart(String a, String b) {
    BigDecimal x;
    BigDecimal y;
    try {
      x = new BigDecimal(a);
      y = new BigDecimal(b);
    } catch (NumberFormatException notNumbers) {
      return false;
    }
    BigDecimal larger = x.abs().max(y.abs());
    int magnitude = larger.precision() - larger.scale() - 1; // of the leading digit
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(magnitude - (DIGITS.getPrecision() - 1));
    return x.subtract(y).abs().compareTo(unit) <= 0;
  }

  /**
   * How many {@code rows} there are, and the first of those {@code others} lacks (as a multiset),
   * so that a report of two long results shows where they differ.
   */
  private static String unmatched(List<String> rows, List<String> others) {
    List<String> left = new ArrayList<>(rows);
    others.forEach(left::remove);
    return rows.size()
        + " rows; "
        + (left.isEmpty()
            ? "none the other lacks (the order differs)"
            : left.size() + " the other lacks: " + left.subList(0, Math.min(left.size(), 8)));
  }

  /** Each row as its values, normalised as the type's comment says, joined by {@code |}. */
  private static List<String> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(i == 1 ? "" : "|").append(value(rs, i, md.getColumnType(i)));
        }
        rows.add(row.toString());
      }
      return rows;
    }
  }

  private static String value(ResultSet rs, int column, int type) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return "null";
    }
    return switch (type) {
      case Types.DATE, Types.TIMESTAMP -> dateTime(rs.getString(column));
      default ->
          value instanceof Double d && (d.isNaN() || d.isInfinite())
              ? d.toString()
              : value instanceof Number n
                  ? number(new BigDecimal(n.toString()))
                  : value.toString().stripTrailing(); // CHAR(n)'s padding, which SQL ignores
    };
  }

  /**
   * A number to nine significant digits and to no more than 20 places: PostgreSQL reads {@code
   * 1.5E0} as a decimal, and its decimal {@code POWER} keeps only so many places ({@code
   * 2.5480387E-24} is {@code 0.0000000000000000000000025480} there).
   */
  private static String number(BigDecimal value) {
    BigDecimal rounded = value.round(DIGITS);
    if (rounded.scale() > MAX_PLACES) {
      rounded = rounded.setScale(MAX_PLACES, RoundingMode.HALF_UP);
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** A date or timestamp string of either engine as a timestamp to the millisecond. */
  private static String dateTime(String text) {
    String iso = text.replace(' ', 'T');
    LocalDateTime time =
        iso.length() == 10 ? LocalDateTime.parse(iso + "T00:00") : LocalDateTime.parse(iso);
    return time.toString();
  }
}
