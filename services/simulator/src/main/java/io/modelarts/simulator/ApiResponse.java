package io.modelarts.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer decided but not yet written: status, extra headers and JSON body, or the decision to
 * drop the connection. Keeping it as a value lets injected latency delay the writing without
 * holding a thread.
 *
 * @param status HTTP status
 * @param errorCode {@code error_code} (or IAM title) for the request log; null on success
 * @param headers headers beyond the ones every answer carries
 * @param body JSON body bytes
 * @param dropConnection whether to close the connection without writing anything
 */
record ApiResponse(
    int status,
    String errorCode,
    Map<String, String> headers,
    byte[] body,
    boolean dropConnection) {

  ApiResponse {
    headers = Map.copyOf(headers);
  }

  static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, null, Map.of(), Json.bytes(body), false);
  }

  static ApiResponse connectionDropped() {
    return new ApiResponse(ServedRequest.CONNECTION_DROPPED, null, Map.of(), new byte[0], true);
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, errorCode, more, body, dropConnection);
  }

  ApiResponse withErrorCode(String code) {
    return new ApiResponse(status, code, headers, body, dropConnection);
  }
}
