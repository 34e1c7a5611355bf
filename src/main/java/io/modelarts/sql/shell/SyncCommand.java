package io.modelarts.sql.shell;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Properties;

/**
 * The {@code sync} subcommand, handed to {@code io.modelarts.sql.sync.SyncMain} by reflection so
 * that the shell builds with or without the sync package.
 *
 * <p>The contract with SyncMain: {@code static int run(String[] args, String jdbcUrl, Properties
 * credentials, PrintStream out, PrintStream err)}, returning the exit status.
 */
final class SyncCommand {
  static final String SYNC_CLASS = "io.modelarts.sql.sync.SyncMain";

  private SyncCommand() {}

  static int run(List<String> args, ConnectionSettings connection, PrintStream out, PrintStream err)
      throws UsageException {
    Method run;
    try {
      run =
          Class.forName(SYNC_CLASS)
              .getMethod(
                  "run",
                  String[].class,
                  String.class,
                  Properties.class,
                  PrintStream.class,
                  PrintStream.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new UsageException("sync is not available in this build");
    }
    try {
      return (Integer)
          run.invoke(
              null,
              args.toArray(new String[0]),
              connection.url(),
              connection.credentials(),
              out,
              err);
    } catch (InvocationTargetException e) {
      // SyncMain reports its own failures and returns a status; what escapes it is a bug: name it.
      throw new IllegalStateException("sync failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(SYNC_CLASS + ".run is not public", e);
    }
  }
}
