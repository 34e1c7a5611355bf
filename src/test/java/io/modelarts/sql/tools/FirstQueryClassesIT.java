package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.jdbc.PreloadedClassList;
import io.modelarts.sql.testing.SimulatorFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's list of the classes first queries load (the class preloader's resource) still
 * matches a census, and the drop-in jar's preloader finds what it lists under relocated names.
 *
 * <p>The census: a fresh JVM with the drop-in jar alone runs {@link FirstQueryProbe} with
 * preloading off and {@code -Xlog:class+load}; every class it loads from the jar or the JDK's
 * modules, relocation undone, in load order. A Calcite, Avatica or JDK upgrade changes it; then
 * this test fails and says how to rewrite the list:
 *
 * <pre>{@code mvn -o verify -Dtest=ClassPreloaderTest -Dit.test=FirstQueryClassesIT \
 *     -Dmodelarts.writeFirstQueryClasses=true}</pre>
 */
class FirstQueryClassesIT {
  private static final String RESOURCE = "io/modelarts/sql/jdbc/first-query-classes.txt";
  private static final Path SOURCE = Path.of("src/main/resources", RESOURCE);

  /**
   * Classes a first query must not load: the driver builds Calcite's default rules itself
   * (DefaultPlannerRules), and reaching either of these pays for all of Calcite's rules again.
   */
  private static final List<String> NEVER_LOADED =
      List.of("org.apache.calcite.rel.rules.CoreRules", "org.apache.calcite.tools.Programs");

  private static final String SHADED_PREFIX = PreloadedClassList.SHADED_PREFIX;
  private static final Pattern CLASS_LOAD = Pattern.compile("^\\[[^ ]*\\] (\\S+) source: (.*)$");
  private static final Pattern PRELOADED =
      Pattern.compile("Class preloading found (\\d+) of the (\\d+) listed classes");

  @Test
  void listCoversWhatFirstQueriesLoadAndTheDropInJarFindsIt(@TempDir Path dir) throws Exception {
    Path jar = ShadedJar.path();
    try (SimulatorFixture sim = SimulatorFixture.start(300, 7L)) {
      Path log = dir.resolve("class-load.log");
      ShadedJar.runAlone(
          FirstQueryProbe.class,
          dir,
          List.of("-Xlog:class+load=info:file=" + log + ":uptime"),
          sim.url("preloadClasses=false"));
      List<String> census = census(log, jar);
      for (String eager : NEVER_LOADED) {
        assertFalse(census.contains(eager), "a first query loaded " + eager);
      }
      if (Boolean.getBoolean("modelarts.writeFirstQueryClasses")) {
        write(census);
        return;
      }
      List<String> listed = listed();
      Set<String> listedSet = new LinkedHashSet<>(listed);
      long covered = census.stream().filter(listedSet::contains).count();
      Set<String> censusSet = new LinkedHashSet<>(census);
      long unused = listed.stream().filter(n -> !censusSet.contains(n)).count();
      String rewrite =
          "; rewrite the list: mvn -o verify -Dtest=ClassPreloaderTest"
              + " -Dit.test=FirstQueryClassesIT -Dmodelarts.writeFirstQueryClasses=true";
      assertTrue(
          covered >= 0.95 * census.size(),
          "the list covers " + covered + " of the " + census.size() + " classes loaded" + rewrite);
      assertTrue(
          unused <= 0.05 * listed.size(),
          unused + " of the " + listed.size() + " listed classes were not loaded" + rewrite);

      // The drop-in jar relocates the libraries; the preloader must find them all the same.
      String out =
          ShadedJar.runAlone(FirstQueryProbe.class, dir, List.of(), sim.url(), "--await-preloader");
      Matcher m = PRELOADED.matcher(out);
      assertTrue(m.find(), out);
      assertEquals(listed.size(), Integer.parseInt(m.group(2)), out);
      assertTrue(Integer.parseInt(m.group(1)) >= 0.95 * listed.size(), out);
    }
  }

  /**
   * A first query with the string functions the driver replaces, which the interpreter runs,
   * initialises neither Janino nor Calcite's table of the code generator's implementations: the
   * driver's functions make theirs on first use ({@code LazyScalarFunction}), which an eager one
   * cost ~90 ms of such a start. (A plan with an aggregate initialises that table anyway, in
   * Calcite's {@code EnumerableAggregate}.)
   */
  @Test
  void anInterpretedFirstQueryWithStringFunctionsMakesNoCodeGenerator(@TempDir Path dir)
      throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(50, 7L)) {
      Path log = dir.resolve("class-init.log");
      String out =
          ShadedJar.runAlone(
              io.modelarts.sql.bench.ColdStartProgram.class,
              dir,
              List.of("-Xlog:class+init=info:file=" + log),
              sim.url("preloadClasses=false"),
              "SELECT name, CHAR_LENGTH(name), SUBSTRING(description FROM 2 FOR 3) FROM notebooks"
                  + " WHERE POSITION('a' IN name) > 0 LIMIT 10");
      String initialised = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(
          initialised.contains("Initializing 'io/modelarts/sql/calcite/CodePointStrings'"), out);
      assertFalse(initialised.contains("enumerable/RexImpTable'"), "the code generator's table");
      assertFalse(initialised.contains("org/codehaus/janino/"), "Janino");
    }
  }

  /** Classes loaded from the jar or the JDK's modules, relocation undone, in load order. */
  private static List<String> census(Path log, Path jar) throws IOException {
    String jarSource = jar.toUri().toString();
    Set<String> names = new LinkedHashSet<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m = CLASS_LOAD.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String name = m.group(1);
      String source = m.group(2);
      boolean fromJar = source.equals(jarSource) || source.equals("file:" + jar);
      if (!fromJar && !source.startsWith("jrt:/")) {
        continue; // the probe, the class-data archive, lambdas and other generated classes
      }
      names.add(name.startsWith(SHADED_PREFIX) ? name.substring(SHADED_PREFIX.length()) : name);
    }
    return new ArrayList<>(names);
  }

  /** The list as the driver's preloader reads it. */
  private static List<String> listed() {
    List<String> names = PreloadedClassList.names();
    assertFalse(names.isEmpty(), "missing or empty resource " + RESOURCE);
    return names;
  }

  private static void write(List<String> census) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "# The classes a fresh JVM's first queries load, in load order. The driver's class preloader");
    lines.add(
        "# (io.modelarts.sql.jdbc.ClassPreloader) loads them on a background thread; names absent here");
    lines.add(
        "# are skipped. Written by FirstQueryClassesIT from a census of FirstQueryProbe on Java "
            + System.getProperty("java.version")
            + ";");
    lines.add("# that test fails when the list falls behind, and says how to rewrite it.");
    lines.addAll(census);
    Files.writeString(SOURCE, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
