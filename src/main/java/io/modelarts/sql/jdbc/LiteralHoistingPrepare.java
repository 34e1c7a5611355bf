package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.HoistedLiteralsCalc;
import java.util.concurrent.Callable;
import org.apache.calcite.rel.RelRoot;

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

  /** The plan to compile, its literals hoisted; {@code EXPLAIN} never gets here and keeps them. */
  @Override
  protected RelRoot beforeImplement(RelRoot root) {
    return LITERALS_IN_PLACE.isOn() ? root : root.withRel(HoistedLiteralsCalc.hoist(root.rel));
  }
}
