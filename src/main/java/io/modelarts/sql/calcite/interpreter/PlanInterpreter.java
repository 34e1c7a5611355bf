package io.modelarts.sql.calcite.interpreter;

import com.google.common.primitives.Ints;
import io.modelarts.sql.calcite.GrandTotalRow;
import io.modelarts.sql.calcite.RowSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableIntersect;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMergeUnion;
import org.apache.calcite.adapter.enumerable.EnumerableMinus;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.adapter.enumerable.EnumerableValues;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a finished plan without generating code for it, when every node is one it reproduces
 * exactly: the driver's scans ({@link RowSource}), Calcite's enumerable calc (with the expressions
 * {@link RowExpressions} takes), limit, values, sort, aggregate of counts, sums, minima and maxima
 * grouped by any columns, hash, merge and nested loop joins ({@link JoinInterpreter}), and unions,
 * intersections and differences ({@link SetOpInterpreter}). Any other plan is left to Calcite.
 *
 * <p>Why: Calcite turns every plan into Java source and compiles it with Janino. In a fresh JVM
 * that is the costliest step after planning — Janino's classes loaded (from signed jars on a Maven
 * class path), the code generator's operator table initialised, the compilers' output compiled
 * again by the JIT — although the plans of most first queries are a scan, a filter that re-checks
 * what the API filtered, a projection and a limit, or a count by status, or a sort. Walking such a
 * plan gives the same rows in the same order, nodes doing exactly what their generated code does.
 */
public final class PlanInterpreter {
  private static final Logger LOG = LoggerFactory.getLogger(PlanInterpreter.class);

  /** Types whose values sorts and groups compare and hash as their generated code does. */
  static final Set<SqlTypeName> SORTABLE =
      Set.of(
          SqlTypeName.CHAR,
          SqlTypeName.VARCHAR,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DECIMAL,
          SqlTypeName.DOUBLE,
          SqlTypeName.BOOLEAN,
          SqlTypeName.DATE,
          SqlTypeName.TIMESTAMP);

  /** The aggregate functions grouped plans may use. */
  private static final Set<SqlKind> AGGREGATES =
      Set.of(SqlKind.COUNT, SqlKind.MIN, SqlKind.MAX, SqlKind.SUM, SqlKind.SUM0, SqlKind.GROUPING);

  /**
   * How the generated code adds up a SUM of each type it is taken for here: in a Java primitive of
   * the argument's type ({@code int}, {@code long}, {@code double}), an {@code int} wrapping on
   * overflow as Java's {@code +} does, a {@code long} failing with {@code Math.addExact} ({@link
   * io.modelarts.sql.calcite.CheckedSums}), a {@code double} rounding as {@code +} does, in the
   * rows' order; or in a {@code BigDecimal} from {@code BigDecimal.ZERO} with {@code add}, exact.
   */
  private enum Summation {
    INT,
    LONG,
    DOUBLE,
    DECIMAL;

    /** The summation of a SUM of {@code argument} typed {@code sum}, or null if not taken here. */
    static @Nullable Summation of(SqlTypeName argument, SqlTypeName sum) {
      if (argument == SqlTypeName.INTEGER && sum == SqlTypeName.BIGINT) {
        return LONG; // ModelArtsTypeSystem's sum of INTEGERs, added in a long
      }
      if (argument != sum) {
        return null;
      }
      return switch (argument) {
        case INTEGER -> INT;
        case BIGINT -> LONG;
        case DOUBLE -> DOUBLE;
        case DECIMAL -> DECIMAL;
        default -> null;
      };
    }
  }

  /**
   * Types whose MIN and MAX the generated code finds with {@code compareTo}, as this class does,
   * and DOUBLE and BOOLEAN, whose it finds in a {@code double} or a {@code boolean} (see {@link
   * Accumulator}).
   */
  private static final Set<SqlTypeName> EXTREMA =
      Set.of(
          SqlTypeName.CHAR,
          SqlTypeName.VARCHAR,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DECIMAL,
          SqlTypeName.DOUBLE,
          SqlTypeName.DATE,
          SqlTypeName.TIMESTAMP,
          SqlTypeName.BOOLEAN);

