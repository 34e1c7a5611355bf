package io.modelarts.sql.http;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Pages recently fetched for one identity (endpoint, project and credential), shared by all its
 * connections: a page asked for again within the TTL is served from memory, and identical calls in
 * flight at the same time share one HTTP request.
 *
 * <p>Keyed on the whole normalised request (filters, sort, limit and offset), so a page is only
 * ever reused for exactly the call that produced it — never a limited answer for another query.
 * Bounded by the number of rows held; the least recently used pages go first.
 */
public final class ResponseCache {
  private static final ConcurrentHashMap<String, ResponseCache> SHARED = new ConcurrentHashMap<>();

  /** At most this many notebooks are held per identity (about 2 kB each). */
  static final long MAX_ROWS = 10_000;

  private final Cache<ListRequest, NotebookPage> pages;
  private final ConcurrentHashMap<ListRequest, CompletableFuture<NotebookPage>> inFlight =
      new ConcurrentHashMap<>();

  private ResponseCache(long ttlMillis) {
    this.pages =
        CacheBuilder.newBuilder()
            .expireAfterWrite(ttlMillis, TimeUnit.MILLISECONDS)
            .maximumWeight(MAX_ROWS)
            .<ListRequest, NotebookPage>weigher((k, v) -> Math.max(1, v.data().size()))
            .build();
  }

  /**
   * The cache of one identity; {@code identity} must name endpoint, project and credential (never
   * the secret itself: a hash of it).
   */
  public static ResponseCache shared(String identity, long ttlMillis) {
    return SHARED.computeIfAbsent(
        identity + "|ttl=" + ttlMillis, k -> new ResponseCache(ttlMillis));
  }

  /** A connection's view: fetches through {@code delegate} on a miss, logs hits in {@code log}. */
  public PageSource over(PageSource delegate, ApiCallLog log) {
    return (request, context) -> fetch(request, context, delegate, log);
  }

  private NotebookPage fetch(
      ListRequest request, QueryContext context, PageSource delegate, ApiCallLog log)
      throws IOException {
    while (true) {
      NotebookPage cached = pages.getIfPresent(request);
      if (cached != null) {
        logHit(request, cached, log);
        return cached;
      }
      CompletableFuture<NotebookPage> mine = new CompletableFuture<>();
      CompletableFuture<NotebookPage> running = inFlight.putIfAbsent(request, mine);
      if (running == null) {
        try {
          NotebookPage page = delegate.fetch(request, context);
          pages.put(request, page);
          mine.complete(page);
          return page;
        } catch (IOException | RuntimeException e) {
          mine.completeExceptionally(e);
          throw e;
        } finally {
          inFlight.remove(request, mine);
        }
      }
      try {
        NotebookPage page = context.await(running);
        logHit(request, page, log);
        return page;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof QueryContext.QueryCancelledException) {
          continue; // the statement that made the call was cancelled, not ours: ask again
        }
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException(e.getCause());
      }
    }
  }

  private static void logHit(ListRequest request, NotebookPage page, ApiCallLog log) {
    log.record(
        new ApiCall(
            log.nextSequence(),
            Instant.now(),
            "GET",
            "(cache)",
            request.toString(),
            0,
            200,
            null,
            null,
            0,
            page.data().size(),
            true));
  }
}
