package io.modelarts.sql.calcite;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.modelarts.sql.http.Notebook;
import java.util.Iterator;
import java.util.List;

/** The {@code action_progress} table: one row per initialisation step of a notebook. */
public final class ActionProgressTable extends ModelArtsTable {
  public static final String NAME = "action_progress";

  static final List<Column> COLUMNS =
      List.of(
          Column.required("notebook_id", VARCHAR, "ID of the notebook instance (notebooks.id)."),
          Column.of(
              "step",
              INTEGER,
              "Job step: 1 prepare storage, 2 prepare compute resources, 3 configure the network,"
                  + " 4 initialize the instance."),
          Column.of(
              "status",
              VARCHAR,
              "Job status in the step: WAITING, PROCESSING, FAILED or COMPLETED."),
          Column.of("step_description", VARCHAR, "Description of the step."));

  ActionProgressTable(ModelArtsSession session) {
    super(NAME, COLUMNS, session);
  }

  @Override
  Iterator<Object[]> rows(Iterator<ListedNotebook> notebooks) {
    return flatRows(
        notebooks,
        listed -> {
          Notebook n = listed.notebook();
          return n.actionProgress().stream()
              .map(
                  p ->
                      new Object[] {
                        p.notebookId() != null ? p.notebookId() : n.id(),
                        p.step(),
                        p.status(),
                        p.stepDescription()
                      })
              .toList();
        });
  }
}
