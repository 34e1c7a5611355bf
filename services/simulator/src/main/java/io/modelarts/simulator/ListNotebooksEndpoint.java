package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/{project_id}/notebooks}: authenticates, checks the project, validates the query
 * and answers one page. Checks run in the order a gateway in front of the service would: who, then
 * where, then what.
 */
final class ListNotebooksEndpoint {
  /** The list API's path; group 1 is the project id. */
  private static final Pattern PATH = Pattern.compile("/v1/([^/]+)/notebooks");

  private final RequestAuthenticator authenticator;
  private final String projectId;
  private final Set<String> sortableKeys;
  private final NotebookListing listing;

  ListNotebooksEndpoint(
      RequestAuthenticator authenticator,
      String projectId,
      Set<String> sortableKeys,
      NotebookListing listing) {
    this.authenticator = requireNonNull(authenticator, "authenticator == null");
    this.projectId = requireNonNull(projectId, "projectId == null");
    this.sortableKeys = Set.copyOf(sortableKeys);
    this.listing = requireNonNull(listing, "listing == null");
  }

  /**
   * The project id in the path of a list call (GET on the list path), or null for any other
   * request.
   */
  static String listCallProjectId(String method, String rawPath) {
    Matcher path = PATH.matcher(rawPath);
    return method.equals("GET") && path.matches() ? path.group(1) : null;
  }

  ApiResponse handle(ReceivedRequest request, String pathProjectId) {
    authenticator.authenticate(request);
    if (!projectId.equals(pathProjectId)) {
      throw ModelArtsError.PROJECT_NOT_FOUND.exception("Project " + pathProjectId + " not found.");
    }
    NotebookQuery query = NotebookQuery.parse(request.queryParameters(), sortableKeys);
    return ApiResponse.json(200, listing.page(query));
  }
}
