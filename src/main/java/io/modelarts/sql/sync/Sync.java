package io.modelarts.sql.sync;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Copies the driver's tables into a PostgreSQL or H2 database, one round per {@link #runOnce()}.
 *
 * <pre>{@code
 * Sync sync = Sync.builder()
 *     .source("jdbc:modelarts:region=eu-de;projectId=...", sourceProperties)
 *     .target("jdbc:postgresql://db:5432/bi", targetProperties)
 *     .history(true)
 *     .retain(Duration.ofDays(90))
 *     .build();
 * SyncReport report = sync.runOnce();
 * }</pre>
 *
 * <p>Calling {@code source} and {@code target} is required before {@code build()}; all other
 * methods are optional. An instance may run many rounds, one at a time; it opens fresh connections
 * for each, so a round after a failure starts clean.
 */
public final class Sync {
  /** The target schema unless {@link Builder#schema} says otherwise. */
  public static final String DEFAULT_SCHEMA = "modelarts";

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /**
   * The driver's response cache TTL for the source connection unless it sets its own: long enough
   * that the pages the {@code notebooks} query fetches serve the other three tables too, so a round
   * costs one listing instead of four and its tables come from the same pages. Rounds less than
   * this apart would reuse the previous round's pages; {@link SyncMain} shortens it for a short
   * {@code --every}, and callers that run rounds faster should set {@code cacheTtl} lower.
   */
  static final long SOURCE_CACHE_TTL_MILLIS = 60_000;

  private final String sourceUrl;
  private final Properties sourceProperties;
  private final String targetUrl;
  private final Properties targetProperties;
  private final TargetDialect dialect;
  private final String schema;
  private final boolean history;
  private final Duration historyEvery;
  private final Duration retain;
  private final Clock clock;
  private final Progress progress;
  private final Runnable beforeCommit;
  private boolean schemaReady;