  /**
   * What the generated code puts in a grouping set's key for a NOT NULL column the set leaves out,
   * by the column's type: the default of the primitive it stores the type in, as the run-time
   * representation holds it (a date as an {@code int} of days, a timestamp as a {@code long} of
   * milliseconds); NULL for the other types.
   */
  private static final Map<SqlTypeName, Object> PRIMITIVE_ZEROS =
      Map.of(
          SqlTypeName.TINYINT,
          (byte) 0,
          SqlTypeName.SMALLINT,
          (short) 0,
          SqlTypeName.INTEGER,
          0,
          SqlTypeName.BIGINT,
          0L,
          SqlTypeName.DOUBLE,
          0.0,
          SqlTypeName.BOOLEAN,
          false,
          SqlTypeName.DATE,
          0,
          SqlTypeName.TIMESTAMP,
          0L);

  private PlanInterpreter() {}

  /**
   * Whether values of {@code type} are compared by a collation's comparator, which the generated
   * code passes along and this package does not reproduce.
   */
  static boolean comparedByCollator(RelDataType type) {
    return type.getCollation() != null && type.getCollation().getCollator() != null;
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
      Function<DataContext, Enumerable<Object[]>> rows = rows(root.rel);
      int[] fields =
          root.isRefTrivial() ? null : root.fields.leftList().stream().mapToInt(i -> i).toArray();
      return new InterpretedPlan(rows, fields, root.validatedRowType.getFieldCount());
    } catch (NotInterpretable e) {
      // Says why a plan costs a compilation, for whoever wonders why one query is slower.
      LOG.debug("Plan left to Calcite's code generation: {}", e.getMessage());
      return null;
    }
  }

  /**
   * For each execution, the rows of {@code rel} as arrays in Calcite's run-time representation,
   * from a function that holds no plan node (see {@link RowSource#rows}).
   */
  private static Function<DataContext, Enumerable<Object[]>> rows(RelNode rel)
      throws NotInterpretable {
    if (rel instanceof RowSource source) {
      return source.rows();
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
    if (rel.getClass() == EnumerableSort.class) {
      return sort((EnumerableSort) rel);
    }
    if (rel.getClass() == EnumerableAggregate.class) {
      return aggregate((EnumerableAggregate) rel);
    }
    if (rel instanceof GrandTotalRow total) {
      return grandTotal(total);
    }
    if (rel.getClass() == EnumerableHashJoin.class) {
      EnumerableHashJoin join = (EnumerableHashJoin) rel;
      return JoinInterpreter.hashJoin(join, rows(join.getLeft()), rows(join.getRight()));
    }
    if (rel.getClass() == EnumerableMergeJoin.class) {
      EnumerableMergeJoin join = (EnumerableMergeJoin) rel;
      return JoinInterpreter.mergeJoin(join, rows(join.getLeft()), rows(join.getRight()));
    }
    if (rel.getClass() == EnumerableNestedLoopJoin.class) {
      EnumerableNestedLoopJoin join = (EnumerableNestedLoopJoin) rel;
      return JoinInterpreter.nestedLoopJoin(join, rows(join.getLeft()), rows(join.getRight()));
    }
    if (rel.getClass() == EnumerableUnion.class
        || rel.getClass() == EnumerableIntersect.class
        || rel.getClass() == EnumerableMinus.class
        || rel.getClass() == EnumerableMergeUnion.class) {
      List<Function<DataContext, Enumerable<Object[]>>> inputs = new ArrayList<>();
      for (RelNode input : rel.getInputs()) {
        inputs.add(rows(input));
      }
      return SetOpInterpreter.of((SetOp) rel, inputs);
    }
    throw new NotInterpretable(rel.getRelTypeName());
  }

  private static Function<DataContext, Enumerable<Object[]>> calc(EnumerableCalc calc)
      throws NotInterpretable {
    RexProgram program = calc.getProgram();
    RowExpressions expressions =
        new RowExpressions(calc.getCluster().getRexBuilder(), conformance(calc.getCluster()));
    RexLocalRef conditionRef = program.getCondition();
    RowExpression condition =
        conditionRef == null ? null : expressions.compile(program.expandLocalRef(conditionRef));
    List<RexLocalRef> projectList = program.getProjectList();
    RowExpression[] projects = new RowExpression[projectList.size()];
    for (int i = 0; i < projects.length; i++) {
      projects[i] = expressions.compile(program.expandLocalRef(projectList.get(i)));
    }
    Function<DataContext, Enumerable<Object[]>> input = rows(calc.getInput());
    return root -> new CalcEnumerable(input.apply(root), condition, projects, root);
  }

  /**
   * The SQL conformance the generated code would be generated under (the connection's, which the
   * planner's context holds), or null if the planner was given another context.
   */
  static @Nullable SqlConformance conformance(RelOptCluster cluster) {
    return cluster
        .getPlanner()
        .getContext()
        .maybeUnwrap(CalciteConnectionConfig.class)
        .map(CalciteConnectionConfig::conformance)
        .orElse(null);
  }

  /** Skips, then takes, with linq4j's own methods, as {@code EnumerableLimit}'s code does. */
  private static Function<DataContext, Enumerable<Object[]>> limit(EnumerableLimit limit)
      throws NotInterpretable {
    Function<DataContext, Enumerable<Object[]>> input = rows(limit.getInput());
    IntValue offset = limit.offset == null ? null : intValue(limit.offset);
    IntValue fetch = limit.fetch == null ? null : intValue(limit.fetch);
    return root -> {
      Enumerable<Object[]> rows = input.apply(root);
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

  /**
   * Sorts with linq4j's {@code orderBy}, as {@code EnumerableSort}'s code does, by the key and
   * comparator that code builds ({@link CollationKey}).
   */
  private static Function<DataContext, Enumerable<Object[]>> sort(EnumerableSort sort)
      throws NotInterpretable {
    if (sort.offset != null || sort.fetch != null) {
      throw new NotInterpretable("sort with a limit");
    }
    CollationKey key =
        CollationKey.of(
            sort.getCollation().getFieldCollations(), sort.getInput().getRowType().getFieldList());
    Function<DataContext, Enumerable<Object[]>> input = rows(sort.getInput());
    return root -> input.apply(root).orderBy(key.selector(), key.comparator());
  }

  /**
   * Groups with linq4j's {@code groupBy}, keyed, accumulated and shaped as {@code
   * EnumerableAggregate}'s code does for counts, minima and maxima: one key is the value itself,
   * several a list built as there ({@link KeyLists}); each {@code COUNT(*)} counts the rows, each
   * {@code COUNT(x)} those whose x is not NULL, as a {@code long}; {@code MIN}/{@code MAX} and
   * {@code SUM} as {@link Accumulator} says; a call with a {@code FILTER} (as Calcite also plans
   * {@code SUM(CASE WHEN c THEN x END)}) takes only the rows whose filter column is TRUE. Without
   * GROUP BY, linq4j's {@code aggregate} in a singleton, as that code does: one row, also over no
   * rows.
   */
  private static Function<DataContext, Enumerable<Object[]>> aggregate(
      EnumerableAggregate aggregate) throws NotInterpretable {
    boolean groupingSets = aggregate.getGroupType() != Aggregate.Group.SIMPLE;
    if (groupingSets && aggregate.getGroupSets().size() < 2) {
      throw new NotInterpretable("aggregate of one grouping set " + aggregate.getGroupSets());
    }
    List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
    int[] keys = aggregate.getGroupSet().toArray();
    for (int key : keys) {
      if (!SORTABLE.contains(fields.get(key).getType().getSqlTypeName())) {
        throw new NotInterpretable("group by " + fields.get(key).getType());
      }
    }
    List<AggregateCall> calls = aggregate.getAggCallList();
    Calls checked = new Calls(calls.size());
    SqlKind[] kinds = checked.kinds;
    int[] arguments = checked.arguments;
    for (int i = 0; i < kinds.length; i++) {
      AggregateCall call = calls.get(i);
      kinds[i] = call.getAggregation().getKind();
      if (kinds[i] == SqlKind.GROUPING) {
        checked.groupings[i] = groupingArguments(call, keys, groupingSets);
        continue;
      }
      if (!AGGREGATES.contains(kinds[i])
          || call.isDistinct()
          || call.isApproximate()
          || !call.getCollation().getFieldCollations().isEmpty()
          || call.getArgList().size() > 1
          || (kinds[i] != SqlKind.COUNT && call.getArgList().isEmpty())) {
        throw new NotInterpretable("aggregate call " + call);
      }
      arguments[i] = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
      // A FILTER is a BOOLEAN NOT NULL column (Calcite checks it): the call takes a row only
      // where it is TRUE, as the generated code's condition beside the arguments' NULL tests.
      checked.filters[i] = call.filterArg;
      if (kinds[i] == SqlKind.MIN || kinds[i] == SqlKind.MAX) {
        RelDataType type = fields.get(arguments[i]).getType();
        if (!EXTREMA.contains(type.getSqlTypeName()) || comparedByCollator(type)) {
          throw new NotInterpretable(kinds[i] + " of " + type);
        }
        extremum(checked, i, kinds[i] == SqlKind.MIN, type.getSqlTypeName());
      } else if (kinds[i] != SqlKind.COUNT) {
        SqlTypeName type = fields.get(arguments[i]).getType().getSqlTypeName();
        Summation summation = Summation.of(type, call.getType().getSqlTypeName());
        if (summation == null) {
          throw new NotInterpretable(kinds[i] + " of " + type + " as " + call.getType());
        }
        checked.summations[i] = summation;
        checked.nullableSums[i] = call.getType().isNullable();
      }
    }
    Function<DataContext, Enumerable<Object[]>> input = rows(aggregate.getInput());
    Function2<Accumulator, Object[], Accumulator> adder =
        (acc, row) -> {
          acc.add(row);
          return acc;
        };
    Function1<Accumulator, Object[]> ungrouped = acc -> acc.row(0);
    if (keys.length == 0) {
      // No GROUP BY: one row, also over no rows, as the generated code's singletonEnumerable of
      // linq4j's aggregate gives.
      return root ->
          Linq4j.singletonEnumerable(
              input.apply(root).aggregate(new Accumulator(checked), adder, ungrouped));
    }
    if (groupingSets) {
      return groupingSets(aggregate, keys, fields, checked, input, adder);
    }
    Function1<Object[], Object> keyOf =
        keys.length == 1 ? row -> row[keys[0]] : row -> KeyLists.of(row, keys);
    return root ->
        input
            .apply(root)
            .groupBy(
                keyOf,
                () -> new Accumulator(checked),
                adder,
                (Object key, Accumulator acc) -> {
                  Object[] out = acc.row(keys.length);
                  if (keys.length == 1) {
                    out[0] = key;
                  } else {
                    List<?> values = (List<?>) key;
                    for (int k = 0; k < keys.length; k++) {
                      out[k] = values.get(k);
                    }
                  }
                  return out;
                });
  }

  /**
   * The positions among the group's keys of a {@code GROUPING(…)} call's arguments, most
   * significant first; only over grouping sets (over one, the generated code gives a constant 0).
   */
  private static int[] groupingArguments(AggregateCall call, int[] keys, boolean groupingSets)
      throws NotInterpretable {
    if (!groupingSets || call.hasFilter() || call.getArgList().isEmpty()) {
      throw new NotInterpretable("aggregate call " + call);
    }
    int[] positions = new int[call.getArgList().size()];
    for (int a = 0; a < positions.length; a++) {
      positions[a] = Ints.indexOf(keys, call.getArgList().get(a));
      if (positions[a] < 0) {
        throw new NotInterpretable("aggregate call " + call);
      }
    }
    return positions;
  }

  /**
   * Sets call {@code i}'s MIN ({@code min}) or MAX step and start as the generated code has them:
   * {@code SqlFunctions.lesser}/{@code greater}, of doubles their {@code double} overloads from
   * {@code ±Double.MAX_VALUE}, of booleans their {@code boolean} overloads from {@code
   * Primitive.BOOLEAN}'s max (TRUE) or min (FALSE), of other values the {@code Comparable} ones
   * from the first value.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void extremum(Calls calls, int i, boolean min, SqlTypeName type) {
    switch (type) {
      case DOUBLE -> {
        calls.extremaStarts[i] = min ? Double.MAX_VALUE : -Double.MAX_VALUE;
        calls.extrema[i] =
            min
                ? (a, b) -> SqlFunctions.lesser((double) (Double) a, (double) (Double) b)
                : (a, b) -> SqlFunctions.greater((double) (Double) a, (double) (Double) b);
      }
      case BOOLEAN -> {
        calls.extremaStarts[i] = min;
        calls.extrema[i] =
            min
                ? (a, b) -> SqlFunctions.lesser((boolean) (Boolean) a, (boolean) (Boolean) b)
                : (a, b) -> SqlFunctions.greater((boolean) (Boolean) a, (boolean) (Boolean) b);
      }
      default ->
          calls.extrema[i] =
              min
                  ? (a, b) -> SqlFunctions.lesser((Comparable) a, (Comparable) b)
                  : (a, b) -> SqlFunctions.greater((Comparable) a, (Comparable) b);
    }
  }

  /**
   * Groups over several grouping sets ({@code ROLLUP}, {@code CUBE}, {@code GROUPING SETS}, and so
   * {@code COUNT(DISTINCT x)} beside other aggregates, which Calcite plans as such a group under a
   * filtered one), as {@code EnumerableAggregate}'s code does: linq4j's {@code groupByMultiple},
   * with one key selector per set, in the sets' order, each key a list ({@link KeyLists}) of every
   * group column's value, where the set leaves a column out the value the generated code puts there
   * (NULL, or the zero of a column stored in a primitive), then one flag per column saying whether
   * it was left out. A result row gives a left-out column as NULL, and each {@code GROUPING(…)} as
   * the sum of the bits of its arguments' flags, the first argument's the highest.
   */
  private static Function<DataContext, Enumerable<Object[]>> groupingSets(
      EnumerableAggregate aggregate,
      int[] keys,
      List<RelDataTypeField> fields,
      Calls calls,
      Function<DataContext, Enumerable<Object[]>> input,
      Function2<Accumulator, Object[], Accumulator> adder) {
    int n = keys.length;
    Object[] absent = new Object[n];
    for (int k = 0; k < n; k++) {
      RelDataType type = fields.get(keys[k]).getType();
      absent[k] = type.isNullable() ? null : PRIMITIVE_ZEROS.get(type.getSqlTypeName());
    }
    int[] allValues = new int[2 * n];
    Arrays.setAll(allValues, k -> k);
    List<Function1<Object[], List<Object>>> selectors = new ArrayList<>();
    for (ImmutableBitSet set : aggregate.getGroupSets()) {
      boolean[] leftOut = new boolean[n];
      for (int k = 0; k < n; k++) {
        leftOut[k] = !set.get(keys[k]);
      }
      selectors.add(
          row -> {
            Object[] values = new Object[2 * n];
            for (int k = 0; k < n; k++) {
              values[k] = leftOut[k] ? absent[k] : row[keys[k]];
              values[n + k] = leftOut[k];
            }
            return KeyLists.of(values, allValues);
          });
    }
    return root ->
        EnumerableDefaults.groupByMultiple(
            input.apply(root),
            selectors,
            () -> new Accumulator(calls),
            adder,
            (List<Object> key, Accumulator acc) -> {
              Object[] out = acc.row(n);
              for (int k = 0; k < n; k++) {
                out[k] = (Boolean) key.get(n + k) ? null : key.get(k);
              }
              for (int i = 0; i < calls.kinds.length; i++) {
                int[] arguments = calls.groupings[i];
                if (arguments != null) {
                  long grouping = 0;
                  long bit = 1L << (arguments.length - 1);
                  for (int position : arguments) {
                    grouping += (Boolean) key.get(n + position) ? bit : 0L;
                    bit >>= 1;
                  }
                  out[n + i] = grouping;
                }
              }
              return out;
            });
  }

  /** An aggregate's calls, checked: one slot per call, read by every group's accumulator. */
  private static final class Calls {
    final SqlKind[] kinds;

    /** The column each call reads, or -1 for {@code COUNT(*)}. */
    final int[] arguments;

    /** The column that filters each call's rows ({@code FILTER (WHERE …)}), or -1. */
    final int[] filters;

    /** For each {@code GROUPING(…)} call, its arguments' positions among the keys; else null. */
    final int[][] groupings;

    /** How each SUM adds up (null for the other calls). */
    final @Nullable Summation[] summations;

    /** Whether a SUM is NULL over no value (its type is nullable). */
    final boolean[] nullableSums;

    /** Each MIN's or MAX's step: the value kept of the one kept so far and the next one. */
    final @Nullable BinaryOperator<Object>[] extrema;

    /** The value each MIN or MAX starts from (null: the first value seen). */
    final @Nullable Object[] extremaStarts;

    Calls(int count) {
      kinds = new SqlKind[count];
      arguments = new int[count];
      filters = new int[count];
      Arrays.fill(filters, -1);
      groupings = new int[count][];
      summations = new Summation[count];
      nullableSums = new boolean[count];
      @SuppressWarnings("unchecked")
      BinaryOperator<Object>[] steps = new BinaryOperator[count];
      extrema = steps;
      extremaStarts = new Object[count];
    }
  }

  /**
   * One group's aggregates: each {@code COUNT} as a {@code long}; each {@code MIN}/{@code MAX} as
   * the value {@code SqlFunctions.lesser}/{@code greater} keep (the methods the generated code
   * calls), NULLs skipped, NULL while no value was seen — of doubles, as that code finds them: from
   * {@code Double.MAX_VALUE} (negated for MAX) by the methods' {@code double} overloads, whose
   * {@code >} keeps the first of {@code 0.0} and {@code -0.0} and passes over or keeps a {@code
   * NaN} by its place, unlike {@code compareTo}; of booleans, from TRUE (FALSE for MAX) by their
   * {@code boolean} overloads; each {@code SUM} added up as {@link Summation} says, NULLs skipped,
   * NULL while no value was seen if its type is nullable (a {@code $SUM0}'s is not: 0).
   */
  private static final class Accumulator {
    private final Calls calls;

    /** Counts, and sums of {@code int}s and {@code long}s. */
    private final long[] counts;

    /** Minima, maxima and sums of decimals. */
    private final Object[] values;

    private final boolean[] seen;

    Accumulator(Calls calls) {
      this.calls = calls;
      counts = new long[calls.kinds.length];
      values = new Object[calls.kinds.length];
      seen = new boolean[calls.kinds.length];
      for (int i = 0; i < values.length; i++) {
        if (calls.summations[i] == Summation.DECIMAL) {
          values[i] = BigDecimal.ZERO;
        } else if (calls.summations[i] == Summation.DOUBLE) {
          values[i] = 0.0;
        } else if (calls.extrema[i] != null) {
          values[i] = calls.extremaStarts[i];
        }
      }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    void add(Object[] row) {
      SqlKind[] kinds = calls.kinds;
      int[] arguments = calls.arguments;
      for (int i = 0; i < kinds.length; i++) {
        if (calls.filters[i] >= 0 && !Boolean.TRUE.equals(row[calls.filters[i]])) {
          continue;
        }
        Object value = arguments[i] < 0 ? null : row[arguments[i]];
        switch (kinds[i]) {
          case GROUPING -> {
            // Nothing to add up: the value comes from the group's key.
          }
          case COUNT -> {
            if (arguments[i] < 0 || value != null) {
              counts[i]++;
            }
          }
          case MIN, MAX -> {
            if (value != null) {
              seen[i] = true;
              values[i] = calls.extrema[i].apply(values[i], value);
            }
          }
          default -> {
            if (value != null) {
              seen[i] = true;
              switch (calls.summations[i]) {
                // Kept in a long, an int's sum wraps at 32 bits, as `int + int` does.
                case INT -> counts[i] = (int) counts[i] + (Integer) value;
                // Checked, as CheckedSums makes the generated code's sums of BIGINTs (those of
                // INTEGERs would need 2^32 rows to overflow).
                case LONG -> counts[i] = Math.addExact(counts[i], ((Number) value).longValue());
                case DOUBLE -> values[i] = (Double) values[i] + (Double) value;
                case DECIMAL -> values[i] = ((BigDecimal) values[i]).add((BigDecimal) value);
              }
            }
          }
        }
      }
    }

    /** A row of {@code keys} key columns (left empty) followed by the aggregates. */
    Object[] row(int keys) {
      SqlKind[] kinds = calls.kinds;
      Object[] out = new Object[keys + kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        out[keys + i] =
            switch (kinds[i]) {
              case GROUPING -> null; // set from the key by the caller
              case COUNT -> counts[i];
              case MIN, MAX -> seen[i] ? values[i] : null;
              default ->
                  !seen[i] && calls.nullableSums[i]
                      ? null
                      : switch (calls.summations[i]) {
                        case INT -> (Object) (int) counts[i];
                        case LONG -> (Object) counts[i];
                        case DOUBLE, DECIMAL -> values[i];
                      };
            };
      }
      return out;
    }
  }

  /** The input's rows, or when it has none the grand total's row, as its generated code gives. */
  private static Function<DataContext, Enumerable<Object[]>> grandTotal(GrandTotalRow total)
      throws NotInterpretable {
    Function<DataContext, Enumerable<Object[]>> input = rows(total.getInput());
    Object[] row = new Object[total.row().size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = RowExpressions.literalValue(total.row().get(i));
    }
    return root -> GrandTotalRow.orIfNone(input.apply(root), row);
  }

  private static Function<DataContext, Enumerable<Object[]>> values(EnumerableValues values)
      throws NotInterpretable {
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
