package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Answers one list call from the current data: filter, order, then cut the page the service's way.
 *
 * <p>Worked example with 33 matches and {@code limit=10}: {@code offset=15} gives page 1 (rows
 * 10..19); {@code offset=30} gives page 3 (rows 30..32); {@code offset=40} fails with {@code 400
 * ModelArts.6400 "fromIndex(40) > toIndex(33)"}. With 30 matches, {@code offset=30} gives page 3
 * with an empty {@code data} array, since fromIndex 30 is not greater than toIndex 30.
 */
final class NotebookListing {
  /**
   * A client pages one selection many times; sorting it once per data version keeps large sets
   * fast.
   */
  private record CacheKey(long version, NotebookSelection selection) {}

  private final NotebookStore store;
  private final NameMatch nameMatch;
  private final Cache<CacheKey, List<StoredNotebook>> selections =
      CacheBuilder.newBuilder().maximumSize(64).build();

  NotebookListing(NotebookStore store, NameMatch nameMatch) {
    this.store = requireNonNull(store, "store == null");
    this.nameMatch = requireNonNull(nameMatch, "nameMatch == null");
  }

  /**
   * The response body {@code {"current", "data", "pages", "size", "total"}} for a validated query.
   */
  ObjectNode page(NotebookQuery query) {
    List<StoredNotebook> matching = select(store.snapshot(), query.selection());
    int total = matching.size();
    int limit = query.limit();
    long fromIndex = (long) query.page() * limit;
    long toIndex = Math.min(total, fromIndex + limit);
    if (fromIndex > toIndex) {
      throw ModelArtsError.PAGE_OUT_OF_RANGE.exception(
          "fromIndex(" + fromIndex + ") > toIndex(" + toIndex + ")");
    }
    ObjectNode body =
        Json.object()
            .put("current", query.page())
            .put("pages", (total + limit - 1) / limit)
            .put("size", limit)
            .put("total", (long) total);
    ArrayNode data = body.putArray("data");
    // The stored nodes are never modified, so they can be serialized without copying.
    matching.subList((int) fromIndex, (int) toIndex).forEach(notebook -> data.add(notebook.json()));
    return body;
  }

  /** Every notebook of the snapshot in the default order (lease.create_at DESC, then id DESC). */
  static List<StoredNotebook> inDefaultOrder(NotebookStore.Snapshot snapshot) {
    return snapshot.notebooks().stream().sorted(NotebookOrder.of(List.of(), true)).toList();
  }

  private List<StoredNotebook> select(
      NotebookStore.Snapshot snapshot, NotebookSelection selection) {
    try {
      return selections.get(
          new CacheKey(snapshot.version(), selection),
          () ->
              snapshot.notebooks().stream()
                  .filter(notebook -> selection.matches(notebook, nameMatch))
                  .sorted(selection.order())
                  .toList());
    } catch (ExecutionException e) {
      throw new IllegalStateException("selecting notebooks failed", e.getCause());
    }
  }
}
