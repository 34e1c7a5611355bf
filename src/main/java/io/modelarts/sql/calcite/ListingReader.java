package io.modelarts.sql.calcite;

import io.modelarts.sql.http.ListingPager;
import io.modelarts.sql.http.Notebook;
import java.util.Map;

/**
 * One listing being read: recognises ids it returned a moment ago (rows that shifted across a page
 * boundary while it was read), and, when read from its first page to its end without changing,
 * tells the statistics how many rows had each value.
 */
final class ListingReader {
  private final Map<String, String> listing;
  private final ListingPager pager;
  private final ListingStatistics statistics;
  private final RecentIds recent = new RecentIds(RecentIds.WINDOW);
  private final ListingStatistics.ValueCounter counter;
  private boolean recorded;

  /**
   * @param fromFirstPage whether {@code pager} starts at the listing's first page, so that reading
   *     it to the end sees every row
   */
  ListingReader(
      Map<String, String> listing,
      ListingPager pager,
      boolean fromFirstPage,
      ListingStatistics statistics) {
    this.listing = listing;
    this.pager = pager;
    this.statistics = statistics;
    this.counter = fromFirstPage ? new ListingStatistics.ValueCounter() : null;
  }

  Map<String, String> listing() {
    return listing;
  }

  ListingPager pager() {
    return pager;
  }

  /** Starts the listing now, reading ahead as soon as its first page is in. */
  ListingReader eagerly() {
    pager.eagerly().start();
    return this;
  }

  boolean hasNext() {
    if (pager.hasNext()) {
      return true;
    }
    if (counter != null && !recorded && counter.rows() == pager.total()) {
      // Read whole, and the listing did not change meanwhile: its counts are worth learning.
      recorded = true;
      statistics.recordFullRead(listing, counter);
    }
    return false;
  }

  boolean atPageEnd() {
    return pager.atPageEnd();
  }

  /** The next notebook of the listing, repeats included (see {@link #firstTime}). */
  Notebook next() {
    Notebook n = pager.next();
    if (counter != null) {
      counter.add(n);
    }
    return n;
  }

  /** False when this listing returned {@code n} a moment ago. */
  boolean firstTime(Notebook n) {
    return recent.firstTime(n.id());
  }
}
