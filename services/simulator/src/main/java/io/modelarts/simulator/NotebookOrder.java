package io.modelarts.simulator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;

/**
 * The service's order of notebooks for a {@code sort_key} list and {@code sort_dir}.
 *
 * <p>Strings compare case-insensitively ({@code "alpha" < "Beta" < "gamma"}), unlike SQL's binary
 * order, so a client that trusts the service's string order is caught. Absent or null values sort
 * lowest. Ties are broken by id, in the same direction, so every order is total and paging is
 * stable.
 */
final class NotebookOrder {
  /** The key the service sorts by when no {@code sort_key} is given. */
  static final String DEFAULT_SORT_KEY = "create_at";

  private NotebookOrder() {}

  /** The comparator for the given keys (none: the default key) and direction. */
  static Comparator<StoredNotebook> of(List<String> sortKeys, boolean descending) {
    List<String> keys = sortKeys.isEmpty() ? List.of(DEFAULT_SORT_KEY) : sortKeys;
    Comparator<StoredNotebook> order = null;
    for (String key : keys) {
      JsonPointer pointer = pointerFor(key);
      Comparator<StoredNotebook> byKey =
          (a, b) -> compareValues(a.json().at(pointer), b.json().at(pointer));
      order = order == null ? byKey : order.thenComparing(byKey);
    }
    order = order.thenComparing(StoredNotebook::id);
    return descending ? order.reversed() : order;
  }

  /**
   * Where a sort key's value lives: the lease times for the two time keys, else the top-level
   * field.
   */
  static JsonPointer pointerFor(String sortKey) {
    return switch (sortKey) {
      case "create_at" -> JsonPointer.compile("/lease/create_at");
      case "update_at" -> JsonPointer.compile("/lease/update_at");
      default -> JsonPointer.compile("/" + sortKey);
    };
  }

  static int compareValues(JsonNode a, JsonNode b) {
    boolean aMissing = a.isMissingNode() || a.isNull();
    boolean bMissing = b.isMissingNode() || b.isNull();
    if (aMissing || bMissing) {
      return Boolean.compare(!aMissing, !bMissing);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.isIntegralNumber() && b.isIntegralNumber()
          ? Long.compare(a.longValue(), b.longValue())
          : Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (a.isTextual() && b.isTextual()) {
      return String.CASE_INSENSITIVE_ORDER.compare(a.textValue(), b.textValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.booleanValue(), b.booleanValue());
    }
    // Objects, arrays and mixed types have no natural order; group them by type so the order stays
    // total.
    return Integer.compare(a.getNodeType().ordinal(), b.getNodeType().ordinal());
  }
}
