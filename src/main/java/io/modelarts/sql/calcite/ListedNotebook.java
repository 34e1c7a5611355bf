package io.modelarts.sql.calcite;

import io.modelarts.sql.http.Notebook;
import java.util.Map;

/**
 * A notebook together with the filter parameters of the listing that returned it; the {@code owner}
 * column needs them, since the API may report a notebook's owner only through the filter.
 */
record ListedNotebook(Notebook notebook, Map<String, String> listing) {

  /**
   * The owner as the contract defines it: reported by the API, else the owner filter, else null.
   */
  String owner() {
    return notebook.owner() != null ? notebook.owner() : listing.get("owner");
  }
}
