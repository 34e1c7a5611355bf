package io.modelarts.sql.jdbc;

import io.modelarts.sql.auth.AuthenticationException;
import io.modelarts.sql.calcite.UnsupportedSqlException;
import io.modelarts.sql.http.MalformedResponseException;
import io.modelarts.sql.http.ModelArtsApiException;
import io.modelarts.sql.http.QueryContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps whatever a query or connection failed with to an SQLException whose SQLState fits: 28000
 * refused credentials, 08xxx service unreachable, 42xxx bad SQL or unknown table/column, 22xxx an
 * expression's value (division by zero, a cast of text that is no number or date, a number out of
 * range), HY008 cancelled, HYT00 timed out, HY000 anything else; the service's own words are kept.
 */
final class SqlErrors {
  private static final Pattern NOT_FOUND =
      Pattern.compile("(Object|Table|Column) '([^']*)' not found");

  /** How Calcite words a cast of text that is no date, time or timestamp. */
  private static final Pattern DATETIME_VALUE =
      Pattern.compile("^Invalid (DATE|TIME|TIMESTAMP)( WITH LOCAL TIME ZONE)? value");

  /** How much of a node that cannot be planned a message quotes. */
  private static final int NODE_CHARS = 200;

  /** How Calcite's message begins when it has no code for a node of the plan. */
  private static final String UNABLE = "Unable to implement ";

  private SqlErrors() {}

