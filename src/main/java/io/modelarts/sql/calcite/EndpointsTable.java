package io.modelarts.sql.calcite;

import static org.apache.calcite.sql.type.SqlTypeName.ARRAY;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.modelarts.sql.http.Notebook;
import java.util.Iterator;
import java.util.List;

/** The {@code endpoints} table: one row per element of a notebook's {@code endpoints}. */
public final class EndpointsTable extends ModelArtsTable {
  public static final String NAME = "endpoints";

  static final List<Column> COLUMNS =
      List.of(
          Column.required("notebook_id", VARCHAR, "ID of the notebook instance (notebooks.id)."),
          Column.of(
              "dev_service",
              VARCHAR,
              "Supported service: NOTEBOOK (access through HTTPS) or SSH (remote access through"
                  + " SSH)."),
          Column.of(
              "allowed_access_ips",
              ARRAY,
              "Whitelist of public IP addresses allowed to access the instance through SSH; by"
                  + " default all."),
          Column.of("ssh_keys", ARRAY, "SSH key pairs that can access the instance."));

  EndpointsTable(ModelArtsSession session) {
    super(NAME, COLUMNS, session);
  }

  @Override
  Iterator<Object[]> rows(Iterator<ListedNotebook> notebooks) {
    return flatRows(
        notebooks,
        listed -> {
          Notebook n = listed.notebook();
          return n.endpoints().stream()
              .map(e -> new Object[] {n.id(), e.devService(), e.allowedAccessIps(), e.sshKeys()})
              .toList();
        });
  }
}