  private Sync(Builder b) {
    this.sourceUrl = b.sourceUrl;
    this.sourceProperties = b.sourceProperties;
    // A cacheTtl in the URL wins over this one (the driver's rule), as it should.
    this.sourceProperties.putIfAbsent("cacheTtl", String.valueOf(SOURCE_CACHE_TTL_MILLIS));
    this.targetUrl = b.targetUrl;
    this.dialect = TargetDialect.forUrl(b.targetUrl);
    Properties target = dialect.connectionDefaults();
    target.putAll(b.targetProperties);
    this.targetProperties = target;
    this.schema = b.schema;
    this.history = b.history;
    this.historyEvery = b.historyEvery;
    this.retain = b.retain;
    this.clock = b.clock;
    this.progress = b.progress == null ? Progress.silent() : Progress.to(b.progress);
    this.beforeCommit = b.beforeCommit;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the four tables through the driver and replaces the target's current tables with them
   * (and appends them to history, if on) in one transaction.
   *
   * @throws SQLException when reading or writing fails; the target then still holds the previous
   *     round's snapshot, complete
   */
  public synchronized SyncReport runOnce() throws SQLException {
    long readStart = System.nanoTime();
    Snapshot snapshot;
    try (Connection source = DriverManager.getConnection(sourceUrl, sourceProperties)) {
      snapshot = new SourceReader(source, progress, clock).read();
    }
    long readMillis = (System.nanoTime() - readStart) / 1_000_000;
    for (String warning : snapshot.warnings()) {
      progress.note("warning: " + warning);
    }
    long writeStart = System.nanoTime();
    SnapshotWriter.Written written;
    try (Connection target = DriverManager.getConnection(targetUrl, targetProperties)) {
      if (!schemaReady) {
        new TargetSchema(dialect, schema).ensure(target, snapshot, history);
        schemaReady = true;
      }
      written =
          new SnapshotWriter(dialect, schema, progress, clock, history, historyEvery, retain)
              .write(target, snapshot, readMillis, beforeCommit);
    } catch (SQLException | RuntimeException e) {
      schemaReady = false; // someone may have dropped a table: the next round checks again
      throw e;
    }
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (SyncedTable table : SyncedTable.values()) {
      rows.put(table.tableName(), snapshot.table(table).rows().size());
    }
    return new SyncReport(
        written.snapshotAt(),
        rows,
        written.historyAppended(),
        written.historyRowsPruned(),
        snapshot.warnings(),
        Duration.ofMillis(readMillis),
        Duration.ofNanos(System.nanoTime() - writeStart));
  }

  /** Configures a {@link Sync}; see the class documentation for what is required. */
  public static final class Builder {
    private String sourceUrl;
    private Properties sourceProperties = new Properties();
    private String targetUrl;
    private Properties targetProperties = new Properties();
    private String schema = DEFAULT_SCHEMA;
    private boolean history;
    private Duration historyEvery;
    private Duration retain;
    private Clock clock = Clock.systemUTC();
    private PrintStream progress;
    private Runnable beforeCommit = () -> {};

    private Builder() {}

    /**
     * The driver connection to read from: a {@code jdbc:modelarts:} URL and its properties. Unless
     * they set {@code cacheTtl}, it is {@value #SOURCE_CACHE_TTL_MILLIS} ms, so a round lists once.
     */
    public Builder source(String jdbcUrl, Properties properties) {
      this.sourceUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
      this.sourceProperties = copy(properties);
      return this;
    }

    /**
     * The database to write to: {@code jdbc:postgresql:...} or {@code jdbc:h2:...}, with its
     * connection properties ({@code user}, {@code password}, ...).
     */
    public Builder target(String jdbcUrl, Properties properties) {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
      TargetDialect.forUrl(jdbcUrl); // fail here, where the caller passed it
      this.targetUrl = jdbcUrl;
      this.targetProperties = copy(properties);
      return this;
    }

    /** The target schema, lower case; default {@value #DEFAULT_SCHEMA}. */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema == null");
      if (!SCHEMA_NAME.matcher(schema).matches()) {
        // Lower case only: unquoted SQL in dashboards must find it on PostgreSQL and H2 alike.
        throw new IllegalArgumentException(
            "schema must be a lower-case SQL name ([a-z_][a-z0-9_]*), got: " + schema);
      }
      this.schema = schema;
      return this;
    }

    /** Whether each round also appends its rows to {@code <table>_history}; default off. */
    public Builder history(boolean history) {
      this.history = history;
      return this;
    }

    /**
     * With history on, appends only in the first round of each period of this length (UTC, from the
     * epoch: {@code 1h} the first round of each hour, {@code 1d} of each day), so the current
     * tables can be fresh every few minutes while history grows by one snapshot per period; default
     * null, every round.
     */
    public Builder historyEvery(Duration historyEvery) {
      if (historyEvery != null && (historyEvery.isNegative() || historyEvery.isZero())) {
        throw new IllegalArgumentException("historyEvery must be positive, got: " + historyEvery);
      }
      this.historyEvery = historyEvery;
      return this;
    }

    /** Deletes history older than this at each round; default null, keep everything. */
    public Builder retain(Duration retain) {
      if (retain != null && (retain.isNegative() || retain.isZero())) {
        throw new IllegalArgumentException("retain must be positive, got: " + retain);
      }
      this.retain = retain;
      return this;
    }

    /** Where snapshot times come from; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Where to print progress (a line per table, more for long reads); default nowhere. */
    public Builder progress(PrintStream progress) {
      this.progress = progress;
      return this;
    }

    /** Runs after a round has written everything, just before it commits; for tests. */
    Builder beforeCommit(Runnable beforeCommit) {
      this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit == null");
      return this;
    }

    public Sync build() {
      if (sourceUrl == null) {
        throw new IllegalStateException("source(...) is required");
      }
      if (targetUrl == null) {
        throw new IllegalStateException("target(...) is required");
      }
      if (retain != null && !history) {
        throw new IllegalStateException("retain prunes history: it needs history(true)");
      }
      if (historyEvery != null && !history) {
        throw new IllegalStateException("historyEvery paces history: it needs history(true)");
      }
      return new Sync(this);
    }

    private static Properties copy(Properties properties) {
      Properties p = new Properties();
      if (properties != null) {
        p.putAll(properties);
      }
      return p;
    }
  }
}
