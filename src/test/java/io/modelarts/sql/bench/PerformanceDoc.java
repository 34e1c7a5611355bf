package io.modelarts.sql.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's results into docs/performance.md, between its two marker comments, leaving the
 * hand-written analysis around them alone.
 */
final class PerformanceDoc {
  static final String BEGIN = "<!-- BEGIN GENERATED: bench/run --docs -->";
  static final String END = "<!-- END GENERATED -->";

  private PerformanceDoc() {}

  static void replaceResults(Path doc, String results) throws IOException {
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(doc + " lacks the markers " + BEGIN + " … " + END);
    }
    String updated =
        text.substring(0, begin + BEGIN.length())
            + "\n"
            + results.strip()
            + "\n"
            + text.substring(end);
    Files.writeString(doc, updated, StandardCharsets.UTF_8);
  }
}
