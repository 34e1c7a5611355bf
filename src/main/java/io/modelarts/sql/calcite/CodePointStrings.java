package io.modelarts.sql.calcite;

import static java.util.Objects.requireNonNull;
import static org.apache.calcite.util.Static.RESOURCE;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQL's string functions that count characters ({@code CHAR_LENGTH}, {@code POSITION}, {@code
 * SUBSTRING}, {@code OVERLAY}, and a cast's shortening to {@code VARCHAR(n)} or {@code CHAR(n)} and
 * padding to {@code CHAR(n)}), counting code points, with the convertlet table that puts them in
 * place of Calcite's in every plan.
 *
 * <p>Why: a character beyond the Basic Multilingual Plane (an emoji in a description) is one
 * character in SQL but two UTF-16 units in a Java string, and Calcite's functions count units: its
 * {@code CHAR_LENGTH} counted an emoji as two, and its {@code SUBSTRING} and casts could cut one in
 * half. A string type's length counts characters too: a declared one by definition, a literal's
 * {@code CHAR(n)} as {@link CodePointRexBuilder} makes it, and what Calcite derives from them
 * (concatenations, case-changes) by adding or keeping theirs. Calcite has no way to replace a
 * built-in function's code, so the table converts each call of one of these functions on character
 * strings into a call of a function here, typed as the original (and named as it, so {@code
 * EXPLAIN} reads the same; a cast becomes {@code CAST_VARCHAR(s, n)} or {@code CAST_CHAR(s, n)});
 * the generated code calls the methods below, the plan interpreter calls them too, and so does the
 * planner when it folds a constant call. Binary strings keep Calcite's functions, which count
 * bytes.
 *
 * <p>Each method has Calcite's semantics where every character is one unit (its {@code POSITION …
 * FROM} a negative start searching backwards, its errors for a {@code FROM 0} and a negative
 * length), except {@code OVERLAY}, which follows SQL's definition ({@code SUBSTRING(s FROM 1 FOR
 * start - 1) || r || SUBSTRING(s FROM start + length)}) where Calcite's failed with an index out of
 * range (a start past the end).
 */
public final class CodePointStrings {
  private CodePointStrings() {}

  /**
   * Calcite's character-counting operators, each with the method here that replaces it for each
   * operand count.
   */
  private static final Map<SqlOperator, Map<Integer, String>> METHODS =
      Map.of(
          SqlStdOperatorTable.CHAR_LENGTH, Map.of(1, "charLength"),
          SqlStdOperatorTable.POSITION, Map.of(2, "position", 3, "positionFrom"),
          SqlStdOperatorTable.SUBSTRING, Map.of(2, "substringFrom", 3, "substringFromFor"),
          SqlStdOperatorTable.OVERLAY, Map.of(3, "overlay", 4, "overlayFor"));

  /**
   * The functions the converted plans call, by method name (their implementations made on first
   * use: {@link LazyScalarFunction}).
   */
  private static final Map<String, SqlUserDefinedFunction> FUNCTIONS =
      Map.of(
          "charLength", like(SqlStdOperatorTable.CHAR_LENGTH, "charLength"),
          "position", like(SqlStdOperatorTable.POSITION, "position"),
          "positionFrom", like(SqlStdOperatorTable.POSITION, "positionFrom"),
          "substringFrom", like(SqlStdOperatorTable.SUBSTRING, "substringFrom"),
          "substringFromFor", like(SqlStdOperatorTable.SUBSTRING, "substringFromFor"),
          "overlay", like(SqlStdOperatorTable.OVERLAY, "overlay"),
          "overlayFor", like(SqlStdOperatorTable.OVERLAY, "overlayFor"),
          // A cast's own name would read as a cast to a number: CAST($t2, 10).
          "truncate", function("CAST_VARCHAR", castType(SqlTypeName.VARCHAR), "truncate"),
          "truncateOrPad", function("CAST_CHAR", castType(SqlTypeName.CHAR), "truncateOrPad"));

  /** The function named and typed as {@code standard}, calling {@code method}. */
  private static SqlUserDefinedFunction like(SqlOperator standard, String method) {
    return function(standard.getName(), requireNonNull(standard.getReturnTypeInference()), method);
  }

