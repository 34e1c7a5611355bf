package io.modelarts.sql.calcite;

import com.google.common.collect.AbstractIterator;
import io.modelarts.sql.http.ListRequest;
import io.modelarts.sql.http.ListingPager;
import io.modelarts.sql.http.Notebook;
import io.modelarts.sql.http.PageSource;
import io.modelarts.sql.http.QueryContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Runs a {@link ScanSpec} at execution time: settles its listings ({@link ListingResolver}), reads
 * them — together when every row is wanted, one after another when a limit may stop early, merged
 * when an order is asked for — drops notebooks already returned (by {@code id}), and maps them to
 * the table's rows, all lazily, so that rows reach the client while later pages are still loading
 * and nothing more is fetched once the client stops reading.
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
    private final DataContext root;
    private final ModelArtsSession session;
    private final ModelArtsTable table;
    private ScanSpec spec; // settled by the bound values on the first row (ScanSpec.atRunTime)
    private final QueryContext context;
    private final PageSource pages;
    private final List<ListingPager> pagers = new ArrayList<>();
    private Iterator<Object[]> rows;
    private Object[] current;
    private long emitted;
    private long rowsRead;
    private long toSkip; // rows of the window's offset not yet passed (listings before it count)

    ScanEnumerator(DataContext root, ModelArtsTable table, ScanSpec spec) {
      this.root = root;
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
      try {
        if (rows == null) {
          spec = spec.atRunTime(root);
          toSkip = spec.hasWindow() ? spec.offset() : 0;
          rows = table.rows(notebooks(ListingResolver.resolve(spec, root, session)));
        }
        if (spec.hasWindow() && emitted >= spec.fetch()) {
          return false;
        }
        if (spec.exact() && spec.rowsNeededHint() >= 0 && emitted >= spec.rowsNeededHint()) {
          // The limit above takes no more rows than this from an exact scan; stopping here saves
          // the page a last look-ahead would cost.
          return false;
        }
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

    /** The notebooks of the listings, each id once, in the order the spec needs. */
    private Iterator<ListedNotebook> notebooks(List<Map<String, String>> listings) {
      if (spec.sort() != null) {
        return sorted(listings);
      }
      // Listings of different features cannot share a notebook; others can (a notebook whose
      // status changes between the fanned-out listings of status IN (...)): only then must every
      // id be remembered. Within one listing, a recent window catches rows shifted across pages.
      Set<String> seen = distinctFeatures(listings) ? null : new HashSet<>();
      if (spec.hasWindow() && seen != null) {
        // A window counts rows across listings by position; the rules give one only to exact
        // scans, whose listings are one per feature.
        throw new IllegalStateException("a row window over listings that share rows: " + listings);
      }
      if (spec.rowsWanted() < 0 && listings.size() > 1 && session.config().pushdown()) {
        // No limit was pushed into this scan, so the rows are wanted to the end (with pushdown
        // on, a LIMIT right above a scan always is): read the listings together. The plain plan
        // (pushdown off) reads them one after another, making no call a limit might not need.
        return interleaved(listings, seen);
      }
      return oneAfterAnother(listings, seen, false);
    }

    private static boolean distinctFeatures(List<Map<String, String>> listings) {
      return listings.stream().map(l -> l.get("feature")).distinct().count() == listings.size();
    }

    /** The notebooks of the listings merged in the API's order the spec asks for. */
    private Iterator<ListedNotebook> sorted(List<Map<String, String>> listings) {
      Set<String> seen = new HashSet<>();
      ApiSort sort = spec.sort();
      return new SortedMerge(
          sort,
          listings,
          listing -> {
            Map<String, String> ordered = new java.util.HashMap<>(listing);
            ordered.put("sort_key", sort.apiKey());
            ordered.put("sort_dir", sort.direction());
            return pager(ListRequest.of(ordered, spec.pageSize()), spec.rowsWanted(), 0);
          },
          () -> oneAfterAnother(listings, seen, true),
          session,
          seen);
    }

    /**
     * Listing after listing, each opened only when the one before is done, so that a limit met
     * early costs no call of a later listing. With {@code readAll}, whole listings in the largest
     * pages, whatever the spec's window (the unsorted fallback of a merge sorts them all here).
     */
    private Iterator<ListedNotebook> oneAfterAnother(
        List<Map<String, String>> listings, Set<String> seen, boolean readAll) {
      Iterator<Map<String, String>> pending = listings.iterator();
      return new AbstractIterator<>() {
        private ListingReader reader;

        @Override
        protected ListedNotebook computeNext() {
          while (true) {
            if (reader != null && reader.hasNext()) {
              ListedNotebook next = fresh(reader, seen);
              if (next != null) {
                return next;
              }
            } else if (pending.hasNext()) {
              Map<String, String> listing = pending.next();
              if (readAll) {
                reader = openWhole(listing);
              } else if (spec.hasWindow()) {
                reader = openInWindow(listing, !pending.hasNext());
              } else {
                reader = open(listing, 0);
              }
            } else {
              return endOfData();
            }
          }
        }
      };
    }

    /**
     * All listings read at once, a page of one then a page of the next, the page concurrency
     * divided among them, so that a scan of two listings takes as long as the calls allow rather
     * than one listing's time after the other's. At most {@code pageConcurrency} listings are open
     * at a time; when one is done, the others take over its share.
     */
    private Iterator<ListedNotebook> interleaved(
        List<Map<String, String>> listings, Set<String> seen) {
      int concurrency = Math.max(1, session.config().pageConcurrency());
      int open = Math.min(concurrency, listings.size());
      int perListing = Math.max(1, concurrency / open);
      java.util.ArrayDeque<Map<String, String>> pending = new java.util.ArrayDeque<>(listings);
      java.util.ArrayDeque<ListingReader> active = new java.util.ArrayDeque<>();
      for (int i = 0; i < open; i++) {
        active.add(open(pending.poll(), perListing).eagerly());
      }
      return new AbstractIterator<>() {
        @Override
        protected ListedNotebook computeNext() {
          while (true) {
            ListingReader reader = active.peekFirst();
            if (reader == null) {
              return endOfData();
            }
            if (!reader.hasNext()) {
              active.pollFirst();
              if (!pending.isEmpty()) {
                active.addLast(open(pending.poll(), perListing).eagerly());
              } else {
                // The listings left share the concurrency the finished one had.
                for (ListingReader r : active) {
                  r.pager().setConcurrency(Math.max(1, concurrency / active.size()));
                }
              }
              continue;
            }
            ListedNotebook next = fresh(reader, seen);
            if (reader.atPageEnd()) {
              active.addLast(active.pollFirst()); // its next page may still be on the way
            }
            if (next != null) {
              return next;
            }
          }
        }
      };
    }

    /** A reader of one listing; {@code concurrency} 0 means the connection's page concurrency. */
    private ListingReader open(Map<String, String> listing, int concurrency) {
      ListRequest first = ListRequest.of(listing, spec.pageSize());
      // How far the pager may read ahead: -1 everything, 0 nothing, else rows from its first page.
      long wanted = spec.rowsWanted();
      if (wanted > 0) {
        wanted = Math.max(0, wanted - rowsRead); // rows of earlier listings count toward the limit
      }
      return new ListingReader(
          listing, pager(first, wanted, concurrency), true, session.statistics());
    }

    /**
     * A reader of one listing of the row window the scan cuts: from the page holding the first row
     * of the offset left to pass, in the page size that reads the window's rows in the fewest
     * calls, with the rows before the window passed; null when the whole listing lies before the
     * window. Where the window starts in a later listing, this one's {@code total} is what is
     * passed: one call of the smallest page tells it when the page that would hold the start does
     * not exist, or when the totals learned earlier say so (it is checked, not trusted).
     */
    private ListingReader openInWindow(Map<String, String> listing, boolean last) {
      if (toSkip > 0 && !last) {
        OptionalLong learned = session.statistics().total(listing);
        if (learned.isPresent() && toSkip >= learned.getAsLong()) {
          long total = totalOf(listing);
          if (toSkip >= total) {
            toSkip -= total;
            return null;
          }
        }
      }
      long take = spec.fetch() - emitted;
      int pageSize = ScanSpec.bestPageSize(toSkip, take);
      int pageIndex = (int) (toSkip / pageSize);
      ListRequest first = ListRequest.of(listing, pageSize);
      if (pageIndex > 0) {
        first = first.page(pageIndex);
      }
      ListingPager pager = pager(first, toSkip - first.offset() + take, 0);
      ListingReader reader =
          new ListingReader(listing, pager, pageIndex == 0, session.statistics());
      for (long row = first.offset(); row < toSkip && reader.hasNext(); row++) {
        reader.next();
      }
      if (reader.hasNext()) {
        toSkip = 0;
      } else if (!last) {
        // The listing ended before the window: pass its rows (all of them, read or not).
        long total = pager.total() >= 0 ? pager.total() : totalOf(listing);
        toSkip = Math.max(0, toSkip - total);
      }
      return reader;
    }

    /** The listing's {@code total}, from one call of its first page in the smallest size. */
    private long totalOf(Map<String, String> listing) {
      ListingPager probe = pager(ListRequest.of(listing, ListRequest.PAGE_SIZES[0]), 0, 1);
      probe.hasNext();
      return Math.max(0, probe.total());
    }

    /** A reader of a whole listing in the largest pages. */
    private ListingReader openWhole(Map<String, String> listing) {
      ListRequest first = ListRequest.of(listing, ListRequest.MAX_PAGE_SIZE);
      return new ListingReader(listing, pager(first, -1, 0), true, session.statistics());
    }

    /** The reader's next row, or null when it repeats one already returned. */
    private ListedNotebook fresh(ListingReader reader, Set<String> seen) {
      Notebook n = reader.next();
      rowsRead++;
      if (!reader.firstTime(n) || (seen != null && !seen.add(n.id()))) {
        return null;
      }
      return new ListedNotebook(n, reader.listing());
    }

    /** A pager for one listing, closed with the scan. */
    private ListingPager pager(ListRequest first, long wanted, int concurrency) {
      ListingPager pager =
          new ListingPager(
              pages,
              first,
              concurrency > 0 ? concurrency : session.config().pageConcurrency(),
              session.executor(),
              context,
              session::warn,
              wanted);
      pagers.add(pager);
      return pager;
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
