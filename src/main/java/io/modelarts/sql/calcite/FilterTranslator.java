package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Turns a {@code WHERE} condition on {@code notebooks} into list calls.
 *
 * <p>Each top-level conjunct that pins an exactly filterable column ({@code status}, {@code
 * feature}, {@code pool_id}, {@code owner}, {@code workspace_id}) to one value becomes that query
 * parameter. {@code name = 'x'} and {@code name LIKE 'prefix%'} narrow the call through the fuzzy
 * {@code name} parameter (a prefix is safe whether the service matches prefixes or substrings,
 * case-sensitively or not) and always leave a local re-check. Conjuncts on the same column are
 * intersected: an empty intersection, or a value outside the documented enums, needs no call at
 * all. Everything else stays a local filter.
 *
 * <p>A conjunct that allows several values ({@code status IN ('A', 'B')}) stays a local filter in
 * the plan and is offered for fan-out into one listing per value, which {@link ListingResolver}
 * does at run time only when learned row counts show it costs no more calls: without them the
 * fan-out can cost more than the listing it replaces. {@code column = ?} with a bound parameter is
 * pushed like a literal once the value is known (see {@link DeferredFilters}).
 */
final class FilterTranslator {
  /** Exactly filterable columns of {@code notebooks} and their query parameters. */
  private static final Map<String, String> EXACT_PARAMETERS =
      Map.of(
          "status", "status",
          "feature", "feature",
          "pool_id", "pool_id",
          "owner", "owner",
          "workspace_id", "workspace_id");

  static final Set<String> STATUSES =
      Set.of(
          "INIT",
          "CREATING",
          "STARTING",
          "STOPPING",
          "DELETING",
          "RUNNING",
          "STOPPED",
          "SNAPSHOTTING",
          "CREATE_FAILED",
          "START_FAILED",
          "DELETE_FAILED",
          "ERROR",
          "DELETED",
          "FROZEN");

  /** What the service accepts as a {@code name} filter (API page); anything else stays local. */
  private static final Pattern NAME_PARAMETER = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private FilterTranslator() {}

