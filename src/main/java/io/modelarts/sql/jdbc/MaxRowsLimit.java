package io.modelarts.sql.jdbc;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Holder;

/**
 * Plans a statement's {@code maxRows} as a LIMIT on the query, so that the planner rules push it
 * into the API calls exactly as they push {@code LIMIT n} (a page size that fits, no read-ahead
 * past the rows wanted). With an ORDER BY the limit keeps the order, as {@code ORDER BY ... LIMIT
 * n} does; above an aggregate it limits the groups, never the rows read.
 *
 * <p>Calcite prepares a statement on the calling thread and offers its optimizer program through
 * {@link Hook#PROGRAM}, so a thread-local hook around that one prepare sees it and nothing else.
 */
final class MaxRowsLimit implements Program {
  private final Program planner;
  private final long maxRows;

  private MaxRowsLimit(Program planner, long maxRows) {
    this.planner = planner;
    this.maxRows = maxRows;
  }

  /** An action that prepares a statement. */
  interface Preparing<T> {
    T run() throws Throwable;
  }

  /** Runs {@code prepare} so that any query it plans returns at most {@code maxRows} rows. */
  static <T> T during(long maxRows, Preparing<T> prepare) throws Throwable {
    if (maxRows <= 0) {
      return prepare.run();
    }
    try (Hook.Closeable ignored =
        Hook.PROGRAM.addThread(
            (Holder<Program> program) ->
                program.set(
                    new MaxRowsLimit(
                        program.get() != null
                            ? program.get()
                            : DefaultRulesPrepare.standardProgram(),
                        maxRows)))) {
      return prepare.run();
    }
  }

  @Override
  public RelNode run(
      RelOptPlanner relPlanner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    RelCollation order = requiredOutputTraits.getTrait(RelCollationTraitDef.INSTANCE);
    RelNode limited =
        LogicalSort.create(
            rel,
            order == null ? RelCollations.EMPTY : order,
            null,
            rel.getCluster().getRexBuilder().makeExactLiteral(BigDecimal.valueOf(maxRows)));
    return planner.run(relPlanner, limited, requiredOutputTraits, materializations, lattices);
  }
}
