package io.modelarts.sql.calcite.planner;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.sql.SqlKind;

/**
 * Calcite's default rule that makes an aggregate of a {@code CASE} a filtered aggregate ({@code
 * SUM(CASE WHEN c THEN v END)} becomes {@code SUM(v) FILTER (WHERE c)}), but leaving alone a
 * projection with a {@code CASE} that may fail, such as a guarded division.
 *
 * <p>Why: the rule makes the {@code CASE}'s value the call's argument, which the projection then
 * computes for every row, where the {@code CASE} computed it only where its test held: {@code
 * SUM(CASE WHEN x <> 0 THEN y / x END)} failed with "Division by zero". Left alone, the aggregate
 * reads the {@code CASE}, the same answer. Named as Calcite's class, and built from its
 * configuration, so that its description, and so plans and rule lists, read the same.
 */
final class AggregateCaseToFilterRule
    extends org.apache.calcite.rel.rules.AggregateCaseToFilterRule {
  AggregateCaseToFilterRule() {
    super(Config.DEFAULT);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    Project project = call.rel(1);
    return project.getProjects().stream()
            .noneMatch(e -> e.isA(SqlKind.CASE) && CallsThatMayFail.foundIn(e))
        && super.matches(call);
  }
}
