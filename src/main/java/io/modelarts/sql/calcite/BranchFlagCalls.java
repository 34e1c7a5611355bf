package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rewrites a plan about to be compiled so that each call with a flag operand inside a branch of a
 * {@code CASE} ({@code EXTRACT}'s field, {@code FLOOR}'s or {@code CEIL}'s unit, {@code TRIM}'s
 * side) calls a function here instead, which is given the flag's name as a string at run time.
 *
 * <p>Why: Calcite's code generator (1.42) reads such a flag's value when it generates the call,
 * from the code it generated for the flag's literal. A {@code CASE} branch gets its own translator,
 * which knows the code of every expression generated before it, but none of the values behind their
 * literals. When the same flag was used before the branch, as in {@code EXTRACT(YEAR FROM a)}
 * beside {@code CASE WHEN … THEN EXTRACT(YEAR FROM b) END}, or in {@code EXTRACT(YEAR FROM
 * COALESCE(CEIL(b TO YEAR), a))}, the branch finds the flag's code but no value: {@code EXTRACT},
 * {@code FLOOR} and {@code CEIL} then fail to compile, and {@code TRIM} trims nothing, a wrong
 * answer without an error. A plan compiles only where the interpreter cannot run it (with a window,
 * say), so that is where users met it.
 *
 * <p>The functions compute what Calcite's generated code computes ({@link TimestampUnits}, and
 * {@code SqlFunctions.trim} as the generated {@code TRIM} calls it). They take timestamps of
 * millisecond precision or coarser and dates (with the fields and units {@link TimestampUnits}
 * takes) and character strings; a branch's call of another type (a time of day, an interval) keeps
 * Calcite's code. Calls outside branches keep it too: it is right there, and the campaigns that
 * compare the interpreter with Calcite's code keep checking it. {@code EXPLAIN} shows the plan
 * before this step.
 */
public final class BranchFlagCalls {
  private BranchFlagCalls() {}

  /**
   * {@code plan} with the flag calls in its calcs' {@code CASE} branches rewritten, for code
   * generated under {@code conformance} (which decides whether {@code TRIM} takes more than one
   * character to trim); itself if it has none, or if it cannot be rebuilt ({@link CalcRewrites}).
   */
  public static RelNode rewritten(RelNode plan, SqlConformance conformance) {
    boolean strictTrim = !conformance.allowExtendedTrim();
    return CalcRewrites.eachCalc(
        plan, calc -> rewritten(calc, strictTrim), "Rewriting flag calls in CASE branches");
  }

  private static RelNode rewritten(EnumerableCalc calc, boolean strictTrim) {
    RexProgram program = calc.getProgram();
    if (program.getExprList().stream().noneMatch(expr -> expr.getKind() == SqlKind.CASE)) {
      return calc;
    }
    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    InBranches shuttle = new InBranches(rexBuilder, strictTrim);
    RexProgramBuilder builder = new RexProgramBuilder(program.getInputRowType(), rexBuilder);
    List<RexLocalRef> projects = program.getProjectList();
    List<String> names = program.getOutputRowType().getFieldNames();
    for (int i = 0; i < projects.size(); i++) {
      builder.addProject(program.expandLocalRef(projects.get(i)).accept(shuttle), names.get(i));
    }
    RexLocalRef condition = program.getCondition();
    if (condition != null) {
      builder.addCondition(program.expandLocalRef(condition).accept(shuttle));
    }
    return shuttle.rewrote
        ? calc.copy(calc.getTraitSet(), calc.getInput(), builder.getProgram(false))
        : calc;
  }

