package io.modelarts.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the simulator needs from one incoming HTTP request, read once so that handlers, the
 * signature check and the request log all see the same values.
 *
 * @param sequence 1-based arrival number
 * @param receivedAt arrival time
 * @param startNanos {@link System#nanoTime()} at arrival, for the duration in the log
 * @param method HTTP method
 * @param rawPath path as sent, still percent-encoded
 * @param rawQuery query as sent, or {@code ""}
 * @param queryParameters decoded parameters
 * @param headers lower-case header names to values (repeats joined by {@code ","})
 * @param body request body bytes
 */
record ReceivedRequest(
    long sequence,
    Instant receivedAt,
    long startNanos,
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> queryParameters,
    Map<String, String> headers,
    byte[] body) {

  /** Bodies are small JSON documents; anything larger is refused rather than buffered. */
  static final int MAX_BODY_BYTES = 1 << 20;

  static ReceivedRequest read(HttpExchange exchange, long sequence) throws IOException {
    Instant receivedAt = Instant.now();
    long startNanos = System.nanoTime();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    rawQuery = rawQuery == null ? "" : rawQuery;
    Map<String, List<String>> parameters;
    try {
      parameters = QueryString.decode(rawQuery);
    } catch (IllegalArgumentException e) {
      // Unreachable behind the JDK server, which answers 400 itself to a URI with a malformed
      // escape;
      // kept so a change of server cannot turn such a request into a 500.
      parameters = QueryString.undecoded(rawQuery);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.merge(
                    name.toLowerCase(Locale.ROOT),
                    String.join(",", values),
                    (a, b) -> a + "," + b));
    return new ReceivedRequest(
        sequence,
        receivedAt,
        startNanos,
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        rawQuery,
        parameters,
        headers,
        readBody(exchange.getRequestBody()));
  }

  /** The value of a header by lower-case name, or null. */
  String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new IOException("request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      return body;
    }
  }
}
