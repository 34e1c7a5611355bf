package io.modelarts.sql.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between the databases sync writes to: how names are spelled, which types hold the
 * driver's values, and how two syncs into one schema keep out of each other's way.
 *
 * <p>Names are created so that unquoted SQL finds them on every target: lower case on PostgreSQL,
 * upper case on H2, each database's folding of unquoted identifiers. The starter questions in
 * docs/metabase.md therefore run unchanged on both.
 */
enum TargetDialect {
  /** PostgreSQL through pgjdbc: the first-class target, read natively by every BI tool. */
  POSTGRESQL("jdbc:postgresql:", "text") {
    @Override
    String metadataName(String name) {
      return name;
    }

    @Override
    String sqlType(int jdbcType) {
      return switch (jdbcType) {
        case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
        case Types.BIGINT -> "bigint";
        case Types.INTEGER -> "integer";
        case Types.SMALLINT, Types.TINYINT -> "smallint";
        case Types.BOOLEAN, Types.BIT -> "boolean";
        case Types.DOUBLE, Types.FLOAT, Types.REAL -> "double precision";
        case Types.DECIMAL, Types.NUMERIC -> "numeric";
        case Types.DATE -> "date";
        case Types.ARRAY -> "text[]";
        default -> "text";
      };
    }

    @Override
    String indexName(String schema, String index) {
      return identifier(
          index); // PostgreSQL puts an index in its table's schema; it takes no prefix
    }

    @Override
    void lockRound(Connection target, String schema) throws SQLException {
      // Two syncs into one schema (an overlapping cron run) would otherwise both delete the old
      // rows and both insert: the second would fail on the primary key after all its work. The
      // lock is released by commit or rollback, and by the server if the process dies.
      try (PreparedStatement s =
          target.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
        s.setString(1, "modelarts-sql sync " + schema);
        s.execute();
      }
    }

    @Override
    Properties connectionDefaults() {
      Properties p = new Properties();
      // One multi-row INSERT per batch instead of one statement per row: several times faster.
      p.setProperty("reWriteBatchedInserts", "true");
      // Shown in pg_stat_activity, so a DBA can tell the sync's sessions from the dashboards'.
      p.setProperty("ApplicationName", "modelarts-sql sync");
      return p;
    }
  },

  /** H2 in a file: the embedded target that needs no server, for demos and single-user use. */
  H2("jdbc:h2:", "CHARACTER VARYING") {
    @Override
    String metadataName(String name) {
      return name.toUpperCase(Locale.ROOT);
    }

    @Override
    String sqlType(int jdbcType) {
      return switch (jdbcType) {
        case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP(6) WITH TIME ZONE";
        case Types.BIGINT -> "BIGINT";
        case Types.INTEGER -> "INTEGER";
        case Types.SMALLINT, Types.TINYINT -> "SMALLINT";
        case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
        case Types.DOUBLE, Types.FLOAT, Types.REAL -> "DOUBLE PRECISION";
        case Types.DECIMAL, Types.NUMERIC -> "NUMERIC";
        case Types.DATE -> "DATE";
        // H2 has real arrays, so the column keeps its type instead of falling back to JSON text.
        case Types.ARRAY -> "CHARACTER VARYING ARRAY";
        default -> "CHARACTER VARYING";
      };
    }

    @Override
    String indexName(String schema, String index) {
      return identifier(schema) + "." + identifier(index); // H2 creates unqualified names elsewhere
    }

    @Override
    void lockRound(Connection target, String schema) {
      // Nothing to take: an H2 file is open in one process at a time, and within it a second
      // round's DELETE waits for the first's row locks and then fails on the primary key, which
      // rolls it back whole. The previous snapshot is never at risk.
    }

    @Override
    Properties connectionDefaults() {
      return new Properties();
    }
  };

  private final String urlPrefix;
  private final String arrayElementType;

  TargetDialect(String urlPrefix, String arrayElementType) {
    this.urlPrefix = urlPrefix;
    this.arrayElementType = arrayElementType;
  }

  /** The dialect of a JDBC URL; throws naming the supported targets when there is none. */
  static TargetDialect forUrl(String url) {
    for (TargetDialect d : values()) {
      if (url.startsWith(d.urlPrefix)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unsupported target: sync writes to PostgreSQL (jdbc:postgresql://...) or an H2 file"
            + " (jdbc:h2:./path)");
  }

  /** How the database stores a lower-case name we create, as metadata calls report it. */
  abstract String metadataName(String name);

  /** A name we create, quoted in the spelling that unquoted SQL finds. */
  String identifier(String name) {
    return '"' + metadataName(name).replace("\"", "\"\"") + '"';
  }

  /** {@code schema.table}, both quoted. */
  String qualified(String schema, String table) {
    return identifier(schema) + "." + identifier(table);
  }

  /** The column type that holds a driver column of this {@link Types} constant. */
  abstract String sqlType(int jdbcType);

  /** The name of an index in the form {@code CREATE INDEX} wants it. */
  abstract String indexName(String schema, String index);

  /** The element type name for {@link Connection#createArrayOf}. */
  String arrayElementType() {
    return arrayElementType;
  }

  /** Serialises rounds into one schema for the rest of the current transaction. */
  abstract void lockRound(Connection target, String schema) throws SQLException;

  /** Connection properties sync sets unless the user did. */
  abstract Properties connectionDefaults();
}
