package io.modelarts.sql.bench;

import java.util.List;

/**
 * The line protocol between the benchmark and its client JVM: one request per line on the agent's
 * stdin, tab-separated fields; one reply per request on its stdout, marked with a prefix so that
 * anything else a library prints there is skipped.
 *
 * <p>Requests: {@code sql URL SQL HEAP}, {@code prepared URL SQL PARAM HEAP}, {@code client BASEURL
 * PROJECT TOKEN QUERY ARG HEAP}, {@code live}, {@code quit}; HEAP is 1 to sample the run's peak
 * live heap (the run is then not timed).
 */
final class AgentProtocol {
  static final String REPLY = "@@bench ";

  private AgentProtocol() {}

  static String request(String... fields) {
    for (String f : fields) {
      if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a field may hold no tab or newline: " + f);
      }
    }
    return String.join("\t", fields);
  }

  static List<String> fields(String line) {
    return List.of(line.split("\t", -1));
  }

  static String ok(Measurement m) {
    return REPLY
        + "ok "
        + m.wallNanos()
        + " "
        + m.firstRowNanos()
        + " "
        + m.rows()
        + " "
        + m.peakLiveHeapBytes();
  }

  static String error(Throwable t) {
    String message = String.valueOf(t).replace('\n', ' ').replace('\r', ' ');
    return REPLY + "error " + message;
  }

  /** The measurement in a reply line, or an exception carrying the agent's error. */
  static Measurement parse(String replyLine) {
    String body = replyLine.substring(REPLY.length());
    if (body.startsWith("error ")) {
      throw new IllegalStateException("client JVM: " + body.substring(6));
    }
    String[] f = body.split(" ");
    return new Measurement(
        Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
  }
}