  /** The spec of a notebooks scan filtered by {@code condition}. */
  static ScanSpec translate(RexNode condition, ModelArtsTable table, ScanSpec base) {
    Map<String, Set<String>> allowed = new HashMap<>();
    Map<String, Integer> parameters = new HashMap<>();
    String nameParameter = null;
    boolean exact = true;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      ColumnValues cv = columnValues(conjunct, table);
      if (cv != null && EXACT_PARAMETERS.containsKey(cv.column)) {
        allowed.merge(
            cv.column,
            cv.values,
            (a, b) -> {
              Set<String> both = new LinkedHashSet<>(a);
              both.retainAll(b);
              return both;
            });
        continue;
      }
      ColumnParameter bound = columnParameter(conjunct, table);
      if (bound != null
          && (EXACT_PARAMETERS.containsKey(bound.column) || bound.column.equals("name"))
          && !parameters.containsKey(bound.column)) {
        parameters.put(bound.column, bound.index);
        if (bound.column.equals("name")) {
          exact = false; // the fuzzy name parameter only narrows
        }
        continue;
      }
      exact = false;
      String narrowing = nameNarrowing(conjunct, table);
      if (narrowing != null
          && (nameParameter == null || narrowing.length() > nameParameter.length())) {
        nameParameter = narrowing;
      }
    }
    // A parameter on a column that also has literal values stays a local check: the literal is
    // pushed, and a listing cannot carry two values for one parameter.
    for (String column : List.copyOf(parameters.keySet())) {
      if (allowed.containsKey(column) || (column.equals("name") && nameParameter != null)) {
        parameters.remove(column);
        exact = false;
      }
    }
    restrictToEnum(allowed, "status", STATUSES);
    restrictToEnum(allowed, "feature", Set.copyOf(ScanSpec.FEATURES));
    for (Set<String> values : allowed.values()) {
      if (values.isEmpty()) {
        return base.withFilter(List.of(), true, condition.toString(), DeferredFilters.NONE);
      }
    }
    List<String> features = new ArrayList<>(ScanSpec.FEATURES);
    if (allowed.containsKey("feature")) {
      features.retainAll(allowed.remove("feature"));
    }
    Map<String, String> pushed = new HashMap<>();
    Map<String, List<String>> fanOut = new HashMap<>();
    boolean exactWhenFannedOut = exact;
    for (Map.Entry<String, Set<String>> e : allowed.entrySet()) {
      if (e.getValue().size() == 1) {
        pushed.put(EXACT_PARAMETERS.get(e.getKey()), e.getValue().iterator().next());
      } else {
        // Several values: checked locally; fanned out at run time only where that is cheaper.
        exact = false;
        fanOut.put(EXACT_PARAMETERS.get(e.getKey()), List.copyOf(e.getValue()));
      }
    }
    if (nameParameter != null) {
      pushed.put("name", nameParameter);
    }
    List<Map<String, String>> listings = new ArrayList<>();
    for (String feature : features) {
      Map<String, String> listing = new HashMap<>(pushed);
      listing.put("feature", feature);
      listings.add(listing);
    }
    long fannedOut = listings.size();
    for (List<String> values : fanOut.values()) {
      fannedOut *= values.size();
    }
    if (fannedOut > DeferredFilters.MAX_FAN_OUT_LISTINGS) {
      fanOut.clear();
    }
    Map<String, Integer> parameterIndexes = new HashMap<>();
    parameters.forEach(
        (column, index) ->
            parameterIndexes.put(EXACT_PARAMETERS.getOrDefault(column, column), index));
    DeferredFilters deferred =
        fanOut.isEmpty() && parameterIndexes.isEmpty()
            ? DeferredFilters.NONE
            : new DeferredFilters(fanOut, exactWhenFannedOut, parameterIndexes);
    return base.withFilter(listings, exact, condition.toString(), deferred);
  }

  private static void restrictToEnum(
      Map<String, Set<String>> allowed, String column, Set<String> known) {
    Set<String> values = allowed.get(column);
    if (values != null) {
      values.retainAll(known);
    }
  }

  /** A column pinned to a set of values by {@code =}, {@code IN} or a points-only SEARCH. */
  private record ColumnValues(String column, Set<String> values) {}

  private static ColumnValues columnValues(RexNode node, ModelArtsTable table) {
    if (node.getKind() == SqlKind.EQUALS) {
      RexCall call = (RexCall) node;
      String column = columnName(call.getOperands().get(0), table);
      String value = stringLiteral(call.getOperands().get(1));
      if (column == null) {
        column = columnName(call.getOperands().get(1), table);
        value = stringLiteral(call.getOperands().get(0));
      }
      if (column != null && value != null) {
        return new ColumnValues(column, new LinkedHashSet<>(Set.of(value)));
      }
      return null;
    }
    if (node.getKind() == SqlKind.SEARCH) {
      RexCall call = (RexCall) node;
      String column = columnName(call.getOperands().get(0), table);
      if (column == null || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
        return null;
      }
      Sarg<?> sarg = literal.getValueAs(Sarg.class);
      if (sarg == null || !sarg.isPoints() || sarg.nullAs == RexUnknownAs.TRUE) {
        return null;
      }
      Set<String> values = new LinkedHashSet<>();
      for (var range : sarg.rangeSet.asRanges()) {
        Object point = range.lowerEndpoint();
        if (!(point instanceof NlsString nls)) {
          return null;
        }
        values.add(nls.getValue());
      }
      return new ColumnValues(column, values);
    }
    return null;
  }

  /** A column compared with a bound parameter: {@code column = ?}. */
  private record ColumnParameter(String column, int index) {}

  private static ColumnParameter columnParameter(RexNode node, ModelArtsTable table) {
    if (node.getKind() != SqlKind.EQUALS) {
      return null;
    }
    RexCall call = (RexCall) node;
    for (int side = 0; side < 2; side++) {
      String column = columnName(call.getOperands().get(side), table);
      RexDynamicParam parameter = dynamicParameter(call.getOperands().get(1 - side));
      if (column != null && parameter != null) {
        return new ColumnParameter(column, parameter.getIndex());
      }
    }
    return null;
  }

  private static RexDynamicParam dynamicParameter(RexNode node) {
    if (node instanceof RexCall call && node.getKind() == SqlKind.CAST) {
      node = call.getOperands().get(0);
    }
    return node instanceof RexDynamicParam p ? p : null;
  }

  /**
   * The value a bound parameter gives the fuzzy {@code name} parameter, or null when the service
   * would not accept it (the name is then only checked locally).
   */
  static String nameParameterValue(String value) {
    return value != null && NAME_PARAMETER.matcher(value).matches() ? value : null;
  }

  /** The value to send as the fuzzy {@code name} parameter for this conjunct, or null. */
  private static String nameNarrowing(RexNode node, ModelArtsTable table) {
    String candidate = null;
    if (node.getKind() == SqlKind.EQUALS) {
      RexCall call = (RexCall) node;
      if ("name".equals(columnName(call.getOperands().get(0), table))) {
        candidate = stringLiteral(call.getOperands().get(1));
      } else if ("name".equals(columnName(call.getOperands().get(1), table))) {
        candidate = stringLiteral(call.getOperands().get(0));
      }
    } else if (node.getKind() == SqlKind.SEARCH) {
      ColumnValues cv = columnValues(node, table);
      if (cv != null && cv.column.equals("name") && cv.values.size() == 1) {
        candidate = cv.values.iterator().next();
      }
    } else if (node.getKind() == SqlKind.LIKE) {
      RexCall call = (RexCall) node;
      if (call.getOperands().size() == 2
          && call.getOperator().getName().equals("LIKE")
          && "name".equals(columnName(call.getOperands().get(0), table))) {
        String pattern = stringLiteral(call.getOperands().get(1));
        if (pattern != null) {
          int end = 0;
          while (end < pattern.length()
              && pattern.charAt(end) != '%'
              && pattern.charAt(end) != '_') {
            end++;
          }
          candidate = pattern.substring(0, end);
        }
      }
    }
    return candidate != null && NAME_PARAMETER.matcher(candidate).matches() ? candidate : null;
  }

  private static String columnName(RexNode node, ModelArtsTable table) {
    if (node instanceof RexInputRef ref) {
      return table.columns().get(ref.getIndex()).name();
    }
    return null;
  }

  private static String stringLiteral(RexNode node) {
    if (node instanceof RexCall call && node.getKind() == SqlKind.CAST) {
      node = call.getOperands().get(0);
    }
    if (node instanceof RexLiteral literal && literal.getValue() instanceof NlsString nls) {
      return nls.getValue();
    }
    return null;
  }
}
