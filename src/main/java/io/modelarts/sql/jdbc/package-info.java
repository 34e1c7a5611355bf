/**
 * The JDBC face of the driver: {@link io.modelarts.sql.jdbc.ModelArtsDriver} (registered through
 * {@code META-INF/services/java.sql.Driver}), the wrappers that make Calcite's connection behave as
 * pools and BI tools expect, and the mapping of failures to SQLExceptions with fitting SQLStates.
 */
package io.modelarts.sql.jdbc;
