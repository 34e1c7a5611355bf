package io.modelarts.sql.sync;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The command line of {@code modelarts-sql sync}, parsed and checked, and the target connection
 * properties it names.
 *
 * @param historyEvery with history: append only the first round of each such period; null for every
 *     round
 * @param every run a round every this long, forever; null for one round
 * @param maxFailures with {@code every}: exit non-zero after this many failed rounds in a row
 * @param rounds with {@code every}: stop after this many rounds; 0 for never
 */
record SyncOptions(
    String to,
    String toUser,
    String toPassword,
    Path toProperties,
    Duration every,
    boolean history,
    Duration historyEvery,
    Duration retain,
    String schema,
    int maxFailures,
    long rounds,
    boolean help) {

  static final String ENV_USER = "MODELARTS_SYNC_TARGET_USER";
  static final String ENV_PASSWORD = "MODELARTS_SYNC_TARGET_PASSWORD";
  static final int DEFAULT_MAX_FAILURES = 3;

  static final String USAGE =
      """
      Usage: modelarts-sql [connection options] sync --to JDBC_URL [options]

      Copies the tables notebooks, endpoints, action_progress and images into PostgreSQL or an
      H2 file, replacing the previous copy in one transaction: readers see the old or the new
      snapshot, never a mix. Reads through the connection the shell would open (-u URL, the
      properties file, or --demo).

        --to JDBC_URL          target: jdbc:postgresql://host:5432/db or jdbc:h2:./file (required)
        --to-user USER         target user; else $MODELARTS_SYNC_TARGET_USER, else the file
        --to-password PASS     target password; else $MODELARTS_SYNC_TARGET_PASSWORD, else the
                               file. Prefer those two: a password argument shows in `ps`
        --to-properties FILE   target connection properties (user, password, sslmode, ...)
        --schema NAME          target schema, lower case (default modelarts)
        --history              also append every round to <table>_history with snapshot_at
        --history-every PERIOD implies --history, but appends only the first round of each
                               PERIOD (UTC), e.g. 1h or 1d: fresh current tables every few
                               minutes, history one snapshot per period
        --retain DURATION      delete history older than this (needs --history), e.g. 90d
        --every DURATION       keep running, a round every DURATION (e.g. 5m, 1h); a failed
                               round is logged and retried at the next interval
        --max-failures N       with --every: exit 1 after N failed rounds in a row (default 3)
        --rounds N             with --every: stop after N rounds
        --help                 this text

      Exit status: 0 when the (last) round committed, 1 when it failed or --every met
      --max-failures, 2 for a usage error. Durations: 30s, 5m, 1h30m, 90d, 500ms or PT5M.
      """;

  /** A mistake in the command line; the message says which. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static SyncOptions parse(String[] args) throws UsageException {
    String to = null;
    String toUser = null;
    String toPassword = null;
    Path toProperties = null;
    Duration every = null;
    boolean history = false;
    Duration historyEvery = null;
    Duration retain = null;
    String schema = Sync.DEFAULT_SCHEMA;
    int maxFailures = DEFAULT_MAX_FAILURES;
    long rounds = 0;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--history" -> history = true;
        case "--to",
            "--to-user",
            "--to-password",
            "--to-properties",
            "--schema",
            "--every",
            "--history-every",
            "--retain",
            "--max-failures",
            "--rounds" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new UsageException(arg + " needs a value");
            }
            value = args[++i];
          }
          switch (arg) {
            case "--to" -> to = value;
            case "--to-user" -> toUser = value;
            case "--to-password" -> toPassword = value;
            case "--to-properties" -> toProperties = Path.of(value);
            case "--schema" -> schema = value;
            case "--every" -> every = positive(arg, value);
            case "--history-every" -> {
              historyEvery = positive(arg, value);
              history = true;
            }
            case "--retain" -> retain = positive(arg, value);
            case "--max-failures" -> maxFailures = (int) positiveNumber(arg, value);
            default -> rounds = positiveNumber(arg, value);
          }
        }
        default -> throw new UsageException("unknown option: " + arg);
      }
    }
    if (help) {
      return new SyncOptions(
          null, null, null, null, null, false, null, null, schema, maxFailures, 0, true);
    }
    if (to == null) {
      throw new UsageException("--to JDBC_URL is required");
    }
    if (retain != null && !history) {
      throw new UsageException("--retain prunes history: it needs --history");
    }
    if (every == null && rounds > 0) {
      throw new UsageException("--rounds needs --every");
    }
    return new SyncOptions(
        to,
        toUser,
        toPassword,
        toProperties,
        every,
        history,
        historyEvery,
        retain,
        schema,
        maxFailures,
        rounds,
        false);
  }

  /**
   * The target's connection properties: the file's, then the environment's user and password over
   * them, then the options' over those (the most specific source wins).
   */
  Properties targetProperties(Map<String, String> env) throws UsageException {
    Properties p = new Properties();
    if (toProperties != null) {
      try (Reader r = Files.newBufferedReader(toProperties, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UsageException("cannot read --to-properties " + toProperties + ": " + e);
      }
    }
    putIfPresent(p, "user", env.get(ENV_USER));
    putIfPresent(p, "password", env.get(ENV_PASSWORD));
    putIfPresent(p, "user", toUser);
    putIfPresent(p, "password", toPassword);
    return p;
  }

  private static void putIfPresent(Properties p, String key, String value) {
    if (value != null && !value.isEmpty()) {
      p.setProperty(key, value);
    }
  }

  private static Duration positive(String option, String value) throws UsageException {
    Duration d;
    try {
      d = Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
    if (d.isZero()) {
      throw new UsageException(option + " must be longer than zero");
    }
    return d;
  }

  private static long positiveNumber(String option, String value) throws UsageException {
    try {
      long n = Long.parseLong(value);
      if (n > 0 && n <= Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new UsageException(option + " needs a positive whole number, got: " + value);
  }
}
