package io.modelarts.sql.calcite;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.modelarts.sql.http.ListRequest;
import io.modelarts.sql.http.Notebook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Row counts learned from listings already made for one identity (endpoint, project, credential),
 * shared by its connections: the {@code total} every page reports, and, for a listing read to its
 * end, how many of its rows had each {@code status}, {@code owner}, {@code pool_id} and {@code
 * workspace_id}.
 *
 * <p>They only ever choose between plans that return the same rows (see {@link ListingResolver}): a
 * stale count can cost a few calls, never a wrong answer. Counts older than {@link
 * #MAX_AGE_MINUTES} are forgotten.
 */
public final class ListingStatistics {
  private static final ConcurrentHashMap<String, ListingStatistics> SHARED =
      new ConcurrentHashMap<>();

  /** How long a learned count is trusted for choosing a plan. */
  static final long MAX_AGE_MINUTES = 15;

  /** The filter parameters whose values a fully read listing counts. */
  static final List<String> COUNTED_PARAMETERS =
      List.of("status", "owner", "pool_id", "workspace_id");

  private final Cache<Map<String, String>, Long> totals = newCache(10_000);
  private final Cache<Map<String, String>, Map<String, Map<String, Long>>> valueCounts =
      newCache(1_000);

  private ListingStatistics() {}

  private static <K, V> Cache<K, V> newCache(long size) {
    return CacheBuilder.newBuilder()
        .maximumSize(size)
        .expireAfterWrite(MAX_AGE_MINUTES, TimeUnit.MINUTES)
        .build();
  }

  /** The statistics of one identity (the same string the response cache is keyed on). */
  public static ListingStatistics shared(String identity) {
    return SHARED.computeIfAbsent(identity, k -> new ListingStatistics());
  }

  /** Statistics of one's own, for tests. */
  static ListingStatistics isolated() {
    return new ListingStatistics();
  }

  /** Notes the {@code total} the service reported for a listing. */
  public void recordTotal(ListRequest request, long total) {
    totals.put(request.filters(), total);
  }

  /** Notes the rows of a listing that was read from its first page to its end. */
  void recordFullRead(Map<String, String> listing, ValueCounter counter) {
    Map<String, String> key = new TreeMap<>(listing);
    key.remove("sort_key");
    key.remove("sort_dir");
    valueCounts.put(key, counter.counts());
    totals.put(key, counter.rows());
  }

  /** How many rows the listing with these filters has, if known. */
  OptionalLong total(Map<String, String> listing) {
    Map<String, String> key = new TreeMap<>(listing);
    Long known = totals.getIfPresent(key);
    if (known != null) {
      return OptionalLong.of(known);
    }
    // A listing narrowed by one more counted parameter: count its value in the wider listing.
    for (String parameter : COUNTED_PARAMETERS) {
      String value = key.get(parameter);
      if (value == null) {
        continue;
      }
      Map<String, String> wider = new TreeMap<>(key);
      wider.remove(parameter);
      Map<String, Map<String, Long>> counts = valueCounts.getIfPresent(wider);
      if (counts != null) {
        return OptionalLong.of(counts.getOrDefault(parameter, Map.of()).getOrDefault(value, 0L));
      }
    }
    return OptionalLong.empty();
  }

  /** Counts, while a listing is read, how many rows have each value of the counted parameters. */
  static final class ValueCounter {
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private long rows;

    void add(Notebook n) {
      rows++;
      count("status", n.status());
      count("owner", n.owner());
      count("pool_id", n.pool() == null ? null : n.pool().id());
      count("workspace_id", n.workspaceId());
    }

    private void count(String parameter, String value) {
      if (value != null) {
        counts.computeIfAbsent(parameter, k -> new HashMap<>()).merge(value, 1L, Long::sum);
      }
    }

    long rows() {
      return rows;
    }

    Map<String, Map<String, Long>> counts() {
      return counts;
    }
  }
}
