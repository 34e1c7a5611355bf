package io.modelarts.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A parsed statement's {@code ROLLUP}s and {@code CUBE}s written out as the {@code GROUPING SETS}
 * they stand for, before validation.
 *
 * <p>SQL keeps a grouping set that a {@code ROLLUP} or {@code CUBE} makes twice ({@code
 * ROLLUP(status, status)} is {@code GROUPING SETS ((status, status), (status), ())}, so each
 * status's row comes twice; {@code GROUP BY DISTINCT} is how a query asks for them once). Calcite's
 * validator drops the repeat while it expands a {@code ROLLUP} or {@code CUBE}, but keeps one
 * written in {@code GROUPING SETS}, and plans it as SQL says. Writing the sets out needs no
 * knowledge of which expressions are equal ({@code status} and {@code notebooks.status} are): the
 * validator still decides that, as it does for {@code GROUPING SETS}.
 */
public final class ExplicitGroupingSets extends SqlBasicVisitor<Void> {
  /** The most elements of a {@code CUBE} written out (2^20 sets). */
  private static final int MAX_CUBE_ELEMENTS = 20;

  private static final ExplicitGroupingSets INSTANCE = new ExplicitGroupingSets();

  private ExplicitGroupingSets() {}

  /** Rewrites, in place, each {@code GROUP BY} of {@code statement} and of its sub-queries. */
  public static void writeOut(SqlNode statement) {
    statement.accept(INSTANCE);
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlSelect) {
      SqlSelect select = (SqlSelect) call;
      SqlNodeList group = select.getGroup();
      if (group != null && group.getList().stream().anyMatch(ExplicitGroupingSets::hasShorthand)) {
        select.setGroupBy(new SqlNodeList(written(group.getList()), group.getParserPosition()));
      }
    }
    return super.visit(call);
  }

  /** Whether {@code item} is or holds a {@code ROLLUP} or {@code CUBE}. */
  private static boolean hasShorthand(SqlNode item) {
    switch (item.getKind()) {
      case ROLLUP:
      case CUBE:
        return true;
      case GROUPING_SETS:
        return ((SqlCall) item)
            .getOperandList().stream().anyMatch(ExplicitGroupingSets::hasShorthand);
      default:
        // GROUP BY DISTINCT drops repeats anyway; an expression holds no grouping element.
        return false;
    }
  }

  /** {@code items}, each {@code ROLLUP} and {@code CUBE} among them written out. */
  private static List<SqlNode> written(List<SqlNode> items) {
    List<SqlNode> out = new ArrayList<>(items.size());
    for (SqlNode item : items) {
      out.add(written(item));
    }
    return out;
  }

  private static SqlNode written(SqlNode item) {
    SqlParserPos pos = item.getParserPosition();
    switch (item.getKind()) {
      case ROLLUP:
        return SqlStdOperatorTable.GROUPING_SETS.createCall(
            pos, rollup(((SqlCall) item).getOperandList(), pos));
      case CUBE:
        List<SqlNode> elements = ((SqlCall) item).getOperandList();
        // Past 2^20 sets no plan is practical either way; Calcite's expansion is left to say so.
        return elements.size() > MAX_CUBE_ELEMENTS
            ? item
            : SqlStdOperatorTable.GROUPING_SETS.createCall(pos, cube(elements, pos));
      case GROUPING_SETS:
        // A set list nested in GROUPING SETS is one more list of sets, as the validator reads it.
        return SqlStdOperatorTable.GROUPING_SETS.createCall(
            pos, written(((SqlCall) item).getOperandList()));
      default:
        return item;
    }
  }

  /**
   * {@code ROLLUP(e1, …, en)}'s sets: {@code (e1, …, en)}, {@code (e1, …, en-1)}, …, {@code ()}.
   */
  private static List<SqlNode> rollup(List<SqlNode> elements, SqlParserPos pos) {
    List<SqlNode> sets = new ArrayList<>(elements.size() + 1);
    for (int n = elements.size(); n >= 0; n--) {
      sets.add(set(elements.subList(0, n), pos));
    }
    return sets;
  }

  /**
   * {@code CUBE(e1, …, en)}'s 2<sup>n</sup> sets, in the order Calcite's own expansion gives them:
   * the first element present in the first half, absent in the second, and so on.
   */
  private static List<SqlNode> cube(List<SqlNode> elements, SqlParserPos pos) {
    int n = elements.size();
    List<SqlNode> sets = new ArrayList<>(1 << n);
    for (int absent = 0; absent < 1 << n; absent++) {
      List<SqlNode> present = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if ((absent & (1 << (n - 1 - i))) == 0) {
          present.add(elements.get(i));
        }
      }
      sets.add(set(present, pos));
    }
    return sets;
  }

  /**
   * One grouping set as the parser writes it: {@code ()} an empty list, else a row of its elements
   * (an element may be a row itself, {@code ROLLUP((a, b), c)}, which the validator flattens).
   */
  private static SqlNode set(List<SqlNode> elements, SqlParserPos pos) {
    return elements.isEmpty()
        ? new SqlNodeList(pos)
        : SqlStdOperatorTable.ROW.createCall(pos, new ArrayList<>(elements));
  }
}
