package io.modelarts.sql.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures cold start: from the moment a fresh JVM is spawned until it has printed the result of
 * one query against an already running simulator, per JVM variant, and where that time goes (phase
 * stamps, and classes loaded per phase and per jar from {@code -Xlog:class+load}).
 */
final class ColdStartProbe {
  private static final Pattern CLASS_LOAD = Pattern.compile("^\\[(\\d+)ms\\] (\\S+) source: (.*)$");

  /** A way to start the JVM. */
  record Variant(
      String name,
      List<String> jvmOptions,
      String classpath,
      List<String> command,
      Map<String, String> environment) {
    /** A variant on the driver's run-time class path. */
    Variant(String name, List<String> jvmOptions) {
      this(name, jvmOptions, null);
    }

    /** A variant of {@link ColdStartProgram} on its own class path (null: the run-time one). */
    Variant(String name, List<String> jvmOptions, String classpath) {
      this(name, jvmOptions, classpath, null, Map.of());
    }

    /**
     * A variant that runs {@code command} instead of {@link ColdStartProgram}, with {@code
     * environment} added: its result counts as printed when its last line of output arrives.
     */
    static Variant ofCommand(String name, List<String> command, Map<String, String> environment) {
      return new Variant(name, List.of(), null, command, environment);
    }
  }

  /**
   * One start: the time to the printed result, each phase's time, and the time to exit, all from
   * the spawn at {@code spawnEpochMillis}; with {@code --profile}, estimated milliseconds per
   * "phase TAB step / activity".
   */
  record Start(
      double resultMillis,
      Map<String, Double> phaseMillis,
      double exitMillis,
      long spawnEpochMillis,
      Map<String, Long> profile) {}

  private final Path outDir;
  private final String classpath;

  ColdStartProbe(Path outDir) {
    this.outDir = outDir;
    this.classpath = JavaLauncher.runtimeClasspath();
  }

  /**
   * Starts one fresh JVM with {@code args} for {@link ColdStartProgram} (or the variant's own
   * command, {@code args} ignored) and times it.
   */
  Start start(Variant variant, List<String> args) throws IOException {
    List<String> command =
        variant.command() != null
            ? variant.command()
            : JavaLauncher.command(
                variant.jvmOptions(),
                variant.classpath() != null ? variant.classpath() : classpath,
                ColdStartProgram.class,
                args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(variant.environment());
    builder.redirectError(outDir.resolve("coldstart-stderr.log").toFile());
    long spawnEpoch = System.currentTimeMillis();
    long spawn = System.nanoTime();
    Process process = builder.start();
    Map<String, Double> phases = new LinkedHashMap<>();
    Map<String, Long> profile = new LinkedHashMap<>();
    double result = Double.NaN;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(ColdStartProgram.PHASE)) {
          String[] f = line.substring(ColdStartProgram.PHASE.length()).split(" ");
          phases.put(f[0], (double) (Long.parseLong(f[1]) - spawnEpoch));
        } else if (line.startsWith(ColdStartProgram.PROFILE)) {
          String[] f = line.substring(ColdStartProgram.PROFILE.length()).split("\t");
          profile.put(f[0] + "\t" + f[1], Long.parseLong(f[2]));
        } else if (line.startsWith(ColdStartProgram.DONE) || variant.command() != null) {
          result = (System.nanoTime() - spawn) / 1e6;
        }
      }
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("cold-start JVM did not exit: " + variant.name());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (process.exitValue() != 0 || Double.isNaN(result)) {
      throw new IOException(
          "cold-start JVM failed (exit "
              + process.exitValue()
              + ") for "
              + variant.name()
              + "; see "
              + outDir.resolve("coldstart-stderr.log"));
    }
    return new Start(result, phases, (System.nanoTime() - spawn) / 1e6, spawnEpoch, profile);
  }

  /**
   * Runs a training start that writes a dynamic AppCDS archive of every class it loaded, for the
   * variant that maps them instead of loading them.
   */
  Path trainAppCds(List<String> args) throws IOException {
    Path archive = outDir.resolve("coldstart-appcds.jsa");
    Files.deleteIfExists(archive);
    start(new Variant("training", List.of("-XX:ArchiveClassesAtExit=" + archive)), args);
    return archive;
  }

  /**
   * Runs a training start on the JDK at {@code javaHome} (Java 25 or later) that writes an AOT
   * cache (JEP 483, in one run since JEP 514) of the driver's run-time class path.
   */
  Path trainAotCache(String javaHome, List<String> args) throws IOException {
    Path cache = outDir.resolve("coldstart-java" + JavaLauncher.featureRelease(javaHome) + ".aot");
    Files.deleteIfExists(cache);
    List<String> command =
        JavaLauncher.command(
            javaHome,
            List.of("-XX:AOTCacheOutput=" + cache),
            classpath,
            ColdStartProgram.class,
            args);
    start(Variant.ofCommand("training an AOT cache", command, Map.of()), args);
    if (!Files.isRegularFile(cache)) {
      throw new IOException("no AOT cache written by " + javaHome + "; see coldstart-stderr.log");
    }
    return cache;
  }

  /**
   * A variant running {@link ColdStartProgram} on the driver's run-time class path with the JDK at
   * {@code javaHome} rather than the benchmark's own.
   */
  Variant onJava(String name, String javaHome, List<String> jvmOptions, List<String> args) {
    return Variant.ofCommand(
        name,
        JavaLauncher.command(javaHome, jvmOptions, classpath, ColdStartProgram.class, args),
        Map.of());
  }

  /** Classes loaded, by where they came from, and how many had loaded by each phase. */
  record ClassLoads(Map<String, Integer> bySource, Map<String, Integer> byPhase, int total) {}

  /** One start of {@code variant} with class-load logging, counted. */
  ClassLoads classLoads(Variant variant, List<String> args) throws IOException {
    Path log = outDir.resolve("coldstart-classload.log");
    Files.deleteIfExists(log);
    List<String> options = new ArrayList<>(variant.jvmOptions());
    options.add("-Xlog:class+load=info:file=" + log + ":timemillis");
    Start start =
        start(new Variant(variant.name() + "+classlog", options, variant.classpath()), args);
    List<Long> times = new ArrayList<>();
    Map<String, Integer> bySource = new TreeMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = CLASS_LOAD.matcher(line);
      if (!m.matches()) {
        continue;
      }
      times.add(Long.parseLong(m.group(1)) - start.spawnEpochMillis());
      bySource.merge(sourceGroup(m.group(3)), 1, Integer::sum);
    }
    Map<String, Integer> byPhase = new LinkedHashMap<>();
    start
        .phaseMillis()
        .forEach(
            (phase, millis) ->
                byPhase.put(phase, (int) times.stream().filter(t -> t <= millis).count()));
    return new ClassLoads(bySource, byPhase, times.size());
  }

  /** "JDK (CDS archive)", "JDK (modules)", a jar's name, "driver classes", or "generated". */
  static String sourceGroup(String source) {
    if (source.startsWith("shared objects file")) {
      return "CDS archive (JDK, or the app with AppCDS)";
    }
    if (source.startsWith("jrt:/")) {
      return "JDK modules";
    }
    if (source.endsWith(".jar")) {
      String jar = source.substring(source.lastIndexOf('/') + 1);
      return jar.replaceAll("-[0-9][0-9A-Za-z.\\-]*\\.jar$", ".jar");
    }
    if (source.startsWith("file:") && source.contains("/classes")) {
      return "driver classes";
    }
    if (source.startsWith("file:")) {
      return "bench classes";
    }
    return "generated at run time (lambdas, proxies, Janino)";
  }
}
