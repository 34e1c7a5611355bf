package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.calcite.DataContext;

/**
 * What a scan asks the API for: the listings (one per combination of pushed filter values), and the
 * row window the scan itself cuts when nothing local can drop rows.
 *
 * <p>Immutable; it is what EXPLAIN shows and what the generated code runs.
 *
 * @param listings filter parameters of each listing, each with its {@code feature}; empty means the
 *     filter is a contradiction and the scan makes no call
 * @param exact true when the local re-check of the WHERE clause can drop no row the listings return
 *     (all pushed predicates are exact and nothing else is local)
 * @param analyzedFilter the WHERE condition this spec was made from (its digest), empty when none;
 *     rules trust {@code exact} only under a filter with exactly this condition
 * @param offset rows to skip (only with {@code fetch >= 0}; the scan cuts the window itself)
 * @param fetch rows to return after {@code offset}, -1 for all
 * @param rowsNeededHint rows a limit above the scan will read (-1 unknown); picks the page size and
 *     bounds reading ahead
 * @param stopsEarly whether an operator above may stop reading before the end (a LIMIT over a
 *     filter that may drop rows): then pages are read one at a time, on demand
 * @param sort the order the listings are asked for and merged in, null for the API's default
 * @param shared whether another scan of the same statement makes the same calls (a join of a child
 *     table to {@code notebooks}): then pages are fetched once and shared
 * @param deferred filters settled when the statement runs (bound parameters, IN lists that may be
 *     fanned out); {@link DeferredFilters#NONE} when the listings are final
 * @param limit a row window of bound parameters the scan cuts once the statement runs (meanwhile
 *     the spec stops early); {@link DeferredLimit#NONE} when there is none
 */
