package io.modelarts.sql.calcite.planner;

import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Calcite's rule that sorts below a projection rather than above it, but not when a sort key other
 * than the last is a cast that merges values ({@code CAST(lease_create_at AS DATE)}).
 *
 * <p>Why: Calcite's rule sorts by the cast's operand instead of the cast wherever the cast keeps
 * order. That is right for the last key, where ties may come in any order. Before another key it is
 * wrong: {@code ORDER BY CAST(lease_create_at AS DATE) DESC, id LIMIT 18} became an order by the
 * timestamp, then the id, so the notebooks of one day came by time, not by id, and the limit kept
 * other rows than SQL's (up to Calcite 1.42 at least). Such a sort stays above the projection.
 * Named as Calcite's class, and built from its configuration, so that its description, and so plans
 * and rule lists, read the same.
 */
final class SortProjectTransposeRule extends org.apache.calcite.rel.rules.SortProjectTransposeRule {

  SortProjectTransposeRule() {
    super(Config.DEFAULT);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    Project project = call.rel(1);
    List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
    for (int i = 0; i < keys.size() - 1; i++) {
      RexNode key = project.getProjects().get(keys.get(i).getFieldIndex());
      if (key.isA(SqlKind.CAST) && !RexUtil.isLosslessCast(key)) {
        return;
      }
    }
    super.onMatch(call);
  }
}
