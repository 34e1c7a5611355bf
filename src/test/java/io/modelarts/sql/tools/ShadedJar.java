package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build left the drop-in jar; the failsafe configuration passes its path. */
final class ShadedJar {
  private ShadedJar() {}

  /** The jar's path; skips the calling test when run outside {@code mvn verify} without the jar. */
  static Path path() {
    String configured = System.getProperty("modelarts.shadedJar");
    assumeTrue(configured != null, "run by `mvn verify`, which packages the jar first");
    Path jar = Path.of(configured);
    if (!Files.isRegularFile(jar)) {
      // Under failsafe the jar must exist: a missing one is a broken build, not a reason to skip.
      throw new AssertionError("the shaded jar was not built: " + jar);
    }
    return jar;
  }
}
