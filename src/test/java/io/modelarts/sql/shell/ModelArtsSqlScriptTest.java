package io.modelarts.sql.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./modelarts-sql} script as a user runs it, from another directory. Runs only
 * where the script has built once ({@code target/shell.classpath} exists), and then never starts
 * Maven.
 */
class ModelArtsSqlScriptTest {
  @TempDir Path elsewhere;

  @Test
  void readmeCommandFromAnotherDirectory() throws Exception {
    Path root = checkoutRoot();
    assumeTrue(
        Files.isRegularFile(root.resolve("target/shell.classpath")),
        "./modelarts-sql has not built target/ yet");

    ProcessBuilder pb =
        new ProcessBuilder(
                root.resolve("modelarts-sql").toString(),
                "--demo",
                "--outputformat=csv",
                "-e",
                "SELECT status, COUNT(*) AS n FROM notebooks GROUP BY status")
            .directory(elsewhere.toFile())
            .redirectError(elsewhere.resolve("stderr.txt").toFile());
    pb.environment()
        .put("MODELARTS_SQL_NO_BUILD", "1"); // the build as it is: no Maven inside a test
    pb.environment()
        .put("MODELARTS_SQL_NO_CDS", "1"); // no training run: keep this test one start long
    pb.environment().put(ShellHome.ENVIRONMENT_VARIABLE, elsewhere.toString());
    pb.environment().remove("MODELARTS_SQL_BUILD_DIR");
    Process process = pb.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    String err = Files.readString(elsewhere.resolve("stderr.txt"));

    assertEquals(0, process.exitValue(), err);
    long total =
        out.lines().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1].replace("\"", ""))).sum();
    assertEquals(500, total, out);
    assertTrue(err.contains("demo: simulator with 500 notebooks"), err);
  }

  /**
   * The directory holding the script: Maven runs tests from the checkout, IDEs sometimes below it.
   */
  private static Path checkoutRoot() throws IOException {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("modelarts-sql"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IOException("no modelarts-sql above " + Paths.get("").toAbsolutePath());
  }
}
