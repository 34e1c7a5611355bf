package io.modelarts.sql.calcite;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of a ModelArts table: its SQL name and type, and the sentence of API documentation
 * that metadata clients show as {@code REMARKS}.
 *
 * @param arrayOfVarchar whether the column is {@code VARCHAR ARRAY} (then {@code type} is ARRAY)
 */
public record Column(String name, SqlTypeName type, boolean nullable, String remarks) {

  /** A nullable column. */
  public static Column of(String name, SqlTypeName type, String remarks) {
    return new Column(name, type, true, remarks);
  }

  /** A NOT NULL column. */
  public static Column required(String name, SqlTypeName type, String remarks) {
    return new Column(name, type, false, remarks);
  }
}
