package io.modelarts.sql.sync;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The command line {@code modelarts-sql sync ...}: the shell hands over the arguments after {@code
 * sync} and the driver connection it would have opened, and exits with what this returns.
 */
public final class SyncMain {
  /** Exit status of a command line that could not be understood. */
  static final int USAGE = 2;

  private SyncMain() {}

  /**
   * Parses {@code args}, runs one round or one every {@code --every}, and returns the exit status:
   * 0 committed, 1 failed, 2 usage error. Never prints a credential.
   *
   * @param sourceJdbcUrl the {@code jdbc:modelarts:} URL the shell would connect with
   * @param sourceProperties that connection's properties (credentials included)
   */
  public static int run(
      String[] args,
      String sourceJdbcUrl,
      Properties sourceProperties,
      PrintStream out,
      PrintStream err) {
    return run(args, sourceJdbcUrl, sourceProperties, out, err, System.getenv());
  }

  static int run(
      String[] args,
      String sourceJdbcUrl,
      Properties sourceProperties,
      PrintStream out,
      PrintStream err,
      Map<String, String> env) {
    Properties source = new Properties();
    if (sourceProperties != null) {
      source.putAll(sourceProperties);
    }
    SyncOptions options;
    Properties target;
    try {
      options = SyncOptions.parse(args);
      if (options.help()) {
        out.print(SyncOptions.USAGE);
        return SyncLoop.OK;
      }
      target = options.targetProperties(env);
    } catch (SyncOptions.UsageException e) {
      // The arguments may hold a password (--to-password, or one inside --to): never echo them.
      err.println("sync: " + e.getMessage());
      err.println("sync: see `modelarts-sql sync --help`");
      return USAGE;
    }
    if (sourceJdbcUrl == null) {
      err.println("sync: no source connection: connect with -u URL, a properties file or --demo");
      return USAGE;
    }
    SecretRedactor redactor =
        SecretRedactor.of(List.of(options.to(), sourceJdbcUrl), List.of(source, target));
    if (options.every() != null && options.every().toMillis() < 2 * Sync.SOURCE_CACHE_TTL_MILLIS) {
      // Pages cached for one round must be gone by the next, or it would copy the same data again.
      source.putIfAbsent("cacheTtl", String.valueOf(options.every().toMillis() / 2));
    }
    Sync sync;
    try {
      sync =
          Sync.builder()
              .source(sourceJdbcUrl, source)
              .target(options.to(), target)
              .schema(options.schema())
              .history(options.history())
              .historyEvery(options.historyEvery())
              .retain(options.retain())
              .progress(err)
              .build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("sync: " + redactor.redact(e.getMessage()));
      return USAGE;
    }
    err.println(
        "sync: to "
            + redactor.redactUrl(options.to())
            + ", schema "
            + options.schema()
            + (options.history() ? ", with history" : "")
            + (options.historyEvery() != null ? " every " + options.historyEvery() : "")
            + (options.retain() != null ? ", retaining " + options.retain() : "")
            + (options.every() != null ? ", every " + options.every() : ""));
    return new SyncLoop(
            sync, options.every(), options.maxFailures(), options.rounds(), out, err, redactor)
        .run();
  }
}
