package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.sql.calcite.interpreter.PlanInterpreter;
import io.modelarts.sql.testing.QueryGenerator;
import io.modelarts.sql.testing.QueryGenerator.GeneratedQuery;
import io.modelarts.sql.testing.ReportQueryGenerator;
import io.modelarts.sql.testing.SimulatorFixture;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans run by {@link PlanInterpreter} answer exactly as Calcite's compiled code answers them: the
 * same rows in the same order, the same Java values and column metadata, the same API calls; and
 * the plans of typical first queries are interpreted while others are still compiled.
 */
class PlanInterpreterTest {
  private static SimulatorFixture sim;

  /** First queries of the kinds clients send that must run without a compilation. */
  static final List<String> INTERPRETED =
      List.of(
          // The benchmark's cold start and the README's Java example.
          "SELECT id, name, status FROM notebooks WHERE status = 'RUNNING' LIMIT 10",
          // The benchmark's joins (merge and hash).
          "SELECT n.id, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id",
          "SELECT n.name, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " WHERE n.status = 'RUNNING'",
          "SELECT name, status FROM notebooks WHERE status = 'RUNNING'",
          "SELECT * FROM notebooks",
          "SELECT * FROM notebooks LIMIT 5 OFFSET 3",
          "SELECT name FROM notebooks WHERE name = 'nb-1'",
          "SELECT id, name FROM notebooks WHERE status IN ('RUNNING', 'STOPPED') AND name LIKE 'a%'",
          "SELECT id FROM notebooks WHERE volume_capacity >= 40 AND lease_enable",
          "SELECT COUNT(*) FROM notebooks",
          "SELECT COUNT(*) FROM notebooks WHERE feature = 'NOTEBOOK'",
          "SELECT COUNT(*) FROM notebooks WHERE name LIKE '%a%'",
          "SELECT MAX(lease_create_at) FROM notebooks",
          "SELECT status, COUNT(*), MIN(name), MAX(lease_update_at) FROM notebooks GROUP BY status",
          // A dashboard's total by group.
          "SELECT status, SUM(volume_capacity) FROM notebooks GROUP BY status",
          "SELECT SUM(volume_capacity) FROM notebooks WHERE name > 'a'",
          // And its average.
          "SELECT status, AVG(volume_capacity) FROM notebooks GROUP BY status",
          "SELECT * FROM endpoints",
          "SELECT 1",
          "VALUES ('a', 1), ('b', 2)",
          // The README's demo, the probe's aggregate, a sorted listing.
          "SELECT status, COUNT(*) FROM notebooks GROUP BY status",
          "SELECT status, COUNT(*) AS n FROM notebooks GROUP BY status ORDER BY n DESC",
          "SELECT id FROM notebooks ORDER BY name",
          "SELECT id, name FROM notebooks WHERE status = 'RUNNING' ORDER BY lease_create_at DESC"
              + " LIMIT 10");

  /** Queries whose plans hold what the interpreter leaves to Calcite. */
  static final List<String> COMPILED =
      List.of(
          "SELECT id, ASCII(name) FROM notebooks",
          "SELECT notebook_id, ip FROM endpoints, UNNEST(allowed_access_ips) AS t(ip)",
          "SELECT name, RANK() OVER (PARTITION BY status ORDER BY volume_capacity) FROM notebooks",
          "SELECT id, SIN(volume_capacity) FROM notebooks",
          "SELECT id, LN(volume_capacity + 1) FROM notebooks",
          "SELECT FLOOR(CAST(lease_create_at AS DATE) TO MONTH) FROM notebooks");

  /**
   * CASE, COALESCE, NULLIF and integer widenings (NULL conditions, no ELSE, in a filter, as a
   * grouping key, widened values beside unwidened ones): interpreted, and compared.
   */
  static final List<String> CONDITIONALS =
      List.of(
          "SELECT id, CASE WHEN status = 'RUNNING' THEN 'up' ELSE 'down' END FROM notebooks",
          "SELECT COALESCE(description, name), NULLIF(status, 'RUNNING') FROM notebooks",
          "SELECT id, CASE WHEN description < 'm' THEN 'low' WHEN description >= 'm' THEN 'high'"
              + " END FROM notebooks",
          "SELECT CASE WHEN volume_capacity > 10 THEN volume_capacity END, CASE WHEN lease_enable"
              + " THEN lease_duration ELSE 0 END, CASE WHEN pool_id IS NULL THEN TRUE END"
              + " FROM notebooks",
          "SELECT id FROM notebooks WHERE CASE WHEN lease_enable THEN status = 'RUNNING'"
              + " ELSE name LIKE 'a%' END",
          "SELECT CASE status WHEN 'RUNNING' THEN 1 WHEN 'STOPPED' THEN 2 ELSE 3 END AS k,"
              + " COUNT(*) FROM notebooks GROUP BY CASE status WHEN 'RUNNING' THEN 1"
              + " WHEN 'STOPPED' THEN 2 ELSE 3 END ORDER BY k",
          "SELECT COALESCE(pool_id, owner, 'none') AS p, COUNT(*) FROM notebooks GROUP BY"
              + " COALESCE(pool_id, owner, 'none')",
          "SELECT id, CASE WHEN lease_enable THEN lease_duration ELSE volume_capacity END,"
              + " COALESCE(lease_duration, volume_capacity), CAST(volume_capacity AS BIGINT)"
              + " FROM notebooks",
          "SELECT id FROM notebooks WHERE CAST(volume_capacity AS BIGINT) < lease_duration",
          // A widened value beside unwidened ones of its type: a Long it must be, or the sort
          // fails.
          "SELECT id, CASE WHEN lease_enable THEN lease_duration ELSE volume_capacity END AS d"
              + " FROM notebooks ORDER BY d DESC, id");

  /**
   * Integer arithmetic, narrowing casts and AVG (a sum divided by a count, cast back): overflow
   * wrapping, division towards zero, NULLs, no rows, in filters and grouping keys; interpreted, and
   * compared.
   */
  static final List<String> ARITHMETIC =
      List.of(
          "SELECT status, AVG(volume_capacity), AVG(lease_duration), COUNT(*) FROM notebooks"
              + " GROUP BY status",
          "SELECT AVG(volume_capacity), AVG(lease_duration) FROM notebooks WHERE name > 'zzz'",
          // Variances of exact numbers, computed in DOUBLEs (ModelArtsValidator).
          "SELECT status, VAR_POP(lease_duration / 1000.0), STDDEV_SAMP(volume_capacity) FROM"
              + " notebooks GROUP BY status",
          "SELECT pool_id, AVG(lease_duration) AS a FROM notebooks GROUP BY pool_id"
              + " HAVING AVG(volume_capacity) > 10 ORDER BY a DESC, pool_id",
          // Negative sums divided towards zero; a sum at the end of the BIGINT range divided.
          "SELECT k, AVG(x), AVG(y) FROM (VALUES ('a', -7, CAST(NULL AS BIGINT)),"
              + " ('a', 2, 9223372036854775807), ('b', CAST(NULL AS INTEGER), 1),"
              + " ('b', 2147483647, 9223372036854775805), ('b', 1, 1)) AS t(k, x, y) GROUP BY k",
          "SELECT id, volume_capacity + 1, volume_capacity - lease_duration,"
              + " volume_capacity * volume_capacity, -volume_capacity, volume_capacity / 3,"
              + " lease_duration / volume_capacity, -lease_duration / 7 FROM notebooks"
              + " WHERE volume_capacity <> 0",
          // INTEGER and BIGINT arithmetic up to the edges of their ranges (past them it fails:
          // arithmeticErrorsAreThoseOfCompiledCode).
          "SELECT id, volume_capacity * 100000, lease_duration * lease_duration,"
              + " lease_duration * 2147483647 FROM notebooks",
          "SELECT x + y, x - y, x * y, x / y, -x, y / x FROM (SELECT x, y FROM (VALUES"
              + " (1073741823, 2), (-2147483647, -1), (46340, 46340), (-7, 2), (7, -2),"
              + " (CAST(NULL AS INTEGER), 1)) AS t(x, y) GROUP BY x, y)",
          "SELECT id FROM notebooks WHERE volume_capacity * 2 > lease_duration / 100000"
              + " AND -volume_capacity < 0",
          "SELECT SUM(volume_capacity + 1), SUM(lease_duration * 2) FROM notebooks WHERE name > 'a'",
          "SELECT id, CAST(lease_duration AS INTEGER), CAST(volume_capacity AS SMALLINT),"
              + " CAST(volume_capacity AS TINYINT) FROM notebooks WHERE volume_capacity < 100",
          "SELECT volume_capacity / 10 AS bucket, COUNT(*) FROM notebooks"
              + " GROUP BY volume_capacity / 10 ORDER BY bucket");

  /**
   * String and integer functions and a timestamp's date (NULL operands, positions before, at and
   * past the ends, negative MOD operands, nested calls, in filters and grouping keys, times before
   * 1970): interpreted, and compared.
   */
  static final List<String> FUNCTIONS =
      List.of(
          "SELECT id, UPPER(name), LOWER(description), CHAR_LENGTH(description),"
              + " CHARACTER_LENGTH(name) FROM notebooks",
          "SELECT id FROM notebooks WHERE LOWER(name) LIKE '%a%' OR UPPER(description) = 'X'",
          "SELECT name || '/' || status, description || name, 'é' || owner FROM notebooks",
          "SELECT POSITION('a' IN name), POSITION(status IN description), POSITION('' IN name)"
              + " FROM notebooks",
          "SELECT SUBSTRING(name FROM 2), SUBSTRING(name FROM 0 FOR 3), SUBSTRING(name FROM -2"
              + " FOR 4), SUBSTRING(description FROM 5 FOR 100), SUBSTRING(name FROM 40)"
              + " FROM notebooks",
          "SELECT MOD(volume_capacity, 7), MOD(-volume_capacity, 7), MOD(volume_capacity, -3),"
              + " MOD(lease_duration, 3000000000), ABS(volume_capacity - 50), ABS(-lease_duration)"
              + " FROM notebooks WHERE volume_capacity > 0",
          "SELECT UPPER(SUBSTRING(name FROM 1 FOR 2)) AS prefix, COUNT(*) FROM notebooks"
              + " GROUP BY UPPER(SUBSTRING(name FROM 1 FOR 2)) ORDER BY prefix",
          "SELECT id FROM notebooks WHERE CHAR_LENGTH(name) > 12 AND MOD(volume_capacity, 2) = 0",
          "SELECT LOWER(status) AS s, AVG(CHAR_LENGTH(name)) FROM notebooks GROUP BY LOWER(status)",
          "SELECT id, SUBSTRING(name FROM volume_capacity FOR 2) FROM notebooks",
          // Characters beyond the Basic Multilingual Plane counted as one (the descriptions').
          "SELECT id, SUBSTRING(name FROM lease_duration), SUBSTRING(description FROM"
              + " lease_duration / 3600000 FOR 3) FROM notebooks",
          "SELECT OVERLAY(name PLACING 'x' FROM 2), OVERLAY(description PLACING name FROM 3 FOR 2),"
              + " POSITION('e' IN description FROM -3), POSITION('a' IN name FROM 2) FROM notebooks",
          // A count by day; days of times before 1970 floor-divided.
          "SELECT CAST(lease_create_at AS DATE) AS d, COUNT(*) FROM notebooks"
              + " GROUP BY CAST(lease_create_at AS DATE) ORDER BY d",
          "SELECT id, CAST(lease_update_at AS DATE) FROM notebooks"
              + " WHERE CAST(lease_create_at AS DATE) > DATE '2024-01-01'",
          "SELECT CAST(t AS DATE) FROM (SELECT t FROM (VALUES (TIMESTAMP '1969-12-31 23:59:59.999'),"
              + " (TIMESTAMP '1970-01-01 00:00:00.000'), (TIMESTAMP '1968-02-29 12:00:00.000'),"
              + " (CAST(NULL AS TIMESTAMP(3)))) AS v(t) GROUP BY t)",
          // A count by year and month; fields of times before 1970.
          "SELECT EXTRACT(YEAR FROM lease_create_at) AS y, EXTRACT(MONTH FROM lease_create_at) AS m,"
              + " COUNT(*) FROM notebooks GROUP BY EXTRACT(YEAR FROM lease_create_at),"
              + " EXTRACT(MONTH FROM lease_create_at) ORDER BY y, m",
          "SELECT id, EXTRACT(DAY FROM lease_update_at), EXTRACT(DOW FROM lease_update_at)"
              + " FROM notebooks WHERE EXTRACT(YEAR FROM lease_create_at) >= 2024",
          "SELECT EXTRACT(YEAR FROM t), EXTRACT(MONTH FROM t), EXTRACT(DAY FROM t),"
              + " EXTRACT(DOW FROM t) FROM (SELECT t FROM (VALUES"
              + " (TIMESTAMP '1969-12-31 23:59:59.999'), (TIMESTAMP '1970-01-01 00:00:00.000'),"
              + " (TIMESTAMP '1968-02-29 12:00:00.000'), (CAST(NULL AS TIMESTAMP(3))))"
              + " AS v(t) GROUP BY t)");

  /** Times either side of 1970 (and at it), on day, hour, minute and second boundaries. */
  private static final String TIMES =
      "(SELECT t FROM (VALUES (TIMESTAMP '1969-12-31 23:59:59.999'),"
          + " (TIMESTAMP '1970-01-01 00:00:00.000'), (TIMESTAMP '1968-02-29 12:00:00.000'),"
          + " (TIMESTAMP '1969-06-30 00:59:00.001'), (TIMESTAMP '2024-12-30 23:00:59.000'),"
          + " (TIMESTAMP '2021-01-03 07:30:30.500'), (CAST(NULL AS TIMESTAMP(3)))) AS v(t)"
          + " GROUP BY t)";

