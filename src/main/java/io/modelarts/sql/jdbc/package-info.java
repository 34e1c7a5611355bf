/**
 * The JDBC face of the driver: {@link io.modelarts.sql.jdbc.ModelArtsDriver} (registered through
 * {@code META-INF/services/java.sql.Driver}) and {@link io.modelarts.sql.jdbc.ModelArtsDataSource};
 * the wrappers that make Calcite's connection behave as pools and BI tools expect (transaction
 * no-ops, a real {@code isValid}, typed {@code getObject}, maxRows planned as a LIMIT, plans reused
 * per connection); the metadata tools browse with (one schema, no catalog, remarks, keys); the
 * mapping of failures to SQLExceptions with fitting SQLStates; and the drop-in jar's logging
 * bridge.
 */
package io.modelarts.sql.jdbc;
