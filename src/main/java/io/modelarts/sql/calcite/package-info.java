/**
 * The Calcite side of the driver: the {@code modelarts} schema and its tables, the table scan that
 * turns a {@link io.modelarts.sql.calcite.ScanSpec} into list calls at run time, and the planner
 * rules that push {@code WHERE}, {@code LIMIT} and {@code COUNT(*)} into that spec.
 */
package io.modelarts.sql.calcite;