  private static SqlUserDefinedFunction function(
      String name, SqlReturnTypeInference returnType, String method) {
    return LazyScalarFunction.operator(name, returnType, CodePointStrings.class, method);
  }

  /** {@code typeName(n)} for a call {@code (s, n)}, nullable as {@code s}. */
  private static SqlReturnTypeInference castType(SqlTypeName typeName) {
    return binding ->
        binding
            .getTypeFactory()
            .createTypeWithNullability(
                binding
                    .getTypeFactory()
                    .createSqlType(
                        typeName, requireNonNull(binding.getOperandLiteralValue(1, Integer.class))),
                binding.getOperandType(0).isNullable());
  }

  /**
   * {@code standard}, but each call of a character-counting function on character strings becomes a
   * call of the function here, of the same type and operands.
   */
  public static SqlRexConvertletTable convertlets(SqlRexConvertletTable standard) {
    return call -> {
      SqlRexConvertlet convertlet = standard.get(call);
      if (convertlet == null) {
        return null;
      }
      return (cx, c) -> counted(cx.getRexBuilder(), convertlet.convertCall(cx, c));
    };
  }

  /** {@code node} with its own call replaced if it is one of Calcite's counting functions. */
  private static RexNode counted(RexBuilder rexBuilder, RexNode node) {
    if (!(node instanceof RexCall)) {
      return node;
    }
    RexCall call = (RexCall) node;
    if (call.getKind() == SqlKind.CAST) {
      return castCounted(rexBuilder, call);
    }
    Map<Integer, String> methods = METHODS.get(call.getOperator());
    String method = methods == null ? null : methods.get(call.getOperands().size());
    // The first operand is a string, of the family of any other (POSITION's seek, OVERLAY's
    // replacement); binary strings count bytes, as they should.
    if (method == null || !SqlTypeUtil.inCharFamily(call.getOperands().get(0).getType())) {
      return node;
    }
    return rexBuilder.makeCall(call.getType(), of(method), call.getOperands());
  }

  /**
   * {@code cast}, if it casts a string to a {@code CHAR(n)} or {@code VARCHAR(n)} that it may have
   * to shorten or pad, as a call of {@link #truncate} or {@link #truncateOrPad}, typed as the cast;
   * where the generated code would call Calcite's methods of those names (which count units).
   */
  private static RexNode castCounted(RexBuilder rexBuilder, RexCall cast) {
    RelDataType from = cast.getOperands().get(0).getType();
    RelDataType to = cast.getType();
    int length = to.getPrecision();
    boolean toChar = to.getSqlTypeName() == SqlTypeName.CHAR;
    if (!SqlTypeUtil.inCharFamily(from)
        || !(toChar || to.getSqlTypeName() == SqlTypeName.VARCHAR)
        || length == RelDataType.PRECISION_NOT_SPECIFIED) {
      return cast;
    }
    // As the generated code decides, by the types: a string of no more than n characters needs no
    // shortening, and a CHAR of at least n no padding.
    int fromLength = from.getPrecision();
    boolean truncate = SqlTypeUtil.comparePrecision(fromLength, length) > 0;
    boolean pad =
        toChar
            && (SqlTypeUtil.comparePrecision(fromLength, length) < 0
                || from.getSqlTypeName() == SqlTypeName.VARCHAR);
    if (!truncate && !pad) {
      return cast;
    }
    return rexBuilder.makeCall(
        to,
        of(pad ? "truncateOrPad" : "truncate"),
        List.of(
            cast.getOperands().get(0), rexBuilder.makeExactLiteral(BigDecimal.valueOf(length))));
  }

  /** The function that calls {@code method}. */
  private static SqlUserDefinedFunction of(String method) {
    return FUNCTIONS.get(method);
  }

  /** The method {@code operator} calls, if it is one of the functions here, else null. */
  public static @Nullable String methodOf(SqlOperator operator) {
    if (operator instanceof SqlUserDefinedFunction) {
      // By identity: a function's equality is its class, name and kind, which two here share.
      for (Map.Entry<String, SqlUserDefinedFunction> function : FUNCTIONS.entrySet()) {
        if (function.getValue() == operator) {
          return function.getKey();
        }
      }
    }
    return null;
  }

