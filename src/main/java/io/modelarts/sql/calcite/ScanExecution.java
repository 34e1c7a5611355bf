package io.modelarts.sql.calcite;

import io.modelarts.sql.http.ListRequest;
import io.modelarts.sql.http.ListingPager;
import io.modelarts.sql.http.Notebook;
import io.modelarts.sql.http.PageSource;
import io.modelarts.sql.http.QueryContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Runs a {@link ScanSpec} at execution time: walks its listings one after another, drops notebooks
 * already seen (by {@code id}), and maps them to the table's rows, all lazily, so that rows reach
 * the client while later pages are still loading and nothing more is fetched once the client stops
 * reading.
 *
 * <p>Called from the code Calcite generates for {@link ModelArtsTableScan}.
 */
public final class ScanExecution {
  private ScanExecution() {}

  /** Entry point for generated code. */
  public static Enumerable<Object[]> enumerable(
      DataContext root, ModelArtsTable table, ScanSpec spec) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new ScanEnumerator(root, table, spec);
      }
    };
  }

  /** The statement's cancel flag and timeout as an HTTP-layer context. */
  static QueryContext contextOf(DataContext root, ModelArtsSession session) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
    long millis = timeout instanceof Number n ? n.longValue() : 0;
    return new QueryContext(cancel, session.closedFlag(), millis);
  }

  /** Waits for a page while watching the statement's cancel flag and deadline. */
  static <T> T await(java.util.concurrent.CompletableFuture<T> future, QueryContext context) {
    try {
      return context.await(future);
    } catch (QueryContext.QueryCancelledException e) {
      context.close();
      throw new ListingPager.ListingException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      context.close();
      Throwable cause = e.getCause();
      if (cause instanceof java.io.UncheckedIOException u) {
        throw new ListingPager.ListingException(u.getCause());
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Iterates the rows of one scan. */
  private static final class ScanEnumerator implements Enumerator<Object[]> {
    private final ModelArtsSession session;
    private final ModelArtsTable table;
    private final ScanSpec spec;
    private final QueryContext context;
    private final PageSource pages;
    private final List<ListingPager> pagers = new ArrayList<>();
    private Iterator<Object[]> rows;
    private Object[] current;
    private long emitted;
    private long rowsRead;

    ScanEnumerator(DataContext root, ModelArtsTable table, ScanSpec spec) {
      this.table = table;
      this.session = table.session;
      this.spec = spec;
      this.context = contextOf(root, table.session);
      this.pages =
          spec.shared() ? StatementPageMemo.forStatement(root, session.pages()) : session.pages();
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (rows == null) {
        rows = table.rows(spec.sort() == null ? notebooks(new HashSet<>(), this::open) : sorted());
      }
      if (spec.hasWindow() && emitted >= spec.fetch()) {
        return false;
      }
      if (spec.exact() && spec.rowsNeededHint() >= 0 && emitted >= spec.rowsNeededHint()) {
        // The limit above takes no more rows than this from an exact scan; stopping here saves
        // the page a last look-ahead would cost.
        return false;
      }
      try {
        if (!rows.hasNext()) {
          return false;
        }
        current = rows.next();
        emitted++;
        return true;
      } catch (ListingPager.ListingException e) {
        close();
        throw e;
      }
    }

    /** The notebooks of the listings merged in the API's order the spec asks for. */
    private Iterator<ListedNotebook> sorted() {
      Set<String> seen = new HashSet<>();
      ApiSort sort = spec.sort();
      return new SortedMerge(
          sort,
          spec.listings(),
          listing -> {
            Map<String, String> ordered = new java.util.HashMap<>(listing);
            ordered.put("sort_key", sort.apiKey());
            ordered.put("sort_dir", sort.direction());
            return pager(ListRequest.of(ordered, spec.pageSize()), spec.rowsWanted());
          },
          () ->
              notebooks(
                  seen, listing -> pager(ListRequest.of(listing, ListRequest.MAX_PAGE_SIZE), -1)),
          session,
          seen);
    }

    /** The notebooks of all listings, each id once, listing after listing. */
    private Iterator<ListedNotebook> notebooks(
        Set<String> seen,
        java.util.function.Function<Map<String, String>, Iterator<Notebook>> open) {
      Iterator<Map<String, String>> listings = spec.listings().iterator();
      return new Iterator<>() {
        private Iterator<Notebook> pager = Collections.emptyIterator();
        private Map<String, String> listing;
        private ListedNotebook next;

        @Override
        public boolean hasNext() {
          while (next == null) {
            if (pager.hasNext()) {
              Notebook n = pager.next();
              rowsRead++;
              if (seen.add(n.id())) {
                next = new ListedNotebook(n, listing);
              }
            } else if (listings.hasNext()) {
              listing = listings.next();
              pager = open.apply(listing);
            } else {
              return false;
            }
          }
          return true;
        }

        @Override
        public ListedNotebook next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          ListedNotebook out = next;
          next = null;
          return out;
        }
      };
    }

    private Iterator<Notebook> open(Map<String, String> listing) {
      int pageSize = spec.pageSize();
      ListRequest first = ListRequest.of(listing, pageSize);
      if (spec.hasWindow() && spec.offset() > 0) {
        first = windowStart(first);
        if (first == null) {
          return Collections.emptyIterator();
        }
      }
      // How far the pager may read ahead: -1 everything, 0 nothing, else rows from its first page.
      long wanted = spec.rowsWanted();
      if (spec.hasWindow()) {
        wanted = spec.offset() - first.offset() + spec.fetch();
      } else if (wanted > 0) {
        wanted = Math.max(0, wanted - rowsRead); // rows of earlier listings count toward the limit
      }
      Iterator<Notebook> it = pager(first, wanted);
      if (spec.hasWindow()) {
        // The first page starts at a page boundary; skip to the exact offset inside it.
        long skip = spec.offset() - first.offset();
        for (long i = 0; i < skip && it.hasNext(); i++) {
          it.next();
        }
      }
      return it;
    }

    /** A pager for one listing, closed with the scan. */
    private ListingPager pager(ListRequest first, long wanted) {
      ListingPager pager =
          new ListingPager(
              pages,
              first,
              session.config().pageConcurrency(),
              session.executor(),
              context,
              session::warn,
              wanted);
      pagers.add(pager);
      return pager;
    }

    /**
     * The request of the page holding row {@code offset}, checked against what the service says
     * about it; null when the listing has fewer rows than the offset.
     */
    private ListRequest windowStart(ListRequest first) {
      int pageIndex = (int) (spec.offset() / first.limit());
      return pageIndex == 0 ? first : first.page(pageIndex);
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      for (ListingPager p : pagers) {
        p.close();
      }
      context.close();
    }
  }
}
