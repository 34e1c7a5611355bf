package io.modelarts.sql.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sqlline.BuiltInProperty;
import sqlline.SqlLine;

/**
 * Runs sqlline on a connection: builds its argument list, points its files at the shell's home, and
 * picks its mode: statements from {@code -e}/{@code -f}, a script piped in, or the terminal.
 */
final class SqlLineRunner {
  /** The system property sqlline reads its directory from, once, when its classes load. */
  private static final String SQLLINE_BASE_DIR = "x.sqlline.basedir";

  /** JLine's switches for its JNA and Jansi terminals (TerminalBuilder reads them per build). */
  static final String JLINE_JNA = "org.jline.terminal.jna";

  static final String JLINE_JANSI = "org.jline.terminal.jansi";

  private SqlLineRunner() {}

  /**
   * Runs sqlline until its statements are done or the user quits.
   *
   * @param in statements piped in, or null for the interactive terminal; unread with -e or -f
   * @return the exit status: 0 when every statement succeeded, 1 when one failed
   */
  static int run(
      ShellOptions options,
      ConnectionSettings connection,
      ShellHome home,
      InputStream in,
      PrintStream out,
      PrintStream err)
      throws IOException, UsageException {
    // Before sqlline's first class loads: otherwise it creates and uses ~/.sqlline.
    setIfAbsent(SQLLINE_BASE_DIR, home.directory().toString());
    checkOptionNames(options.sqllineArguments);
    List<String> args = arguments(options, connection, home);
    AutoCloseable driver = ShellDriver.register(connection.secrets());
    try {
      return runInMode(options, args, in, out, err);
    } finally {
      try {
        driver.close();
      } catch (Exception e) {
        err.println("warning: " + e.getMessage());
      }
    }
  }

  /** Runs sqlline in batch ({@code -e}, {@code -f}), interactive or piped mode. */
  private static int runInMode(
      ShellOptions options, List<String> args, InputStream in, PrintStream out, PrintStream err)
      throws IOException {
    if (options.batch) {
      return run(args, InputStream.nullInputStream(), false, options.verbose, out, err);
    }
    if (in == null) {
      return run(args, null, true, options.verbose, out, err);
    }
    // Piped statements run as a script, as with -f: sqlline would otherwise echo each one, with
    // terminal escapes, into the results, and carry on past a failure with status 0.
    Path script = Files.createTempFile("modelarts-sql-", ".sql");
    try {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      args.add("-f");
      args.add(script.toString());
      return run(args, InputStream.nullInputStream(), false, options.verbose, out, err);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static int run(
      List<String> args,
      InputStream in,
      boolean interactive,
      boolean verbose,
      PrintStream out,
      PrintStream err)
      throws IOException {
    if (!interactive) {
      // A batch reads no keys and writes through its own stream, yet sqlline still builds a JLine
      // terminal on the given streams. JLine first tries a pseudo-terminal through JNA, then
      // through Jansi, loading each one's native library, and falls back to a plain stream
      // terminal. Going there at once: 944 vs 991 ms for the script's -e path (medians of 8,
      // alternating), and no native library loaded.
      // A value the user set with -D stays; the process runs this one batch, so the switches
      // never reach an interactive terminal.
      setIfAbsent(JLINE_JNA, "false");
      setIfAbsent(JLINE_JANSI, "false");
    }
    ShellSqlLine sqlline = new ShellSqlLine(out, err, verbose, !interactive);
    SqlLine.Status status = sqlline.begin(args.toArray(new String[0]), in, interactive);
    return switch (status) {
      case OK -> 0;
      case ARGS -> 2;
      default -> 1;
    };
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * Rejects an option sqlline does not know before sqlline sees it: sqlline would answer with its
   * own usage text, which describes options (-u, -p) the shell does not take.
   */
  private static void checkOptionNames(List<String> sqllineArguments) throws UsageException {
    for (String arg : sqllineArguments) {
      if (!arg.startsWith("--")) {
        continue;
      }
      String name = arg.substring(arg.startsWith("--no-") ? 5 : 2).split("=", 2)[0];
      boolean known =
          name.equalsIgnoreCase("run")
              || Arrays.stream(BuiltInProperty.values())
                  .anyMatch(p -> p.propertyName().equalsIgnoreCase(name));
      if (!known) {
        throw new UsageException("unknown option " + arg);
      }
    }
  }

  /**
   * sqlline's command line: the connection (password apart from the URL), then the user's options.
   */
  static List<String> arguments(
      ShellOptions options, ConnectionSettings connection, ShellHome home) {
    List<String> args = new ArrayList<>();
    args.add("-u");
    args.add(ShellDriver.url(connection.url(), connection.secrets()));
    if (connection.user() != null) {
      args.add("-n");
      args.add(connection.user());
    }
    if (connection.password() != null) {
      args.add("-p");
      args.add(connection.password());
    }
    // A short prompt instead of sqlline's default, the whole URL.
    args.add("--prompt=" + connection.promptName() + "> ");
    // The shell has asked for what it needs; sqlline's own prompt would show the URL and, with -e,
    // wait for input that never comes.
    args.add("--connectInteractionMode=notAskCredentials");
    args.add("--historyFile=" + home.history());
    // Calcite has no transactions; sqlline's default level only earns a warning on every start.
    args.add("--isolation=TRANSACTION_NONE");
    // RFC 4180 quoting, which CSV readers expect, instead of sqlline's single quote.
    args.add("--csvQuoteCharacter='\"'");
    args.addAll(options.sqllineArguments); // last, so that the user's choices win
    return args;
  }
}
