package io.modelarts.sql.calcite;

import java.util.Map;

/**
 * Rough guesses of how many rows and calls a scan costs, only good enough to make the planner
 * prefer the spec with fewer calls (pushed filters, windows) over the full listing.
 */
final class ScanCostModel {
  private static final double ROWS_PER_LISTING = 1000;
  private static final double SELECTIVITY_PER_FILTER = 0.1;

  /**
   * How many rows processed locally one call is worth. A call takes tens of milliseconds or more,
   * and the weight must outweigh the planner's guesses about rows above the scan (a join is guessed
   * at left × right × 0.15 rows), or a plan with more calls wins on a row guess.
   */
  private static final double ROWS_PER_CALL = 100_000;

  private ScanCostModel() {}

  static double estimatedRows(ScanSpec spec, ModelArtsTable table) {
    double rows = 0;
    for (Map<String, String> listing : spec.listings()) {
      rows += ROWS_PER_LISTING * Math.pow(SELECTIVITY_PER_FILTER, filters(spec, listing));
    }
    if (spec.hasWindow()) {
      rows = Math.min(rows, spec.fetch());
    } else if (spec.rowsNeededHint() >= 0 && spec.exact()) {
      rows = Math.min(rows, spec.rowsNeededHint());
    } else if (spec.stopsEarly() || spec.rowsNeededHint() >= 0) {
      rows = rows / 2; // a limit above stops the reading somewhere: on average, half way
    }
    if (table instanceof EndpointsTable || table instanceof ActionProgressTable) {
      rows *= 2;
    }
    return Math.max(rows, 1);
  }

  /**
   * The row count of a scan's planner cost: its rows plus its calls, each weighing {@link
   * #ROWS_PER_CALL} rows. Calcite's Volcano planner compares costs by their row count alone ({@code
   * VolcanoCost.isLt} ignores cpu and io), so calls counted anywhere else would never decide
   * between two plans.
   */
  static double costRows(ScanSpec spec, ModelArtsTable table) {
    return estimatedRows(spec, table) + estimatedCalls(spec, table) * ROWS_PER_CALL;
  }

  /**
   * The calls a scan makes. Scans that share their pages (a child table joined to {@code
   * notebooks}) are costed so the planner prefers sharing on both sides: the child's pages come
   * from the parent's calls (none of its own), and the parent is a hair cheaper than its unshared
   * twin, which would otherwise tie with it.
   */
  static double estimatedCalls(ScanSpec spec, ModelArtsTable table) {
    double calls = ownCalls(spec);
    if (!spec.shared()) {
      return calls;
    }
    return table instanceof NotebooksTable ? calls * 0.99 : 0;
  }

  /**
   * Filters a listing applies besides its feature, counting bound parameters and an IN list that
   * may be fanned out, so that the planner prefers the spec that carries them to the bare listing.
   */
  private static int filters(ScanSpec spec, Map<String, String> listing) {
    DeferredFilters deferred = spec.deferred();
    return listing.size()
        - 1
        + deferred.parameters().size()
        + (deferred.fanOut().isEmpty() ? 0 : 1);
  }

  private static double ownCalls(ScanSpec spec) {
    double calls = 0;
    for (Map<String, String> listing : spec.listings()) {
      double rows = ROWS_PER_LISTING * Math.pow(SELECTIVITY_PER_FILTER, filters(spec, listing));
      if (spec.hasWindow()) {
        rows = Math.min(rows, spec.fetch());
      } else if (spec.rowsNeededHint() >= 0 && spec.exact()) {
        rows = Math.min(rows, spec.rowsNeededHint());
      } else if (spec.stopsEarly() || spec.rowsNeededHint() >= 0) {
        rows = rows / 2;
      }
      calls += Math.max(1, Math.ceil(rows / spec.pageSize()));
    }
    return calls;
  }
}
