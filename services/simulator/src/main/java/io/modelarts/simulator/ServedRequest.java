package io.modelarts.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator received and how it answered, as kept in the request log.
 *
 * @param sequence 1-based arrival number over all requests (ModelArts and IAM)
 * @param receivedAt when the request arrived
 * @param method HTTP method
 * @param path raw (still percent-encoded) request path
 * @param rawQuery raw query string, or {@code ""} when there is none
 * @param queryParameters decoded query parameters in arrival order; a repeated key keeps every
 *     value
 * @param headers request headers with lower-case names, values as received (repeats joined by
 *     {@code ","})
 * @param authKind the credential kind the request presented: {@code "aksk"}, {@code "token"} or
 *     {@code "none"}
 * @param status HTTP status answered, or {@link #CONNECTION_DROPPED} when the connection was
 *     dropped
 * @param errorCode the {@code error_code} of an error answer, the IAM error title for IAM errors,
 *     or null
 * @param durationMillis time from arrival to the end of the answer, injected latency included
 */
public record ServedRequest(
    long sequence,
    Instant receivedAt,
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> queryParameters,
    Map<String, String> headers,
    String authKind,
    int status,
    String errorCode,
    long durationMillis) {

  /** The {@link #status} recorded when the reset fault dropped the connection without an answer. */
  public static final int CONNECTION_DROPPED = 0;

  public ServedRequest {
    // Defensive, immutable copies: the log is handed to tests that may run in other threads.
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    queryParameters.forEach((key, values) -> parameters.put(key, List.copyOf(values)));
    queryParameters = Collections.unmodifiableMap(parameters);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * The query parameters with only the first value of each key, for the common single-valued case.
   */
  public Map<String, String> singleParameters() {
    Map<String, String> single = new LinkedHashMap<>();
    queryParameters.forEach(
        (key, values) -> single.put(key, values.isEmpty() ? "" : values.get(0)));
    return single;
  }

  /** The value of a request header, by case-insensitive name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** Whether this was a call of the ModelArts list API (as counted by {@code apiCallCount()}). */
  public boolean isListCall() {
    return ListNotebooksEndpoint.listCallProjectId(method, path) != null;
  }
}