public record ScanSpec(
    List<Map<String, String>> listings,
    boolean exact,
    String analyzedFilter,
    long offset,
    long fetch,
    long rowsNeededHint,
    boolean stopsEarly,
    boolean shared,
    ApiSort sort,
    DeferredFilters deferred,
    DeferredLimit limit) {

  /** The features the API knows; a table of all notebooks needs one listing of each. */
  public static final List<String> FEATURES = List.of("NOTEBOOK", "DEFAULT");

  public ScanSpec {
    listings = listings.stream().map(l -> Map.copyOf(new TreeMap<>(l))).toList();
  }

  /** Every notebook: one unfiltered listing per feature. */
  public static ScanSpec fullListing() {
    List<Map<String, String>> listings = new ArrayList<>();
    for (String feature : FEATURES) {
      listings.add(Map.of("feature", feature));
    }
    return new ScanSpec(
        listings,
        true,
        "",
        0,
        -1,
        -1,
        false,
        false,
        null,
        DeferredFilters.NONE,
        DeferredLimit.NONE);
  }

  public ScanSpec withFilter(
      List<Map<String, String>> newListings,
      boolean newExact,
      String condition,
      DeferredFilters newDeferred) {
    return new ScanSpec(
        newListings,
        newExact,
        condition,
        offset,
        fetch,
        rowsNeededHint,
        stopsEarly,
        shared,
        sort,
        newDeferred,
        limit);
  }

  public ScanSpec withWindow(long newOffset, long newFetch) {
    return new ScanSpec(
        listings,
        exact,
        analyzedFilter,
        newOffset,
        newFetch,
        -1,
        stopsEarly,
        shared,
        sort,
        deferred,
        limit);
  }

  public ScanSpec withRowsNeededHint(long rows) {
    return reading(rows, stopsEarly, sort, limit);
  }

  /** The same listings asked for in {@code order}, reading {@code rows} rows at most. */
  public ScanSpec sortedBy(ApiSort order, long rows) {
    return reading(rows, stopsEarly, order, limit);
  }

  public ScanSpec stoppingEarly() {
    return reading(rowsNeededHint, true, sort, limit);
  }

  /** The row window {@code window} gives, cut by this scan when the statement runs. */
  public ScanSpec withWindowAtRunTime(DeferredLimit window) {
    return reading(rowsNeededHint, true, sort, window);
  }

  /**
   * This spec with its deferred window settled by the values bound in {@code root}: a window the
   * scan cuts itself, as a literal one; unchanged when there is no deferred window.
   */
  public ScanSpec atRunTime(DataContext root) {
    if (limit.isEmpty()) {
      return this;
    }
    long[] window = limit.window(root);
    return reading(-1, false, sort, DeferredLimit.NONE).withWindow(window[0], window[1]);
  }

  /**
   * The same listings, filters and window, read with another hint, stopping rule, order and
   * deferred limit: the components the limit and sort rules and the run time change together.
   */
  private ScanSpec reading(long rows, boolean early, ApiSort order, DeferredLimit newLimit) {
    return new ScanSpec(
        listings,
        exact,
        analyzedFilter,
        offset,
        fetch,
        rows,
        early,
        shared,
        order,
        deferred,
        newLimit);
  }

  /** Rows the reader will take at most, -1 when it may read everything. */
  public long rowsWanted() {
    if (hasWindow()) {
      return offset + fetch;
    }
    if (rowsNeededHint >= 0) {
      return rowsNeededHint;
    }
    return stopsEarly ? 0 : -1;
  }

  public ScanSpec asShared() {
    return new ScanSpec(
        listings,
        exact,
        analyzedFilter,
        offset,
        fetch,
        rowsNeededHint,
        stopsEarly,
        true,
        sort,
        deferred,
        limit);
  }

  /**
   * The spec of a child table joined to the notebooks this spec lists: the same listings, and no
   * claim of exactness (the join, not the scan, drops the rows of other notebooks).
   */
  public ScanSpec forChildOf() {
    return new ScanSpec(
        listings, false, "", 0, -1, -1, false, true, null, deferred, DeferredLimit.NONE);
  }

  // equals and hashCode are written out, not left to the record: a record's generated methods are
  // linked through method handles the first time they run, which in a fresh JVM's first query spun
  // dozens of method-handle classes for this record, DeferredLimit and the plan cache's key (~0.1 s
  // of CPU a start). HandWrittenRecordEqualityTest fails if a component is left out.
  @Override
  public boolean equals(Object other) {
    return other instanceof ScanSpec that
        && exact == that.exact
        && offset == that.offset
        && fetch == that.fetch
        && rowsNeededHint == that.rowsNeededHint
        && stopsEarly == that.stopsEarly
        && shared == that.shared
        && Objects.equals(listings, that.listings)
        && Objects.equals(analyzedFilter, that.analyzedFilter)
        && Objects.equals(sort, that.sort)
        && Objects.equals(deferred, that.deferred)
        && Objects.equals(limit, that.limit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        listings,
        exact,
        analyzedFilter,
        offset,
        fetch,
        rowsNeededHint,
        stopsEarly,
        shared,
        sort,
        deferred,
        limit);
  }

  /**
   * Whether this spec calls the full listing (one unfiltered listing per feature) and no filter
   * settled at run time can narrow it: a child table can then read the same pages.
   */
  public boolean readsFullListing() {
    return listings.equals(fullListing().listings) && deferred.isEmpty();
  }

  /** Whether no filter, window or hint has been pushed into this spec yet. */
  public boolean isPristine() {
    return equals(fullListing());
  }

  /** Whether this scan cuts a row window itself. */
  public boolean hasWindow() {
    return fetch >= 0;
  }

  /**
   * The page size to ask for: the size that covers the needed rows in the fewest calls, the smaller
   * on a tie; 50 (fewest calls) when all rows are needed.
   *
   * <p>Example: rows 100..109 → limit 10 reads page 10 alone (one call); rows 0..29 → limit 50.
   */
  public int pageSize() {
    if (hasWindow()) {
      return bestPageSize(offset, fetch);
    }
    if (rowsNeededHint >= 0 && exact) {
      return bestPageSize(0, rowsNeededHint);
    }
    return 50; // all rows, or an unknown number (a local filter may drop rows): fewest calls
  }

  static int bestPageSize(long offset, long count) {
    if (count <= 0) {
      return 10;
    }
    int best = 50;
    long bestCalls = Long.MAX_VALUE;
    for (int size : new int[] {10, 20, 50}) {
      long calls = (offset + count - 1) / size - offset / size + 1;
      if (calls < bestCalls) {
        bestCalls = calls;
        best = size;
      }
    }
    return best;
  }

  /** The listings as EXPLAIN shows them: {@code feature=NOTEBOOK&status=RUNNING, ...}. */
  public String describeListings() {
    if (listings.isEmpty()) {
      return "none (no call: the filter can never be true)";
    }
    List<String> out = new ArrayList<>();
    for (Map<String, String> l : listings) {
      StringBuilder sb = new StringBuilder();
      new TreeMap<>(l)
          .forEach(
              (k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
      out.add(sb.toString());
    }
    return String.join(", ", out);
  }
}
