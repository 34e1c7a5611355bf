package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.Column;
import io.modelarts.sql.calcite.ModelArtsTable;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;

/**
 * Makes the rows of {@code getColumns} as Calcite does, adding each column's API documentation as
 * {@code REMARKS} (Calcite leaves it null), dropping Calcite's {@code NOT NULL} suffix from {@code
 * TYPE_NAME} (nullability has its own columns) and answering "NO" for auto-increment and generated.
 */
final class DocumentedColumnFactory implements CalciteMetaColumnFactory {
  @Override
  public MetaImpl.MetaColumn createColumn(
      Table table,
      String tableCat,
      String tableSchem,
      String tableName,
      String columnName,
      int dataType,
      String typeName,
      Integer columnSize,
      Integer decimalDigits,
      int numPrecRadix,
      int nullable,
      Integer charOctetLength,
      int ordinalPosition,
      String isNullable) {
    String remarks = null;
    if (table instanceof ModelArtsTable t) {
      for (Column c : t.columns()) {
        if (c.name().equals(columnName)) {
          remarks = c.remarks();
        }
      }
    }
    return new DocumentedColumn(
        tableCat,
        tableSchem,
        tableName,
        columnName,
        dataType,
        typeName.replace(" NOT NULL", ""),
        columnSize,
        decimalDigits,
        numPrecRadix,
        nullable,
        charOctetLength,
        ordinalPosition,
        isNullable,
        remarks);
  }

  @Override
  public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
    return DocumentedColumn.class;
  }

  /**
   * A {@code getColumns} row with remarks. Avatica reads rows through their public fields by name,
   * finding this class's {@code typeName} and {@code remarks} before the superclass's.
   */
  public static final class DocumentedColumn extends MetaImpl.MetaColumn {
    public final String typeName;
    public final String remarks;

    DocumentedColumn(
        String tableCat,
        String tableSchem,
        String tableName,
        String columnName,
        int dataType,
        String typeName,
        Integer columnSize,
        Integer decimalDigits,
        int numPrecRadix,
        int nullable,
        Integer charOctetLength,
        int ordinalPosition,
        String isNullable,
        String remarks) {
      super(
          tableCat,
          tableSchem,
          tableName,
          columnName,
          dataType,
          typeName,
          columnSize,
          decimalDigits,
          numPrecRadix,
          nullable,
          charOctetLength,
          ordinalPosition,
          isNullable,
          "NO",
          "NO");
      this.typeName = typeName;
      this.remarks = remarks;
    }
  }
}
