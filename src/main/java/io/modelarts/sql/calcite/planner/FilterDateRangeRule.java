package io.modelarts.sql.calcite.planner;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Calcite's default rule that turns comparisons of a rounded timestamp ({@code FLOOR(ts TO MONTH) =
 * …}) into ranges of the timestamp, but leaving alone a filter that rounds to a unit the rule
 * cannot narrow, on which Calcite's throws (the {@code NullPointerException} "unexpected
 * timeUnitRange: WEEK", up to Calcite 1.42 at least) and so fails the whole query while planning.
 *
 * <p>Such a filter keeps its rounding, which the plan computes row by row: the same answer, without
 * the rewrite, which only ever narrows a range the API cannot filter on anyway. Named as Calcite's
 * class, and built from its configuration, so that its description, and so plans and rule lists,
 * read the same.
 */
final class FilterDateRangeRule
    extends org.apache.calcite.rel.rules.DateRangeRules.FilterDateRangeRule {
  /** The units Calcite's rule narrows a {@code FLOOR} or {@code CEIL} comparison to a range of. */
  private static final Set<TimeUnitRange> NARROWED =
      EnumSet.of(
          TimeUnitRange.YEAR,
          TimeUnitRange.MONTH,
          TimeUnitRange.DAY,
          TimeUnitRange.HOUR,
          TimeUnitRange.MINUTE,
          TimeUnitRange.SECOND,
          TimeUnitRange.MILLISECOND);

  FilterDateRangeRule() {
    super(FilterDateRangeRuleConfig.DEFAULT);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    if (!roundsToUnitNotNarrowed(filter.getCondition())) {
      super.onMatch(call);
    }
  }

  /**
   * Whether {@code node} holds a {@code FLOOR} or {@code CEIL} to a unit not in {@link #NARROWED}.
   */
  private static boolean roundsToUnitNotNarrowed(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return false;
    }
    if ((call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL)
        && call.getOperands().size() == 2
        && !(call.getOperands().get(1) instanceof RexLiteral unit
            && unit.getValue() instanceof TimeUnitRange range
            && NARROWED.contains(range))) {
      return true;
    }
    return call.getOperands().stream().anyMatch(FilterDateRangeRule::roundsToUnitNotNarrowed);
  }
}
