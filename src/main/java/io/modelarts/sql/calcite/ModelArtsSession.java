package io.modelarts.sql.calcite;

import io.modelarts.sql.config.ConnectionConfig;
import io.modelarts.sql.http.ApiCallLog;
import io.modelarts.sql.http.PageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the tables of one connection share at run time: its settings, the source of pages (the HTTP
 * client, possibly behind a cache), the call log, the pool that fetches pages, and the row counts
 * learned from earlier listings.
 */
public final class ModelArtsSession {
  private static final Logger LOG = LoggerFactory.getLogger(ModelArtsSession.class);

  private final ConnectionConfig config;
  private final PageSource pages;
  private final ListingStatistics statistics;
  private final ApiCallLog callLog;
  private final ExecutorService executor;
  private final List<String> warnings = new ArrayList<>();
  private final java.util.Set<String> unsortableKeys =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  public ModelArtsSession(
      ConnectionConfig config, PageSource pages, ApiCallLog callLog, ExecutorService executor) {
    this.config = config;
    this.statistics = ListingStatistics.shared(config.identity());
    // Every page's total teaches the statistics how big that listing is, cache hits included.
    this.pages =
        (request, context) -> {
          io.modelarts.sql.http.NotebookPage page = pages.fetch(request, context);
          if (page.total() != null && page.total() >= 0) {
            statistics.recordTotal(request, page.total());
          }
          return page;
        };
    this.callLog = callLog;
    this.executor = executor;
  }

  public ConnectionConfig config() {
    return config;
  }

  public PageSource pages() {
    return pages;
  }

  /** Row counts learned from this identity's listings, for choosing between listing plans. */
  public ListingStatistics statistics() {
    return statistics;
  }

  public ApiCallLog callLog() {
    return callLog;
  }

  public ExecutorService executor() {
    return executor;
  }

  /**
   * Marks the connection closed: every statement still running sees it at its next poll and aborts
   * its calls, so closing a connection cancels its work.
   */
  public void close() {
    closed.set(true);
  }

  /** Whether the connection was closed. */
  public boolean isClosed() {
    return closed.get();
  }

  /** A flag that reads true once the connection is closed, to combine with a statement's. */
  public java.util.concurrent.atomic.AtomicBoolean closedFlag() {
    return closed;
  }

  /** Remembers that the service refused {@code sortKey} (ModelArts.6303) for this connection. */
  public void markSortUnsupported(String sortKey) {
    unsortableKeys.add(sortKey);
  }

  public boolean isSortUnsupported(String sortKey) {
    return unsortableKeys.contains(sortKey);
  }

  /** Records a warning about a result (e.g. data changed while it was read). */
  public void warn(String message) {
    LOG.warn(message);
    synchronized (warnings) {
      warnings.add(message);
    }
  }

  /** Returns and forgets the warnings recorded since the last call. */
  public List<String> drainWarnings() {
    synchronized (warnings) {
      List<String> out = new ArrayList<>(warnings);
      warnings.clear();
      return out;
    }
  }
}
