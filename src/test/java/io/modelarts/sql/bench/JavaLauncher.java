package io.modelarts.sql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds command lines for the JVMs the benchmark starts: the same {@code java} as its own, and
 * either the full test class path or the driver's run-time class path (what an application would
 * have), both handed in by {@code bench/run}.
 */
final class JavaLauncher {
  private JavaLauncher() {}

  /** The test class path: driver, simulator, bench code and all test dependencies. */
  static String testClasspath() {
    return System.getProperty("bench.classpath", System.getProperty("java.class.path"));
  }

  /**
   * The driver's run-time dependencies plus its classes and the bench classes: what a fresh
   * application JVM would load from. Falls back to the test class path.
   */
  static String runtimeClasspath() {
    return System.getProperty("bench.runtimeClasspath", testClasspath());
  }

  /**
   * The drop-in jar (the shaded driver, as DBeaver or a BI tool loads it) plus the bench classes,
   * or null when {@code bench/run} did not build it.
   */
  static String dropInClasspath() {
    return System.getProperty("bench.dropInClasspath");
  }

  /**
   * The shell's script ({@code modelarts-sql}) and the build directory {@code bench/run} built it
   * in, or null when it did not.
   */
  static String shellScript() {
    return System.getProperty("bench.shell");
  }

  /** The build directory of {@link #shellScript()}, relative to the checkout. */
  static String shellBuildDir() {
    return System.getProperty("bench.shellBuildDir");
  }

  /**
   * The home of a newer JDK than the benchmark's own (Java 25 or later, for its AOT cache), or null
   * when {@code bench/run} found none.
   */
  static String newerJavaHome() {
    String home = System.getProperty("bench.newerJava");
    return home == null || home.isEmpty() ? null : home;
  }

  /** The feature release a JDK's {@code release} file names ({@code JAVA_VERSION="25.0.3"}). */
  static int featureRelease(String javaHome) throws IOException {
    for (String line : Files.readAllLines(Path.of(javaHome, "release"))) {
      if (line.startsWith("JAVA_VERSION=\"")) {
        String version = line.substring("JAVA_VERSION=\"".length());
        return Integer.parseInt(version.split("[.\"]")[0]);
      }
    }
    throw new IOException("no JAVA_VERSION in " + javaHome + "/release");
  }

  /** {@code java OPTIONS -cp CLASSPATH MAIN ARGS}, with this JVM's {@code java}. */
  static List<String> command(
      List<String> jvmOptions, String classpath, Class<?> main, List<String> args) {
    return command(System.getProperty("java.home"), jvmOptions, classpath, main, args);
  }

  /** {@code java OPTIONS -cp CLASSPATH MAIN ARGS}, with the {@code java} of {@code javaHome}. */
  static List<String> command(
      String javaHome,
      List<String> jvmOptions,
      String classpath,
      Class<?> main,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(javaHome, "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(main.getName());
    command.addAll(args);
    return command;
  }
}
