package io.modelarts.sql.calcite;

import io.modelarts.sql.http.ListingPager;
import io.modelarts.sql.http.MalformedResponseException;
import io.modelarts.sql.http.ModelArtsApiException;
import io.modelarts.sql.http.Notebook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Merges listings the API returned in a requested order into one stream in that order (a k-way
 * merge), checking as it goes that each listing really is in order.
 *
 * <p>Rows without a sort key are set aside and come last (the SQL order asked for is NULLS LAST),
 * wherever the service put them. If the service refuses the sort key ({@code ModelArts.6303}) or
 * returns a listing out of order before anything was returned, the merge falls back to the unsorted
 * listings sorted here (and, for 6303, the connection remembers it); out of order after rows were
 * returned is an error, never a silently wrong answer.
 */
final class SortedMerge implements Iterator<ListedNotebook> {
  private final ApiSort sort;
  private final Function<Notebook, Long> keyOf;
  private final Comparator<Long> order;
  private final List<Map<String, String>> listings;
  private final Function<Map<String, String>, ListingPager> open;
  private final Supplier<Iterator<ListedNotebook>> unsorted;
  private final ModelArtsSession session;
  private final Set<String> seen;
  private final List<ListedNotebook> withoutKey = new ArrayList<>();

  private PriorityQueue<Head> heads;
  private Iterator<ListedNotebook> fallback;
  private Iterator<ListedNotebook> tail;
  private Source toAdvance;

  /** The next row of one listing, with the listing it came from. */
  private record Head(ListedNotebook row, long key, Source source) {}

  /** One ordered listing being read. */
  private final class Source {
    final Iterator<Notebook> pager;
    final Map<String, String> listing;
    Long lastKey;

    Source(Iterator<Notebook> pager, Map<String, String> listing) {
      this.pager = pager;
      this.listing = listing;
    }

    /** The next row with a key, setting key-less rows aside; null at the end. */
    Head next() {
      while (pager.hasNext()) {
        Notebook n = pager.next();
        if (!seen.add(n.id())) {
          continue;
        }
        ListedNotebook row = new ListedNotebook(n, listing);
        Long key = keyOf.apply(n);
        if (key == null) {
          withoutKey.add(row);
          continue;
        }
        if (lastKey != null && order.compare(lastKey, key) > 0) {
          throw new OutOfOrder();
        }
        lastKey = key;
        return new Head(row, key, this);
      }
      return null;
    }
  }

  /** A listing came back out of the order asked for. */
  private static final class OutOfOrder extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfOrder() {
      super(null, null, false, false);
    }
  }

  SortedMerge(
      ApiSort sort,
      List<Map<String, String>> listings,
      Function<Map<String, String>, ListingPager> open,
      Supplier<Iterator<ListedNotebook>> unsorted,
      ModelArtsSession session,
      Set<String> seen) {
    this.sort = sort;
    this.keyOf = sort.keyOf();
    Comparator<Long> natural = Comparator.naturalOrder();
    this.order = sort.descending() ? natural.reversed() : natural;
    this.listings = listings;
    this.open = open;
    this.unsorted = unsorted;
    this.session = session;
    this.seen = seen;
  }

  @Override
  public boolean hasNext() {
    if (fallback != null) {
      return fallback.hasNext();
    }
    if (heads == null && !startMerge()) {
      return fallback.hasNext();
    }
    advance();
    if (!heads.isEmpty()) {
      return true;
    }
    if (tail == null) {
      tail = withoutKey.iterator();
    }
    return tail.hasNext();
  }

  @Override
  public ListedNotebook next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (fallback != null) {
      return fallback.next();
    }
    if (heads.isEmpty()) {
      return tail.next();
    }
    Head head = heads.poll();
    // The listing this row came from is read further only when a next row is asked for, so a
    // limit that is satisfied now costs no page beyond it.
    toAdvance = head.source;
    return head.row;
  }

  /** Reads the next row of the listing whose row was returned last, if not done yet. */
  private void advance() {
    if (toAdvance == null) {
      return;
    }
    Source source = toAdvance;
    toAdvance = null;
    try {
      Head following = source.next();
      if (following != null) {
        heads.add(following);
      }
    } catch (OutOfOrder e) {
      throw new ListingPager.ListingException(
          new MalformedResponseException(
              "the service returned "
                  + source.listing
                  + " out of the order "
                  + sort
                  + " it was asked for; rerun with pushdown=false"));
    }
  }

  /** Opens every listing and reads its first row; false when it fell back to a local sort. */
  private boolean startMerge() {
    if (session.isSortUnsupported(sort.apiKey())) {
      fallback = locallySorted();
      return false;
    }
    List<ListingPager> pagers = new ArrayList<>();
    for (Map<String, String> listing : listings) {
      ListingPager pager = open.apply(listing);
      pager.start();
      pagers.add(pager);
    }
    heads = new PriorityQueue<>((a, b) -> order.compare(a.key, b.key));
    try {
      for (int i = 0; i < pagers.size(); i++) {
        Head first = new Source(pagers.get(i), listings.get(i)).next();
        if (first != null) {
          heads.add(first);
        }
      }
      return true;
    } catch (ListingPager.ListingException e) {
      if (!(e.getCause() instanceof ModelArtsApiException api
          && "ModelArts.6303".equals(api.errorCode()))) {
        throw e;
      }
      session.markSortUnsupported(sort.apiKey());
      session.warn(
          "the service does not sort by " + sort.apiKey() + " (ModelArts.6303): sorting locally");
    } catch (OutOfOrder e) {
      session.warn("the service returned rows out of the order " + sort + ": sorting locally");
    }
    pagers.forEach(ListingPager::close);
    heads = null;
    seen.clear();
    withoutKey.clear();
    fallback = locallySorted();
    return false;
  }

  /** All rows of the unsorted listings, sorted here: by key in the asked order, NULLs last. */
  private Iterator<ListedNotebook> locallySorted() {
    List<ListedNotebook> all = new ArrayList<>();
    unsorted.get().forEachRemaining(all::add);
    Comparator<ListedNotebook> byKey =
        Comparator.comparing(r -> keyOf.apply(r.notebook()), Comparator.nullsLast(order));
    all.sort(byKey);
    return all.iterator();
  }
}
