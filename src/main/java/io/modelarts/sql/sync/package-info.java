/**
 * {@code sync}: copies the driver's four tables (and, on request, their history) into a real
 * database, PostgreSQL or an embedded H2 file, so that BI tools that cannot load a custom JDBC
 * driver, or that would scan a rate-limited API on every refresh, read a database instead.
 *
 * <p>A round reads the tables through the driver ({@link io.modelarts.sql.sync.SourceReader}),
 * makes sure the target schema exists ({@link io.modelarts.sql.sync.TargetSchema}) and replaces the
 * current tables in one transaction ({@link io.modelarts.sql.sync.SnapshotWriter}), so a reader
 * sees the previous snapshot or the new one, never a mix. {@link io.modelarts.sql.sync.Sync} is the
 * Java entry point, {@link io.modelarts.sql.sync.SyncMain} the command line.
 */
package io.modelarts.sql.sync;
