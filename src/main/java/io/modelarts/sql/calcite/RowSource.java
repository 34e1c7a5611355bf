package io.modelarts.sql.calcite;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * A plan node of the driver's that yields its rows by a plain method call, so that a plan can run
 * without Calcite generating code for it: the rows are those its generated code returns.
 */
public interface RowSource {
  /** The node's rows, each an array in Calcite's run-time representation, for one execution. */
  Enumerable<Object[]> rows(DataContext root);
}
