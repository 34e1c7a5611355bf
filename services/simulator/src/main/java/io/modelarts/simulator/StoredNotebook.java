package io.modelarts.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One notebook as the simulator holds it: the JSON the API renders, plus the owner, which the
 * service knows even when it does not report it.
 *
 * <p>The JSON is never modified after construction, so many requests may serialize it at once;
 * callers that hand it out must {@link ObjectNode#deepCopy() copy} it.
 *
 * @param owner the owner's user id (the {@code owner} filter matches it)
 * @param json the notebook as the API renders it
 */
record StoredNotebook(String owner, ObjectNode json) {

  String id() {
    return json.get("id").asText();
  }

  /** A top-level string field, or null when absent or JSON null. */
  String text(String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** {@code pool.id}, or null for a notebook outside dedicated pools. */
  String poolId() {
    JsonNode id = json.path("pool").get("id");
    return id == null ? null : id.asText();
  }
}