  /**
   * A timestamp's fields and its rounding to units (counts by hour and by rounded time, every field
   * and unit on times before, at and after 1970, NULLs), TRIM and REPLACE, datetime plus or minus
   * intervals, the current time: interpreted, and compared.
   */
  static final List<String> DATETIME =
      List.of(
          "SELECT EXTRACT(HOUR FROM lease_create_at) AS h, COUNT(*) FROM notebooks"
              + " GROUP BY EXTRACT(HOUR FROM lease_create_at) ORDER BY h",
          "SELECT id, EXTRACT(MINUTE FROM lease_update_at), EXTRACT(SECOND FROM lease_update_at)"
              + " FROM notebooks WHERE EXTRACT(HOUR FROM lease_create_at) BETWEEN 8 AND 17",
          "SELECT EXTRACT(HOUR FROM t), EXTRACT(MINUTE FROM t), EXTRACT(SECOND FROM t),"
              + " EXTRACT(QUARTER FROM t), EXTRACT(WEEK FROM t), EXTRACT(DOY FROM t),"
              + " EXTRACT(ISODOW FROM t), EXTRACT(ISOYEAR FROM t), EXTRACT(DECADE FROM t),"
              + " EXTRACT(CENTURY FROM t), EXTRACT(MILLENNIUM FROM t) FROM "
              + TIMES,
          "SELECT FLOOR(lease_create_at TO DAY) AS d, COUNT(*) FROM notebooks"
              + " GROUP BY FLOOR(lease_create_at TO DAY) ORDER BY d",
          "SELECT id FROM notebooks WHERE FLOOR(lease_create_at TO MONTH)"
              + " >= TIMESTAMP '2024-01-01 00:00:00' AND CEIL(lease_update_at TO HOUR) IS NOT NULL",
          "SELECT FLOOR(t TO YEAR), FLOOR(t TO QUARTER), FLOOR(t TO MONTH), FLOOR(t TO WEEK),"
              + " FLOOR(t TO DAY), FLOOR(t TO HOUR), FLOOR(t TO MINUTE), FLOOR(t TO SECOND),"
              + " FLOOR(t TO DECADE), FLOOR(t TO CENTURY), FLOOR(t TO MILLENNIUM),"
              + " FLOOR(t TO ISOYEAR) FROM "
              + TIMES,
          "SELECT CEIL(t TO YEAR), CEIL(t TO QUARTER), CEIL(t TO MONTH), CEIL(t TO WEEK),"
              + " CEIL(t TO DAY), CEIL(t TO HOUR), CEIL(t TO MINUTE), CEIL(t TO SECOND),"
              + " CEIL(t TO DECADE) FROM "
              + TIMES,
          "SELECT TRIM(name), TRIM(LEADING 'n' FROM name), TRIM(TRAILING 'x' FROM description),"
              + " TRIM(BOTH 'a' FROM status) FROM notebooks",
          "SELECT '[' || TRIM(s) || ']', TRIM(LEADING ' ' FROM s), TRIM(TRAILING FROM s) FROM"
              + " (SELECT s FROM (VALUES ('  a b  '), ('   '), (''), ('x'), (CAST(NULL AS"
              + " VARCHAR(5)))) AS v(s) GROUP BY s)",
          "SELECT TRIM(status) AS s, COUNT(*) FROM notebooks GROUP BY TRIM(status) ORDER BY s",
          // TRIM of several characters or of a column (the connection's conformance allows it);
          // REPLACE, case-sensitive as under that conformance.
          "SELECT TRIM(BOTH 'ab' FROM name), TRIM(LEADING 'no' FROM name), TRIM(TRAILING '' FROM"
              + " name), TRIM(BOTH status FROM name), TRIM(BOTH description FROM owner)"
              + " FROM notebooks",
          "SELECT REPLACE(name, 'a', 'b'), REPLACE(description, '', 'x'), REPLACE(status, 'RUN', ''),"
              + " REPLACE(name, status, owner), REPLACE(status, 'running', 'up') FROM notebooks",
          "SELECT id FROM notebooks WHERE REPLACE(LOWER(name), '_', '-') LIKE '%-a%'",
          // A timestamp or a date plus or minus an interval (months past a month's end, days
          // either side of 1970, a date minus hours: whole days, towards zero), TIMESTAMPADD.
          "SELECT id, lease_create_at + INTERVAL '1' DAY, lease_create_at - INTERVAL '8' HOUR,"
              + " lease_create_at + INTERVAL '2' MONTH, lease_create_at - INTERVAL '1' YEAR,"
              + " INTERVAL '90' MINUTE + lease_update_at, lease_create_at + INTERVAL '1.5' SECOND,"
              + " lease_create_at - INTERVAL '1-2' YEAR TO MONTH FROM notebooks",
          "SELECT t + INTERVAL '1' MONTH, t - INTERVAL '13' MONTH, t - INTERVAL '25' HOUR,"
              + " CAST(t AS DATE) + INTERVAL '1' DAY, CAST(t AS DATE) - INTERVAL '36' HOUR,"
              + " CAST(t AS DATE) + INTERVAL '-36' HOUR, CAST(t AS DATE) + INTERVAL '1-2' YEAR TO"
              + " MONTH, CAST(t AS DATE) - INTERVAL '1' MONTH FROM "
              + TIMES,
          "SELECT TIMESTAMPADD(MONTH, volume_capacity, lease_create_at), TIMESTAMPADD(MINUTE,"
              + " lease_duration, lease_create_at), volume_capacity * INTERVAL '1' HOUR"
              + " + lease_create_at, TIMESTAMPADD(YEAR, volume_capacity, CAST(lease_create_at AS"
              + " DATE)), TIMESTAMPADD(DAY, -volume_capacity, CAST(lease_create_at AS DATE))"
              + " FROM notebooks",
          // Windows relative to now (the execution's clock), and timestamps of two precisions.
          "SELECT id FROM notebooks WHERE lease_create_at > CURRENT_TIMESTAMP - INTERVAL '30' DAY",
          "SELECT COUNT(*) FROM notebooks WHERE CAST(lease_create_at AS DATE) < CURRENT_DATE"
              + " AND lease_update_at <= LOCALTIMESTAMP + INTERVAL '1' DAY",
          "SELECT name, TIMESTAMPADD(SECOND, CAST(lease_duration / 1000 AS INTEGER),"
              + " lease_create_at) AS ends FROM notebooks WHERE lease_enable AND TIMESTAMPADD(SECOND,"
              + " CAST(lease_duration / 1000 AS INTEGER), lease_create_at) BETWEEN TIMESTAMP"
              + " '2020-01-01 00:00:00' AND TIMESTAMPADD(HOUR, 1, CURRENT_TIMESTAMP) ORDER BY ends,"
              + " name",
          "SELECT id, CAST(lease_create_at AS TIMESTAMP(0)), CAST(lease_update_at AS TIMESTAMP(2))"
              + " FROM notebooks WHERE lease_create_at < CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3))",
          // Seconds since 1970 (towards zero) and the minute's milliseconds, microseconds and
          // nanoseconds, either side of 1970.
          "SELECT id, EXTRACT(EPOCH FROM lease_create_at), EXTRACT(MILLISECOND FROM"
              + " lease_create_at), EXTRACT(MICROSECOND FROM lease_update_at), EXTRACT(NANOSECOND"
              + " FROM lease_create_at) FROM notebooks",
          "SELECT EXTRACT(EPOCH FROM t), EXTRACT(MILLISECOND FROM t), EXTRACT(MICROSECOND FROM t)"
              + " FROM (SELECT t FROM (VALUES (TIMESTAMP '1969-12-31 23:59:59.999'), (TIMESTAMP"
              + " '1969-12-31 23:58:01.5'), (TIMESTAMP '2024-02-29 12:34:56.789'), (NULL)) AS v(t)"
              + " GROUP BY t)",
          "SELECT EXTRACT(MILLISECOND FROM lease_create_at), COUNT(*) FROM notebooks"
              + " GROUP BY EXTRACT(MILLISECOND FROM lease_create_at)",
          // Differences: TIMESTAMPDIFF in each unit, of timestamps and of dates, either way round,
          // across 1970 and month ends, NULLs; the intervals themselves; ages in days from today
          // (the clock's finer units would move between the two runs compared).
          // In milliseconds within a day: Calcite's INTEGER of them overflows past 24.8 days.
          "SELECT id, TIMESTAMPDIFF(MILLISECOND, CAST(CAST(lease_create_at AS DATE) AS TIMESTAMP),"
              + " lease_create_at),"
              + " TIMESTAMPDIFF(SECOND, lease_update_at, lease_create_at), TIMESTAMPDIFF(MINUTE,"
              + " lease_create_at, lease_update_at), TIMESTAMPDIFF(HOUR, lease_create_at,"
              + " lease_update_at), TIMESTAMPDIFF(DAY, lease_create_at, lease_update_at),"
              + " TIMESTAMPDIFF(WEEK, lease_create_at, lease_update_at), TIMESTAMPDIFF(MONTH,"
              + " lease_create_at, lease_update_at), TIMESTAMPDIFF(QUARTER, lease_create_at,"
              + " lease_update_at), TIMESTAMPDIFF(YEAR, lease_create_at, lease_update_at)"
              + " FROM notebooks",
          "SELECT TIMESTAMPDIFF(HOUR, a, b), TIMESTAMPDIFF(MONTH, a, b), TIMESTAMPDIFF(SECOND, b, a),"
              + " TIMESTAMPDIFF(DAY, CAST(a AS DATE), CAST(b AS DATE)), TIMESTAMPDIFF(MONTH, CAST(b"
              + " AS DATE), CAST(a AS DATE)), TIMESTAMPDIFF(YEAR, CAST(a AS DATE), CAST(b AS DATE)),"
              + " (b - a) HOUR, (b - a) DAY TO SECOND, (b - a) MONTH, (CAST(b AS DATE) - CAST(a AS"
              + " DATE)) DAY FROM (SELECT a, b FROM (VALUES (TIMESTAMP '1969-12-31 23:59:59.999',"
              + " TIMESTAMP '1970-01-01 00:00:00.001'), (TIMESTAMP '2024-01-31 10:00:00', TIMESTAMP"
              + " '2024-02-29 09:59:59'), (TIMESTAMP '1904-03-01 00:00:00', TIMESTAMP '1964-02-28"
              + " 23:00:00'), (NULL, TIMESTAMP '2024-01-01 00:00:00')) AS t(a, b) GROUP BY a, b)",
          "SELECT id FROM notebooks WHERE TIMESTAMPDIFF(DAY, CAST(lease_create_at AS DATE),"
              + " CURRENT_DATE) > 30",
          "SELECT TIMESTAMPDIFF(MONTH, CAST(lease_create_at AS DATE), CURRENT_DATE) AS age,"
              + " COUNT(*) FROM notebooks GROUP BY TIMESTAMPDIFF(MONTH, CAST(lease_create_at AS"
              + " DATE), CURRENT_DATE) ORDER BY age");

  /**
   * Decimals: literals, integers cast to them, comparisons and arithmetic mixing them with integers
   * (negative values, NULLs, divisions to 16 digits), casts between decimals, grouping, sorting and
   * join keys, sums, averages, minima and maxima: interpreted, and compared. (A join on decimals of
   * two scales leaves the plan to Calcite, see {@link #EDGE_CASES}.)
   */
  static final List<String> DECIMALS =
      List.of(
          "SELECT id FROM notebooks WHERE volume_capacity > 4.5",
          "SELECT id, lease_duration / 3600000.0, volume_capacity * 1.5, volume_capacity + 0.25,"
              + " 100.0 - volume_capacity, volume_capacity * 3 / 2.0 FROM notebooks",
          "SELECT id FROM notebooks WHERE lease_duration / 3600000.0 >= 1.5"
              + " AND volume_capacity * 0.5 <> 2.5",
          "SELECT x / y, x * y, x + y, x - y, y / 3.0, x / 7, x < 1.5, x = 10.1 FROM (SELECT x, y"
              + " FROM (VALUES (1.5, 2), (-2.25, 3), (CAST(NULL AS DECIMAL(7, 2)), 1), (10.10, -4),"
              + " (99999.99, 7), (0.01, -3)) AS t(x, y) GROUP BY x, y)",
          "SELECT id, CAST(volume_capacity AS DECIMAL(10, 2)), CAST(lease_duration AS DECIMAL(19, 3))"
              + " FROM notebooks",
          // Grouped, sorted and joined by decimals.
          "SELECT volume_capacity / 3.0 AS third, COUNT(*) FROM notebooks"
              + " GROUP BY volume_capacity / 3.0 ORDER BY third",
          "SELECT id, volume_capacity * 0.5 AS half, lease_duration / 1000.0 AS s FROM notebooks"
              + " ORDER BY half DESC, s NULLS FIRST, id",
          "SELECT a.id, b.id FROM (SELECT id, volume_capacity * 0.5 AS k FROM notebooks) a"
              + " JOIN (SELECT id, volume_capacity * 0.5 AS k FROM notebooks"
              + " WHERE status = 'RUNNING') b ON a.k = b.k",
          // Summed and their extremes found: hours leased by status, NULLs, no rows, scales.
          "SELECT status, SUM(lease_duration / 3600000.0), MIN(volume_capacity * 0.5),"
              + " MAX(lease_duration / 1000.0), COUNT(*) FROM notebooks GROUP BY status",
          "SELECT SUM(volume_capacity * 1.5) FROM notebooks",
          "SELECT SUM(x), MIN(x), MAX(x), COUNT(x) FROM (VALUES (1.5), (-2.25),"
              + " (CAST(NULL AS DECIMAL(7, 2))), (10.10), (99999.99)) AS t(x)",
          "SELECT k, SUM(x), MAX(x) FROM (VALUES ('a', CAST(NULL AS DECIMAL(5, 1))), ('b', 0.5),"
              + " ('b', NULL), ('c', -0.5), ('c', 0.5)) AS t(k, x) GROUP BY k",
          "SELECT SUM(lease_duration / 1000.0), MAX(volume_capacity * 0.5) FROM notebooks"
              + " WHERE name > 'zzz'",
          "SELECT pool_id, SUM(volume_capacity * 0.25) AS s FROM notebooks GROUP BY pool_id"
              + " HAVING SUM(volume_capacity * 0.25) > 10 ORDER BY s DESC, pool_id",
          // Averaged: a sum divided by a count, cast back to the average's type.
          "SELECT AVG(volume_capacity * 1.0), AVG(lease_duration / 3600000.0) FROM notebooks",
          "SELECT status, AVG(lease_duration / 3600000.0) FROM notebooks GROUP BY status",
          "SELECT AVG(volume_capacity * 1.5) FROM notebooks WHERE name > 'zzz'",
          // Cast between decimals: rounded down, to a scale of 0 too.
          "SELECT CAST(x AS DECIMAL(5, 1)), CAST(x AS DECIMAL(9, 4)), CAST(x AS DECIMAL(3, 0))"
              + " FROM (VALUES (1.25), (-1.25), (99.99), (-0.05), (0.95), (NULL)) AS t(x)",
          "SELECT id, CAST(lease_duration / 3600000.0 AS DECIMAL(12, 1)) FROM notebooks",
          // A cast to the operand's own type sans nullability rounds to its scale all the same.
          "SELECT id, COALESCE(lease_duration / 3600000.0, 0), COALESCE(volume_capacity / 7.0,"
              + " volume_capacity * 0.5) FROM notebooks",
          // Rounded: half up (away from zero), truncated towards zero, to digits either side of
          // the point, from a column, or NULL; floors and ceilings of decimals.
          "SELECT id, ROUND(lease_duration / 3600000.0, 2), ROUND(volume_capacity, -1),"
              + " ROUND(lease_duration / 3600000.0), TRUNCATE(lease_duration / 7.0, 1),"
              + " TRUNCATE(volume_capacity, -1), ROUND(lease_duration, -5), TRUNCATE(lease_duration),"
              + " FLOOR(lease_duration / 7000.0), CEIL(volume_capacity * 0.3) FROM notebooks",
          "SELECT ROUND(x), ROUND(x, 1), ROUND(x, k), TRUNCATE(x), TRUNCATE(x, k), FLOOR(x), CEIL(x),"
              + " ROUND(n, k), TRUNCATE(n, -1), ROUND(CAST(n AS BIGINT), -2) FROM (VALUES (2.5, 0,"
              + " 15), (-2.5, 1, -15), (1.45, -1, 149), (-1.45, NULL, -150), (CAST(NULL AS"
              + " DECIMAL(3, 2)), 2, NULL), (0.05, 1, 2147483647)) AS t(x, k, n)",
          "SELECT status, ROUND(AVG(volume_capacity), 1), ROUND(AVG(lease_duration / 3600000.0), 2)"
              + " FROM notebooks GROUP BY status",
          "SELECT CEIL(lease_duration / 3600000.0) AS h, COUNT(*) FROM notebooks"
              + " GROUP BY CEIL(lease_duration / 3600000.0) ORDER BY h");

