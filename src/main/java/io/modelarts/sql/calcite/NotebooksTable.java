package io.modelarts.sql.calcite;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.modelarts.sql.http.Notebook;
import java.util.Iterator;
import java.util.List;

/** The {@code notebooks} table: one row per notebook instance, of both features. */
public final class NotebooksTable extends ModelArtsTable {
  public static final String NAME = "notebooks";

  static final List<Column> COLUMNS =
      List.of(
          Column.required("id", VARCHAR, "Instance ID."),
          Column.of("name", VARCHAR, "Instance name."),
          Column.of("description", VARCHAR, "Instance description."),
          Column.of(
              "status",
              VARCHAR,
              "Instance status: INIT, CREATING, STARTING, STOPPING, DELETING, RUNNING, STOPPED,"
                  + " SNAPSHOTTING, CREATE_FAILED, START_FAILED, DELETE_FAILED, ERROR, DELETED,"
                  + " FROZEN."),
          Column.of(
              "feature",
              VARCHAR,
              "Instance type: DEFAULT (free CodeLab instance) or NOTEBOOK (billed instance)."),
          Column.of("flavor", VARCHAR, "Instance flavor."),
          Column.of("fail_reason", VARCHAR, "Instance failure cause."),
          Column.of("url", VARCHAR, "URL for accessing the notebook instance."),
          Column.of(
              "token",
              VARCHAR,
              "Token used for notebook authentication; NULL unless the connection sets"
                  + " exposeNotebookToken=true."),
          Column.of(
              "workspace_id",
              VARCHAR,
              "Workspace ID. If no workspaces are available, the value is 0."),
          Column.of(
              "owner",
              VARCHAR,
              "User ID of the instance owner: the value the API reports, else the value of an"
                  + " owner = '...' filter, else NULL."),
          Column.of("pool_id", VARCHAR, "ID of the dedicated resource pool."),
          Column.of("pool_name", VARCHAR, "Name of the dedicated resource pool."),
          Column.of("image_id", VARCHAR, "ID of the image the instance was created from."),
          Column.of("image_name", VARCHAR, "Image name."),
          Column.of("image_swr_path", VARCHAR, "SWR image address."),
          Column.of("image_type", VARCHAR, "Image type: BUILD_IN or DEDICATED."),
          Column.of("lease_create_at", TIMESTAMP, "Time (UTC) when the instance was created."),
          Column.of(
              "lease_update_at",
              TIMESTAMP,
              "Time (UTC) when the instance was last updated, excluding keepalive heartbeats."),
          Column.of(
              "lease_duration",
              BIGINT,
              "Instance running duration in milliseconds, counted from the creation time; the"
                  + " instance stops automatically when creation time plus duration has passed."),
          Column.of("lease_enable", BOOLEAN, "Whether auto stop of the instance is enabled."),
          Column.of("lease_type", VARCHAR, "The automatic stop type."),
          Column.of("volume_capacity", INTEGER, "Storage capacity in GB."),
          Column.of("volume_category", VARCHAR, "Storage type: EFS or EVS."),
          Column.of(
              "volume_mount_path",
              VARCHAR,
              "Directory of the instance to which the storage is mounted."),
          Column.of(
              "volume_ownership", VARCHAR, "Owner of the storage resource: MANAGED or DEDICATED."),
          Column.of(
              "volume_status",
              VARCHAR,
              "EVS disk capacity expansion status (RESIZING during expansion)."));

  NotebooksTable(ModelArtsSession session) {
    super(NAME, COLUMNS, session);
  }

  @Override
  Iterator<Object[]> rows(Iterator<ListedNotebook> notebooks) {
    boolean exposeToken = session.config().exposeNotebookToken();
    return flatRows(notebooks, listed -> List.<Object[]>of(toRow(listed, exposeToken)));
  }

  static Object[] toRow(ListedNotebook listed, boolean exposeToken) {
    Notebook n = listed.notebook();
    Notebook.Pool pool = n.pool();
    Notebook.Image image = n.image();
    Notebook.Lease lease = n.lease();
    Notebook.Volume volume = n.volume();
    return new Object[] {
      n.id(),
      n.name(),
      n.description(),
      n.status(),
      n.feature() != null ? n.feature() : listed.listing().get("feature"),
      n.flavor(),
      n.failReason(),
      n.url(),
      exposeToken ? n.token() : null,
      n.workspaceId(),
      listed.owner(),
      pool == null ? null : pool.id(),
      pool == null ? null : pool.name(),
      image == null ? null : image.id(),
      image == null ? null : image.name(),
      image == null ? null : image.swrPath(),
      image == null ? null : image.type(),
      lease == null ? null : lease.createAt(),
      lease == null ? null : lease.updateAt(),
      lease == null ? null : lease.duration(),
      lease == null ? null : lease.enable(),
      lease == null ? null : lease.type(),
      volume == null ? null : volume.capacity(),
      volume == null ? null : volume.category(),
      volume == null ? null : volume.mountPath(),
      volume == null ? null : volume.ownership(),
      volume == null ? null : volume.status(),
    };
  }
}
