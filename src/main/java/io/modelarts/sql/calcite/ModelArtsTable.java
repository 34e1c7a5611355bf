package io.modelarts.sql.calcite;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A table whose rows are derived from the notebooks the list API returns: the notebooks themselves,
 * or the elements of one of their nested arrays.
 *
 * <p>Rows are {@code Object[]} in Calcite's internal form: TIMESTAMP as UTC epoch millis ({@code
 * Long}), arrays as {@code List<String>}.
 */
public abstract class ModelArtsTable extends AbstractTable implements TranslatableTable {
  private final String name;
  private final List<Column> columns;
  final ModelArtsSession session;

  ModelArtsTable(String name, List<Column> columns, ModelArtsSession session) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.session = session;
  }

  /** The table's name in the {@code modelarts} schema. */
  public String name() {
    return name;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Index of the column named {@code column}, or -1. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column c : columns) {
      RelDataType type;
      if (c.type() == SqlTypeName.ARRAY) {
        RelDataType element =
            typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(SqlTypeName.VARCHAR), false);
        type = typeFactory.createArrayType(element, -1);
      } else if (c.type() == SqlTypeName.TIMESTAMP) {
        type = typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
      } else {
        type = typeFactory.createSqlType(c.type());
      }
      builder.add(c.name(), typeFactory.createTypeWithNullability(type, c.nullable()));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new ModelArtsTableScan(context.getCluster(), relOptTable, this, ScanSpec.fullListing());
  }

  /** Turns the notebooks a scan lists into this table's rows, lazily where the table allows. */
  abstract Iterator<Object[]> rows(Iterator<ListedNotebook> notebooks);

  /** Rows of a table where each notebook independently yields zero or more rows. */
  static Iterator<Object[]> flatRows(
      Iterator<ListedNotebook> notebooks, Function<ListedNotebook, List<Object[]>> rowsOf) {
    return new Iterator<>() {
      private Iterator<Object[]> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!notebooks.hasNext()) {
            return false;
          }
          current = rowsOf.apply(notebooks.next()).iterator();
        }
        return true;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