  /**
   * UNION, INTERSECT and EXCEPT, with and without ALL, of one column and of several (NULLs among
   * them, so that hash sets order rows by their hash codes), of three inputs, under an aggregate, a
   * sort and a join, beside VALUES and widened integers: interpreted, and compared, order and all.
   */
  static final List<String> SET_OPERATIONS =
      List.of(
          "SELECT name FROM notebooks WHERE status = 'RUNNING' UNION ALL SELECT name FROM notebooks"
              + " WHERE status = 'STOPPED'",
          "SELECT pool_id FROM notebooks UNION SELECT owner FROM notebooks",
          "SELECT status, pool_id FROM notebooks UNION SELECT status, owner FROM notebooks",
          "SELECT status FROM notebooks UNION SELECT owner FROM notebooks UNION SELECT flavor"
              + " FROM notebooks UNION ALL SELECT 'x' FROM notebooks WHERE lease_enable",
          "SELECT status FROM notebooks INTERSECT SELECT status FROM notebooks WHERE lease_enable",
          "SELECT pool_id FROM notebooks INTERSECT ALL SELECT pool_id FROM notebooks"
              + " WHERE volume_capacity > 20",
          "SELECT status, owner FROM notebooks INTERSECT ALL SELECT status, owner FROM notebooks"
              + " WHERE lease_enable",
          "SELECT owner FROM notebooks EXCEPT SELECT owner FROM notebooks WHERE status = 'RUNNING'",
          "SELECT status, pool_id FROM notebooks EXCEPT ALL SELECT status, pool_id FROM notebooks"
              + " WHERE lease_enable",
          "SELECT status FROM notebooks EXCEPT ALL SELECT status FROM notebooks WHERE lease_enable"
              + " EXCEPT ALL SELECT status FROM notebooks WHERE volume_capacity < 10",
          "SELECT volume_capacity FROM notebooks UNION SELECT lease_duration FROM notebooks",
          "SELECT k, COUNT(*) FROM (SELECT status AS k FROM notebooks UNION ALL SELECT owner"
              + " FROM notebooks) GROUP BY k ORDER BY k",
          // Sorted and limited: a merge of the inputs, each sorted and limited first.
          "SELECT name FROM notebooks WHERE lease_enable UNION SELECT name FROM notebooks"
              + " WHERE volume_capacity > 30 ORDER BY name DESC LIMIT 7",
          "SELECT pool_id, status FROM notebooks WHERE lease_enable UNION SELECT owner, status"
              + " FROM notebooks ORDER BY status, pool_id NULLS FIRST LIMIT 40",
          "SELECT owner, volume_capacity FROM notebooks WHERE lease_enable UNION ALL SELECT owner,"
              + " volume_capacity FROM notebooks ORDER BY volume_capacity DESC LIMIT 30",
          "SELECT status, x FROM (VALUES ('RUNNING', 1), ('GONE', 2), (NULL, 3)) AS t(status, x)"
              + " UNION SELECT status, volume_capacity FROM notebooks",
          "SELECT n.id, e.dev_service FROM notebooks n JOIN (SELECT notebook_id, dev_service FROM"
              + " endpoints UNION SELECT id, 'NONE' FROM notebooks WHERE status = 'STOPPED') e"
              + " ON e.notebook_id = n.id");

  /**
   * Casts to strings: of each type, cut and padded, from strings of several lengths, NULLs, and
   * decimals between -1 and 1 (which lose their leading zero), times before 1970, milliseconds.
   */
  static final List<String> STRING_CASTS =
      List.of(
          "SELECT id, CAST(volume_capacity AS VARCHAR), CAST(lease_duration AS VARCHAR),"
              + " CAST(lease_duration / 7.0 AS VARCHAR), CAST(lease_create_at AS VARCHAR),"
              + " CAST(CAST(lease_create_at AS DATE) AS VARCHAR), CAST(lease_enable AS VARCHAR)"
              + " FROM notebooks",
          "SELECT CAST(name AS VARCHAR(5)), CAST(volume_capacity AS VARCHAR(1)),"
              + " CAST(status AS CHAR(12)), CAST(lease_duration AS CHAR(3)), CAST(description AS"
              + " CHAR(4)), CAST(lease_enable AS CHAR(7)) FROM notebooks",
          "SELECT CAST(x AS VARCHAR), CAST(x AS CHAR(3)), CAST(c AS VARCHAR(2)), CAST(c AS CHAR(5)),"
              + " CAST(c AS CHAR(2)), CAST(v AS CHAR(4)), CAST(v AS CHAR(6)), CAST(v AS VARCHAR(9))"
              + " FROM (SELECT x, c, v FROM (VALUES (0.5, CAST('abc' AS CHAR(3)), CAST('ab ' AS"
              + " VARCHAR(4))), (-0.25, 'x', 'wxyz'), (0, NULL, NULL), (-12.50, 'abc', ''))"
              + " AS t(x, c, v) GROUP BY x, c, v)",
          "SELECT CAST(t AS VARCHAR), CAST(d AS CHAR(10)), CAST(d AS VARCHAR(4)) FROM (SELECT t, d"
              + " FROM (VALUES (TIMESTAMP '1969-12-31 23:59:59.999', DATE '1900-02-28'), (TIMESTAMP"
              + " '2024-02-29 12:00:00.5', DATE '2100-01-01'), (NULL, NULL), (TIMESTAMP '1970-01-01"
              + " 00:00:00', DATE '1970-01-01')) AS t(t, d) GROUP BY t, d)",
          "SELECT CAST(volume_capacity AS VARCHAR) || ' GB', COUNT(*) FROM notebooks"
              + " GROUP BY CAST(volume_capacity AS VARCHAR) || ' GB'",
          "SELECT name || ' since ' || CAST(lease_create_at AS VARCHAR) FROM notebooks"
              + " WHERE CAST(lease_duration AS VARCHAR) LIKE '36%'",
          "SELECT id FROM notebooks WHERE CAST(volume_capacity AS VARCHAR(1)) = '5'",
          // Padded where a client sees it (its CHAR column's values are not padded by the cursor):
          // a VARCHAR(4) made a CHAR(4), and CHAR(3) values made a CHAR(5), grouped, then joined.
          "SELECT k || ']', COUNT(*) FROM (SELECT CAST(v AS CHAR(4)) AS k FROM (SELECT v FROM"
              + " (VALUES (CAST('ab ' AS VARCHAR(4))), ('wxyz'), (NULL), ('')) AS t(v) GROUP BY v))"
              + " GROUP BY k",
          "SELECT k || ']', COUNT(*) FROM (SELECT CAST(status AS CHAR(5)) AS k FROM notebooks)"
              + " GROUP BY k");

  /**
   * An infinity on each row with a positive capacity, from a product past the range (which stays
   * Java's), not a literal (Calcite folds those into literals it cannot hold): the division and
   * {@code POWER} that gave one before fail now, as in SQL.
   */
  private static final String INFINITY = "(CAST(volume_capacity AS DOUBLE) * 1e308 * 10)";

  /** {@code 1 / b}, but an infinity where {@code b} is 0. */
  private static final String RECIPROCAL_OF_B =
      "CASE WHEN b = 0 THEN (b + 1) * 1e308 * 10 ELSE 1e0 / b END";

  /**
   * Floating point: casts to and from DOUBLE (of integers, of decimals, to integers, decimals and
   * strings), arithmetic mixing doubles with integers and decimals (a product with {@link
   * #INFINITY} an infinity, or a NaN: a division by zero is an error), comparisons, sums, averages,
   * extremes, spreads ({@code STDDEV_*} and {@code VAR_*}, planned as sums of squares and {@code
   * POWER}), rounding, sorting and grouping by doubles, NULLs; and the values that tell Java's
   * {@code double} operators from {@code compareTo}: {@code -0.0} against {@code 0.0}, {@code NaN},
   * infinities.
   */
  static final List<String> FLOATING_POINT =
      List.of(
          "SELECT status, AVG(CAST(volume_capacity AS DOUBLE)) FROM notebooks GROUP BY status",
          "SELECT SUM(CAST(volume_capacity AS DOUBLE)) FROM notebooks",
          // EXP, POWER and SQRT of DOUBLEs are the driver's checked functions
          // (ApproximateArithmetic).
          "SELECT id, EXTRACT(EPOCH FROM lease_create_at), EXP(volume_capacity / 1000.0),"
              + " POWER(volume_capacity, -0.5), SQRT(lease_duration) FROM notebooks",
          "SELECT id, CAST(lease_duration AS DOUBLE) / 3, CAST(lease_duration / 7.0 AS DOUBLE),"
              + " CAST(volume_capacity AS DOUBLE) * 2.5, CAST(volume_capacity AS DOUBLE) +"
              + " volume_capacity, -CAST(lease_duration AS DOUBLE), CAST(volume_capacity AS DOUBLE)"
              + " * "
              + INFINITY
              + ", CAST(lease_duration AS DOUBLE)"
              + " - 1e3 FROM notebooks",
          "SELECT CAST(d AS INTEGER), CAST(d AS BIGINT), CAST(d AS DECIMAL(12, 2)), CAST(d AS"
              + " VARCHAR), ROUND(d, 1), TRUNCATE(d), ROUND(d, -2), POWER(d, 0.5), POWER(2, d / 1e5)"
              + " FROM (SELECT CAST(lease_duration / 7.0 AS DOUBLE) AS d FROM notebooks)",
          "SELECT id FROM notebooks WHERE CAST(volume_capacity AS DOUBLE) / 3 > 5"
              + " AND CAST(lease_duration AS DOUBLE) <> 3600000",
          "SELECT status, STDDEV_POP(volume_capacity), STDDEV_SAMP(CAST(volume_capacity AS"
              + " DOUBLE)), VAR_SAMP(CAST(lease_duration AS DOUBLE)), VAR_POP(volume_capacity)"
              + " FROM notebooks GROUP BY status",
          "SELECT CAST(volume_capacity AS DOUBLE) / 4 AS q, COUNT(*) FROM notebooks"
              + " GROUP BY CAST(volume_capacity AS DOUBLE) / 4 ORDER BY q DESC",
          "SELECT id, CAST(lease_duration AS DOUBLE) / 1e6 AS h FROM notebooks"
              + " ORDER BY h NULLS FIRST, id",
          "SELECT status, MIN(CAST(lease_duration AS DOUBLE) / 7), MAX(CAST(volume_capacity AS"
              + " DOUBLE)), AVG(CAST(lease_duration AS DOUBLE)) FROM notebooks GROUP BY status",
          // Signed zeros, NaN, infinities, NULL: extremes, sums, comparisons, sorting, grouping.
          "SELECT MIN(x), MAX(x), SUM(x), COUNT(x), MIN(y), MAX(y), MIN(z), MAX(z) FROM (SELECT"
              + " CAST(a AS DOUBLE) * "
              + RECIPROCAL_OF_B
              + " AS x, CAST(a AS DOUBLE) * b AS y, CAST(b AS DOUBLE) AS z"
              + " FROM (VALUES (0, -1), (0, 1), (1, 0), (-1, 0), (0, 0), (NULL, 2), (3, 4))"
              + " AS t(a, b) GROUP BY a, b)",
          // Infinities, NaNs and -0.0 from each row (not from literals: Calcite folds those into
          // literals it cannot hold); sorted by two keys, as a sort by one such key fails in
          // Calcite (linq4j compares numbers as BigDecimals), interpreted or not.
          "SELECT k, k = 0, k < 1, k > -1e308, COUNT(*) FROM (SELECT"
              + " CASE MOD(volume_capacity, 4) WHEN 0 THEN "
              + " CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " WHEN 1"
              + " THEN -CAST(volume_capacity - volume_capacity AS DOUBLE) WHEN 2 THEN"
              + " CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " - CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " ELSE CAST(volume_capacity - volume_capacity AS DOUBLE) END AS k FROM notebooks) GROUP BY k",
          "SELECT status, MIN(k), MAX(k), SUM(k), COUNT(k) FROM (SELECT status,"
              + " CASE MOD(volume_capacity, 4) WHEN 0 THEN "
              + " CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " WHEN 1"
              + " THEN -CAST(volume_capacity - volume_capacity AS DOUBLE) WHEN 2 THEN"
              + " CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " - CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " ELSE CAST(volume_capacity - volume_capacity AS DOUBLE) END AS k FROM notebooks) GROUP BY status",
          "SELECT id, k FROM (SELECT id,"
              + " CASE MOD(volume_capacity, 4) WHEN 0 THEN "
              + " CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " WHEN 1"
              + " THEN -CAST(volume_capacity - volume_capacity AS DOUBLE) WHEN 2 THEN"
              + " CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " - CAST(volume_capacity AS DOUBLE) * "
              + INFINITY
              + " ELSE CAST(volume_capacity - volume_capacity AS DOUBLE) END AS k FROM notebooks) ORDER BY k DESC, id",
          "SELECT MIN(x), MAX(x) FROM (SELECT CAST(a AS DOUBLE) * "
              + RECIPROCAL_OF_B
              + " AS x FROM (VALUES (0, 0),"
              + " (1, 2), (-1, 0)) AS t(a, b) GROUP BY a, b)",
          "SELECT MIN(x), MAX(x) FROM (SELECT CAST(a AS DOUBLE) * "
              + RECIPROCAL_OF_B
              + " AS x FROM (VALUES (0, 1),"
              + " (0, -1)) AS t(a, b) GROUP BY a, b)",
          "SELECT MIN(x), MAX(x) FROM (SELECT CAST(a AS DOUBLE) * "
              + RECIPROCAL_OF_B
              + " AS x FROM (VALUES (0, -1),"
              + " (0, 1)) AS t(a, b) GROUP BY a, b)",
          // ABS and SIGN of each numeric type, SQRT (planned as POWER), INITCAP, NULLs.
          "SELECT ABS(d), ABS(x), ABS(volume_capacity - 20), ABS(lease_duration - 7200000),"
              + " SIGN(d), SIGN(x), SIGN(volume_capacity - 20), SIGN(lease_duration - 3600000),"
              + " SQRT(volume_capacity), SQRT(x + 1e4), INITCAP(status), INITCAP(description) FROM"
              + " (SELECT CAST(lease_duration AS DOUBLE) - 1e6 AS d, lease_duration / 7.0 - 1000"
              + " AS x, volume_capacity, lease_duration, status, description FROM notebooks)");

  /**
   * What {@link ReportQueryGenerator} found still compiled: MIN and MAX of booleans; MOD of a
   * BIGINT and an INTEGER, which the generated code computes through a BigDecimal; a date cast to a
   * timestamp. (Where it found Calcite's code answering wrongly, see {@link
   * #oneRowVariancesAndUnguardedNotNullCastsGiveSqlsAnswerBothWays}.)
   */
  static final List<String> GENERATOR_FINDINGS =
      List.of(
          "SELECT status, MIN(lease_enable), MAX(lease_enable), MIN(lease_enable AND"
              + " volume_capacity > 40) FROM notebooks GROUP BY status",
          "SELECT MIN(lease_enable), MAX(lease_enable) FROM notebooks WHERE name > 'zzz'",
          "SELECT id, MOD(lease_duration, 7), MOD(lease_duration, -3600000), MOD(volume_capacity,"
              + " COALESCE(lease_duration, 1) + 3600000), MOD(-volume_capacity, lease_duration +"
              + " 86400000) FROM notebooks",
          "SELECT id, CAST(CAST(lease_create_at AS DATE) AS TIMESTAMP), CAST(DATE '1969-12-31' AS"
              + " TIMESTAMP(0)), CAST(DATE '1900-03-01' AS TIMESTAMP(3)) FROM notebooks");

  /**
   * Filters Calcite plans with casts of nullable columns to NOT NULL (from COALESCE and CASE),
   * guarded by an IS NOT NULL test or not: compiled, {@link
   * io.modelarts.sql.calcite.ConditionNotNullCasts} removes the casts, and the answers must stay
   * SQL's, which the interpreter gives.
   */
  static final List<String> NOT_NULL_CASTS_IN_FILTERS =
      List.of(
          "SELECT id FROM notebooks WHERE COALESCE(pool_id, owner) NOT LIKE '%a%'",
          "SELECT id FROM notebooks WHERE COALESCE(description, 'none') <> 'none' OR lease_enable",
          "SELECT id, COALESCE(pool_id, 'x-1') NOT LIKE '_%-%' FROM notebooks WHERE"
              + " COALESCE(volume_capacity, 5) > 4 AND NOT (COALESCE(pool_id, 'x') = 'x')",
          "SELECT status, COUNT(*) FROM notebooks WHERE COALESCE(pool_id, 'x-1') NOT LIKE '_%-%'"
              + " OR description IS NULL GROUP BY status",
          "SELECT id FROM notebooks WHERE CASE WHEN pool_id IS NOT NULL THEN pool_id LIKE 'p%'"
              + " ELSE TRUE END");

