package io.modelarts.sql.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The list-notebooks answer as a Java developer would map it with Jackson data binding: plain
 * records, unknown fields ignored, for the hand-written client (b).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListNotebooksResponse(
    Integer current, Integer pages, Integer size, long total, List<NotebookDto> data) {

  /** One notebook instance with the fields the SQL {@code notebooks} table exposes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NotebookDto(
      String id,
      String name,
      String description,
      String status,
      String feature,
      String flavor,
      @JsonProperty("fail_reason") String failReason,
      String url,
      String token,
      @JsonProperty("workspace_id") String workspaceId,
      String owner,
      Pool pool,
      Image image,
      Lease lease,
      Volume volume,
      List<Endpoint> endpoints) {}

  /** The dedicated resource pool of a notebook. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Pool(String id, String name) {}

  /** The image a notebook was created from. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Image(
      String id, String name, @JsonProperty("swr_path") String swrPath, String type) {}

  /** Creation time, update time and auto-stop settings of a notebook. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Lease(
      @JsonProperty("create_at") Long createAt,
      @JsonProperty("update_at") Long updateAt,
      Long duration,
      Boolean enable,
      String type) {}

  /** The storage mounted into a notebook. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Volume(
      Integer capacity,
      String category,
      @JsonProperty("mount_path") String mountPath,
      String ownership,
      String status) {}

  /** One way to reach a notebook (HTTPS notebook or SSH). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Endpoint(
      @JsonProperty("dev_service") String devService,
      @JsonProperty("allowed_access_ips") List<String> allowedAccessIps,
      @JsonProperty("ssh_keys") List<String> sshKeys) {}
}
