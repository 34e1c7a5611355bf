package io.modelarts.sql.calcite;

import io.modelarts.sql.http.Notebook;
import java.util.Map;
import java.util.function.Function;

/**
 * An ORDER BY the API can be asked for ({@code sort_key}, {@code sort_dir}): only numeric keys,
 * whose order is the same in every collation, and only with NULLs last (the scan sets rows without
 * a key aside and returns them after all others, wherever the service put them).
 *
 * @param column the SQL column, e.g. {@code lease_create_at}
 * @param apiKey the {@code sort_key} value, e.g. {@code create_at}
 */
public record ApiSort(String column, String apiKey, boolean descending) {

  /** SQL columns of {@code notebooks} that may be sorted by the API, and their sort keys. */
  static final Map<String, String> SORTABLE =
      Map.of("lease_create_at", "create_at", "lease_update_at", "update_at");

  /** The {@code sort_dir} value. */
  public String direction() {
    return descending ? "DESC" : "ASC";
  }

  /** Reads the sort key of a notebook; null when it has none. */
  Function<Notebook, Long> keyOf() {
    return switch (column) {
      case "lease_create_at" -> n -> n.lease() == null ? null : n.lease().createAt();
      case "lease_update_at" -> n -> n.lease() == null ? null : n.lease().updateAt();
      default -> throw new IllegalStateException(column);
    };
  }

  /** For EXPLAIN: {@code create_at DESC}. */
  @Override
  public String toString() {
    return apiKey + " " + direction();
  }
}
