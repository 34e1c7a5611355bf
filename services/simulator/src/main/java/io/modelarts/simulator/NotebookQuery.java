package io.modelarts.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated query parameters of one list call: the page and the {@link NotebookSelection}.
 *
 * @param limit page size: 10, 20 or 50
 * @param offset record offset as sent; the service turns it into page {@code offset / limit}
 */
record NotebookQuery(int limit, int offset, NotebookSelection selection) {
  /** The only page sizes the service accepts (service-behaviour.md). */
  static final Set<Integer> ALLOWED_LIMITS = Set.of(10, 20, 50);

  static final int DEFAULT_LIMIT = 10;

  /** The API page: at most 128 letters, digits, hyphens and underscores. */
  private static final Pattern NAME_SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /**
   * Validates and reads the parameters.
   *
   * <p>Repeated keys are joined with ',' and an empty value counts as absent, which is how a Spring
   * controller binds {@code @RequestParam String} parameters; unknown parameters are ignored.
   *
   * @throws ApiException 400 ModelArts.0104 for a bad value, 400 ModelArts.6303 for a sort key
   *     outside {@code sortableKeys}
   */
  static NotebookQuery parse(Map<String, List<String>> parameters, Set<String> sortableKeys) {
    int limit = parseLimit(value(parameters, "limit"));
    int offset = parseOffset(value(parameters, "offset"));

    String feature = value(parameters, "feature");
    if (feature == null) {
      feature = NotebookGenerator.FEATURE_NOTEBOOK;
    } else if (!feature.equals(NotebookGenerator.FEATURE_NOTEBOOK)
        && !feature.equals(NotebookGenerator.FEATURE_DEFAULT)) {
      throw badParameter("feature must be NOTEBOOK or DEFAULT: " + feature);
    }

    String status = value(parameters, "status");
    if (status != null && !NotebookGenerator.STATUSES.contains(status)) {
      throw badParameter("status must be one of " + NotebookGenerator.STATUSES + ": " + status);
    }

    String name = value(parameters, "name");
    if (name != null && !NAME_SYNTAX.matcher(name).matches()) {
      throw badParameter("name must be at most 128 letters, digits, '-' or '_': " + name);
    }

    List<String> workspaceIds = new ArrayList<>();
    for (String spelling : List.of("workspaceId", "workspace_id")) {
      String workspaceId = value(parameters, spelling);
      if (workspaceId != null) {
        workspaceIds.add(workspaceId);
      }
    }

    String sortDir = value(parameters, "sort_dir");
    if (sortDir != null && !sortDir.equals("ASC") && !sortDir.equals("DESC")) {
      throw badParameter("sort_dir must be ASC or DESC: " + sortDir);
    }
    List<String> sortKeys = parseSortKeys(value(parameters, "sort_key"), sortableKeys);

    return new NotebookQuery(
        limit,
        offset,
        new NotebookSelection(
            feature,
            status,
            name,
            value(parameters, "pool_id"),
            value(parameters, "owner"),
            workspaceIds,
            sortKeys,
            !"ASC".equals(sortDir)));
  }

  /** The page index the service computes: {@code floor(offset / limit)}. */
  int page() {
    return offset / limit;
  }

  private static int parseLimit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    Integer limit = parseIntOrNull(text);
    if (limit == null || !ALLOWED_LIMITS.contains(limit)) {
      throw badParameter("limit must be 10, 20 or 50: " + text);
    }
    return limit;
  }

  private static int parseOffset(String text) {
    if (text == null) {
      return 0;
    }
    Integer offset = parseIntOrNull(text);
    if (offset == null || offset < 0) {
      throw badParameter("offset must be a non-negative integer: " + text);
    }
    return offset;
  }

  private static List<String> parseSortKeys(String text, Set<String> sortableKeys) {
    if (text == null) {
      return List.of();
    }
    List<String> keys = List.of(text.split(",", -1));
    for (String key : keys) {
      if (!sortableKeys.contains(key)) {
        throw ModelArtsError.SORT_FIELD_NOT_SUPPORTED.exception();
      }
    }
    return keys;
  }

  /** The parameter's value: repeats joined with ',', null when absent or empty. */
  private static String value(Map<String, List<String>> parameters, String key) {
    List<String> values = parameters.get(key);
    if (values == null) {
      return null;
    }
    String joined = String.join(",", values);
    return joined.isEmpty() ? null : joined;
  }

  private static Integer parseIntOrNull(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static ApiException badParameter(String detail) {
    return ModelArtsError.BAD_PARAMETER.exception("Parameter error. " + detail);
  }
}
