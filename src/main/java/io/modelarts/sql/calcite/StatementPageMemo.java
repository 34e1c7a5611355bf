package io.modelarts.sql.calcite;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.modelarts.sql.http.ListRequest;
import io.modelarts.sql.http.NotebookPage;
import io.modelarts.sql.http.PageSource;
import io.modelarts.sql.http.QueryContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Pages fetched once per statement execution and shared by the scans of that execution that make
 * the same calls (a child table joined to {@code notebooks}), so a join costs what the {@code
 * notebooks} scan costs alone.
 *
 * <p>Only scans marked {@link ScanSpec#shared()} use it, since it keeps the pages until the
 * statement's {@link org.apache.calcite.DataContext} is garbage.
 */
final class StatementPageMemo implements PageSource {
  private static final Cache<Object, StatementPageMemo> BY_STATEMENT =
      CacheBuilder.newBuilder().weakKeys().build();

  private final PageSource delegate;
  private final ConcurrentHashMap<ListRequest, CompletableFuture<NotebookPage>> pages =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Object, List<Map<String, String>>> listings =
      new ConcurrentHashMap<>();

  private StatementPageMemo(PageSource delegate) {
    this.delegate = delegate;
  }

  /** The memo of the execution that {@code root} belongs to. */
  static StatementPageMemo forStatement(Object root, PageSource delegate) {
    try {
      return BY_STATEMENT.get(root, () -> new StatementPageMemo(delegate));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The listings that the sharing scans of this execution settled on for {@code key}: the first
   * scan to ask computes them, the others get the same.
   */
  List<Map<String, String>> listings(Object key, Supplier<List<Map<String, String>>> compute) {
    return listings.computeIfAbsent(key, k -> compute.get());
  }

  @Override
  public NotebookPage fetch(ListRequest request, QueryContext context) throws IOException {
    CompletableFuture<NotebookPage> mine = new CompletableFuture<>();
    CompletableFuture<NotebookPage> existing = pages.putIfAbsent(request, mine);
    if (existing == null) {
      try {
        mine.complete(delegate.fetch(request, context));
      } catch (IOException | RuntimeException e) {
        pages.remove(request, mine); // a failed call is not remembered: the next asker retries
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
    try {
      return existing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryContext.QueryCancelledException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
  }
}
