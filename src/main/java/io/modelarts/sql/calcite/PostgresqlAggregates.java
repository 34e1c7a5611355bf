package io.modelarts.sql.calcite;

import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.util.Util;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's aggregate functions that Calcite implements but keeps out of its standard operator
 * table: {@code STRING_AGG(s, separator [ORDER BY …])}, {@code BOOL_AND(b)} and {@code BOOL_OR(b)},
 * for the validator to find by name after the standard functions.
 *
 * <p>Why: users of SQL tools write them (a status's notebook names in one cell; whether all of a
 * flavor's notebooks have a lease), and the driver answered "No match found for function
 * signature". Why these three only: each means in Calcite what it means in PostgreSQL ({@code
 * LISTAGG}, {@code MIN} and {@code MAX} of booleans), which PostgreSQL's answers check; others of
 * Calcite's PostgreSQL library do not (its {@code DATE_TRUNC} takes BigQuery's arguments). Why
 * lazily: Calcite keeps them in {@link SqlLibraryOperators}, whose initialiser builds hundreds of
 * functions; a statement that names none of these never loads it.
 */
public final class PostgresqlAggregates implements SqlOperatorTable {
  private static final Set<String> NAMES = Set.of("STRING_AGG", "BOOL_AND", "BOOL_OR");

  @Override
  public void lookupOperatorOverloads(
      SqlIdentifier opName,
      @Nullable SqlFunctionCategory category,
      SqlSyntax syntax,
      List<SqlOperator> operatorList,
      SqlNameMatcher nameMatcher) {
    if (opName.isSimple()
        && NAMES.stream().anyMatch(name -> nameMatcher.matches(name, opName.getSimple()))) {
      Functions.TABLE.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    }
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return Functions.TABLE.getOperatorList();
  }

  /**
   * {@code STRING_AGG(s, separator ORDER BY …)} written as {@code LISTAGG(s, separator) WITHIN
   * GROUP (ORDER BY …)}, as Calcite's converter reads it; null if {@code call} is not such a call.
   *
   * <p>Why: under a {@code FILTER}, Calcite's validator types the order's list as an argument and
   * fails ("class SqlNodeList: …"); the {@code WITHIN GROUP} form it validates.
   */
  static @Nullable SqlCall orderedAsListagg(SqlNode call) {
    if (!(call instanceof SqlCall stringAgg)
        || stringAgg.getKind() != SqlKind.STRING_AGG
        || stringAgg.operandCount() == 0
        || !(Util.last(stringAgg.getOperandList()) instanceof SqlNodeList order)) {
      return null;
    }
    SqlParserPos pos = stringAgg.getParserPosition();
    SqlCall listagg =
        SqlStdOperatorTable.LISTAGG.createCall(
            stringAgg.getFunctionQuantifier(), pos, Util.skipLast(stringAgg.getOperandList()));
    return SqlStdOperatorTable.WITHIN_GROUP.createCall(pos, listagg, order);
  }

  /** Calcite's functions, made when a statement first names one. */
  private static final class Functions {
    static final SqlOperatorTable TABLE =
        SqlOperatorTables.of(
            SqlLibraryOperators.STRING_AGG,
            SqlLibraryOperators.BOOL_AND,
            SqlLibraryOperators.BOOL_OR);
  }
}
