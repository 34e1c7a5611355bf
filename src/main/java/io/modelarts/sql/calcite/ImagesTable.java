package io.modelarts.sql.calcite;

import static org.apache.calcite.sql.type.SqlTypeName.ARRAY;
import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.modelarts.sql.http.Notebook;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code images} table: one row per distinct image the listed notebooks use, merging every
 * notebook's copy of it (the first non-null value of each field wins).
 *
 * <p>Because of the merge, a row is only complete once the whole listing is read, so this table is
 * never restricted to a filtered listing.
 */
public final class ImagesTable extends ModelArtsTable {
  public static final String NAME = "images";

  static final List<Column> COLUMNS =
      List.of(
          Column.required("id", VARCHAR, "Image ID (UUID)."),
          Column.of("name", VARCHAR, "Image name."),
          Column.of("arch", VARCHAR, "Processor architecture: X86_64 or AARCH64."),
          Column.of("description", VARCHAR, "Image description."),
          Column.of("namespace", VARCHAR, "SWR organization the image belongs to."),
          Column.of("origin", VARCHAR, "Image source: CUSTOMIZE or IMAGE_SAVE."),
          Column.of(
              "service_type",
              VARCHAR,
              "Supported image type: COMMON, INFERENCE, TRAIN, DEV or UNKNOWN."),
          Column.of(
              "status",
              VARCHAR,
              "Image status: INIT, CREATING, CREATE_FAILED, ERROR, DELETED or ACTIVE."),
          Column.of("status_message", VARCHAR, "Build information during image saving."),
          Column.of("swr_path", VARCHAR, "SWR image address."),
          Column.of("tag", VARCHAR, "Image tag."),
          Column.of("type", VARCHAR, "Image type: BUILD_IN or DEDICATED."),
          Column.of("visibility", VARCHAR, "Image visibility: PRIVATE or PUBLIC."),
          Column.of("workspace_id", VARCHAR, "Workspace ID; 0 when no workspaces exist."),
          Column.of("create_at", TIMESTAMP, "Time (UTC) when the image was created."),
          Column.of("update_at", TIMESTAMP, "Time (UTC) when the image was last updated."),
          Column.of("size", BIGINT, "Image size in KB."),
          Column.of("dev_services", ARRAY, "Services the image supports: NOTEBOOK, SSH."),
          Column.of("resource_categories", ARRAY, "Flavors the image supports: CPU, GPU."),
          Column.of("support_res_categories", ARRAY, "Flavors the image supports: CPU, GPU."));

  ImagesTable(ModelArtsSession session) {
    super(NAME, COLUMNS, session);
  }

  @Override
  Iterator<Object[]> rows(Iterator<ListedNotebook> notebooks) {
    Map<String, Object[]> merged = new LinkedHashMap<>();
    while (notebooks.hasNext()) {
      Notebook.Image image = notebooks.next().notebook().image();
      if (image == null || image.id() == null) {
        continue;
      }
      Object[] copy = toRow(image);
      Object[] row = merged.putIfAbsent(image.id(), copy);
      if (row != null) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] == null) {
            row[i] = copy[i];
          }
        }
      }
    }
    return merged.values().iterator();
  }

  private static Object[] toRow(Notebook.Image i) {
    return new Object[] {
      i.id(),
      i.name(),
      i.arch(),
      i.description(),
      i.namespace(),
      i.origin(),
      i.serviceType(),
      i.status(),
      i.statusMessage(),
      i.swrPath(),
      i.tag(),
      i.type(),
      i.visibility(),
      i.workspaceId(),
      i.createAt(),
      i.updateAt(),
      i.size(),
      i.devServices(),
      i.resourceCategories(),
      i.supportResCategories()
    };
  }
}
