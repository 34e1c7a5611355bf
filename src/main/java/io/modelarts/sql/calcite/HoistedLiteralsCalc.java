package io.modelarts.sql.calcite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * An {@link EnumerableCalc} whose compared and returned literals were turned into hidden
 * parameters, so that queries differing only in those literals generate the same Java source and
 * share one compiled class (Calcite caches compiled classes by their source).
 *
 * <p>Why: Calcite writes every literal into the class it compiles for a plan, so a query with a new
 * value ({@code WHERE name = 'b'} after {@code 'a'}, as BI tools write them) costs a Janino
 * compilation, ~5–10 ms warm, although its plan differs in nothing else. {@link #hoist} rewrites
 * the finished plan just before Calcite implements it: each string, exact numeric, date or
 * timestamp literal that is an operand of a comparison or a {@code LIKE}, or a column of the result
 * ({@code SELECT 'x' AS tag}), becomes a {@link RexDynamicParam} numbered from {@link
 * #FIRST_INDEX}, whose value this node puts into the statement's internal parameters, which Calcite
 * hands to the compiled code with the user's own parameters. Searches ({@code IN} lists, ranges)
 * are first expanded into comparisons as Calcite's code generator would expand them, so their
 * values are hoisted too. A parameter of the literal's own type compares and reads exactly as the
 * literal did (a {@code CHAR(n)} keeps its length, so returned strings share a class with others of
 * their length); the plan's {@code EXPLAIN} is made before this step and keeps the literals.
 *
 * <p>A string literal with a character beyond the Basic Multilingual Plane stays in place: its type
 * counts characters ({@link CodePointRexBuilder}: {@code '%🚀%'} is a {@code CHAR(3)}), but the
 * compiled code cuts a parameter of a {@code CHAR(n)} or {@code VARCHAR(n)} to {@code n} UTF-16
 * units, so the pattern became {@code '%🚀'} and matched nothing.
 */
public final class HoistedLiteralsCalc extends EnumerableCalc {

  /**
   * The first hidden parameter's index: far above any statement's own parameters, which are
   * numbered from 0.
   */
  public static final int FIRST_INDEX = 1_000_000;

  private static final Set<SqlKind> COMPARISONS =
      Set.of(
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL,
          SqlKind.LIKE);

  /** Types whose literal value is stored as the compiled code stores a parameter of the type. */
  private static final Set<SqlTypeName> HOISTED_TYPES =
      Set.of(
          SqlTypeName.CHAR,
          SqlTypeName.VARCHAR,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DECIMAL,
          SqlTypeName.DATE,
          SqlTypeName.TIMESTAMP);

  private final Map<String, Object> values;

  private HoistedLiteralsCalc(
      RelOptCluster cluster,
      RelTraitSet traitSet,
      RelNode input,
      RexProgram program,
      Map<String, Object> values) {
    super(cluster, traitSet, input, program);
    this.values = values;
  }

  /** The hidden parameters' values, by the names the compiled code looks them up with. */
  public Map<String, Object> values() {
    return values;
  }

  @Override
  public EnumerableCalc copy(RelTraitSet traitSet, RelNode child, RexProgram program) {
    return new HoistedLiteralsCalc(getCluster(), traitSet, child, program, values);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    implementor.map.putAll(values); // the statement's internal parameters
    return super.implement(implementor, pref);
  }

  /**
   * {@code plan} with the compared and returned literals of its calcs hoisted, numbered in the
   * order a depth-first walk meets them, so that plans of one shape number them alike.
   */
  public static RelNode hoist(RelNode plan) {
    int[] next = {FIRST_INDEX};
    // Where the plan cannot be rebuilt it compiles as planned: the same answer, without sharing a
    // class.
    return CalcRewrites.eachCalc(
        plan,
        calc -> calc instanceof HoistedLiteralsCalc ? calc : hoist(calc, next),
        "Hoisting literals");
  }

  private static RelNode hoist(EnumerableCalc calc, int[] next) {
    RexProgram program = calc.getProgram();
    if (!hasHoistable(program)) {
      return calc;
    }
    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    Map<String, Object> values = new LinkedHashMap<>();
    // The program as trees, its searches expanded as Calcite's code generator would expand them
    // (RexToLixTranslator calls the same RexUtil.expandSearch), so that an IN list's values
    // become compared literals too.
    RexShuttle expand = RexUtil.searchShuttle(rexBuilder, null, -1);
    RexShuttle toParameters =
        new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall call) {
            if (!COMPARISONS.contains(call.getKind())) {
              return super.visitCall(call);
            }
            List<RexNode> operands = new ArrayList<>();
            for (RexNode operand : call.getOperands()) {
              operands.add(
                  operand instanceof RexLiteral literal && isHoistable(literal)
                      ? parameter(literal, rexBuilder, next, values)
                      : operand.accept(this));
            }
            return call.clone(call.getType(), operands);
          }
        };
    List<RexNode> projects = new ArrayList<>();
    for (RexLocalRef ref : program.getProjectList()) {
      RexNode expr = program.expandLocalRef(ref).accept(expand);
      // A literal the query returns as a column (SELECT 'x' AS tag) is read, never compared.
      projects.add(
          expr instanceof RexLiteral literal && isHoistable(literal)
              ? parameter(literal, rexBuilder, next, values)
              : expr.accept(toParameters));
    }
    RexLocalRef condition = program.getCondition();
    RexNode filter =
        condition == null
            ? null
            : program.expandLocalRef(condition).accept(expand).accept(toParameters);
    if (values.isEmpty()) {
      return calc;
    }
    RexProgram hoisted =
        RexProgram.create(
            program.getInputRowType(), projects, filter, program.getOutputRowType(), rexBuilder);
    return new HoistedLiteralsCalc(
        calc.getCluster(), calc.getTraitSet(), calc.getInput(), hoisted, values);
  }

  /**
   * Whether the program has a literal to hoist: compared, returned as a column, or inside a search
   * (whose expansion compares it).
   */
  private static boolean hasHoistable(RexProgram program) {
    List<RexNode> exprs = program.getExprList();
    for (RexNode expr : exprs) {
      if (expr instanceof RexCall call
          && (call.getKind() == SqlKind.SEARCH || COMPARISONS.contains(call.getKind()))) {
        for (RexNode operand : call.getOperands()) {
          if (operand instanceof RexLocalRef ref
              && exprs.get(ref.getIndex()) instanceof RexLiteral literal
              && (call.getKind() == SqlKind.SEARCH || isHoistable(literal))) {
            return true;
          }
        }
      }
    }
    for (RexLocalRef ref : program.getProjectList()) {
      if (exprs.get(ref.getIndex()) instanceof RexLiteral literal && isHoistable(literal)) {
        return true;
      }
    }
    return false;
  }

  /** A hidden parameter of the literal's type, numbered next, whose value goes into values. */
  private static RexNode parameter(
      RexLiteral literal, RexBuilder rexBuilder, int[] next, Map<String, Object> values) {
    int index = next[0]++;
    values.put(BoundParameters.name(index), javaValue(literal));
    return rexBuilder.makeDynamicParam(literal.getType(), index);
  }

  private static boolean isHoistable(RexLiteral literal) {
    RelDataType type = literal.getType();
    return !literal.isNull()
        && HOISTED_TYPES.contains(type.getSqlTypeName())
        && !(SqlTypeUtil.isCharacter(type)
            && CodePointRexBuilder.hasPairs(literal.getValueAs(String.class)));
  }

  /**
   * The value as the compiled code reads a parameter of the literal's type (Calcite's run-time
   * representation: a date as days and a timestamp as milliseconds since the epoch).
   */
  private static Object javaValue(RexLiteral literal) {
    return switch (literal.getType().getSqlTypeName()) {
      case INTEGER, DATE -> literal.getValueAs(Integer.class);
      case BIGINT, TIMESTAMP -> literal.getValueAs(Long.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      default -> literal.getValueAs(String.class);
    };
  }
}