  /**
   * Aggregates with a FILTER, written so or planned so from a CASE (conditional aggregation, as
   * reports write it): counts, sums (also of decimals and doubles), averages, minima and maxima,
   * with groups and without, a filter that keeps no row.
   */
  static final List<String> FILTERED_AGGREGATES =
      List.of(
          "SELECT status, COUNT(*) FILTER (WHERE lease_enable) FROM notebooks GROUP BY status",
          "SELECT status, SUM(CASE WHEN lease_enable THEN volume_capacity END), COUNT(CASE WHEN"
              + " description IS NULL THEN 1 END), SUM(CASE WHEN owner > 'm' THEN 1 ELSE 0 END)"
              + " FROM notebooks GROUP BY status",
          "SELECT MIN(name) FILTER (WHERE volume_capacity > 40), MAX(lease_create_at) FILTER"
              + " (WHERE name LIKE '%a%'), AVG(volume_capacity) FILTER (WHERE lease_enable IS NOT"
              + " TRUE), COUNT(description) FILTER (WHERE pool_id IS NULL) FROM notebooks",
          "SELECT COUNT(*) FILTER (WHERE name > 'zzz'), SUM(volume_capacity) FILTER (WHERE name >"
              + " 'zzz'), MAX(name) FILTER (WHERE name > 'zzz') FROM notebooks",
          "SELECT feature, SUM(lease_duration / 3600000.0) FILTER (WHERE lease_enable),"
              + " AVG(CAST(volume_capacity AS DOUBLE)) FILTER (WHERE status <> 'RUNNING'),"
              + " MIN(lease_enable) FILTER (WHERE description IS NOT NULL) FROM notebooks GROUP BY"
              + " feature");

  /**
   * Grouping sets: ROLLUP, CUBE, GROUPING SETS with an empty set, GROUPING() of one and two keys,
   * COUNT(DISTINCT x) beside other aggregates (a grouping-sets group under a filtered one), a NOT
   * NULL key left out (the generated code keys it by its primitive's zero), eight-value keys, no
   * rows.
   */
  static final List<String> GROUPING_SETS =
      List.of(
          "SELECT status, COUNT(*) FROM notebooks GROUP BY ROLLUP(status)",
          "SELECT status, feature, COUNT(*), SUM(volume_capacity), GROUPING(status),"
              + " GROUPING(status, feature) FROM notebooks GROUP BY CUBE(status, feature)",
          "SELECT status, COUNT(DISTINCT flavor), COUNT(*) FROM notebooks GROUP BY status",
          "SELECT COUNT(DISTINCT owner), COUNT(DISTINCT pool_id), MAX(name) FROM notebooks",
          "SELECT status, lease_enable, volume_capacity, MIN(lease_create_at) FROM notebooks"
              + " GROUP BY GROUPING SETS ((status, lease_enable), (volume_capacity), ())",
          "SELECT CHAR_LENGTH(id) AS l, status, COUNT(*) FROM notebooks"
              + " GROUP BY ROLLUP(CHAR_LENGTH(id), status)",
          "SELECT lease_enable IS TRUE AS leased, status, COUNT(*) FROM notebooks"
              + " GROUP BY CUBE(lease_enable IS TRUE, status)",
          "SELECT status, COUNT(*) FROM notebooks WHERE name > 'zzz' GROUP BY ROLLUP(status)",
          "SELECT status, owner, flavor, feature, COUNT(*), GROUPING(feature, status) FROM"
              + " notebooks GROUP BY ROLLUP(status, owner, flavor, feature)",
          "SELECT status, feature, COUNT(*), COUNT(DISTINCT pool_id), SUM(volume_capacity),"
              + " MIN(name), GROUPING(status, feature) FROM notebooks WHERE name > 'zzz'"
              + " GROUP BY CUBE(status, feature)",
          "SELECT status, COUNT(*) FROM notebooks WHERE 1 = 0 GROUP BY ROLLUP(status)",
          "SELECT status FROM notebooks WHERE name > 'zzz' GROUP BY ROLLUP(status)");

  /**
   * Groups of four to eight columns (each count of keys has its own list class, and so its own hash
   * code, which orders the groups), with NULL keys, sums and extremes.
   */
  static final List<String> WIDE_GROUPS =
      List.of(
          "SELECT status, feature, owner, flavor, COUNT(*) FROM notebooks"
              + " GROUP BY status, feature, owner, flavor",
          "SELECT status, feature, owner, flavor, pool_id, SUM(volume_capacity) FROM notebooks"
              + " GROUP BY status, feature, owner, flavor, pool_id",
          "SELECT status, feature, owner, flavor, pool_id, lease_enable, MAX(lease_create_at)"
              + " FROM notebooks GROUP BY status, feature, owner, flavor, pool_id, lease_enable",
          "SELECT status, feature, owner, flavor, pool_id, lease_enable, volume_capacity, COUNT(*)"
              + " FROM notebooks GROUP BY status, feature, owner, flavor, pool_id, lease_enable,"
              + " volume_capacity",
          "SELECT status, feature, owner, flavor, pool_id, lease_enable, volume_capacity, image_id,"
              + " MIN(name) FROM notebooks GROUP BY status, feature, owner, flavor, pool_id,"
              + " lease_enable, volume_capacity, image_id");

  /**
   * Joins on several keys: merge joins (keys compared one after another, NULLs last) and hash joins
   * (a NULL key column matching nothing, unless under IS NOT DISTINCT FROM), inner, left and full,
   * on strings, booleans and integers; with a condition beyond the keys (NULL lease durations
   * making it NULL, so no match); on a condition alone (nested loops: scalar sub-queries, a
   * comparison of two columns).
   */
  static final List<String> JOINS =
      List.of(
          "SELECT a.id, b.id FROM notebooks a JOIN notebooks b ON a.owner = b.owner"
              + " AND a.status = b.status",
          "SELECT a.id, b.id FROM notebooks a LEFT JOIN (SELECT * FROM notebooks WHERE"
              + " lease_enable) b ON a.pool_id = b.pool_id AND a.status = b.status",
          // A NOT NULL key, then a nullable one: each compared by its own method.
          "SELECT a.id, b.id FROM notebooks a LEFT JOIN (SELECT * FROM notebooks WHERE"
              + " lease_enable) b ON a.status = b.status AND a.pool_id = b.pool_id",
          "SELECT n.id, p.step FROM notebooks n JOIN action_progress p ON p.notebook_id = n.id"
              + " AND p.status = n.status",
          "SELECT a.id, b.id FROM notebooks a FULL JOIN (SELECT * FROM notebooks WHERE"
              + " volume_capacity > 30) b ON a.pool_id IS NOT DISTINCT FROM b.pool_id"
              + " AND a.flavor = b.flavor AND a.feature = b.feature",
          "SELECT a.id, b.id FROM notebooks a JOIN (SELECT * FROM notebooks WHERE volume_capacity"
              + " < 20) b ON a.pool_id = b.pool_id AND a.lease_enable = b.lease_enable"
              + " AND a.volume_capacity = b.volume_capacity",
          "SELECT i.name, n.id FROM images i JOIN notebooks n ON n.image_id = i.id"
              + " AND n.image_name = i.name",
          // Hash joins with a nullable key under = beside other keys (NULL pool ids match nothing).
          "SELECT a.id, b.id FROM notebooks a FULL JOIN (SELECT * FROM notebooks WHERE"
              + " volume_capacity > 30) b ON a.pool_id = b.pool_id AND a.flavor = b.flavor"
              + " AND a.feature = b.feature",
          "SELECT a.id, b.id FROM notebooks a JOIN notebooks b ON a.pool_id = b.pool_id"
              + " AND a.flavor IS NOT DISTINCT FROM b.flavor",
          // Conditions beyond the keys, in merge and hash joins.
          "SELECT n.id FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " AND e.dev_service <> n.name",
          "SELECT n.id, e.dev_service FROM notebooks n LEFT JOIN endpoints e ON e.notebook_id ="
              + " n.id AND e.dev_service <> n.status",
          "SELECT a.id, b.id FROM notebooks a JOIN notebooks b ON a.owner = b.owner"
              + " AND a.volume_capacity < b.volume_capacity",
          "SELECT a.id, b.id FROM notebooks a FULL JOIN (SELECT * FROM notebooks WHERE"
              + " volume_capacity > 30) b ON a.pool_id = b.pool_id AND a.flavor = b.flavor"
              + " AND a.lease_duration < b.lease_duration",
          "SELECT a.id, b.id FROM notebooks a JOIN notebooks b ON a.pool_id = b.pool_id"
              + " AND a.flavor IS NOT DISTINCT FROM b.flavor AND a.name < b.name",
          // Nested loops: scalar sub-queries (a share of the total, above the average), a theta
          // join.
          "SELECT status, COUNT(*) * 100.0 / (SELECT COUNT(*) FROM notebooks) FROM notebooks"
              + " GROUP BY status",
          "SELECT id FROM notebooks WHERE volume_capacity > (SELECT AVG(volume_capacity)"
              + " FROM notebooks)",
          "SELECT a.id, b.id FROM (SELECT * FROM notebooks WHERE volume_capacity > 45) a JOIN"
              + " (SELECT * FROM notebooks WHERE volume_capacity < 6) b"
              + " ON a.lease_duration < b.lease_duration");

  /** The lists whose every query the interpreter runs without compiling anything. */
  private static final List<List<String>> RUN_WITHOUT_COMPILING =
      List.of(
          INTERPRETED,
          CONDITIONALS,
          ARITHMETIC,
          FUNCTIONS,
          DATETIME,
          DECIMALS,
          SET_OPERATIONS,
          STRING_CASTS,
          FLOATING_POINT,
          WIDE_GROUPS,
          JOINS,
          GENERATOR_FINDINGS,
          NOT_NULL_CASTS_IN_FILTERS,
          FILTERED_AGGREGATES,
          GROUPING_SETS);

