package io.modelarts.sql.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table built row by row, plus the number formats every table of the report uses. */
final class MarkdownTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  MarkdownTable row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(String.valueOf(c));
    }
    rows.add(row);
    return this;
  }

  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", header)).append(" |\n");
    sb.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> r : rows) {
      sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return sb.toString();
  }

  /** Milliseconds: one decimal below 10, whole above. */
  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "–";
    }
    return millis < 10
        ? String.format(Locale.ROOT, "%.1f", millis)
        : String.format(Locale.ROOT, "%,.0f", millis);
  }

  /** A ratio as {@code 3.2×}. */
  static String times(double ratio) {
    return Double.isNaN(ratio) || Double.isInfinite(ratio)
        ? "–"
        : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  /** Bytes as MB with one decimal. */
  static String mb(long bytes) {
    return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
