package io.modelarts.sql.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every EXPLAIN block in docs/pushdown.md is what the driver prints for its query today. */
class PushdownDocTest {
  private static final Pattern BLOCK =
      Pattern.compile(
          "<!-- BEGIN EXPLAIN: (.*?) -->\\n```\\n(.*?)```\\n<!-- END EXPLAIN -->", Pattern.DOTALL);

  @Test
  void explainExamplesAreCurrent() throws Exception {
    String doc = Files.readString(Path.of("docs/pushdown.md"));
    Matcher m = BLOCK.matcher(doc);
    int blocks = 0;
    try (SimulatorFixture sim = SimulatorFixture.start(60, 1L);
        Connection c = sim.connect()) {
      while (m.find()) {
        String plan = String.join("\n", SimulatorFixture.rows(c, "EXPLAIN PLAN FOR " + m.group(1)));
        assertEquals(
            m.group(2).strip(), plan.strip(), "docs/pushdown.md, EXPLAIN of " + m.group(1));
        blocks++;
      }
    }
    assertTrue(blocks > 0, "the doc has EXPLAIN examples");
  }
}