  /** Expressions at the edges of what the interpreter takes, beside the hoisting test's. */
  static final List<String> EDGE_CASES =
      List.of(
          // Joined on decimals of two types (2 and 2.0): compiled, and compared.
          "SELECT a.id, b.id FROM (SELECT id, volume_capacity / 2.0 AS k FROM notebooks) a"
              + " JOIN (SELECT id, volume_capacity * 0.5 AS k FROM notebooks) b ON a.k = b.k",
          "SELECT id FROM notebooks WHERE description IS NULL OR description IS NOT NULL",
          "SELECT id, description IS NULL, pool_id IS NOT NULL FROM notebooks",
          "SELECT id, lease_enable IS TRUE, lease_enable IS NOT TRUE, lease_enable IS FALSE,"
              + " lease_enable IS NOT FALSE FROM notebooks",
          "SELECT id, (description < 'm') IS NOT TRUE, (description < 'm') IS NOT FALSE"
              + " FROM notebooks",
          "SELECT id, NOT (description < 'm'), description < 'm' OR name > 'm',"
              + " description < 'm' AND name > 'm' FROM notebooks",
          "SELECT id FROM notebooks WHERE NOT (description < 'm' AND name > 'a')",
          "SELECT id FROM notebooks WHERE lease_enable = FALSE OR lease_enable <> TRUE",
          "SELECT id FROM notebooks WHERE volume_capacity < lease_duration",
          "SELECT id FROM notebooks WHERE lease_duration > 2147483648 OR volume_capacity = 5",
          "SELECT id FROM notebooks WHERE lease_create_at < lease_update_at",
          "SELECT id FROM notebooks WHERE name < description OR owner = pool_id",
          "SELECT id FROM notebooks WHERE name LIKE '%-%-%' AND name NOT LIKE 'NB%'",
          "SELECT id FROM notebooks WHERE name LIKE 'nb!_%' ESCAPE '!'",
          "SELECT id FROM notebooks WHERE description LIKE '%'",
          "SELECT id FROM notebooks WHERE name IN ('a', NULL) IS NOT TRUE",
          "SELECT id FROM notebooks WHERE status NOT IN ('RUNNING', 'STOPPED', NULL)",
          "SELECT id FROM notebooks WHERE name BETWEEN 'Exp' AND 'NB-Z' AND volume_capacity"
              + " NOT BETWEEN 6 AND 50",
          "SELECT id, 'tag' AS tag, '' AS blank, 42 AS n, 9000000000 AS big, TRUE AS yes,"
              + " CAST(NULL AS VARCHAR) AS nothing FROM notebooks LIMIT 3",
          "SELECT id, DATE '2024-02-29' AS d, TIMESTAMP '2024-02-29 12:34:56.789' AS t"
              + " FROM notebooks LIMIT 2",
          "SELECT id FROM notebooks WHERE status = 'RUNNING ' OR status = 'running'",
          "SELECT lease_create_at, lease_duration, volume_capacity, lease_enable, url"
              + " FROM notebooks WHERE status <> 'RUNNING'",
          "SELECT * FROM notebooks WHERE name > 'N' LIMIT 7 OFFSET 11",
          "SELECT * FROM notebooks LIMIT 0",
          "SELECT * FROM (SELECT id, name FROM notebooks LIMIT 20) WHERE name < 'N' LIMIT 4",
          "SELECT name FROM (SELECT name, status FROM notebooks WHERE status <> 'STOPPED')"
              + " WHERE name LIKE 'NB-%'",
          "SELECT * FROM images WHERE name > 'a'",
          "SELECT * FROM action_progress WHERE status = 'RUNNING' OR step > 1",
          "SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING'",
          "SELECT COUNT(*) AS n FROM notebooks WHERE feature IN ('NOTEBOOK', 'DEFAULT')",
          "VALUES (1, 'x', TRUE), (2, 'yy', NULL)",
          // Sorts: nulls each way, several keys, keys of each type, ties kept in input order.
          "SELECT id, description FROM notebooks ORDER BY description",
          "SELECT id, description FROM notebooks ORDER BY description DESC",
          "SELECT id, description FROM notebooks ORDER BY description NULLS FIRST",
          "SELECT id, description FROM notebooks ORDER BY description DESC NULLS LAST",
          "SELECT id, pool_id, status FROM notebooks ORDER BY pool_id DESC, status, id DESC",
          "SELECT id, pool_id, status FROM notebooks ORDER BY status NULLS FIRST, pool_id"
              + " NULLS LAST",
          "SELECT id, volume_capacity FROM notebooks ORDER BY volume_capacity",
          "SELECT id FROM notebooks ORDER BY lease_enable DESC, lease_duration, lease_update_at",
          "SELECT status FROM notebooks ORDER BY status",
          "SELECT * FROM notebooks ORDER BY owner DESC LIMIT 7 OFFSET 3",
          // Aggregates: NULL keys, several keys, counts of nullable columns, HAVING, DISTINCT.
          "SELECT pool_id, COUNT(*), COUNT(pool_id), COUNT(description) FROM notebooks"
              + " GROUP BY pool_id",
          "SELECT status, feature, COUNT(*) FROM notebooks GROUP BY status, feature",
          "SELECT status, feature, lease_enable, COUNT(description) FROM notebooks"
              + " GROUP BY status, feature, lease_enable",
          "SELECT volume_capacity, COUNT(*) FROM notebooks GROUP BY volume_capacity",
          "SELECT lease_create_at, COUNT(*) FROM notebooks GROUP BY lease_create_at",
          "SELECT status, COUNT(*) FROM notebooks GROUP BY status HAVING COUNT(*) > 10",
          "SELECT DISTINCT owner FROM notebooks",
          "SELECT DISTINCT status, feature FROM notebooks WHERE name LIKE '%a%'",
          "SELECT COUNT(*) AS n, status FROM notebooks WHERE name > 'm' GROUP BY status"
              + " ORDER BY n, status",
          "SELECT status, COUNT(*) FROM notebooks WHERE 1 = 0 GROUP BY status",
          "SELECT COUNT(*), COUNT(description), COUNT(pool_id) FROM notebooks WHERE name > 'N'",
          "SELECT COUNT(*), COUNT(description) FROM notebooks WHERE name > 'zzz'",
          "SELECT COUNT(owner) AS n FROM notebooks WHERE status <> 'RUNNING' OR name LIKE 'a%'",
          "SELECT COUNT(DISTINCT owner) FROM notebooks WHERE name > 'a'",
          // Minima and maxima: strings, integers, timestamps, NULLs, no rows, with counts.
          "SELECT status, MAX(name), MIN(name), MIN(description), MAX(pool_id) FROM notebooks"
              + " GROUP BY status",
          "SELECT MIN(volume_capacity), MAX(lease_duration), MAX(lease_create_at),"
              + " MIN(lease_update_at), COUNT(*) FROM notebooks",
          "SELECT MAX(lease_create_at) FROM notebooks WHERE name > 'zzz'",
          "SELECT MIN(volume_capacity), MAX(name), COUNT(*) FROM notebooks WHERE name > 'zzz'",
          "SELECT feature, owner, MIN(lease_create_at), COUNT(description) FROM notebooks"
              + " WHERE status <> 'RUNNING' GROUP BY feature, owner",
          "SELECT MAX(description), MIN(owner) FROM notebooks WHERE description IS NULL",
          "SELECT pool_id, MAX(volume_capacity) AS m FROM notebooks GROUP BY pool_id"
              + " HAVING MAX(volume_capacity) > 10 ORDER BY m DESC, pool_id",
          "SELECT CAST(x AS BIGINT), CAST(y AS INTEGER) FROM (VALUES (CAST(-3 AS TINYINT),"
              + " CAST(7 AS SMALLINT)), (NULL, NULL)) AS t(x, y)",
          // Sums: integers and longs, nullable or not, no rows, a BIGINT's at the end of its range
          // (past it, they fail: bigintSumsPastTheirRangeFailBothWays).
          "SELECT status, SUM(volume_capacity), SUM(lease_duration), COUNT(*) FROM notebooks"
              + " GROUP BY status",
          "SELECT SUM(volume_capacity), SUM(lease_duration) FROM notebooks WHERE name > 'zzz'",
          "SELECT pool_id, SUM(lease_duration) AS s FROM notebooks GROUP BY pool_id"
              + " HAVING SUM(lease_duration) > 0 ORDER BY s DESC, pool_id",
          "SELECT feature, owner, SUM(volume_capacity), MAX(volume_capacity) FROM notebooks"
              + " WHERE status <> 'RUNNING' GROUP BY feature, owner",
          "SELECT SUM(x), SUM(y) FROM (VALUES (2147483647, 9223372036854775806),"
              + " (1, 1), (CAST(NULL AS INTEGER), CAST(NULL AS BIGINT))) AS t(x, y)",
          "SELECT k, SUM(x) FROM (VALUES ('a', CAST(NULL AS INTEGER)), ('b', 3), ('b', NULL))"
              + " AS t(k, x) GROUP BY k",
          // Joins: each join type, NULL and repeated keys, keys of several types, join order.
          "SELECT n.name, e.dev_service FROM notebooks n LEFT JOIN endpoints e"
              + " ON e.notebook_id = n.id",
          "SELECT n.name, e.dev_service FROM endpoints e RIGHT JOIN notebooks n"
              + " ON e.notebook_id = n.id WHERE n.status <> 'RUNNING'",
          "SELECT n.name, i.name FROM notebooks n JOIN images i ON i.id = n.image_id",
          "SELECT a.id, b.id FROM notebooks a JOIN notebooks b ON a.pool_id = b.pool_id",
          "SELECT a.id, b.id FROM notebooks a JOIN notebooks b"
              + " ON a.pool_id IS NOT DISTINCT FROM b.pool_id WHERE a.status = 'STOPPED'",
          "SELECT a.id, b.id FROM notebooks a LEFT JOIN notebooks b"
              + " ON a.description IS NOT DISTINCT FROM b.description AND b.name > 'x'",
          "SELECT a.id, b.id FROM notebooks a LEFT JOIN notebooks b ON a.description = b.name",
          "SELECT a.id, b.id FROM notebooks a FULL JOIN notebooks b ON a.description = b.owner",
          "SELECT a.id, b.status FROM notebooks a JOIN notebooks b"
              + " ON a.volume_capacity = b.volume_capacity WHERE a.name < 'm' AND b.name > 'x'",
          "SELECT a.id FROM notebooks a JOIN notebooks b ON a.lease_enable = b.lease_enable"
              + " WHERE a.name LIKE 'NB-1%' AND b.status = 'STOPPED'",
          // A NOT NULL key, then a nullable one: each compared by its own method.
          "SELECT a.id, b.id FROM notebooks a LEFT JOIN (SELECT * FROM notebooks WHERE"
              + " lease_enable) b ON a.status = b.status AND a.pool_id = b.pool_id",
          "SELECT n.id, p.step FROM notebooks n JOIN action_progress p ON p.notebook_id = n.id"
              + " JOIN endpoints e ON e.notebook_id = n.id",
          "SELECT n.name, COUNT(*) FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " GROUP BY n.name ORDER BY n.name",
          "SELECT n.id, e.dev_service FROM notebooks n JOIN endpoints e ON e.notebook_id = n.id"
              + " ORDER BY e.dev_service DESC, n.id LIMIT 9");

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(300, 43L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void typicalFirstQueriesRunWithoutCompilingAndOthersCompile() throws Exception {
    try (Connection c = sim.connect("planCacheSize=0")) {
      for (List<String> list : RUN_WITHOUT_COMPILING) {
        for (String sql : list) {
          assertEquals(0, compilations(() -> SimulatorFixture.rows(c, sql)), sql);
        }
      }
      for (String sql : COMPILED) {
        assertEquals(1, compilations(() -> SimulatorFixture.rows(c, sql)), sql);
      }
      // The test's switch really compiles: otherwise the comparisons below compare nothing.
      assertEquals(
          1, compilations(() -> compiled(c, INTERPRETED.get(0))), "the switch must compile");
    }
  }

  @Test
  void answersAreThoseOfCalcitesCompiledPlans() throws Exception {
    List<String> queries = new ArrayList<>();
    RUN_WITHOUT_COMPILING.forEach(queries::addAll);
    queries.addAll(COMPILED);
    queries.addAll(EDGE_CASES);
    queries.addAll(LiteralHoistingTest.EDGE_CASES);
    QueryGenerator generator = new QueryGenerator(new Random(43L), sim.simulator().dataset());
    for (int i = 0; i < 100; i++) {
      GeneratedQuery q = generator.next();
      queries.add(q.sql());
    }
    ExpressionGenerator expressions =
        new ExpressionGenerator(new Random(44L), sim.simulator().dataset());
    for (int i = 0; i < 200; i++) {
      queries.add(expressions.query());
    }
    int interpreted = 0;
    // Plan caches off: each side plans every text itself. One page at a time: rows in the order
    // the pages were listed, so that the order of unordered answers compares too.
    try (Connection c = sim.connect("planCacheSize=0", "pageConcurrency=1")) {
      for (String sql : queries) {
        sim.resetLog();
        List<String> expected = compiled(c, sql);
        int expectedCalls = sim.listCalls().size();
        sim.resetLog();
        int[] compiledHere = {0};
        List<String> actual = counting(compiledHere, () -> typedRows(c.createStatement(), sql));
        assertEquals(expected, actual, sql);
        assertEquals(expectedCalls, sim.listCalls().size(), "API calls of " + sql);
        if (compiledHere[0] == 0) {
          interpreted++;
        }
      }
    }
    // Most of them must have been interpreted, or the comparison compared compiled code twice.
    assertTrue(interpreted > queries.size() / 2, interpreted + " of " + queries.size());
  }

  /**
   * Random report queries ({@link ReportQueryGenerator}) answer as compiled, errors included. A
   * longer campaign: {@code -Dmodelarts.reportQueries=5000 -Dmodelarts.reportSeed=7}.
   */
  @Test
  void randomReportQueriesAnswerAsCompiledPlans() throws Exception {
    int count = Integer.getInteger("modelarts.reportQueries", 150);
    long seed = Long.getLong("modelarts.reportSeed", 45L);
    ReportQueryGenerator generator =
        new ReportQueryGenerator(new Random(seed), sim.simulator().dataset());
    int interpreted = 0;
    List<String> differences = new ArrayList<>();
    try (Connection c = sim.connect("planCacheSize=0", "pageConcurrency=1")) {
      for (int i = 0; i < count; i++) {
        String sql = generator.next();
        List<String> expected = outcome(() -> compiled(c, sql));
        int[] compiledHere = {0};
        List<String> actual =
            outcome(() -> counting(compiledHere, () -> typedRows(c.createStatement(), sql)));
        if (!expected.equals(actual)) {
          differences.add(sql + "\n  compiled:    " + expected + "\n  interpreted: " + actual);
        }
        if (compiledHere[0] == 0) {
          interpreted++;
        }
      }
    }
    assertTrue(
        differences.isEmpty(), differences.size() + " differ:\n" + String.join("\n", differences));
    // Most must have been interpreted, or the comparison compared compiled code twice.
    assertTrue(interpreted > count * 3 / 4, interpreted + " of " + count + " interpreted");
  }

  /**
   * The rows {@code query} gives, or its error's SQLState and message, without the plan nodes' ids
   * a planner's message may name (each planning numbers its nodes anew).
   */
  private static List<String> outcome(Callable<List<String>> query) throws Exception {
    try {
      return query.call();
    } catch (SQLException e) {
      return List.of(
          "error "
              + e.getSQLState()
              + ": "
              + String.valueOf(e.getMessage()).replaceAll("#\\d+", "#"));
    }
  }

  /**
   * A UNION without ALL under ORDER BY and LIMIT keeps the distinct values SQL says, compiled and
   * interpreted. Calcite's merge union limited each input first, so an input whose first rows
   * repeat one pool id gave one where more exist (found by {@link PostgresAnswersTest}).
   */
  @Test
  void unionWithoutAllUnderLimitKeepsEveryDistinctValue() throws Exception {
    String sql =
        "SELECT pool_id FROM notebooks WHERE pool_id IS NOT NULL UNION SELECT 'zzz' FROM"
            + " notebooks ORDER BY 1 LIMIT 3";
    TreeSet<String> values = new TreeSet<>(List.of("zzz"));
    sim.simulator().dataset().stream()
        .filter(n -> n.path("pool").path("id").isTextual())
        .forEach(n -> values.add(n.path("pool").path("id").asText()));
    List<String> expected = values.stream().limit(3).toList();
    assertTrue(expected.size() == 3 && !expected.contains("zzz"), "the data has 3 pool ids");
    assertFirstColumnBothWays(expected, sql);
  }

  /** {@code sql}'s first column is {@code expected}, interpreted and compiled. */
  private static void assertFirstColumnBothWays(List<String> expected, String sql)
      throws Exception {
    for (List<String> rows : rowsBothWays(sql)) {
      assertEquals(expected, rows.stream().map(r -> r.split("\\|")[0]).toList(), sql);
    }
  }

  /**
   * {@code sql}'s rows, interpreted then compiled, each as its values' strings joined by "|" (as
   * {@link SimulatorFixture#rows} gives them).
   */
  private static List<List<String>> rowsBothWays(String sql) throws Exception {
    try (Connection c = sim.connect("planCacheSize=0")) {
      List<String> interpreted = SimulatorFixture.rows(c, sql);
      List<String> compiledRows = compiled(c, sql); // Class:value|string|…, after a header
      List<String> compiled = new ArrayList<>();
      for (String row : compiledRows.subList(1, compiledRows.size())) {
        String[] cells = row.split("\\|");
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < cells.length; i += 2) {
          strings.add(cells[i]);
        }
        compiled.add(String.join("|", strings));
      }
      return List.of(interpreted, compiled);
    }
  }

  /**
   * {@code ORDER BY} a timestamp's date, then the id, under a LIMIT, keeps SQL's order, compiled
   * and interpreted. Calcite sorted by the timestamp instead of its date (the cast keeps order), so
   * the notebooks of one day came by time, not by id, and the limit kept other rows (found by
   * {@link PostgresAnswersTest}).
   */
  @Test
  void sortByADateThenAnotherKeyKeepsSqlsOrder() throws Exception {
    String sql =
        "SELECT id, CAST(lease_create_at AS DATE) AS k FROM notebooks WHERE lease_create_at IS"
            + " NOT NULL ORDER BY k DESC, id LIMIT 18";
    List<String> expected =
        sim.simulator().dataset().stream()
            .filter(n -> n.path("lease").path("create_at").isNumber())
            .sorted(
                Comparator.comparing(
                        (ObjectNode n) ->
                            Instant.ofEpochMilli(n.path("lease").path("create_at").asLong())
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate())
                    .reversed()
                    .thenComparing(n -> n.path("id").asText()))
            .limit(18)
            .map(n -> n.path("id").asText())
            .toList();
    assertFirstColumnBothWays(expected, sql);
  }

  /**
   * The empty grouping set gives its row over no rows, as SQL (and PostgreSQL) say, interpreted and
   * compiled: the keys NULL, counts 0, {@code GROUPING} all ones, the other aggregates NULL.
   * Calcite gave no row, at run time ({@link io.modelarts.sql.calcite.GrandTotalRow}) and, where
   * the filter is always false, in the plan (the guarded {@code PruneEmptyAggregate}).
   */
  @Test
  void emptyGroupingSetGivesItsRowOverNoRowsBothWays() throws Exception {
    assertRowsBothWays(
        List.of("null|0"),
        "SELECT status, COUNT(*) FROM notebooks WHERE name > 'zzz' GROUP BY ROLLUP(status)");
    assertRowsBothWays(
        List.of("null|null|0|0|null|null|3"),
        "SELECT status, feature, COUNT(*), COUNT(DISTINCT pool_id), SUM(volume_capacity),"
            + " MIN(name), GROUPING(status, feature) FROM notebooks WHERE name > 'zzz'"
            + " GROUP BY CUBE(status, feature)");
    assertRowsBothWays(
        List.of("null|0"),
        "SELECT status, COUNT(*) FROM notebooks WHERE 1 = 0 GROUP BY GROUPING SETS ((status), ())");
    // Over some rows nothing changes: one row per status, and the total.
    long statuses =
        sim.simulator().dataset().stream().map(n -> n.path("status").asText()).distinct().count();
    assertRowsBothWays(
        List.of("null|" + sim.simulator().dataset().size()),
        "SELECT status, COUNT(*) FROM notebooks GROUP BY ROLLUP(status) HAVING GROUPING(status) = 1");
    try (Connection c = sim.connect("planCacheSize=0")) {
      assertEquals(
          statuses + 1,
          SimulatorFixture.rows(c, "SELECT status FROM notebooks GROUP BY ROLLUP(status)").size());
      // EXPLAIN shows the plan that runs, the row included.
      String plan =
          String.join(
              "\n",
              SimulatorFixture.rows(
                  c,
                  "EXPLAIN PLAN FOR SELECT status, COUNT(*) FROM notebooks WHERE name > 'zzz'"
                      + " GROUP BY ROLLUP(status)"));
      assertTrue(plan.startsWith("GrandTotalRow(ifNoRows=[[null:VARCHAR, 0:BIGINT]])"), plan);
    }
  }

