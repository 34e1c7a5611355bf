/**
 * Runs the plans first and new queries usually have (a scan of the driver's, calcs with the common
 * operators and functions, a limit, a sort, counts, sums and averages by group, joins on one key)
 * by walking them, instead of having Calcite generate Java code and compile it with Janino, which
 * is most of what a fresh JVM spends on running a query after planning it.
 */
package io.modelarts.sql.calcite.interpreter;
