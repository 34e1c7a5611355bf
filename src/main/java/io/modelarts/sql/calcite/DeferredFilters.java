package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a scan's pushed filter that is settled only when the statement runs: values of bound
 * parameters ({@code status = ?}) and IN lists that may be fanned out into one listing per value.
 *
 * <p>Parameters are always pushed once their values are known. An IN list is fanned out only when
 * the row counts learned from earlier listings ({@link ListingStatistics}) show the fan-out costs
 * no more calls than the listings without it; otherwise it stays a local filter (see {@link
 * ListingResolver}).
 *
 * @param fanOut query parameter → the values an IN list allows (at least two each), in order
 * @param exactWhenFannedOut whether, once fanned out, no local predicate could drop a row
 * @param parameters query parameter → the index of the bound parameter ({@code ?}) that gives its
 *     value
 */
public record DeferredFilters(
    Map<String, List<String>> fanOut, boolean exactWhenFannedOut, Map<String, Integer> parameters) {

  /** Nothing deferred: the listings are known while planning. */
  public static final DeferredFilters NONE = new DeferredFilters(Map.of(), true, Map.of());

  /** More fanned-out listings than this are never worth it; the IN list then stays local. */
  static final int MAX_FAN_OUT_LISTINGS = 32;

  public DeferredFilters {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    new TreeMap<>(fanOut).forEach((k, v) -> copy.put(k, List.copyOf(v)));
    fanOut = java.util.Collections.unmodifiableMap(copy);
    parameters = Map.copyOf(new TreeMap<>(parameters));
  }

  public boolean isEmpty() {
    return fanOut.isEmpty() && parameters.isEmpty();
  }

  /**
   * Each listing once per combination of the fan-out values: {@code status IN (A, B)} turns {@code
   * feature=NOTEBOOK} into {@code feature=NOTEBOOK&status=A} and {@code ...&status=B}.
   */
  List<Map<String, String>> fannedOut(List<Map<String, String>> listings) {
    List<Map<String, String>> out = new ArrayList<>(listings);
    fanOut.forEach(
        (parameter, values) -> {
          List<Map<String, String>> next = new ArrayList<>();
          for (Map<String, String> partial : out) {
            for (String value : values) {
              Map<String, String> l = new TreeMap<>(partial);
              l.put(parameter, value);
              next.add(l);
            }
          }
          out.clear();
          out.addAll(next);
        });
    return out;
  }

  /** How EXPLAIN shows what is decided at run time, or null when nothing is. */
  String describe() {
    if (isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    parameters.forEach((p, index) -> parts.add(p + "=?" + index + " (pushed when bound)"));
    fanOut.forEach(
        (p, values) ->
            parts.add(
                p
                    + " IN "
                    + values
                    + " (one listing per value when learned row counts show it costs fewer"
                    + " calls"
                    + (exactWhenFannedOut ? "" : "; still re-checked locally")
                    + ")"));
    return String.join("; ", parts);
  }
}
