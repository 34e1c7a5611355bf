package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README documents every error code the simulator answers and every command-line option it
 * takes.
 */
class ReadmeTest {
  private static String readme;

  @BeforeAll
  static void read() throws IOException {
    // Surefire runs in the project root; the fallback lets the test run from the simulator folder
    // too.
    Path path = Path.of("services/simulator/README.md");
    readme = Files.readString(Files.exists(path) ? path : Path.of("README.md"));
  }

  @Test
  void everyErrorCodeIsInTheErrorTable() {
    for (ModelArtsError error : ModelArtsError.values()) {
      String row = "| " + error.status() + " | `" + error.code() + "` |";
      assertTrue(readme.contains(row), "README error table lacks " + row);
    }
  }

  @Test
  void everyCommandLineOptionIsDocumented() {
    Matcher option = Pattern.compile("(--[a-z-]+)").matcher(SimulatorMain.USAGE);
    while (option.find()) {
      assertTrue(readme.contains("`" + option.group(1)), "README lacks " + option.group(1));
    }
  }
}
