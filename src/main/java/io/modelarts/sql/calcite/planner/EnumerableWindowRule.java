package io.modelarts.sql.calcite.planner;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Calcite's rule that runs a window as an {@link EnumerableWindow}, but one that promises no order
 * of its rows: Calcite's rule converts, and the window is copied without its collation.
 *
 * <p>Why: Calcite's window keeps the order its input promised (its metadata assumes "the
 * implementation does not re-order its input rows"), but {@code EnumerableWindow} sorts its rows by
 * each window's partition and order in turn and gives them in the last one's order. So an {@code
 * ORDER BY} that the input already met was dropped: {@code SELECT id, x, ROW_NUMBER() OVER (ORDER
 * BY id DESC) … FROM (VALUES (1, 10), (2, 20), …) AS t(id, x) ORDER BY id} came in descending order
 * (Calcite 1.42), since the list is sorted by id. With no order promised, the planner sorts the
 * window's rows where the query asks. Named as Calcite's rule (a package-private class there), with
 * its description, so that plans and rule lists read the same.
 */
final class EnumerableWindowRule extends ConverterRule {
  private static final ConverterRule CALCITES = EnumerableRules.ENUMERABLE_WINDOW_RULE;

  /** With Calcite's own configuration (so its description, operands and factory). */
  EnumerableWindowRule() {
    super(CALCITES.config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    RelNode window = CALCITES.convert(rel);
    return window == null
        ? null
        : window.copy(window.getTraitSet().replace(RelCollations.EMPTY), window.getInputs());
  }
}
