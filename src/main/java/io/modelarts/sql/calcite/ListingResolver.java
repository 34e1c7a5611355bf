package io.modelarts.sql.calcite;

import io.modelarts.sql.http.ListRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.calcite.DataContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles, when a statement runs, which listings a scan makes: it puts the values of bound
 * parameters into the listings, and fans IN lists out into one listing per value where that costs
 * no more calls.
 *
 * <p>Whether a fan-out is cheaper depends on row counts nobody knows while planning: {@code status
 * IN ('RUNNING', 'STOPPED')} over 2,000 notebooks costs 41 calls as two plain listings but perhaps
 * 6 as four fanned-out ones, while over 60 notebooks it costs 2 plain calls and 4 fanned out. So
 * the fan-out is chosen only when the {@link ListingStatistics} know the counts of every listing
 * involved and show that the fan-out's calls (an upper bound) do not exceed the plain listings' (a
 * lower bound where a limit may stop them early). Unknown counts keep the plain listings: never
 * more calls than the plan without pushdown. Either way the rows are the same; the IN list is
 * re-checked locally.
 */
final class ListingResolver {
  private static final Logger LOG = LoggerFactory.getLogger(ListingResolver.class);

  private ListingResolver() {}

  /** The listings {@code spec} makes in the statement {@code root} belongs to. */
  static List<Map<String, String>> resolve(
      ScanSpec spec, DataContext root, ModelArtsSession session) {
    DeferredFilters deferred = spec.deferred();
    if (deferred.isEmpty()) {
      return spec.listings();
    }
    if (spec.shared()) {
      // The scans that share pages must make the same calls; the first one decides for both.
      return StatementPageMemo.forStatement(root, session.pages())
          .listings(
              List.of(spec.listings(), deferred),
              () -> choose(spec, bind(spec, root), session.statistics()));
    }
    return choose(spec, bind(spec, root), session.statistics());
  }

