package io.modelarts.sql.calcite.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Mends the projections that Calcite's plan of a repeated grouping set ({@code GROUP BY ROLLUP(a,
 * a)}, {@code GROUPING SETS ((a), (a), ())}) types wrongly, before the planner sees them.
 *
 * <p>Why: Calcite plans such a {@code GROUP BY} as a union of aggregates, one per repeat, each
 * under a projection whose column references keep the types of the whole query's aggregates ({@code
 * RelBuilder.rewriteAggregateWithDuplicateGroupSets}). Where the whole query's grand total makes
 * {@code MIN(id)} nullable and the repeat's aggregate, having no grand total, does not, the
 * reference says nullable and its input says {@code NOT NULL}; the planner's check of types then
 * failed the query with "Cannot add expression of different type to set" (Calcite's own driver
 * fails it too). Each such reference is made its input's own, cast to the type the projection
 * declares, so that the projection's row, and the union above it, keep their types.
 */
final class RepeatedGroupingSetTypes {
  private RepeatedGroupingSetTypes() {}

  /** {@code rel} with its projections' references typed as their inputs, sub-queries included. */
  static RelNode of(RelNode rel) {
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    return PlanRewrite.nodes(
        rel, node -> node instanceof Project project ? mended(project, rexBuilder) : node);
  }

  private static RelNode mended(Project project, RexBuilder rexBuilder) {
    RelDataTypeFactory types = project.getCluster().getTypeFactory();
    RelDataType input = project.getInput().getRowType();
    List<RexNode> projects = project.getProjects();
    List<RexNode> mended = null;
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref
          && !ref.getType().equals(input.getFieldList().get(ref.getIndex()).getType())
          // Only nullability; a cast to another type would change the value.
          && SqlTypeUtil.equalSansNullability(
              types, ref.getType(), input.getFieldList().get(ref.getIndex()).getType())) {
        if (mended == null) {
          mended = new ArrayList<>(projects);
        }
        RexInputRef own = RexInputRef.of(ref.getIndex(), input);
        mended.set(i, rexBuilder.makeAbstractCast(ref.getType(), own, false));
      }
    }
    return mended == null
        ? project
        : project.copy(project.getTraitSet(), project.getInput(), mended, project.getRowType());
  }
}
