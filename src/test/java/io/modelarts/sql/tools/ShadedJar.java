package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the build left the drop-in jar (the failsafe configuration passes its path), and how the
 * tests run a probe on a fresh JVM with that jar alone.
 */
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

  /**
   * Runs {@code probe}'s main on a fresh JVM whose class path is the jar and the probe's own class
   * file, copied out of test-classes into {@code dir} so that the child sees nothing else of ours;
   * returns its standard output and error, after checking that it exited with 0.
   */
  static String runAlone(Class<?> probe, Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    return runAlone(Path.of(System.getProperty("java.home")), probe, dir, jvmOptions, args);
  }

  /** As {@link #runAlone(Class, Path, List, String...)}, on the JDK or JRE at {@code javaHome}. */
  static String runAlone(
      Path javaHome, Class<?> probe, Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    String resource = probe.getName().replace('.', '/') + ".class";
    Path classFile = dir.resolve(resource);
    if (!Files.exists(classFile)) {
      Files.createDirectories(classFile.getParent());
      try (InputStream in = ShadedJar.class.getClassLoader().getResourceAsStream(resource)) {
        Files.copy(in, classFile);
      }
    }
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", path() + File.pathSeparator + dir, probe.getName()));
    command.addAll(List.of(args));
    // Output to a file, so a chatty child can never block on a full pipe.
    Path out = dir.resolve(probe.getSimpleName() + ".out");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish in 120 s");
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    return output;
  }
}
