package io.modelarts.sql.http;

import java.util.List;

/**
 * One notebook instance as the list API returns it ({@code NotebookResp}); absent fields are null.
 *
 * <p>{@link #toString()} never shows {@link #token()}: it is a credential to the notebook.
 */
public record Notebook(
    String id,
    String name,
    String description,
    String status,
    String feature,
    String flavor,
    String failReason,
    String url,
    String token,
    String workspaceId,
    String owner,
    Pool pool,
    Image image,
    Lease lease,
    Volume volume,
    List<Endpoint> endpoints,
    List<ActionProgress> actionProgress) {

  /** The dedicated resource pool a notebook runs in ({@code Pool}). */
  public record Pool(String id, String name) {}

  /** The auto-stop countdown of a notebook ({@code Lease}); times are UTC epoch milliseconds. */
  public record Lease(Long createAt, Long updateAt, Long duration, Boolean enable, String type) {}

  /** The storage volume of a notebook ({@code VolumeRes}). */
  public record Volume(
      Integer capacity, String category, String mountPath, String ownership, String status) {}

  /** One remote-access endpoint of a notebook ({@code EndpointsRes}). */
  public record Endpoint(String devService, List<String> allowedAccessIps, List<String> sshKeys) {}

  /** One step of a notebook's initialisation ({@code JobProgress}). */
  public record ActionProgress(
      String notebookId, Integer step, String status, String stepDescription) {}

  /** The image a notebook was created from ({@code Image}); times are UTC epoch milliseconds. */
  public record Image(
      String id,
      String name,
      String arch,
      String description,
      String namespace,
      String origin,
      String serviceType,
      String status,
      String statusMessage,
      String swrPath,
      String tag,
      String type,
      String visibility,
      String workspaceId,
      Long createAt,
      Long updateAt,
      Long size,
      List<String> devServices,
      List<String> resourceCategories,
      List<String> supportResCategories) {}

  @Override
  public String toString() {
    return "Notebook{id="
        + id
        + ", name="
        + name
        + ", status="
        + status
        + ", feature="
        + feature
        + (token == null ? "" : ", token=****")
        + "}";
  }
}
