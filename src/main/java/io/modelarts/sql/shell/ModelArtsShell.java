package io.modelarts.sql.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The entry point of {@code ./modelarts-sql}: reads the command line, starts the demo simulator
 * when asked, settles the connection, and hands over to sqlline or to the {@code sync} subcommand.
 */
public final class ModelArtsShell {
  private ModelArtsShell() {}

  public static void main(String[] args) {
    int status = run(args, System.in, System.out, System.err);
    // sqlline, OkHttp and the demo simulator leave non-daemon threads; the status is final here.
    System.exit(status);
  }

  /**
   * Runs the shell as the command line would, on the given streams.
   *
   * @param in statements to run as a script when neither {@code -e} nor {@code -f} is given; {@code
   *     System.in} on a terminal means the interactive line editor instead
   * @return the process exit status: 0 success, 1 a failed statement or connection, 2 a bad command
   *     line
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    boolean interactive = in == System.in && System.console() != null;
    return run(
        args,
        interactive ? null : in,
        out,
        err,
        System.getenv(),
        interactive ? SecretPrompt.console() : SecretPrompt.none());
  }

  static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      SecretPrompt prompt) {
    ShellOptions options = null;
    try {
      options = ShellOptions.parse(args);
      if (options.help) {
        out.print(ShellHelp.TEXT);
        return 0;
      }
      ShellHome home = ShellHome.locate(env);
      try (DemoSimulator demo = options.demo ? DemoSimulator.start() : null) {
        ConnectionSettings connection;
        if (demo != null) {
          err.println(
              "demo: simulator with "
                  + DemoSimulator.NOTEBOOKS
                  + " notebooks at "
                  + demo.baseUrl());
          connection = ConnectionSettings.demo(demo);
        } else {
          connection = ConnectionSettings.resolve(options, home, env, prompt, err);
        }
        if ("sync".equals(options.command)) {
          return SyncCommand.run(options.commandArguments, connection, out, err);
        }
        return SqlLineRunner.run(options, connection, home, in, out, err);
      }
    } catch (UsageException e) {
      err.println("modelarts-sql: " + e.getMessage());
      err.println("Try 'modelarts-sql --help'.");
      return 2;
    } catch (Exception | LinkageError e) {
      err.println("modelarts-sql: " + e);
      if (options != null && options.verbose) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }
}
