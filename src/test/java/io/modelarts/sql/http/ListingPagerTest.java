package io.modelarts.sql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pager over a listing served from memory: what it asks for and how it ends. */
class ListingPagerTest {
  private static final int TOTAL = 25;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<ListRequest> asked = new ArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** A listing of {@link #TOTAL} notebooks, answered page by page. */
  private NotebookPage page(ListRequest request) throws IOException {
    synchronized (asked) {
      asked.add(request);
    }
    StringBuilder data = new StringBuilder();
    for (int i = request.offset(); i < Math.min(TOTAL, request.offset() + request.limit()); i++) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"nb-").append(i).append("\"}");
    }
    String json =
        "{\"current\":" + request.pageIndex() + ",\"total\":" + TOTAL + ",\"data\":[" + data + "]}";
    return NotebookPageParser.parse(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private ListingPager pager(QueryContext context, int concurrency, long rowsWanted) {
    return new ListingPager(
        (request, ctx) -> page(request),
        ListRequest.of(Map.of("feature", "NOTEBOOK"), 10),
        concurrency,
        executor,
        context,
        warning -> {},
        rowsWanted);
  }

  @Test
  void readsEveryPageOnceAndNotOnePastTheEnd() {
    try (ListingPager pager = pager(QueryContext.unbounded(), 2, -1)) {
      int rows = 0;
      while (pager.hasNext()) {
        pager.next();
        rows++;
      }
      assertEquals(TOTAL, rows);
    }
    assertEquals(3, asked.size(), asked.toString());
  }

  @Test
  void aCancelBetweenPagesFailsInsteadOfEndingTheListing() {
    AtomicBoolean cancel = new AtomicBoolean();
    // On demand (rowsWanted 0), one page at a time: nothing is in flight between pages.
    try (ListingPager pager = pager(new QueryContext(cancel, 0), 1, 0)) {
      for (int i = 0; i < 10; i++) {
        assertTrue(pager.hasNext());
        pager.next();
      }
      cancel.set(true);
      ListingPager.ListingException e =
          assertThrows(ListingPager.ListingException.class, pager::hasNext);
      assertTrue(e.getCause() instanceof QueryContext.QueryCancelledException, e.toString());
    }
    assertEquals(1, asked.size(), "no page is asked for after the cancel");
  }
}
