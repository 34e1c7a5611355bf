package io.modelarts.sql.sync;

/**
 * A column of a driver table as its metadata describes it: the target's column is made from it.
 *
 * @param jdbcType a {@link java.sql.Types} constant ({@code ARRAY} means an array of strings)
 * @param remarks the API documentation of the column, null when the driver has none
 */
record SourceColumn(String name, int jdbcType, boolean nullable, String remarks) {}
