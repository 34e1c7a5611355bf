package io.modelarts.sql.calcite;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableIntersect;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMergeUnion;
import org.apache.calcite.adapter.enumerable.EnumerableMinus;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Brings the decimals a plan groups, partitions, deduplicates, intersects, subtracts or joins by to
 * one scale per value, so that equal numbers are equal keys.
 *
 * <p>Why: Calcite keeps a decimal's own scale, which need not be its type's: in {@code CASE WHEN
 * status = 'RUNNING' THEN 2.0 ELSE lease_duration / 3600000.0 END} one branch gives {@code 2.0} and
 * the other {@code 2.000000000}. Comparisons and sorts compare them as numbers, but grouping,
 * {@code DISTINCT}, window partitions, the set operations and joins by key compare Java's {@code
 * BigDecimal}s whole, scale included (a merge join to gather each key's rows), so {@code GROUP BY}
 * made two groups of the one number, {@code PARTITION BY} two partitions, {@code UNION} kept both
 * and a join matched only some; in SQL they are one value. Just before a plan runs ({@link
 * #canonicalised}), each such key column is passed through {@link #canonical} under the node that
 * compares it: its type's scale where the value needs no more, so groups read as their type says
 * ({@code 2.000000000}), else the fewest digits that hold it.
 */
public final class DecimalKeys {
  /** The function the rewritten plans call, {@link #canonical}, typed as its first operand. */
  private static final SqlUserDefinedFunction CANONICAL =
      LazyScalarFunction.operator("$DECIMAL_KEY", ReturnTypes.ARG0, DecimalKeys.class, "canonical");

  private DecimalKeys() {}

  /** True when {@code operator} is the function the rewritten plans call. */
  public static boolean isCanonical(SqlOperator operator) {
    return operator == CANONICAL;
  }

  /**
   * The one form of {@code value}'s number: without trailing zeros, then widened to {@code scale}
   * if it has fewer digits after the point; null for null.
   */
  public static @Nullable BigDecimal canonical(@Nullable BigDecimal value, int scale) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < scale ? stripped.setScale(scale) : stripped;
  }

  /**
   * {@code plan} with the decimal keys of its aggregates, window partitions, set operations (but
   * {@code UNION ALL}) and hash and merge joins brought to one form; itself if it has none, or if
   * it cannot be rebuilt ({@link CalcRewrites}).
   */
  public static RelNode canonicalised(RelNode plan) {
    return CalcRewrites.eachOf(
        RelNode.class, plan, DecimalKeys::withCanonicalKeys, "Bringing decimal keys to one form");
  }

  private static RelNode withCanonicalKeys(RelNode node) {
    if (node.getClass() == EnumerableAggregate.class) {
      EnumerableAggregate aggregate = (EnumerableAggregate) node;
      Map<Integer, Integer> scales = new HashMap<>();
      List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
      aggregate.getGroupSet().forEachInt(key -> addIfDecimal(scales, fields, key));
      for (AggregateCall call : aggregate.getAggCallList()) {
        if (call.isDistinct()) {
          call.getArgList().forEach(argument -> addIfDecimal(scales, fields, argument));
        }
      }
      return withInputs(node, List.of(canonicalColumns(aggregate.getInput(), scales)));
    }
    // A UNION ALL compares no rows; INTERSECT ALL and EXCEPT ALL match them as the others do.
    if (((node.getClass() == EnumerableUnion.class || node.getClass() == EnumerableMergeUnion.class)
            && !((SetOp) node).all)
        || node.getClass() == EnumerableIntersect.class
        || node.getClass() == EnumerableMinus.class) {
      Map<Integer, Integer> scales = new HashMap<>();
      List<RelDataTypeField> fields = node.getRowType().getFieldList();
      for (int i = 0; i < fields.size(); i++) {
        addIfDecimal(scales, fields, i);
      }
      return withInputs(
          node, node.getInputs().stream().map(input -> canonicalColumns(input, scales)).toList());
    }
    if (node.getClass() == EnumerableWindow.class) {
      Window window = (Window) node;
      Map<Integer, Integer> scales = new HashMap<>();
      List<RelDataTypeField> fields = window.getInput().getRowType().getFieldList();
      for (Window.Group group : window.groups) {
        group.keys.forEachInt(key -> addIfDecimal(scales, fields, key));
      }
      return withInputs(node, List.of(canonicalColumns(window.getInput(), scales)));
    }
    if (node.getClass() == EnumerableHashJoin.class
        || node.getClass() == EnumerableMergeJoin.class) {
      // A merge join matches keys by comparing them, but gathers each key's rows by equality.
      Join join = (Join) node;
      JoinInfo keys = join.analyzeCondition();
      List<RelDataTypeField> left = join.getLeft().getRowType().getFieldList();
      List<RelDataTypeField> right = join.getRight().getRowType().getFieldList();
      Map<Integer, Integer> leftScales = new HashMap<>();
      Map<Integer, Integer> rightScales = new HashMap<>();
      for (int i = 0; i < keys.leftKeys.size(); i++) {
        int l = keys.leftKeys.get(i);
        int r = keys.rightKeys.get(i);
        if (isDecimal(left.get(l).getType()) && isDecimal(right.get(r).getType())) {
          // Both sides to the same form, whatever their types' scales.
          int scale = Math.max(left.get(l).getType().getScale(), right.get(r).getType().getScale());
          leftScales.merge(l, scale, Math::max);
          rightScales.merge(r, scale, Math::max);
        }
      }
      return withInputs(
          node,
          List.of(
              canonicalColumns(join.getLeft(), leftScales),
              canonicalColumns(join.getRight(), rightScales)));
    }
    return node;
  }

  private static boolean isDecimal(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DECIMAL;
  }

  /** Records field {@code index}'s type's scale if it is a decimal. */
  private static void addIfDecimal(
      Map<Integer, Integer> scales, List<RelDataTypeField> fields, int index) {
    RelDataType type = fields.get(index).getType();
    if (isDecimal(type)) {
      scales.put(index, type.getScale());
    }
  }

  private static RelNode withInputs(RelNode node, List<RelNode> inputs) {
    return inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
  }

  /** {@code input} with each column in {@code scales} passed through {@link #canonical}. */
  private static RelNode canonicalColumns(RelNode input, Map<Integer, Integer> scales) {
    if (scales.isEmpty()) {
      return input;
    }
    RexBuilder rexBuilder = input.getCluster().getRexBuilder();
    RexProgramBuilder program = new RexProgramBuilder(input.getRowType(), rexBuilder);
    List<RelDataTypeField> fields = input.getRowType().getFieldList();
    for (RelDataTypeField field : fields) {
      RexNode column = rexBuilder.makeInputRef(field.getType(), field.getIndex());
      Integer scale = scales.get(field.getIndex());
      RexNode value =
          scale == null
              ? column
              : rexBuilder.makeCall(
                  field.getType(),
                  CANONICAL,
                  List.of(column, rexBuilder.makeExactLiteral(BigDecimal.valueOf(scale))));
      program.addProject(value, field.getName());
    }
    // The input's traits hold: each value keeps its number, so its order, and no row moves.
    return new EnumerableCalc(input.getCluster(), input.getTraitSet(), input, program.getProgram());
  }
}
