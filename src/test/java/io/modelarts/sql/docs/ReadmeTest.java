package io.modelarts.sql.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java example is this code, and it runs (against the simulator). */
class ReadmeTest {
  @Test
  void javaExampleIsThisCodeAndRuns() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README has a Java example");
    String source =
        Files.readString(Path.of("src/test/java/io/modelarts/sql/docs/ReadmeTest.java"));
    String mine =
        source.substring(
            source.indexOf("// BEGIN README\n") + 16, source.indexOf("    // END README\n"));
    String example = block.group(1);
    assertTrue(
        example.startsWith(
            "String url = \"jdbc:modelarts:region=eu-de;projectId=\" + projectId;\n"),
        example);
    // The first line names the cloud; the test connects the rest to the simulator instead.
    example = example.substring(example.indexOf('\n') + 1);
    assertEquals(
        strip(example), strip(mine), "README.md's Java example differs from ReadmeTest.example");

    try (SimulatorFixture sim = SimulatorFixture.start(40, 2L)) {
      PrintStream original = System.out;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      try {
        example(
            sim.simulator().credentials().accessKey(),
            sim.simulator().credentials().secretKey(),
            "jdbc:modelarts:endpoint="
                + sim.simulator().baseUrl()
                + ";projectId="
                + sim.simulator().projectId()
                + ";rateLimit=0");
      } finally {
        System.setOut(original);
      }
      long running =
          sim.simulator().dataset().stream()
              .filter(n -> n.get("status").asText().equals("RUNNING"))
              .count();
      assertEquals(
          running,
          out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.endsWith(" RUNNING")).count());
    }
  }

  /**
   * The code without its layout: the formatter may wrap the sample here differently from the docs,
   * but not one token may differ.
   */
  private static String strip(String code) {
    return code.replaceAll("\\s+", " ").strip();
  }

  /** The README example after its first line, which {@code url} replaces. */
  static void example(String accessKey, String secretKey, String url) throws Exception {
    // BEGIN README
    Properties props = new Properties();
    props.setProperty("user", accessKey);
    props.setProperty("password", secretKey);
    try (Connection c = DriverManager.getConnection(url, props);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT name, status FROM notebooks WHERE status = 'RUNNING'")) {
      while (rs.next()) {
        System.out.println(rs.getString("name") + " " + rs.getString("status"));
      }
    }
    // END README
  }
}
