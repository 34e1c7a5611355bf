/**
 * Runs the plans a first query usually has (a scan of the driver's, calcs, a limit, a sort, a count
 * by group) by walking them, instead of having Calcite generate Java code and compile it with
 * Janino, which is most of what a fresh JVM spends on running a query after planning it.
 */
package io.modelarts.sql.calcite.interpreter;