  /** The SQLException to throw for {@code failure}. */
  static SQLException translate(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ModelArtsSQLException m) {
        return m;
      }
      if (t instanceof QueryContext.QueryCancelledException c) {
        boolean timeout = String.valueOf(c.getMessage()).contains("timeout");
        return new ModelArtsSQLException(
            timeout
                ? "The query ran past its timeout and was stopped"
                : "The statement was cancelled",
            timeout ? "HYT00" : "HY008",
            null,
            null,
            null,
            failure);
      }
      if (t instanceof UnsupportedSqlException u) {
        return new ModelArtsSQLException(u.getMessage(), "0A000", null, null, null, failure);
      }
      if (t instanceof AuthenticationException a) {
        return new ModelArtsSQLException(
            a.getMessage(), "28000", a.errorCode(), a.errorMessage(), a.requestId(), failure);
      }
      if (t instanceof ModelArtsApiException api) {
        return new ModelArtsSQLException(
            api.getMessage(),
            stateOf(api),
            api.errorCode(),
            api.errorMessage(),
            api.requestId(),
            failure);
      }
      if (t instanceof MalformedResponseException m) {
        return new ModelArtsSQLException(
            "The ModelArts service sent an answer that cannot be read: " + m.getMessage(),
            "HY000",
            null,
            null,
            null,
            failure);
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return new ModelArtsSQLException(
            "Cannot reach the ModelArts service: " + t.getMessage(),
            "08001",
            null,
            null,
            null,
            failure);
      }
      if (t instanceof SocketTimeoutException) {
        return new ModelArtsSQLException(
            "The ModelArts service did not answer in time: " + t.getMessage(),
            "08S01",
            null,
            null,
            null,
            failure);
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      SQLException limit = engineLimit(t, failure);
      if (limit != null) {
        return limit;
      }
      if (t instanceof IOException io) {
        return new ModelArtsSQLException(
            "Communication with the ModelArts service failed: " + io.getMessage(),
            "08S01",
            null,
            null,
            null,
            failure);
      }
      SQLException data = dataException(t, failure);
      if (data != null) {
        return data;
      }
      String name = t.getClass().getName();
      if (name.endsWith("SqlParseException")) {
        return new ModelArtsSQLException(t.getMessage(), "42000", null, null, null, failure);
      }
      if (name.endsWith("SqlValidatorException") || name.endsWith("CalciteContextException")) {
        Matcher m = NOT_FOUND.matcher(String.valueOf(t.getMessage()));
        String state = "42000";
        if (m.find()) {
          state = m.group(1).equals("Column") ? "42S22" : "42S02";
        }
        return new ModelArtsSQLException(t.getMessage(), state, null, null, null, failure);
      }
    }
    if (failure instanceof SQLException sql && sql.getSQLState() != null) {
      return sql;
    }
    // Avatica's own wrapping ("Error while executing SQL ...") carries no SQLState; a failure in a
    // static initialiser of generated code (a constant computed once) carries no message, which
    // its cause has.
    String message = failure.getMessage();
    for (Throwable t = failure; message == null && t != null; t = t.getCause()) {
      message = t.getMessage();
    }
    return new ModelArtsSQLException(
        message != null ? message : failure.getClass().getName(),
        "HY000",
        null,
        null,
        null,
        failure);
  }

  /**
   * A query Calcite's planner or code generator cannot handle ({@code t}: no plan of its nodes can
   * run, a node of the plan has no code, or Janino could not compile the code generated), as {@code
   * 0A000} with a message of one line: what failed, and the node or the innermost cause's words; or
   * null if {@code t} is no such failure.
   *
   * <p>Why: Calcite's own message holds the whole plan with its costs, the planner's every set of
   * plans, or the whole generated program: pages that a tool shows in an error box. They stay in
   * the exception's causes.
   */
  private static @Nullable SQLException engineLimit(Throwable t, Throwable failure) {
    String message = String.valueOf(t.getMessage());
    String what;
    if (t.getClass().getName().endsWith("CannotPlanException")) {
      // The node is on the line after this one; the planner's sets of plans follow it.
      String marker = "the relevant part of the original plan is as follows";
      int at = message.indexOf(marker);
      String node = "";
      if (at >= 0) {
        String rest = message.substring(at + marker.length()).strip();
        node = rest.lines().findFirst().orElse("").replaceFirst("^\\d+:", "");
        node = node.length() > NODE_CHARS ? node.substring(0, NODE_CHARS) + "…" : node;
      }
      what = "Calcite cannot plan " + (node.isEmpty() ? "it" : node);
    } else if (message.startsWith("Error while compiling generated Java code")) {
      what = "its generated code does not compile";
    } else if (message.startsWith(UNABLE)) {
      int node = message.indexOf('(');
      what =
          "Calcite is unable to implement "
              + message.substring(UNABLE.length(), node < 0 ? message.length() : node);
    } else {
      return null;
    }
    Throwable innermost = t;
    while (true) {
      Throwable next =
          innermost.getCause() != null
              ? innermost.getCause()
              : innermost.getSuppressed().length > 0 ? innermost.getSuppressed()[0] : null;
      if (next == null || next == innermost) {
        break;
      }
      innermost = next;
    }
    String detail =
        innermost == t
            ? ""
            : " (" + innermost.getClass().getSimpleName() + ": " + innermost.getMessage() + ")";
    return new ModelArtsSQLException(
        "This query cannot run: "
            + what
            + detail
            + ", a limit of Calcite 1.42. Writing the expression another way"
            + " usually avoids it; the plan or code is in this exception's causes.",
        "0A000",
        null,
        null,
        null,
        failure);
  }

  /**
   * The SQL standard's data exception (class 22) that {@code t}, a failure of an expression while
   * it was evaluated (by the generated code, the interpreter, or the planner reducing constants),
   * stands for; null when it is none of them.
   */
  private static SQLException dataException(Throwable t, Throwable failure) {
    String message = String.valueOf(t.getMessage());
    String state = null;
    String what = null;
    if (t instanceof NumberFormatException) {
      state = "22018";
      what = "Invalid character value for cast";
    } else if (t instanceof ArithmeticException) {
      String lower = message.toLowerCase(java.util.Locale.ROOT);
      // No message: HotSpot's preallocated exception for an integer division by zero, which it
      // throws instead of "/ by zero" once the division has failed often enough in compiled code
      // (-XX:+OmitStackTraceInFastThrow, the default). Every other ArithmeticException of the JDK
      // and Calcite is constructed with a message.
      if (t.getMessage() == null
          || lower.contains("by zero")
          || lower.contains("division undefined")) { // 0/0 of decimals
        return new ModelArtsSQLException("Division by zero", "22012", null, null, null, failure);
      }
      if (message.startsWith("Invalid argument for power function")) {
        // POWER (and SQRT) of DOUBLEs without a real value (ApproximateArithmetic).
        return new ModelArtsSQLException(message, "2201F", null, null, null, failure);
      }
      boolean range = lower.contains("out of range") || lower.contains("overflow");
      state = range ? "22003" : "22000";
      what = range ? "Numeric value out of range" : "Data exception";
    } else if (t instanceof IllegalArgumentException
        && message.startsWith("Cannot take logarithm of zero or negative number")) {
      // LN, LOG10 and LOG of zero or less: SQL's "invalid argument for natural logarithm".
      state = "2201E";
      what = "Invalid argument for logarithm";
    } else if (t instanceof IllegalArgumentException && DATETIME_VALUE.matcher(message).find()) {
      state = "22007";
      what = "Invalid datetime format";
    } else if (t.getClass().getName().endsWith("CalciteException")
        && message.startsWith("Substring error")) {
      return new ModelArtsSQLException(message, "22011", null, null, null, failure);
    }
    return state == null
        ? null
        : new ModelArtsSQLException(what + ": " + message, state, null, null, null, failure);
  }

  private static String stateOf(ModelArtsApiException api) {
    int status = api.httpStatus();
    if (status == 401 || status == 403) {
      return "28000";
    }
    if (status == 404) {
      return "08001"; // a wrong endpoint or project: nothing answers there
    }
    if (status == 429 || status >= 500) {
      return "08S01";
    }
    return "HY000";
  }
}
