package io.modelarts.sql.http;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Walks one listing (one set of filter values) page by page, lazily, in order.
 *
 * <p>The first page tells {@code total}; the pager then asks for exactly the pages that exist,
 * never one past the end (the service answers those with an error), keeping up to {@code
 * concurrency} requests in flight ahead of the reader. It stops asking as soon as the reader stops
 * reading. Waits poll the statement's cancel flag, so a cancel aborts within ~50 ms.
 *
 * <p>When the reader may stop early ({@code rowsWanted >= 0}: a LIMIT above), pages are fetched
 * ahead only as far as the wanted rows reach, and beyond that one at a time on demand, so a limited
 * query never pays for pages it does not read.
 */
public final class ListingPager implements Iterator<Notebook>, AutoCloseable {

  private final PageSource source;
  private final ListRequest first;
  private volatile int concurrency;
  private final ExecutorService executor;
  private final QueryContext context;
  private final Consumer<String> warnings;
  private final long rowsWanted;
  private final Deque<CompletableFuture<NotebookPage>> inFlight = new ArrayDeque<>();
  private final java.util.concurrent.atomic.AtomicInteger running =
      new java.util.concurrent.atomic.AtomicInteger();

  private Iterator<Notebook> current = List.<Notebook>of().iterator();
  private boolean started;
  private boolean eager;
  private CompletableFuture<NotebookPage> firstPage;
  private long total = -1;
  private int lastPage = -1;
  private int nextPageToRequest;
  private int pagesRead;
  private int rowsSeen;

  public ListingPager(
      PageSource source,
      ListRequest first,
      int concurrency,
      ExecutorService executor,
      QueryContext statementContext,
      Consumer<String> warnings,
      long rowsWanted) {
    this.source = source;
    this.rowsWanted = rowsWanted;
    this.first = first;
    this.concurrency = Math.max(1, concurrency);
    this.executor = executor;
    this.context = statementContext.child();
    this.warnings = warnings;
  }

