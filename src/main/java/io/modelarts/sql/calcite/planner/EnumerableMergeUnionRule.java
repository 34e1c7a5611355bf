package io.modelarts.sql.calcite.planner;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Union;

/**
 * Calcite's rule that runs a sorted {@code UNION} as a merge of sorted inputs, but not for a {@code
 * UNION} without {@code ALL} under a {@code LIMIT} or {@code OFFSET}.
 *
 * <p>Why: Calcite's rule gives each input the limit too. That is right for {@code UNION ALL}, but a
 * {@code UNION} drops duplicates after the merge: an input whose first rows repeat one value then
 * has too few distinct values left ({@code SELECT … UNION SELECT pool_id … ORDER BY 1 LIMIT 9}
 * answered one pool id where three exist, up to Calcite 1.42 at least). Such a union is sorted
 * whole and then limited, as SQL says. Named as Calcite's class, and built from its configuration,
 * so that its description, and so plans and rule lists, read the same.
 */
final class EnumerableMergeUnionRule
    extends org.apache.calcite.adapter.enumerable.EnumerableMergeUnionRule {

  EnumerableMergeUnionRule() {
    super(Config.DEFAULT_CONFIG);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    Union union = call.rel(1);
    return super.matches(call) && (union.all || (sort.fetch == null && sort.offset == null));
  }
}