  /**
   * A grouping set that {@code ROLLUP} or {@code CUBE} makes more than once gives its rows as
   * often, as SQL (and PostgreSQL) say, interpreted and compiled; {@code GROUP BY DISTINCT} gives
   * them once. Calcite's validator kept each set once ({@link
   * io.modelarts.sql.calcite.ExplicitGroupingSets}).
   */
  @Test
  void aGroupingSetMadeTwiceGivesItsRowsTwiceBothWays() throws Exception {
    Map<String, Long> perStatus = notebooksPerStatus();
    String total = "null|" + sim.simulator().dataset().size();
    // (status, status), (status), (): each status twice, then the total once.
    assertRowsBothWays(
        statusRows(perStatus, 2, total, 1),
        "SELECT status, COUNT(*) FROM notebooks GROUP BY ROLLUP(status, status)"
            + " ORDER BY status NULLS LAST");
    // (status, status), (status), (status), (): the validator finds the two names one column.
    assertRowsBothWays(
        statusRows(perStatus, 3, total, 1),
        "SELECT status, COUNT(*) FROM notebooks GROUP BY CUBE(status, notebooks.status)"
            + " ORDER BY status NULLS LAST");
    assertRowsBothWays(
        statusRows(perStatus, 1, total, 1),
        "SELECT status, COUNT(*) FROM notebooks GROUP BY DISTINCT ROLLUP(status, status)"
            + " ORDER BY status NULLS LAST");
    // Nested in GROUPING SETS, under a sub-query, with a row for an element: ((status), ()) twice.
    assertRowsBothWays(
        statusRows(perStatus, 2, total, 2),
        "SELECT * FROM (SELECT status, COUNT(*) AS n FROM notebooks GROUP BY GROUPING SETS"
            + " (ROLLUP((status)), ROLLUP(status))) ORDER BY status NULLS LAST");
    // Over no rows the empty set's row comes once for each time the set is made.
    assertRowsBothWays(
        List.of("null|0", "null|0"),
        "SELECT status, COUNT(*) FROM notebooks WHERE name > 'zzz'"
            + " GROUP BY GROUPING SETS (ROLLUP(status), CUBE(status))");
    // Aggregates of values that are never NULL: Calcite typed the repeat's columns as nullable,
    // its aggregate's as not, and the planner refused the query ("Cannot add expression of
    // different type to set"; RepeatedGroupingSetTypes), in a sub-query too.
    assertRowsBothWays(
        statusRows(perStatus, 2, total, 1),
        "SELECT status, SUM(1) FROM notebooks GROUP BY ROLLUP(status, status)"
            + " ORDER BY status NULLS LAST");
    String firstIds =
        "SELECT status, MIN(id), MIN(DATE '2024-06-20') FROM notebooks GROUP BY status";
    List<String> twice =
        rowsBothWays(firstIds + " UNION ALL " + firstIds + " ORDER BY 1, 2").get(0);
    assertEquals(2 * perStatus.size(), twice.size());
    List<String> expected = new ArrayList<>(twice);
    expected.addAll(
        rowsBothWays("SELECT NULL, MIN(id), MIN(DATE '2024-06-20') FROM notebooks").get(0));
    assertRowsBothWays(
        expected,
        "SELECT status, MIN(id), MIN(DATE '2024-06-20') FROM notebooks"
            + " GROUP BY GROUPING SETS ((status), (status), ()) ORDER BY status NULLS LAST, 2");
    assertRowsBothWays(
        List.of(String.valueOf(perStatus.size())),
        "SELECT COUNT(*) FROM notebooks WHERE id IN"
            + " (SELECT MIN(id) FROM notebooks GROUP BY ROLLUP(status, status))");
  }

  /**
   * Each status and its count, {@code times} times over, then {@code total}, {@code totals} times.
   */
  private static List<String> statusRows(
      Map<String, Long> perStatus, int times, String total, int totals) {
    List<String> rows = new ArrayList<>();
    perStatus.forEach((status, n) -> rows.addAll(Collections.nCopies(times, status + "|" + n)));
    rows.addAll(Collections.nCopies(totals, total));
    return rows;
  }

  /** The simulator's notebooks counted by status, in the order of the statuses. */
  private static Map<String, Long> notebooksPerStatus() {
    Map<String, Long> perStatus = new TreeMap<>();
    sim.simulator()
        .dataset()
        .forEach(n -> perStatus.merge(n.path("status").asText(), 1L, Long::sum));
    return perStatus;
  }

  /**
   * {@code sql} fails with SQLState 22003 and {@code words} in its message, interpreted (where the
   * interpreter takes its plan) and compiled.
   */
  private static void assertOutOfRangeBothWays(String sql, String words) throws Exception {
    try (Connection c = sim.connect("planCacheSize=0")) {
      for (Callable<List<String>> way :
          List.<Callable<List<String>>>of(
              () -> SimulatorFixture.rows(c, sql), () -> compiled(c, sql))) {
        SQLException e = assertThrows(SQLException.class, way::call, sql);
        assertEquals("22003", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains(words), e.getMessage());
      }
    }
  }

  /** {@code sql}'s rows are {@code expected} (values joined by "|"), interpreted and compiled. */
  private static void assertRowsBothWays(List<String> expected, String sql) throws Exception {
    List<List<String>> both = rowsBothWays(sql);
    assertEquals(expected, both.get(0), "interpreted: " + sql);
    assertEquals(expected, both.get(1), "compiled: " + sql);
  }

  /**
   * Sums and averages of INTEGERs are BIGINTs, interpreted and compiled ({@link
   * io.modelarts.sql.calcite.ModelArtsTypeSystem}): Calcite added an INTEGER sum in a Java {@code
   * int}, which wrapped to a negative number grouped and in a window (found by {@link
   * PostgresAnswersTest}), and its average of 2147483647 and 1 failed as out of range. (Variances
   * are DOUBLEs: {@link #variancesOfExactNumbersAreApproximateNumbersBothWays}.)
   */
  @Test
  void sumsOfIntegersAreBigintsThatDoNotWrapBothWays() throws Exception {
    long notebooks = sim.simulator().dataset().size();
    String sum = String.valueOf(notebooks * 27_500_000L);
    assertRowsBothWays(List.of(sum), "SELECT SUM(CAST(27500000 AS INTEGER)) FROM notebooks");
    assertRowsBothWays(
        List.of("a|-2", "b|1073741824"),
        "SELECT k, AVG(x) FROM (VALUES ('a', -7), ('a', 2), ('b', CAST(NULL AS INTEGER)), ('b',"
            + " 2147483647), ('b', 1)) AS t(k, x) GROUP BY k ORDER BY k");
    try (Connection c = sim.connect()) {
      // A window compiles either way.
      assertEquals(
          List.of(sum),
          SimulatorFixture.rows(
              c, "SELECT DISTINCT SUM(CAST(27500000 AS INTEGER)) OVER () FROM notebooks"));
      ResultSetMetaData md =
          c.createStatement()
              .executeQuery(
                  "SELECT SUM(volume_capacity), AVG(volume_capacity), VAR_POP(volume_capacity),"
                      + " SUM(lease_duration) FROM notebooks")
              .getMetaData();
      for (int i = 1; i <= 4; i++) {
        // A variance is an approximate number, as SQL says (ModelArtsValidator).
        assertEquals(i == 3 ? "DOUBLE" : "BIGINT", md.getColumnTypeName(i), "column " + i);
      }
    }
  }

