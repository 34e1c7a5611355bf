package io.modelarts.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which notebooks a list call selects and in which order, before paging: the validated filters and
 * sort parameters of one request. A null filter does not filter.
 *
 * @param feature NOTEBOOK or DEFAULT (never null: the API defaults to NOTEBOOK)
 * @param status one of the 14 statuses
 * @param name the fuzzy name filter, interpreted by a {@link NameMatch}
 * @param poolId exact {@code pool.id}
 * @param owner exact owner user id
 * @param workspaceIds every given spelling's value ({@code workspaceId}, {@code workspace_id}); all
 *     must match
 * @param sortKeys the {@code sort_key} list, empty for the default order
 * @param descending whether {@code sort_dir} is DESC
 */
record NotebookSelection(
    String feature,
    String status,
    String name,
    String poolId,
    String owner,
    List<String> workspaceIds,
    List<String> sortKeys,
    boolean descending) {

  NotebookSelection {
    Objects.requireNonNull(feature, "feature == null");
    workspaceIds = List.copyOf(workspaceIds);
    sortKeys = List.copyOf(sortKeys);
  }

  boolean matches(StoredNotebook notebook, NameMatch nameMatch) {
    if (!feature.equals(notebook.text("feature"))) {
      return false;
    }
    if (status != null && !status.equals(notebook.text("status"))) {
      return false;
    }
    if (name != null) {
      String instanceName = notebook.text("name");
      if (instanceName == null || !nameMatch.matches(instanceName, name)) {
        return false;
      }
    }
    if (poolId != null && !poolId.equals(notebook.poolId())) {
      return false;
    }
    if (owner != null && !owner.equals(notebook.owner())) {
      return false;
    }
    for (String workspaceId : workspaceIds) {
      if (!workspaceId.equals(notebook.text("workspace_id"))) {
        return false;
      }
    }
    return true;
  }

  Comparator<StoredNotebook> order() {
    return NotebookOrder.of(sortKeys, descending);
  }
}