  /**
   * The functions the rewritten calls call, made with the first plan that needs one rather than
   * with every plan that compiles.
   */
  private static final class Functions {
    private static final SqlUserDefinedFunction EXTRACT_FROM_TIMESTAMP =
        function("EXTRACT", ReturnTypes.BIGINT_NULLABLE, "extractFromTimestamp");
    private static final SqlUserDefinedFunction EXTRACT_FROM_DATE =
        function("EXTRACT", ReturnTypes.BIGINT_NULLABLE, "extractFromDate");
    private static final SqlUserDefinedFunction FLOOR_TIMESTAMP =
        function("FLOOR", ReturnTypes.ARG1_NULLABLE, "floorTimestamp");
    private static final SqlUserDefinedFunction CEIL_TIMESTAMP =
        function("CEIL", ReturnTypes.ARG1_NULLABLE, "ceilTimestamp");
    private static final SqlUserDefinedFunction FLOOR_DATE =
        function("FLOOR", ReturnTypes.ARG1_NULLABLE, "floorDate");
    private static final SqlUserDefinedFunction CEIL_DATE =
        function("CEIL", ReturnTypes.ARG1_NULLABLE, "ceilDate");
    private static final SqlUserDefinedFunction TRIM =
        function("TRIM", ReturnTypes.ARG2_NULLABLE, "trim");

    private static SqlUserDefinedFunction function(
        String name, SqlReturnTypeInference returnType, String method) {
      return LazyScalarFunction.operator(name, returnType, BranchFlagCalls.class, method);
    }
  }

  /**
   * Replaces the flag calls it meets inside a {@code CASE} branch: any operand of a {@code CASE}
   * but its first condition, which Calcite generates in the enclosing translator.
   */
  private static final class InBranches extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final boolean strictTrim;
    private int branchDepth;
    private boolean rewrote;

