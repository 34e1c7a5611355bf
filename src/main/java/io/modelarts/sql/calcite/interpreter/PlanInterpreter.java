package io.modelarts.sql.calcite.interpreter;

import io.modelarts.sql.calcite.RowSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs a finished plan without generating code for it, when every node is one it reproduces
 * exactly: the driver's scans ({@link RowSource}), Calcite's enumerable calc (with the expressions
 * {@link RowExpressions} takes), limit and values. Any other plan is left to Calcite.
 *
 * <p>Why: Calcite turns every plan into Java source and compiles it with Janino. In a fresh JVM
 * that is the costliest step after planning — Janino's classes loaded (from signed jars on a Maven
 * class path), the code generator's operator table initialised, the compilers' output compiled
 * again by the JIT — although the plans of most first queries are a scan, a filter that re-checks
 * what the API filtered, a projection and a limit. Walking such a plan gives the same rows in the
 * same order, nodes doing exactly what their generated code does.
 */
public final class PlanInterpreter {
  private PlanInterpreter() {}

  /** The rows of a plan node for one execution, as arrays in Calcite's run-time representation. */
  @FunctionalInterface
  private interface Rows {
    Enumerable<Object[]> bind(DataContext root);
  }

  /** An {@code int} a limit reads when it runs: a literal, or a statement parameter. */
  @FunctionalInterface
  private interface IntValue {
    int get(DataContext root);
  }

  /**
   * A bindable that runs {@code root} as Calcite's compiled code would, with rows as Calcite's
   * array cursor reads them (a single column's values bare); null when the plan has a node or
   * expression this class does not reproduce, or is not a query.
   */
  public static @Nullable Bindable<Object> bindable(RelRoot root) {
    if (!root.kind.belongsTo(SqlKind.QUERY)) {
      return null;
    }
    try {
      Rows rows = rows(root.rel);
      int[] fields =
          root.isRefTrivial() ? null : root.fields.leftList().stream().mapToInt(i -> i).toArray();
      return new InterpretedPlan(rows::bind, fields, root.validatedRowType.getFieldCount());
    } catch (NotInterpretable e) {
      return null;
    }
  }

  private static Rows rows(RelNode rel) throws NotInterpretable {
    if (rel instanceof RowSource source) {
      return source::rows;
    }
    // Exact classes: a subclass may generate other code.
    if (rel.getClass() == EnumerableCalc.class) {
      return calc((EnumerableCalc) rel);
    }
    if (rel.getClass() == EnumerableLimit.class) {
      return limit((EnumerableLimit) rel);
    }
    if (rel.getClass() == EnumerableValues.class) {
      return values((EnumerableValues) rel);
    }
    throw new NotInterpretable(rel.getRelTypeName());
  }

  private static Rows calc(EnumerableCalc calc) throws NotInterpretable {
    RexProgram program = calc.getProgram();
    RowExpressions expressions = new RowExpressions(calc.getCluster().getRexBuilder());
    RexLocalRef conditionRef = program.getCondition();
    RowExpression condition =
        conditionRef == null ? null : expressions.compile(program.expandLocalRef(conditionRef));
    List<RexLocalRef> projectList = program.getProjectList();
    RowExpression[] projects = new RowExpression[projectList.size()];
    for (int i = 0; i < projects.length; i++) {
      projects[i] = expressions.compile(program.expandLocalRef(projectList.get(i)));
    }
    Rows input = rows(calc.getInput());
    return root -> new CalcEnumerable(input.bind(root), condition, projects, root);
  }

  /** Skips, then takes, with linq4j's own methods, as {@code EnumerableLimit}'s code does. */
  private static Rows limit(EnumerableLimit limit) throws NotInterpretable {
    Rows input = rows(limit.getInput());
    IntValue offset = limit.offset == null ? null : intValue(limit.offset);
    IntValue fetch = limit.fetch == null ? null : intValue(limit.fetch);
    return root -> {
      Enumerable<Object[]> rows = input.bind(root);
      if (offset != null) {
        rows = rows.skip(offset.get(root));
      }
      if (fetch != null) {
        rows = rows.take(fetch.get(root));
      }
      return rows;
    };
  }

  /** A limit's bound read as {@code EnumerableLimit}'s code reads it. */
  private static IntValue intValue(RexNode node) throws NotInterpretable {
    if (node instanceof RexDynamicParam parameter) {
      String name = "?" + parameter.getIndex();
      return root -> (Integer) root.get(name);
    }
    if (node instanceof RexLiteral) {
      int value = RexLiteral.intValue(node);
      return root -> value;
    }
    throw new NotInterpretable("limit of " + node);
  }

  private static Rows values(EnumerableValues values) throws NotInterpretable {
    List<Object[]> tuples = new ArrayList<>();
    for (List<RexLiteral> tuple : values.tuples) {
      Object[] row = new Object[tuple.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = RowExpressions.literalValue(tuple.get(i));
      }
      tuples.add(row);
    }
    return root -> Linq4j.asEnumerable(tuples);
  }
}
