package io.modelarts.sql.calcite;

import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * A plan node of the driver's that yields its rows by a plain method call, so that a plan can run
 * without Calcite generating code for it: the rows are those its generated code returns.
 */
public interface RowSource {
  /**
   * For each execution, the node's rows, each an array in Calcite's run-time representation. The
   * function holds what the node's generated code gets (its table and spec), never the node: a
   * cached plan must not keep the planner that made it.
   */
  Function<DataContext, Enumerable<Object[]>> rows();
}