    InBranches(RexBuilder rexBuilder, boolean strictTrim) {
      this.rexBuilder = rexBuilder;
      this.strictTrim = strictTrim;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      if (call.getKind() == SqlKind.CASE) {
        List<RexNode> operands = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < call.getOperands().size(); i++) {
          RexNode operand = call.getOperands().get(i);
          boolean inBranch = i > 0;
          if (inBranch) {
            branchDepth++;
          }
          RexNode visited = operand.accept(this);
          if (inBranch) {
            branchDepth--;
          }
          changed |= visited != operand;
          operands.add(visited);
        }
        return changed ? call.clone(call.getType(), operands) : call;
      }
      RexNode visited = super.visitCall(call);
      if (branchDepth > 0 && visited instanceof RexCall visitedCall) {
        RexNode replaced = replacement(visitedCall);
        if (replaced != null) {
          rewrote = true;
          return replaced;
        }
      }
      return visited;
    }

    /** The call of a function here that computes {@code call}, or null to keep {@code call}. */
    private @Nullable RexNode replacement(RexCall call) {
      List<RexNode> operands = call.getOperands();
      if (call.getOperator() == SqlStdOperatorTable.EXTRACT
          && call.getType().getSqlTypeName() == SqlTypeName.BIGINT
          && flag(operands.get(0)) instanceof TimeUnitRange field) {
        RelDataType from = operands.get(1).getType();
        if (TimestampUnits.isMillisTimestamp(from) && TimestampUnits.takesFromTimestamp(field)) {
          return call(call, Functions.EXTRACT_FROM_TIMESTAMP, field, operands.get(1));
        }
        if (from.getSqlTypeName() == SqlTypeName.DATE && TimestampUnits.takesFromDate(field)) {
          return call(call, Functions.EXTRACT_FROM_DATE, field, operands.get(1));
        }
        return null;
      }
      if ((call.getOperator() == SqlStdOperatorTable.FLOOR
              || call.getOperator() == SqlStdOperatorTable.CEIL)
          && operands.size() == 2
          && flag(operands.get(1)) instanceof TimeUnitRange unit) {
        boolean up = call.getOperator() == SqlStdOperatorTable.CEIL;
        RelDataType of = operands.get(0).getType();
        if (TimestampUnits.isMillisTimestamp(of)
            && TimestampUnits.isMillisTimestamp(call.getType())
            && TimestampUnits.takesTimestampUnit(unit)) {
          return call(
              call,
              up ? Functions.CEIL_TIMESTAMP : Functions.FLOOR_TIMESTAMP,
              unit,
              operands.get(0));
        }
        if (of.getSqlTypeName() == SqlTypeName.DATE
            && call.getType().getSqlTypeName() == SqlTypeName.DATE
            && TimestampUnits.takesDateUnit(unit)) {
          return call(call, up ? Functions.CEIL_DATE : Functions.FLOOR_DATE, unit, operands.get(0));
        }
        return null;
      }
      if (call.getOperator() == SqlStdOperatorTable.TRIM
          && flag(operands.get(0)) instanceof SqlTrimFunction.Flag side
          && isString(operands.get(1).getType())
          && isString(operands.get(2).getType())) {
        return rexBuilder.makeCall(
            call.getType(),
            Functions.TRIM,
            List.of(
                rexBuilder.makeLiteral(side.name()),
                operands.get(1),
                operands.get(2),
                rexBuilder.makeLiteral(strictTrim)));
      }
      return null;
    }

    /** {@code function(flag's name, operand)}, typed as {@code call}. */
    private RexNode call(
        RexCall call, SqlUserDefinedFunction function, Enum<?> flag, RexNode operand) {
      return rexBuilder.makeCall(
          call.getType(), function, List.of(rexBuilder.makeLiteral(flag.name()), operand));
    }

    private static @Nullable Object flag(RexNode operand) {
      return operand instanceof RexLiteral literal ? literal.getValue() : null;
    }

    private static boolean isString(RelDataType type) {
      return type.getSqlTypeName() == SqlTypeName.CHAR
          || type.getSqlTypeName() == SqlTypeName.VARCHAR;
    }
  }

  /** {@code EXTRACT(field FROM ts)} of a timestamp held as milliseconds. */
  @Strict
  public static long extractFromTimestamp(String field, long millis) {
    return TimestampUnits.extractFromTimestamp(TimeUnitRange.valueOf(field), millis);
  }

  /** {@code EXTRACT(field FROM date)} of a date held as days. */
  @Strict
  public static long extractFromDate(String field, int date) {
    return TimestampUnits.extractFromDate(TimeUnitRange.valueOf(field), date);
  }

  /** {@code FLOOR(ts TO unit)} of a timestamp held as milliseconds. */
  @Strict
  public static long floorTimestamp(String unit, long millis) {
    return TimestampUnits.floorTimestamp(TimeUnitRange.valueOf(unit), millis);
  }

  /** {@code CEIL(ts TO unit)} of a timestamp held as milliseconds. */
  @Strict
  public static long ceilTimestamp(String unit, long millis) {
    return TimestampUnits.ceilTimestamp(TimeUnitRange.valueOf(unit), millis);
  }

  /** {@code FLOOR(date TO unit)} of a date held as days. */
  @Strict
  public static int floorDate(String unit, int date) {
    return TimestampUnits.floorDate(TimeUnitRange.valueOf(unit), date);
  }

  /** {@code CEIL(date TO unit)} of a date held as days. */
  @Strict
  public static int ceilDate(String unit, int date) {
    return TimestampUnits.ceilDate(TimeUnitRange.valueOf(unit), date);
  }

  /**
   * {@code TRIM(side seek FROM s)}, {@code side} one of {@code BOTH}, {@code LEADING} and {@code
   * TRAILING}, as the generated code calls {@code SqlFunctions.trim}: {@code strict} refuses a
   * {@code seek} not of one character.
   */
  @Strict
  public static String trim(String side, String seek, String s, boolean strict) {
    SqlTrimFunction.Flag flag = SqlTrimFunction.Flag.valueOf(side);
    return SqlFunctions.trim(
        flag == SqlTrimFunction.Flag.BOTH || flag == SqlTrimFunction.Flag.LEADING,
        flag == SqlTrimFunction.Flag.BOTH || flag == SqlTrimFunction.Flag.TRAILING,
        seek,
        s,
        strict);
  }
}