  /**
   * Variances, standard deviations and covariances of integers and decimals are DOUBLEs computed in
   * DOUBLEs, interpreted, compiled and in a window ({@link
   * io.modelarts.sql.calcite.ModelArtsValidator}): Calcite typed them as their argument and
   * computed them in it, so {@code STDDEV_POP} of 2, 2 and 4 was 1 and {@code VAR_SAMP} of the
   * notebooks' lease durations was off by nearly half. The expected values are PostgreSQL's (to
   * 1e-12), and the lease durations' variance as computed here in two passes.
   */
  @Test
  void variancesOfExactNumbersAreApproximateNumbersBothWays() throws Exception {
    double[] postgresql = {
      0.9428090415820634,
      1.3333333333333333,
      1.1547005383792515,
      0.8888888888888888,
      0.9428090415820634,
      0.8888888888888888,
      1.3333333333333333
    };
    String sql =
        "SELECT STDDEV_POP(x), VAR_SAMP(x), STDDEV_SAMP(x), VAR_POP(x),"
            + " STDDEV_POP(CAST(x AS DECIMAL(5, 1))), COVAR_POP(x, x), VARIANCE(x * 1.0)"
            + " FROM (VALUES (2), (2), (4)) AS t(x)";
    List<List<String>> both = rowsBothWays(sql);
    for (List<String> rows : both) {
      String[] values = rows.get(0).split("\\|");
      for (int i = 0; i < postgresql.length; i++) {
        assertEquals(postgresql[i], Double.parseDouble(values[i]), 1e-12, sql + ": " + rows);
      }
    }
    double[] leases =
        sim.simulator().dataset().stream()
            .map(n -> n.path("lease").path("duration"))
            .filter(JsonNode::isNumber)
            .mapToDouble(JsonNode::asDouble)
            .toArray();
    double mean = Arrays.stream(leases).average().orElseThrow();
    double variance =
        Arrays.stream(leases).map(d -> (d - mean) * (d - mean)).sum() / (leases.length - 1);
    for (List<String> rows : rowsBothWays("SELECT VAR_SAMP(lease_duration) FROM notebooks")) {
      assertEquals(variance, Double.parseDouble(rows.get(0)), variance * 1e-9, rows.toString());
    }
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("1|0.5", "2|0.4714", "2|0.9428", "4|1.2472", "5|0.5"),
          SimulatorFixture.rows(
              c,
              "SELECT x, ROUND(STDDEV_POP(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1"
                  + " FOLLOWING), 4) AS s FROM (VALUES (1), (2), (2), (4), (5)) AS t(x) ORDER BY"
                  + " x, s"));
    }
  }

  /**
   * A rounding that carries into a new digit fits its type, interpreted and compiled ({@link
   * io.modelarts.sql.calcite.ModelArtsValidator}): Calcite typed {@code ROUND} of a {@code
   * DECIMAL(3, 2)} as one, so {@code COALESCE(ROUND(-9.79, -1), 0.5)} failed with "Value -10 cannot
   * be represented as a DECIMAL(3, 2)" (found by {@link PostgresAnswersTest}); so did a {@code
   * CASE} of it. The values are PostgreSQL's (its scales aside).
   */
  @Test
  void roundingsThatCarryFitTheirTypeBothWays() throws Exception {
    assertRowsBothWays(
        List.of("-9.79|-10.00|0.05|-10", "0.15|0.00|0.2|0", "9.99|10.00|10.0|10"),
        "SELECT x, COALESCE(ROUND(x, -1), 0.5), CASE WHEN x > 0 THEN ROUND(x, 1) ELSE 0.05 END,"
            + " ROUND(x) FROM (VALUES (-9.79), (9.99), (0.15)) AS t(x) ORDER BY x");
  }

  /**
   * Integer arithmetic past its type's range fails with SQLState 22003, interpreted and compiled,
   * where Calcite's code wrapped ({@link io.modelarts.sql.calcite.planner.StandardProgram}'s
   * checked integers): a capacity in bytes, {@code volume_capacity * 1073741824}, came out
   * negative. A cast to {@code BIGINT} first gives the product.
   */
  @Test
  void integerArithmeticPastItsRangeFailsBothWays() throws Exception {
    assertOutOfRangeBothWays(
        "SELECT volume_capacity * 1073741824 FROM notebooks WHERE volume_capacity > 1",
        "integer overflow");
    long bytes =
        sim.simulator().dataset().stream()
            .mapToLong(n -> n.path("volume").path("capacity").asLong())
            .max()
            .orElseThrow();
    assertRowsBothWays(
        List.of(String.valueOf(bytes * 1073741824L)),
        "SELECT MAX(CAST(volume_capacity AS BIGINT) * 1073741824) FROM notebooks");
  }

  /**
   * A sum of {@code BIGINT}s past the {@code BIGINT} range fails with SQLState 22003, interpreted
   * and compiled, grouped, as an average's sum, and in a window, where Calcite's code wrapped
   * ({@link io.modelarts.sql.calcite.CheckedSums}): a sum of capacities in units of 10¹⁵ came out
   * negative. A sum that comes back into range ends in range, and one just under the range is
   * exact.
   */
  @Test
  void bigintSumsPastTheirRangeFailBothWays() throws Exception {
    long capacities =
        sim.simulator().dataset().stream()
            .mapToLong(n -> n.path("volume").path("capacity").asLong())
            .sum();
    // The data's capacities in units of 10^15 overflow a BIGINT; each one alone fits.
    long unit = 1_000_000_000_000_000L;
    assertTrue(capacities > Long.MAX_VALUE / unit, "capacities " + capacities);
    String scaled = "CAST(volume_capacity AS BIGINT) * " + unit;
    List<String> overflowing =
        List.of(
            "SELECT SUM(" + scaled + ") FROM notebooks",
            "SELECT feature, SUM(" + scaled + ") FROM notebooks GROUP BY feature",
            "SELECT AVG(" + scaled + ") FROM notebooks",
            "SELECT SUM(x) FROM (VALUES (CAST(9223372036854775807 AS BIGINT)), (1)) AS t(x)",
            "SELECT COUNT(*), SUM(lease_duration), SUM("
                + scaled
                + ") FROM notebooks"
                + " GROUP BY ROLLUP(status)",
            "SELECT MAX(s) FROM (SELECT SUM("
                + scaled
                + ") OVER (ORDER BY id) AS s FROM notebooks)");
    for (String sql : overflowing) {
      assertOutOfRangeBothWays(sql, "long overflow");
    }
    assertRowsBothWays(
        List.of("9223372036854775806"),
        "SELECT SUM(x) FROM (VALUES (CAST(9223372036854775807 AS BIGINT)), (-1)) AS t(x)");
    // Windows whose input promises two orders (x, and its square): the checked window is rebuilt
    // over that input, which once failed ("Trait index 1 has multiple values").
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of("1|3|5", "2|5|9", "2|8|24", "4|11|45", "5|9|41"),
          SimulatorFixture.rows(
              c,
              "SELECT x, SUM(CAST(x AS BIGINT)) OVER w AS a, SUM(CAST(x AS BIGINT) * CAST(x AS"
                  + " BIGINT)) OVER w FROM (VALUES (1), (2), (2), (4), (5)) AS t(x) WINDOW w AS"
                  + " (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY x, a"));
    }
    assertRowsBothWays(
        List.of(String.valueOf(capacities * 1_000_000_000_000L)),
        "SELECT SUM(CAST(volume_capacity AS BIGINT) * 1000000000000) FROM notebooks");
  }

  /**
   * Decimals keep their scale where their type needs more than Calcite's 19 digits, interpreted and
   * compiled ({@link io.modelarts.sql.calcite.ModelArtsTypeSystem}, 38 digits): a {@code CASE} of
   * -4.29 and a {@code DECIMAL(19, 1)} gave -4.2, and {@code FLOOR} of a quotient (a {@code
   * DECIMAL(19, 0)}) compared with 2.18 as with 2 (found by {@link PostgresAnswersTest}). A cast
   * keeps its declared precision.
   */
  @Test
  void decimalsPastNineteenDigitsKeepTheirScaleBothWays() throws Exception {
    assertRowsBothWays(
        List.of("-4.29"),
        "SELECT DISTINCT CASE WHEN volume_capacity < 36 THEN -4.29 ELSE volume_capacity * 1.5 * -45"
            + " END FROM notebooks WHERE volume_capacity < 36");
    long underThreeHours =
        sim.simulator().dataset().stream()
            .map(n -> n.path("lease").path("duration"))
            .filter(d -> d.isNumber() && Math.floorDiv(d.asLong(), 3_600_000L) < 2.18)
            .count();
    assertTrue(underThreeHours > 0, "the data has leases of two hours or less");
    assertRowsBothWays(
        List.of(String.valueOf(underThreeHours)),
        "SELECT COUNT(*) FROM notebooks WHERE FLOOR(lease_duration / 3600000.0) < 2.18");
    try (Connection c = sim.connect("planCacheSize=0");
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT CAST(volume_capacity AS DECIMAL(30, 3)) FROM notebooks")) {
      assertEquals(30, rs.getMetaData().getPrecision(1));
      assertEquals(3, rs.getMetaData().getScale(1));
    }
  }

  /**
   * Equal decimals of different scales ({@code 2.0} from one CASE branch, {@code 2.000000000} from
   * the other) are one key, interpreted and compiled: one group, one distinct value, one partition,
   * one row of a UNION or an INTERSECT, a row of an INTERSECT ALL or EXCEPT ALL matches its equal,
   * and a join matches every pair ({@link io.modelarts.sql.calcite.DecimalKeys}). Calcite compared
   * them whole: two groups, two values, two rows, and its merge join matched only runs of equal
   * scales.
   */
  @Test
  void equalDecimalsOfDifferentScalesAreOneKeyBothWays() throws Exception {
    String two =
        "(SELECT CASE WHEN status = 'RUNNING' THEN 2.0 ELSE lease_duration / 3600000.0 END AS k"
            + " FROM notebooks WHERE lease_duration = 7200000)";
    long n =
        sim.simulator().dataset().stream()
            .filter(x -> x.path("lease").path("duration").asLong() == 7_200_000L)
            .count();
    long running =
        sim.simulator().dataset().stream()
            .filter(x -> x.path("lease").path("duration").asLong() == 7_200_000L)
            .filter(x -> x.path("status").asText().equals("RUNNING"))
            .count();
    assertTrue(running > 0 && running < n, "both branches give values: " + running + " of " + n);
    assertRowsBothWays(List.of("1"), "SELECT COUNT(DISTINCT k) FROM " + two);
    try (Connection c = sim.connect("planCacheSize=0")) {
      // EXPLAIN shows the plan that runs, the keys' common form included.
      String plan =
          String.join(
              "\n", SimulatorFixture.rows(c, "EXPLAIN PLAN FOR SELECT DISTINCT k FROM " + two));
      assertTrue(plan.contains("$DECIMAL_KEY("), plan);
    }
    assertRowsBothWays(
        List.of("2.000000000|" + n), "SELECT k, COUNT(*) FROM " + two + " GROUP BY k");
    assertRowsBothWays(
        List.of("2.000000000"), "SELECT k FROM " + two + " UNION SELECT k FROM " + two);
    assertRowsBothWays(
        List.of("2.000000000"), "SELECT k FROM " + two + " INTERSECT SELECT 2 FROM notebooks");
    // Row for row: each of the n values is 2, on both sides (found by PostgresAnswersTest).
    String hours =
        "SELECT lease_duration / 3600000.0 FROM notebooks WHERE lease_duration = 7200000";
    assertRowsBothWays(
        List.of(String.valueOf(n)),
        "SELECT COUNT(*) FROM (SELECT k FROM " + two + " INTERSECT ALL " + hours + ")");
    assertRowsBothWays(
        List.of("0"), "SELECT COUNT(*) FROM (SELECT k FROM " + two + " EXCEPT ALL " + hours + ")");
    assertRowsBothWays(
        List.of(String.valueOf(n)), "SELECT DISTINCT COUNT(*) OVER (PARTITION BY k) FROM " + two);
    // Calcite plans this as a merge join, the next as a hash join.
    assertRowsBothWays(
        List.of(String.valueOf(n * n)),
        "SELECT COUNT(*) FROM " + two + " a JOIN " + two + " b ON a.k = b.k");
    assertRowsBothWays(
        List.of(String.valueOf(n)),
        "SELECT COUNT(*) FROM "
            + two
            + " a JOIN (SELECT DISTINCT k FROM "
            + two
            + ") b ON a.k = b.k");
  }

  /**
   * The string functions that count characters count an emoji as one, as SQL (and PostgreSQL) do,
   * interpreted and compiled ({@link io.modelarts.sql.calcite.CodePointStrings}), and a literal may
   * hold any character ({@link io.modelarts.sql.calcite.UnicodeTypeFactory}). Calcite's counted
   * UTF-16 units: an emoji was two characters, and a substring could end in half of one; and a
   * literal beyond ISO-8859-1 failed the statement.
   */
  @Test
  void charactersBeyondTheBasicPlaneCountAsOneBothWays() throws Exception {
    String rocket = "\uD83D\uDE80 quick experiment \uD83E\uDDEA"; // 20 characters, 22 units
    String where = " FROM notebooks WHERE description LIKE '%quick experiment%'";
    assertRowsBothWays(
        List.of("20|20|3|\uD83D\uDE80|\uD83E\uDDEA|19|\uD83D\uDE80\uD83E\uDDEA"),
        "SELECT DISTINCT CHAR_LENGTH(description), CHARACTER_LENGTH(description),"
            + " POSITION('quick' IN description), SUBSTRING(description FROM 1 FOR 1),"
            + " SUBSTRING(description FROM 20), POSITION(' ' IN description FROM -1),"
            + " OVERLAY(description PLACING '' FROM 2 FOR 18)"
            + where);
    // Casts to VARCHAR(n) and CHAR(n) keep and pad to n characters.
    assertRowsBothWays(
        List.of(rocket.substring(0, 2) + "|" + rocket.substring(0, 4) + "|\uD83D\uDE80  ."),
        "SELECT DISTINCT CAST(description AS VARCHAR(1)), CAST(description AS CHAR(3)),"
            + " CAST(SUBSTRING(description FROM 1 FOR 1) AS CHAR(3)) || '.'"
            + where);
    // Positions of other integer types, and a filter on a count.
    assertRowsBothWays(
        List.of(rocket.substring(2, 8) + "|" + rocket.substring(0, 2)),
        "SELECT DISTINCT SUBSTRING(description FROM CAST(2 AS BIGINT) FOR CAST(6 AS SMALLINT)),"
            + " SUBSTRING(description FROM -3 FOR CAST(5 AS TINYINT))"
            + where
            + " AND CHAR_LENGTH(description) = 20");
    // Literals beyond ISO-8859-1 (Calcite's default character set) parse, and the planner folds
    // a constant call with the same count.
    long rockets =
        sim.simulator().dataset().stream()
            .filter(n -> n.path("description").asText().contains("\uD83D\uDE80"))
            .count();
    assertTrue(rockets > 0, "the data has rockets");
    assertRowsBothWays(
        List.of("2|a|3|\uD83D\uDE80a|" + rockets + "|0"),
        "SELECT CHAR_LENGTH('\uD83D\uDE80a'), SUBSTRING('\uD83D\uDE80ab' FROM 2 FOR 1),"
            + " POSITION('b' IN '\uD83D\uDE80ab'), CAST('\uD83D\uDE80ab' AS VARCHAR(2)),"
            + " COUNT(*) FILTER (WHERE description LIKE '%\uD83D\uDE80%'),"
            + " COUNT(*) FILTER (WHERE name = '\u6a21\u578b') FROM notebooks");
  }

  /**
   * A literal's {@code CHAR(n)} counts its characters, as SQL's does, interpreted and compiled
   * ({@link io.modelarts.sql.calcite.ModelArtsValidator}, {@link
   * io.modelarts.sql.calcite.CodePointRexBuilder}). Calcite typed {@code '🚀'} as a {@code
   * CHAR(2)}: a cast of it to {@code CHAR(2)} kept it unpadded, and a column of it reported a
   * precision of 2.
   */
  @Test
  void literalsCountTheirCharactersBothWays() throws Exception {
    // @ stands for a rocket, an emoji: one character, two units.
    String rocket = "\uD83D\uDE80";
    assertRowsBothWays(
        List.of("[@ ]|[@  ]|[@]|[@@]".replace("@", rocket)),
        ("SELECT '[' || CAST('@' AS CHAR(2)) || ']', '[' || CAST('@' AS CHAR(3)) || ']',"
                + " '[' || CAST('@@x' AS VARCHAR(1)) || ']', '[' || CAST('@@x' AS CHAR(2)) || ']'")
            .replace("@", rocket));
    // Literals of one length in characters are one CHAR(n), with nothing padded.
    assertRowsBothWays(
        List.of("[\u6a21]|1", "[@]|1".replace("@", rocket)),
        "SELECT '[' || x || ']', CHAR_LENGTH(x) FROM (VALUES ('\u6a21'), ('@')) AS t(x) ORDER BY x"
            .replace("@", rocket));
    try (Connection c = sim.connect("planCacheSize=0");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT '@a', '\u6a21\u578b' || '@', x FROM (VALUES ('@'), ('a')) AS t(x)"
                        .replace("@", rocket))) {
      assertEquals(2, rs.getMetaData().getPrecision(1));
      assertEquals(3, rs.getMetaData().getPrecision(2));
      assertEquals(Types.CHAR, rs.getMetaData().getColumnType(3));
      assertEquals(1, rs.getMetaData().getPrecision(3));
    }
  }

  /**
   * Strings of different fixed lengths combine into a {@code VARCHAR}, unpadded, interpreted and
   * compiled ({@link io.modelarts.sql.calcite.ModelArtsTypeSystem}), so a list of literals matches
   * the column it is meant for, as in PostgreSQL, Oracle, SQL Server and MySQL. Calcite padded
   * {@code 'ERROR'} to the {@code CHAR(7)} of {@code 'RUNNING'}, and its comparisons count trailing
   * spaces: every query below left the {@code ERROR} notebooks out.
   */
  @Test
  void literalsOfDifferentLengthsCombineUnpaddedBothWays() throws Exception {
    Map<String, Long> perStatus = notebooksPerStatus();
    long running = perStatus.getOrDefault("RUNNING", 0L);
    long error = perStatus.getOrDefault("ERROR", 0L);
    assertTrue(running > 0 && error > 0, "the data has running and failed notebooks");
    String both = String.valueOf(running + error);
    assertRowsBothWays(
        List.of(both),
        "SELECT COUNT(*) FROM notebooks WHERE status IN (VALUES ('RUNNING'), ('ERROR'))");
    assertRowsBothWays(
        List.of(both),
        "SELECT COUNT(*) FROM notebooks WHERE status IN (SELECT 'RUNNING' UNION ALL SELECT 'ERROR')");
    assertRowsBothWays(
        List.of("[broken]|" + error, "[up]|" + running),
        "SELECT '[' || v.label || ']', COUNT(*) FROM notebooks n JOIN (VALUES ('RUNNING', 'up'),"
            + " ('ERROR', 'broken')) AS v(s, label) ON n.status = v.s GROUP BY v.label ORDER BY 1");
    assertRowsBothWays(
        List.of(
            "[down]|" + (perStatus.values().stream().mapToLong(Long::longValue).sum() - running),
            "[up]|" + running),
        "SELECT '[' || x || ']', COUNT(*) FROM (SELECT CASE WHEN status = 'RUNNING' THEN 'up'"
            + " ELSE 'down' END AS x FROM notebooks) GROUP BY x ORDER BY 1");
    try (Connection c = sim.connect("planCacheSize=0");
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT x, y FROM (VALUES ('up', 'a'), ('down', 'b')) AS t(x, y)")) {
      // Literals of one length stay a CHAR(n); of two, a VARCHAR of the longer.
      assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(1));
      assertEquals(4, rs.getMetaData().getPrecision(1));
      assertEquals(Types.CHAR, rs.getMetaData().getColumnType(2));
    }
  }

  /**
   * Answers Calcite's compiled code gave wrongly, found by {@link ReportQueryGenerator}: SQL's now,
   * compiled and interpreted. Both came from a value typed NOT NULL that can be NULL, where the
   * generated code then gives a primitive's default (0, FALSE):
   *
   * <ul>
   *   <li>a sample variance or covariance of a NOT NULL value over one row, grouped, windowed or
   *       beside a window, is NULL (Calcite typed it NOT NULL and its code gave 0; the standard
   *       deviation it types nullable already): {@link
   *       io.modelarts.sql.calcite.ModelArtsTypeSystem};
   *   <li>a COALESCE with a literal under NOT LIKE, in a filter, which the simplifier turns into a
   *       NOT NULL cast of the column with nothing testing it for NULL (compiled, every NULL pool
   *       id passed): {@link io.modelarts.sql.calcite.ConditionNotNullCasts}.
   * </ul>
   */
  @Test
  void oneRowVariancesAndUnguardedNotNullCastsGiveSqlsAnswerBothWays() throws Exception {
    String variance =
        "SELECT COUNT(*), VAR_SAMP(100), STDDEV_SAMP(2.5E0) FROM notebooks"
            + " GROUP BY CAST(lease_create_at AS DATE)";
    List<String> perNotebook =
        List.of(
            "SELECT VAR_SAMP(CHAR_LENGTH(id)), COVAR_SAMP(CHAR_LENGTH(id), 7) FROM notebooks"
                + " GROUP BY id",
            "SELECT VAR_SAMP(CHAR_LENGTH(id)), COVAR_SAMP(CHAR_LENGTH(id), 7), ROW_NUMBER() OVER"
                + " (ORDER BY id) FROM notebooks GROUP BY id",
            "SELECT VAR_SAMP(CHAR_LENGTH(id)) OVER (PARTITION BY id), COVAR_SAMP(CHAR_LENGTH(id),"
                + " 7) OVER (PARTITION BY id) FROM notebooks");
    String pattern =
        "SELECT COUNT(*) FROM notebooks WHERE COALESCE(pool_id, 'x-1') NOT LIKE '_%-%'";
    // SQL's answer to the last, from the data: no pool id, and not 'x-1', lacks a '-' after its
    // first character.
    long expected =
        sim.simulator().dataset().stream()
            .map(n -> n.path("pool").path("id").asText("x-1"))
            .filter(id -> id.indexOf('-', 1) < 0)
            .count();
    try (Connection c = sim.connect("planCacheSize=0")) {
      int singleRowGroups = 0;
      List<String> compiledRows = compiled(c, variance);
      List<String> rows = SimulatorFixture.rows(c, variance);
      assertEquals(rows.size(), compiledRows.size() - 1);
      for (int i = 0; i < rows.size(); i++) {
        String[] values = rows.get(i).split("\\|", -1);
        boolean single = values[0].equals("1");
        singleRowGroups += single ? 1 : 0;
        assertEquals(single ? "null" : "0.0", values[1], rows.get(i));
        assertEquals(single ? "null" : "0.0", values[2], rows.get(i));
        String[] compiledValues = compiledRows.get(i + 1).split("\\|", -1);
        assertEquals(single ? "null" : "0.0", compiledValues[3], compiledRows.get(i + 1));
        assertEquals(single ? "null" : "0.0", compiledValues[5], compiledRows.get(i + 1));
      }
      assertTrue(singleRowGroups > 0, "the data has days with one notebook");
      int notebooks = sim.simulator().dataset().size();
      for (String sql : perNotebook) {
        List<String> answer = SimulatorFixture.rows(c, sql);
        assertEquals(notebooks, answer.size(), sql);
        answer.forEach(row -> assertTrue(row.startsWith("null|null"), sql + ": " + row));
        List<String> typed = compiled(c, sql); // value|string|value|string|…, after a header
        assertEquals(notebooks + 1, typed.size(), sql);
        typed.stream()
            .skip(1)
            .forEach(row -> assertTrue(row.startsWith("null|null|null|null|"), sql + ": " + row));
      }
      assertEquals(List.of(String.valueOf(expected)), SimulatorFixture.rows(c, pattern));
      assertEquals(String.valueOf(expected), compiled(c, pattern).get(1).split("\\|")[1]);
    }
  }

  @Test
  void arithmeticErrorsAreThoseOfCompiledCode() throws Exception {
    List<String> failing =
        List.of(
            "SELECT id, volume_capacity / (volume_capacity - volume_capacity) FROM notebooks",
            "SELECT id, MOD(volume_capacity, volume_capacity - volume_capacity) FROM notebooks",
            "SELECT SUBSTRING(name FROM 2 FOR -volume_capacity) FROM notebooks"
                + " WHERE volume_capacity > 0",
            "SELECT id, lease_duration / 0 FROM notebooks WHERE lease_duration IS NOT NULL",
            "SELECT CAST(lease_duration * 1000 AS INTEGER) FROM notebooks",
            "SELECT CAST(volume_capacity * 1000 AS SMALLINT) FROM notebooks",
            "SELECT id, volume_capacity / 0.0 FROM notebooks",
            "SELECT id, CAST(volume_capacity AS DOUBLE) / (volume_capacity - volume_capacity)"
                + " FROM notebooks",
            "SELECT id, SQRT(volume_capacity - 1000) FROM notebooks",
            "SELECT id, POWER(volume_capacity - volume_capacity, -1) FROM notebooks",
            "SELECT id, EXP(volume_capacity) FROM notebooks",
            "SELECT CAST(lease_duration AS DECIMAL(5, 2)) FROM notebooks WHERE lease_duration > 10000",
            "SELECT CAST(lease_duration / 1000.0 AS DECIMAL(4, 2)) FROM notebooks"
                + " WHERE lease_duration > 1000000",
            "SELECT lease_create_at + lease_duration * lease_duration * INTERVAL '1' DAY"
                + " FROM notebooks WHERE lease_duration > 1000000",
            "SELECT TIMESTAMPADD(YEAR, 200000000 + volume_capacity, lease_create_at)"
                + " FROM notebooks WHERE volume_capacity > 10",
            "SELECT TIMESTAMPDIFF(MILLISECOND, TIMESTAMP '1900-01-01 00:00:00', lease_create_at)"
                + " FROM notebooks",
            // Integer arithmetic past its type's range (CheckedIntegerArithmetic).
            "SELECT id, volume_capacity * 1000000000, lease_duration * lease_duration"
                + " * lease_duration, lease_duration * 2147483647 FROM notebooks",
            "SELECT x + y FROM (SELECT x, y FROM (VALUES (2147483647, 2), (-7, 2)) AS t(x, y)"
                + " GROUP BY x, y)",
            "SELECT x * y FROM (SELECT x, y FROM (VALUES (46341, 46341)) AS t(x, y) GROUP BY x, y)",
            "SELECT x / y FROM (SELECT x, y FROM (VALUES (-2147483648, -1)) AS t(x, y)"
                + " GROUP BY x, y)",
            "SELECT volume_capacity * 1000000000 FROM notebooks WHERE volume_capacity > 2",
            "SELECT TIMESTAMPDIFF(MILLISECOND, TIMESTAMP '2000-01-01 00:00:00', lease_create_at)"
                + " FROM notebooks",
            "SELECT volume_capacity + 2147483647 FROM notebooks WHERE volume_capacity > 0",
            "SELECT lease_duration * 9000000000000 FROM notebooks WHERE lease_duration > 1000",
            "SELECT -(volume_capacity - volume_capacity - 2147483647 - 1) FROM notebooks",
            "SELECT (volume_capacity - volume_capacity - 2147483647 - 1) / -1 FROM notebooks");
    try (Connection c = sim.connect("planCacheSize=0", "pageConcurrency=1")) {
      for (String sql : failing) {
        SQLException expected = assertThrows(SQLException.class, () -> compiled(c, sql), sql);
        int[] compiledHere = {0};
        SQLException actual =
            assertThrows(
                SQLException.class,
                () -> counting(compiledHere, () -> typedRows(c.createStatement(), sql)),
                sql);
        assertEquals(0, compiledHere[0], "interpreted: " + sql);
        assertEquals(expected.getSQLState(), actual.getSQLState(), sql);
        assertEquals(expected.getMessage(), actual.getMessage(), sql);
      }
    }
  }

  @Test
  void theCurrentTimeIsEachExecutionsInUtc() throws Exception {
    // Comparisons with compiled code cannot show this: both read the execution's clock. A cached
    // interpreted plan must not keep the time of its first run, and the value is UTC's wall clock.
    String sql = "SELECT CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_DATE FROM notebooks LIMIT 1";
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    int[] compiledHere = {0};
    try (Connection c = sim.connect();
        PreparedStatement ps = counting(compiledHere, () -> c.prepareStatement(sql))) {
      long previous = Long.MIN_VALUE;
      for (int run = 0; run < 3; run++) {
        long before = System.currentTimeMillis();
        long now;
        try (ResultSet rs = counting(compiledHere, ps::executeQuery)) {
          assertTrue(rs.next());
          now = rs.getTimestamp(1, utc).getTime();
          assertEquals(now, rs.getTimestamp(2, utc).getTime(), "LOCALTIMESTAMP in UTC");
          assertEquals(
              Math.floorDiv(now, 86_400_000L) * 86_400_000L,
              rs.getDate(3, utc).getTime(),
              "CURRENT_DATE is the timestamp's UTC date");
        }
        long after = System.currentTimeMillis();
        assertEquals(0, compiledHere[0], "interpreted");
        assertTrue(before <= now && now <= after, before + " <= " + now + " <= " + after);
        assertTrue(now > previous, "each execution reads the clock again");
        previous = now;
        Thread.sleep(5);
      }
    }
  }

  @Test
  void statementParametersAreReadAsCompiledCodeReadsThem() throws Exception {
    String byName = "SELECT id, name FROM notebooks WHERE name = ? OR description = ?";
    String window = "SELECT id, status FROM notebooks WHERE status <> ? LIMIT ? OFFSET ?";
    String name = sim.simulator().dataset().get(17).path("name").asText();
    try (Connection c = sim.connect("planCacheSize=0", "pageConcurrency=1")) {
      Object[][] byNameValues = {{name, null}, {null, null}, {"no such name", "x"}};
      for (Object[] values : byNameValues) {
        assertEquals(
            compiled(c, byName, values), preparedRows(c, byName, values), byName + " " + values[0]);
      }
      Object[][] windowValues = {{"RUNNING", 5, 0}, {"STOPPED", 0, 3}, {"X", 50, 260}};
      for (Object[] values : windowValues) {
        assertEquals(
            compiled(c, window, values), preparedRows(c, window, values), window + " " + values[0]);
      }
      assertEquals(
          0,
          compilations(() -> preparedRows(c, window, windowValues[0])),
          "parameters of strings and limits are interpreted");
    }
  }

  @Test
  void aCachedInterpretedPlanDoesNotKeepItsPlanner() throws Exception {
    // The plan cache keeps each text's plan for the connection's life: what the interpreted plan
    // holds must be what runs it, not the planner and its memo of every alternative.
    List<WeakReference<RelOptPlanner>> planners = new ArrayList<>();
    try (Connection c = sim.connect();
        Hook.Closeable hook =
            Hook.PLANNER.addThread(
                (Consumer<RelOptPlanner>) planner -> planners.add(new WeakReference<>(planner)))) {
      for (String sql : INTERPRETED) {
        SimulatorFixture.rows(c, sql);
      }
      int planned = planners.size();
      assertTrue(planned >= INTERPRETED.size() - 2, planned + " planners"); // VALUES may take none
      for (int i = 0; i < 20 && planners.stream().anyMatch(p -> p.get() != null); i++) {
        System.gc();
        Thread.sleep(20);
      }
      for (int i = 0; i < planners.size(); i++) {
        assertNull(planners.get(i).get(), "a cached plan keeps its planner");
      }
      // The plans are still cached: the connection is open and runs them again without planning.
      SimulatorFixture.rows(c, INTERPRETED.get(0));
      assertEquals(planned, planners.size());
    }
  }

  /** How many plans {@code action} compiled. */
  private static int compilations(Callable<?> action) throws Exception {
    int[] count = {0};
    counting(count, action);
    return count[0];
  }

  private static <T> T counting(int[] count, Callable<T> action) throws Exception {
    try (Hook.Closeable hook = Hook.JAVA_PLAN.addThread((Consumer<String>) source -> count[0]++)) {
      return action.call();
    }
  }

  /** The rows of Calcite's compiled plan, its literals in place, as Calcite runs it. */
  private static List<String> compiled(Connection c, String sql, Object... parameters)
      throws Exception {
    return InterpretingPrepare.compilingAll(
        () ->
            LiteralHoistingPrepare.withoutHoisting(
                () ->
                    parameters.length == 0
                        ? typedRows(c.createStatement(), sql)
                        : preparedRows(c, sql, parameters)));
  }

  private static List<String> preparedRows(Connection c, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      ps.setObject(i + 1, parameters[i]);
    }
    return typedRows(ps, null);
  }

  /**
   * The column metadata, then each row with each value's Java class: what an application reads, not
   * only how it prints.
   */
  private static List<String> typedRows(Statement statement, String sql) throws SQLException {
    try (statement;
        ResultSet rs =
            sql == null
                ? ((PreparedStatement) statement).executeQuery()
                : statement.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      ResultSetMetaData md = rs.getMetaData();
      StringBuilder header = new StringBuilder();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        header
            .append(md.getColumnLabel(i))
            .append(' ')
            .append(md.getColumnTypeName(i))
            .append(' ')
            .append(md.getColumnClassName(i))
            .append(' ')
            .append(md.isNullable(i))
            .append("; ");
      }
      out.add(header.toString());
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          if (v instanceof java.sql.Array a) {
            v = java.util.Arrays.toString((Object[]) a.getArray());
          }
          row.append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v).append('|');
          row.append(rs.getString(i)).append('|');
        }
        out.add(row.toString());
      }
      return out;
    }
  }

  /** Random filters and projections over the notebooks, aimed at the interpreter's operators. */
  static final class ExpressionGenerator {
    private static final String[] STRING_COLUMNS = {
      "name", "status", "description", "pool_id", "owner", "flavor", "feature", "image_type"
    };
    private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
    private final Random random;
    private final List<String> strings = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    ExpressionGenerator(Random random, List<ObjectNode> data) {
      this.random = random;
      TreeSet<String> values = new TreeSet<>(List.of("", "a", "m", "N", "RUNNING", "running", "é"));
      TreeSet<Long> t = new TreeSet<>();
      for (ObjectNode nb : data) {
        values.add(nb.path("name").asText());
        values.add(nb.path("status").asText());
        values.add(nb.path("owner").asText());
        t.add(nb.path("lease").path("create_at").asLong());
      }
      strings.addAll(values);
      times.addAll(t);
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private String string() {
      return "'" + pick(strings).replace("'", "''") + "'";
    }

    private String stringColumn() {
      return STRING_COLUMNS[random.nextInt(STRING_COLUMNS.length)];
    }

    private String comparison() {
      return COMPARISONS[random.nextInt(COMPARISONS.length)];
    }

    String atom() {
      switch (random.nextInt(18)) {
        case 0, 1, 2:
          return stringColumn() + " " + comparison() + " " + string();
        case 3:
          return stringColumn() + " " + comparison() + " " + stringColumn();
        case 4:
          return "volume_capacity " + comparison() + " " + (random.nextInt(5) * 20 - 1);
        case 5:
          return (random.nextBoolean() ? "lease_duration " : "volume_capacity ")
              + comparison()
              + (random.nextBoolean() ? " lease_duration" : " " + random.nextInt(7_200_000));
        case 6:
          return timeColumn()
              + " "
              + comparison()
              + " "
              + timestamp(pick(times) + random.nextInt(3) - 1);
        case 7:
          return stringColumn() + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
        case 8:
          {
            String[] tests = {"IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE", "IS NULL"};
            String operand = random.nextBoolean() ? "lease_enable" : "(" + atom() + ")";
            return operand + " " + tests[random.nextInt(tests.length)];
          }
        case 9:
          {
            String s = pick(strings);
            String pattern =
                s.isEmpty() ? "%" : s.substring(0, random.nextInt(s.length())) + "%" + "_%";
            return stringColumn()
                + (random.nextBoolean() ? " LIKE " : " NOT LIKE ")
                + "'"
                + pattern.replace("'", "''")
                + "'";
          }
        case 10:
          return stringColumn()
              + (random.nextBoolean() ? " IN (" : " NOT IN (")
              + string()
              + ", "
              + (random.nextInt(4) == 0 ? "NULL" : string())
              + ", "
              + string()
              + ")";
        case 11:
          return stringColumn()
              + (random.nextBoolean() ? " BETWEEN " : " NOT BETWEEN ")
              + string()
              + " AND "
              + string();
        case 12:
          return "lease_enable = " + (random.nextBoolean() ? "TRUE" : "FALSE");
        case 13:
          {
            String[] operators = {"+", "-", "*", "/"};
            int operand = random.nextInt(7) - 3;
            int divisor = 1 + random.nextInt(100_000);
            return "volume_capacity "
                + operators[random.nextInt(4)]
                + " "
                + (operand == 0 ? 2 : operand)
                + " "
                + comparison()
                + (random.nextBoolean() ? " -" : " ")
                + "lease_duration / "
                + divisor;
          }
        case 14:
          {
            String[] functions = {"UPPER", "LOWER"};
            return functions[random.nextInt(2)]
                + "("
                + stringColumn()
                + ")"
                + (random.nextBoolean()
                    ? " " + comparison() + " " + string()
                    : " LIKE '%" + pick(strings).replace("'", "''").toLowerCase() + "%'")
                + (random.nextBoolean() ? "" : " AND CHAR_LENGTH(" + stringColumn() + ") > 10");
          }
        case 15:
          {
            String[] fields = {"HOUR", "MINUTE", "SECOND", "DOW", "QUARTER", "WEEK", "DOY"};
            String[] units = {
              "DAY", "HOUR", "MONTH", "WEEK", "YEAR", "MINUTE", "QUARTER", "SECOND"
            };
            if (random.nextBoolean()) {
              return "EXTRACT("
                  + fields[random.nextInt(fields.length)]
                  + " FROM "
                  + timeColumn()
                  + ") "
                  + comparison()
                  + " "
                  + random.nextInt(30);
            }
            return (random.nextBoolean() ? "FLOOR(" : "CEIL(")
                + timeColumn()
                + " TO "
                + units[random.nextInt(units.length)]
                + ") "
                + comparison()
                + " "
                + timestamp(pick(times));
          }
        case 16:
          return (random.nextBoolean() ? "volume_capacity * 1.5" : "lease_duration / 3600000.0")
              + " "
              + comparison()
              + " "
              + (random.nextInt(2000) - 100) / 10.0;
        default:
          return "volume_capacity IN (5, 40, 80)";
      }
    }

    private String timeColumn() {
      return random.nextBoolean() ? "lease_create_at" : "lease_update_at";
    }

    private static String timestamp(long millis) {
      return "TIMESTAMP '"
          + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
              .withZone(java.time.ZoneOffset.UTC)
              .format(java.time.Instant.ofEpochMilli(millis))
          + "'";
    }

    String predicate(int depth) {
      int r = random.nextInt(10);
      if (depth >= 3 || r < 4) {
        return atom();
      }
      if (r < 6) {
        return "(" + predicate(depth + 1) + " AND " + predicate(depth + 1) + ")";
      }
      if (r < 9) {
        return "(" + predicate(depth + 1) + " OR " + predicate(depth + 1) + ")";
      }
      return "NOT (" + predicate(depth + 1) + ")";
    }

    String query() {
      switch (random.nextInt(5)) {
        case 0:
          {
            String key = stringColumn();
            String other = stringColumn();
            return "SELECT "
                + key
                + ", "
                + other
                + ", COUNT(*), COUNT("
                + other
                + ") FROM notebooks WHERE "
                + predicate(1)
                + " GROUP BY "
                + key
                + ", "
                + other;
          }
        case 1:
          {
            String[] directions = {"", " DESC", " NULLS FIRST", " DESC NULLS LAST"};
            return "SELECT id, name, description, pool_id FROM notebooks WHERE "
                + predicate(1)
                + " ORDER BY "
                + stringColumn()
                + directions[random.nextInt(4)]
                + ", "
                + stringColumn()
                + directions[random.nextInt(4)]
                + ", id"
                + (random.nextBoolean() ? " LIMIT " + (1 + random.nextInt(30)) : "");
          }
        default:
          break;
      }
      String columns =
          switch (random.nextInt(4)) {
            case 0 -> "id, name, description";
            case 1 -> "id, " + predicate(2) + " AS flag";
            case 2 -> "*";
            default -> "id, lease_create_at, volume_capacity, 'x' AS tag";
          };
      String sql = "SELECT " + columns + " FROM notebooks WHERE " + predicate(0);
      return random.nextInt(4) == 0 ? sql + " LIMIT " + (1 + random.nextInt(40)) : sql;
    }
  }
}