  /** {@code CHAR_LENGTH(s)}: the code points of {@code s}. */
  @Strict
  public static int charLength(String s) {
    return s.codePointCount(0, s.length());
  }

  /** {@code POSITION(seek IN s)}: where {@code seek} first starts in {@code s} (1 first), or 0. */
  @Strict
  public static int position(String seek, String s) {
    return position(s, s.indexOf(seek));
  }

  /**
   * {@code POSITION(seek IN s FROM from)}: where {@code seek} first starts at or after {@code
   * from}; for a negative {@code from}, searching backwards, counted from the end ({@code -1} the
   * last character), the last that starts at or before it, as Calcite's does.
   */
  @Strict
  public static int positionFrom(String seek, String s, long from) {
    if (from == 0) {
      throw RESOURCE.fromNotZero().ex();
    }
    int length = charLength(s);
    if (from > 0) {
      return from > length
          ? 0
          : position(s, s.indexOf(seek, s.offsetByCodePoints(0, (int) from - 1)));
    }
    long rightmost = from + length; // the last start allowed, 0 first
    if (rightmost <= 0) {
      return 0; // Calcite's too, even where seek starts the string
    }
    if (seek.isEmpty()) {
      return (int) rightmost + 1; // it starts everywhere; Calcite's search never ends
    }
    int start = s.lastIndexOf(seek);
    // Calcite's search: the last occurrence, then the last one that ends before it starts, …
    while (start >= 0 && s.codePointCount(0, start) > rightmost) {
      start = s.substring(0, start).lastIndexOf(seek);
    }
    return position(s, start);
  }

  /** The 1-based character position of the UTF-16 index {@code index} of {@code s}, 0 for -1. */
  private static int position(String s, int index) {
    return index < 0 ? 0 : s.codePointCount(0, index) + 1;
  }

  /** {@code SUBSTRING(s FROM start)}: the characters from the {@code start}th (1 first) on. */
  @Strict
  public static String substringFrom(String s, long start) {
    if (start <= 1) {
      return s;
    }
    return start > charLength(s) ? "" : s.substring(s.offsetByCodePoints(0, (int) start - 1));
  }

  /**
   * {@code SUBSTRING(s FROM start FOR length)}: the characters from the {@code start}th (1 first,
   * and before it counts too) to the one before {@code start + length}.
   */
  @Strict
  public static String substringFromFor(String s, long start, long length) {
    if (length < 0) {
      throw RESOURCE.illegalNegativeSubstringLength().ex();
    }
    int characters = charLength(s);
    // Past the end and before the start alike give nothing; the sum cannot overflow downwards.
    long end = start >= 0 && length > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + length;
    if (start > characters || end < 1) {
      return "";
    }
    int first = start <= 1 ? 0 : (int) start - 1;
    int last = (int) Math.min(end - 1, characters);
    return s.substring(s.offsetByCodePoints(0, first), s.offsetByCodePoints(0, last));
  }

  /** {@code CAST(s AS VARCHAR(length))}: {@code s}'s first {@code length} characters. */
  @Strict
  public static String truncate(String s, int length) {
    return s.length() <= length || charLength(s) <= length
        ? s
        : s.substring(0, s.offsetByCodePoints(0, length));
  }

  /**
   * {@code CAST(s AS CHAR(length))}: {@code s}'s first {@code length} characters, padded with
   * spaces to {@code length}.
   */
  @Strict
  public static String truncateOrPad(String s, int length) {
    String kept = truncate(s, length);
    int characters = charLength(kept);
    return characters < length ? kept + " ".repeat(length - characters) : kept;
  }

  /** {@code OVERLAY(s PLACING r FROM start)}: as many characters as {@code r} has, replaced. */
  @Strict
  public static String overlay(String s, String r, long start) {
    return overlayFor(s, r, start, charLength(r));
  }

  /**
   * {@code OVERLAY(s PLACING r FROM start FOR length)}: SQL's {@code SUBSTRING(s FROM 1 FOR start -
   * 1) || r || SUBSTRING(s FROM start + length)}.
   */
  @Strict
  public static String overlayFor(String s, String r, long start, long length) {
    return substringFromFor(s, 1, start - 1) + r + substringFrom(s, start + length);
  }
}