  /** The listings with the bound parameters' values; none when a value can match no row. */
  static List<Map<String, String>> bind(ScanSpec spec, DataContext root) {
    List<Map<String, String>> listings = spec.listings();
    for (Map.Entry<String, Integer> p : spec.deferred().parameters().entrySet()) {
      Object bound = BoundParameters.value(root, p.getValue());
      if (bound == null) {
        return List.of(); // column = NULL is never true
      }
      String value = bound.toString();
      String parameter = p.getKey();
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> listing : listings) {
        Map<String, String> l = new TreeMap<>(listing);
        switch (parameter) {
          case "feature" -> {
            if (!value.equals(listing.get("feature"))) {
              continue; // another feature's listing cannot hold the row
            }
          }
          case "status" -> {
            if (!FilterTranslator.STATUSES.contains(value)) {
              return List.of(); // outside the documented enum: no notebook has it
            }
            l.put(parameter, value);
          }
          case "name" -> {
            String narrowing = FilterTranslator.nameParameterValue(value);
            if (narrowing != null) {
              l.put(parameter, narrowing);
            }
          }
          default -> l.put(parameter, value);
        }
        next.add(l);
      }
      listings = next;
    }
    return listings;
  }

  /**
   * For a {@code COUNT(*)}: the fanned-out listings, whose totals are the answer at one call each,
   * where the statistics show that costs no more than reading the plain listings whole; otherwise
   * null, and the count reads the plain listings and counts the rows itself.
   */
  static List<Map<String, String>> fannedOutForCount(
      ScanSpec spec, List<Map<String, String>> plain, ListingStatistics statistics) {
    List<Map<String, String>> fanned = spec.deferred().fannedOut(plain);
    OptionalLong plainCalls = callsToReadAll(plain, ListRequest.MAX_PAGE_SIZE, statistics);
    boolean fanOut = plainCalls.isPresent() && fanned.size() <= plainCalls.getAsLong();
    LOG.debug(
        "count over {}: {} ({} calls fanned out, {} to read the listings)",
        spec.deferred().fanOut(),
        fanOut ? "fanning out" : "reading the listings",
        fanned.size(),
        plainCalls.isPresent() ? plainCalls.getAsLong() : "unknown");
    return fanOut ? fanned : null;
  }

  /** The plain listings, or their fan-out where the statistics show it is no dearer. */
  static List<Map<String, String>> choose(
      ScanSpec spec, List<Map<String, String>> plain, ListingStatistics statistics) {
    DeferredFilters deferred = spec.deferred();
    if (deferred.fanOut().isEmpty() || plain.isEmpty()) {
      return plain;
    }
    List<Map<String, String>> fanned = deferred.fannedOut(plain);
    OptionalLong plainCalls = fewestCalls(spec, plain, statistics);
    OptionalLong fannedCalls = mostCalls(spec, fanned, statistics);
    boolean fanOut =
        plainCalls.isPresent()
            && fannedCalls.isPresent()
            && fannedCalls.getAsLong() <= plainCalls.getAsLong();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} listings for {}: fanned out at most {} calls, plain at least {} (learned counts)",
          fanOut ? "fanning out to" : "keeping",
          fanOut ? fanned.size() : plain.size(),
          deferred.fanOut(),
          fannedCalls.isPresent() ? fannedCalls.getAsLong() : "unknown",
          plainCalls.isPresent() ? plainCalls.getAsLong() : "unknown");
    }
    return fanOut ? fanned : plain;
  }

  /** A lower bound of the calls the plain listings make, or empty when not known. */
  private static OptionalLong fewestCalls(
      ScanSpec spec, List<Map<String, String>> listings, ListingStatistics statistics) {
    if (spec.sort() != null) {
      return OptionalLong.of(listings.size()); // a merge asks every listing for its first page
    }
    long wanted = spec.rowsWanted();
    if (wanted >= 0) {
      // A limit above may stop the reading as soon as enough rows passed the filter; where they
      // are is unknown, so the plain listings may get by with the pages the wanted rows fill.
      long pagesOfWantedRows = Math.max(1, ceilDiv(wanted, spec.pageSize()));
      OptionalLong all = callsToReadAll(listings, spec.pageSize(), statistics);
      return OptionalLong.of(
          all.isPresent() ? Math.min(all.getAsLong(), pagesOfWantedRows) : pagesOfWantedRows);
    }
    return callsToReadAll(listings, spec.pageSize(), statistics);
  }

  /** An upper bound of the calls the fanned-out listings make, or empty when not known. */
  private static OptionalLong mostCalls(
      ScanSpec spec, List<Map<String, String>> listings, ListingStatistics statistics) {
    long wanted = spec.rowsWanted();
    if (spec.sort() != null || wanted <= 0 || !spec.deferred().exactWhenFannedOut()) {
      return callsToReadAll(listings, spec.pageSize(), statistics);
    }
    // Every fanned-out row passes the filter, so the reading stops once `wanted` rows are in:
    // listing after listing, as the scan reads them.
    long calls = 0;
    long remaining = wanted;
    for (Map<String, String> listing : listings) {
      if (remaining <= 0) {
        break;
      }
      OptionalLong total = statistics.total(listing);
      if (total.isEmpty()) {
        return OptionalLong.empty();
      }
      calls += Math.max(1, ceilDiv(Math.min(total.getAsLong(), remaining), spec.pageSize()));
      remaining -= total.getAsLong();
    }
    return OptionalLong.of(calls);
  }

  private static OptionalLong callsToReadAll(
      List<Map<String, String>> listings, int pageSize, ListingStatistics statistics) {
    long calls = 0;
    for (Map<String, String> listing : listings) {
      OptionalLong total = statistics.total(listing);
      if (total.isEmpty()) {
        return OptionalLong.empty();
      }
      calls += Math.max(1, ceilDiv(total.getAsLong(), pageSize)); // an empty listing costs one
    }
    return OptionalLong.of(calls);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
