/**
 * The command-line shell {@code ./modelarts-sql}: sqlline driving the ModelArts JDBC driver, with a
 * demo mode on the in-process simulator, cloud connection settings from flags, a properties file,
 * the environment or a prompt, and a hook for the {@code sync} subcommand.
 *
 * <p>sqlline is an optional dependency of the driver jar; only this package uses it.
 */
package io.modelarts.sql.shell;
