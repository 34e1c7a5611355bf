package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.HoistedLiteralsCalc;
import java.lang.reflect.Type;
import java.util.concurrent.Callable;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;

/**
 * Calcite's preparation, but a plan's comparison literals become hidden parameters just before it
 * is compiled ({@link HoistedLiteralsCalc}), so a query that differs from an earlier one only in
 * those literals reuses its compiled class.
 */
class LiteralHoistingPrepare extends PrecompiledMetadataPrepare {
  /** On in a thread running Calcite's plans as they are, for tests to compare with. */
  private static final CalciteComparisonSwitch LITERALS_IN_PLACE = new CalciteComparisonSwitch();

  /** Runs {@code action} with the literals left in place in this thread (tests compare both). */
  static <T> T withoutHoisting(Callable<T> action) throws Exception {
    return LITERALS_IN_PLACE.during(action);
  }

  /**
   * {@link DefaultRulesPrepare}'s statement with the hoisting step in {@code implement}, which runs
   * for execution only: {@code EXPLAIN} keeps the literals.
   */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(
      CalcitePrepare.Context context,
      Type elementType,
      CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    return new PreparingStmt(
        this,
        context,
        catalogReader,
        elementType,
        createCluster(planner, new RexBuilder(context.getTypeFactory())),
        createConvertletTable()) {
      @Override
      protected Prepare.PreparedResult implement(RelRoot root) {
        return super.implement(
            LITERALS_IN_PLACE.isOn() ? root : root.withRel(HoistedLiteralsCalc.hoist(root.rel)));
      }
    };
  }
}
