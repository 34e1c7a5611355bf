package io.modelarts.sql.calcite;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The {@code modelarts} schema: the four tables of the contract and the {@code api_calls} log. */
public final class ModelArtsSchema extends AbstractSchema {
  public static final String NAME = "modelarts";

  private final Map<String, Table> tables = new LinkedHashMap<>();

  public ModelArtsSchema(ModelArtsSession session) {
    for (ModelArtsTable t :
        new ModelArtsTable[] {
          new NotebooksTable(session),
          new EndpointsTable(session),
          new ActionProgressTable(session),
          new ImagesTable(session)
        }) {
      tables.put(t.name(), t);
    }
    tables.put(ApiCallsTable.NAME, new ApiCallsTable(session.callLog()));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