  @Override
  public boolean hasNext() {
    try {
      while (!current.hasNext()) {
        if (!advance()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new ListingException(e);
    }
  }

  @Override
  public Notebook next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  /**
   * Reads ahead as soon as the first page arrives rather than when the reader needs a second one,
   * for a reader that reads several listings by turns and wants every row of each.
   */
  public ListingPager eagerly() {
    this.eager = true;
    return this;
  }

  /**
   * Changes how many pages may be in flight from the next read on: a reader of several listings
   * gives a finished listing's share to the others.
   */
  public void setConcurrency(int pages) {
    this.concurrency = Math.max(1, pages);
  }

  /** Sends the first page's request now, without waiting for it (so listings start together). */
  public void start() {
    if (firstPage == null && !started) {
      firstPage = submit(first);
    }
  }

  /**
   * Whether the rows of the page read last are all taken, so the next {@link #hasNext()} may wait
   * for a page: the moment to turn to another listing.
   */
  public boolean atPageEnd() {
    return !current.hasNext();
  }

  /** The {@code total} the first page reported; -1 before it arrived. */
  public long total() {
    return total;
  }

  /** Loads the next page; false when the listing is exhausted. */
  private boolean advance() throws IOException {
    if (!started) {
      started = true;
      NotebookPage page;
      try {
        page = await(firstPage != null ? firstPage : submit(first));
      } catch (ModelArtsApiException e) {
        if (first.pageIndex() > 0 && "ModelArts.6400".equals(e.errorCode())) {
          // A window that starts past the last row: the listing simply has no rows there.
          return false;
        }
        throw e;
      }
      if (page.current() != null && page.current() != first.pageIndex()) {
        throw new MalformedResponseException(
            "asked for page "
                + first.pageIndex()
                + " of "
                + first
                + " but the service answered"
                + " page "
                + page.current());
      }
      total = requireTotal(page);
      int limit = first.limit();
      lastPage = total == 0 ? -1 : (int) ((total - 1) / limit);
      nextPageToRequest = first.pageIndex() + 1;
      accept(page, first.pageIndex());
      if (eager && rowsWanted < 0) {
        // Ask for the next pages now that total is known, not only when the reader finishes this
        // page: a reader that turns to another listing meanwhile would leave this one idle.
        fillWindow();
      }
      return true;
    }
    if (inFlight.isEmpty() && nextPageToRequest <= lastPage) {
      // A cancel or timeout between two pages must fail the statement, not end the listing early
      // as if it had no more rows.
      context.check();
      inFlight.addLast(submit(first.page(nextPageToRequest++))); // the page the reader needs now
    }
    // Read ahead while the reader works through this page: concurrency counts every page in
    // flight, the one awaited included, so 1 means strictly one page at a time.
    fillWindow();
    CompletableFuture<NotebookPage> next = inFlight.pollFirst();
    if (next == null) {
      return false;
    }
    int pageIndex = first.pageIndex() + ++pagesRead;
    NotebookPage page = await(next);
    accept(page, pageIndex);
    return true;
  }

  private void accept(NotebookPage page, int pageIndex) throws IOException {
    long pageTotal = requireTotal(page);
    List<Notebook> rows = page.data();
    if (pageTotal != total) {
      warnings.accept(
          "the listing "
              + first
              + " changed while it was read: total went from "
              + total
              + " to "
              + pageTotal
              + " at page "
              + pageIndex
              + "; rows added or removed meanwhile may be missing or new");
    }
    long expected =
        Math.min(first.limit(), Math.max(0, pageTotal - (long) pageIndex * first.limit()));
    if (rows.size() > first.limit()) {
      throw new MalformedResponseException(
          "page "
              + pageIndex
              + " of "
              + first
              + " held "
              + rows.size()
              + " rows, more than limit "
              + first.limit());
    }
    if (pageTotal == total && rows.size() < expected) {
      throw new MalformedResponseException(
          "page "
              + pageIndex
              + " of "
              + first
              + " held "
              + rows.size()
              + " rows but total="
              + pageTotal
              + " promises "
              + expected
              + "; refusing to return a short result");
    }
    rowsSeen += rows.size();
    current = rows.iterator();
  }

  private static long requireTotal(NotebookPage page) throws MalformedResponseException {
    if (page.total() == null || page.total() < 0) {
      throw new MalformedResponseException("the page has no valid 'total'");
    }
    return page.total();
  }

  private void fillWindow() {
    int lastPrefetched = lastPage;
    if (rowsWanted >= 0) {
      // rowsWanted counts from the first row of the first page this pager asked for
      lastPrefetched =
          (int)
              Math.min(lastPage, first.pageIndex() + Math.floorDiv(rowsWanted - 1, first.limit()));
    }
    while (inFlight.size() < concurrency
        && nextPageToRequest <= lastPrefetched
        && !context.isDone()) {
      inFlight.addLast(submit(first.page(nextPageToRequest++)));
    }
  }

  private CompletableFuture<NotebookPage> submit(ListRequest request) {
    CompletableFuture<NotebookPage> future = new CompletableFuture<>();
    running.incrementAndGet();
    executor.execute(
        () -> {
          try {
            if (!context.isDone()) {
              future.complete(source.fetch(request, context));
            } else {
              future.cancel(false);
            }
          } catch (Throwable t) {
            future.completeExceptionally(t);
          } finally {
            synchronized (running) {
              running.decrementAndGet();
              running.notifyAll();
            }
          }
        });
    return future;
  }

  private NotebookPage await(CompletableFuture<NotebookPage> future) throws IOException {
    try {
      return context.await(future);
    } catch (ExecutionException e) {
      close();
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /**
   * Stops the listing: pages still in flight are aborted and never read. Waits (briefly) until
   * their calls have ended, so that when a statement is done, no call of it is still running.
   */
  @Override
  public void close() {
    context.close();
    inFlight.clear();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    synchronized (running) {
      while (running.get() > 0 && System.nanoTime() < deadline) {
        try {
          running.wait(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** An I/O failure surfacing through the {@link Iterator} interface. */
  public static final class ListingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ListingException(IOException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
