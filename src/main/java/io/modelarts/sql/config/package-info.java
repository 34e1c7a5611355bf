/**
 * Connection settings: every property defined once in {@link
 * io.modelarts.sql.config.ConnectionProperty}, parsed and checked into an immutable {@link
 * io.modelarts.sql.config.ConnectionConfig}, and the service endpoints derived from them.
 */
package io.modelarts.sql.config;
