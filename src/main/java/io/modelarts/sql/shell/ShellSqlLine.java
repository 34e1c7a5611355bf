package io.modelarts.sql.shell;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;
import sqlline.SqlLine;

/**
 * sqlline with the shell's error reporting: one line per failure, {@code Error: message (SQLState
 * 42S02)}, and a stack trace only with {@code --verbose}.
 *
 * <p>sqlline's own reporting prints a full stack trace to {@code System.err} for any error that
 * happens before its prompt loop starts, which is every error of {@code -e}.
 */
final class ShellSqlLine extends SqlLine {
  /**
   * sqlline's message (resource {@code no-current-connection}) for a statement without a
   * connection.
   */
  private static final String NO_CONNECTION = "No current connection";

  private final PrintStream err;
  private final boolean verbose;
  private final boolean batch;
  private boolean errorReported;

  ShellSqlLine(PrintStream out, PrintStream err, boolean verbose, boolean batch) {
    this.err = err;
    this.verbose = verbose;
    this.batch = batch;
    setOutputStream(out);
    setErrorStream(err);
  }

  @Override
  public void handleException(Throwable e) {
    while (e instanceof InvocationTargetException ite && ite.getTargetException() != null) {
      e = ite.getTargetException();
    }
    error(oneLine(e));
    if (verbose) {
      e.printStackTrace(err);
    }
  }

  /**
   * Prints an error, except the "No current connection" that every statement of a batch earns after
   * a failed connect: the reason has been reported already, and an error is meant to be one line.
   * Every error sqlline reports, exceptions included, ends up here.
   */
  @Override
  public boolean error(String message) {
    if (batch && errorReported && NO_CONNECTION.equals(message)) {
      return false;
    }
    errorReported = true;
    return super.error(message);
  }

  /**
   * The failure as one line: the message's first line (Calcite's parse errors go on to list every
   * token it expected) and the SQLState of the nearest SQLException.
   */
  static String oneLine(Throwable e) {
    SQLException sql = null;
    for (Throwable t = e; t != null && sql == null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        sql = s;
      }
    }
    Throwable shown = sql != null ? sql : e;
    String message = shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
    message = message.strip().lines().findFirst().orElse("").strip();
    String state =
        sql == null || sql.getSQLState() == null ? "" : " (SQLState " + sql.getSQLState() + ")";
    return "Error: " + message + state;
  }
}
