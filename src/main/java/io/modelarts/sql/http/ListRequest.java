package io.modelarts.sql.http;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One call of {@code GET /v1/{project_id}/notebooks}: the filters, the sort and the page.
 *
 * <p>Immutable; {@link #parameters()} is the normalised form (sorted, nulls left out) that both the
 * URL and the response cache are built from, so two equal requests always hit the same key.
 */
public record ListRequest(
    String feature,
    String status,
    String name,
    String poolId,
    String owner,
    String workspaceId,
    String sortKey,
    String sortDir,
    int limit,
    int offset) {

  /** The page sizes the service accepts (service-behaviour.md: anything else is rejected). */
  public static final int[] PAGE_SIZES = {10, 20, 50};

  public static final int MAX_PAGE_SIZE = 50;

  public ListRequest {
    if (limit != 10 && limit != 20 && limit != 50) {
      throw new IllegalArgumentException("limit must be 10, 20 or 50: " + limit);
    }
    if (offset < 0 || offset % limit != 0) {
      throw new IllegalArgumentException("offset must be a multiple of limit: " + offset);
    }
  }

  /** A request for the first page of size {@code limit} of the given filter values. */
  public static ListRequest of(Map<String, String> filters, int limit) {
    return new ListRequest(
        filters.get("feature"),
        filters.get("status"),
        filters.get("name"),
        filters.get("pool_id"),
        filters.get("owner"),
        filters.get("workspace_id"),
        filters.get("sort_key"),
        filters.get("sort_dir"),
        limit,
        0);
  }

  /** The same request for page {@code page} (0-based). */
  public ListRequest page(int page) {
    return new ListRequest(
        feature, status, name, poolId, owner, workspaceId, sortKey, sortDir, limit, page * limit);
  }

  /**
   * The filter values, keyed as {@link #of} reads them, without sort and page: what the {@code
   * total} of this request's listing counts.
   */
  public Map<String, String> filters() {
    Map<String, String> f = new TreeMap<>();
    putIfPresent(f, "feature", feature);
    putIfPresent(f, "status", status);
    putIfPresent(f, "name", name);
    putIfPresent(f, "pool_id", poolId);
    putIfPresent(f, "owner", owner);
    putIfPresent(f, "workspace_id", workspaceId);
    return f;
  }

  /** The query parameters to send, sorted by name; absent values are left out. */
  public Map<String, String> parameters() {
    Map<String, String> p = filters(); // sorted by name, workspace_id among them
    // The OTC page spells it workspaceId, the Huawei SDKs workspace_id, and nothing says which
    // region accepts which: sending both makes the filter apply wherever either is known.
    putIfPresent(p, "workspaceId", workspaceId);
    putIfPresent(p, "sort_key", sortKey);
    putIfPresent(p, "sort_dir", sortDir);
    p.put("limit", Integer.toString(limit));
    p.put("offset", Integer.toString(offset));
    return p;
  }

  /** The 0-based page index this request asks for. */
  public int pageIndex() {
    return offset / limit;
  }

  private static void putIfPresent(Map<String, String> p, String key, String value) {
    if (value != null) {
      p.put(key, value);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    parameters()
        .forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListRequest other && parameters().equals(other.parameters());
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameters());
  }
}
