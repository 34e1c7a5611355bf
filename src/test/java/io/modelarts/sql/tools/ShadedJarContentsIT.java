package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.jdbc.PreloadedClassList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The drop-in jar holds no class outside {@code io.modelarts.sql}: every dependency, Calcite
 * included, is relocated under {@code io.modelarts.sql.shaded}, so nothing in it can clash with a
 * class of the host application. It registers exactly one JDBC driver, ours.
 */
class ShadedJarContentsIT {
  /**
   * Classes allowed outside {@code io/modelarts/sql/}: none. An entry here needs a reason in
   * docs/jdbc.md ("What the drop-in jar contains").
   */
  private static final Set<String> UNRELOCATED_ALLOWED = Set.of();

  @Test
  void everyClassIsOursOrRelocated() throws IOException {
    Set<String> foreign = new TreeSet<>();
    try (JarFile jar = new JarFile(ShadedJar.path().toFile())) {
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName();
        if (!name.endsWith(".class") || name.startsWith("io/modelarts/sql/")) {
          continue;
        }
        String pkg = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
        if (!UNRELOCATED_ALLOWED.contains(pkg)) {
          foreign.add(pkg.replace('/', '.'));
        }
      }
    }
    assertEquals(Set.of(), foreign, "unrelocated third-party packages in the drop-in jar");
  }

  @Test
  void registersOnlyTheModelArtsDriverAndRelocatedServices() throws IOException {
    try (JarFile jar = new JarFile(ShadedJar.path().toFile())) {
      assertEquals(
          List.of("io.modelarts.sql.jdbc.ModelArtsDriver"),
          serviceLines(jar, "META-INF/services/java.sql.Driver"));
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName();
        if (!name.startsWith("META-INF/services/")
            || e.isDirectory()
            || name.equals("META-INF/services/java.sql.Driver")) {
          continue;
        }
        String service = name.substring("META-INF/services/".length());
        assertTrue(service.startsWith("io.modelarts.sql."), "service interface relocated: " + name);
        for (String implementation : serviceLines(jar, name)) {
          assertTrue(
              implementation.startsWith("io.modelarts.sql."), name + " -> " + implementation);
        }
      }
    }
  }

  @Test
  void leavesOutTheShellAndOtherDrivers() throws IOException {
    try (JarFile jar = new JarFile(ShadedJar.path().toFile())) {
      for (String absent :
          new String[] {
            "sqlline/SqlLine.class",
            "org/postgresql/Driver.class",
            "org/h2/Driver.class",
            "io/modelarts/sql/shaded/sqlline/SqlLine.class"
          }) {
        assertEquals(null, jar.getEntry(absent), absent);
      }
      assertTrue(jar.getEntry("io/modelarts/sql/jdbc/ModelArtsDriver.class") != null);
    }
  }

  @Test
  void holdsTheMetadataHandlersCompiledAtBuildTime() throws IOException {
    try (JarFile jar = new JarFile(ShadedJar.path().toFile())) {
      long handlers =
          Collections.list(jar.entries()).stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith("io/modelarts/sql/calcite/metadata/generated/Generated"))
              .count();
      // One per kind of built-in metadata (27 in Calcite 1.42); without them each JVM's first
      // query compiles them with Janino.
      assertTrue(handlers >= 27, handlers + " precompiled metadata handlers");
    }
  }

  @Test
  void storesTheClassesAFirstQueryLoadsUncompressed() throws IOException {
    try (JarFile jar = new JarFile(ShadedJar.path().toFile())) {
      Set<String> listed = new TreeSet<>();
      for (String name : serviceLines(jar, "io/modelarts/sql/jdbc/first-query-classes.txt")) {
        listed.add(name.replace('.', '/') + ".class");
      }
      String relocated = PreloadedClassList.SHADED_PREFIX.replace('.', '/');
      List<String> deflatedButListed = new ArrayList<>();
      List<String> storedButNotListed = new ArrayList<>();
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        boolean isListed =
            listed.contains(name)
                || (name.startsWith(relocated)
                    && listed.contains(name.substring(relocated.length())));
        boolean stored = e.getMethod() == JarEntry.STORED;
        if (isListed && !stored) {
          deflatedButListed.add(name);
        } else if (!isListed && stored) {
          storedButNotListed.add(name);
        }
      }
      // The build's StoreFirstQueryClasses step (src/build): stored entries spare a fresh JVM
      // inflating them; the rest stay deflated to keep the jar small.
      assertTrue(
          deflatedButListed.isEmpty(),
          () ->
              deflatedButListed.size()
                  + " first-query classes left deflated, e.g. "
                  + head(deflatedButListed));
      assertTrue(
          storedButNotListed.isEmpty(),
          () ->
              storedButNotListed.size()
                  + " classes stored that no first query loads, e.g. "
                  + head(storedButNotListed));
      assertEquals(
          JarEntry.STORED,
          jar.getJarEntry(
                  "io/modelarts/sql/shaded/org/apache/calcite/sql/fun/SqlStdOperatorTable.class")
              .getMethod());
    }
  }

  private static List<String> head(List<String> names) {
    return names.subList(0, Math.min(5, names.size()));
  }

  private static List<String> serviceLines(JarFile jar, String entry) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          out.add(trimmed);
        }
      }
    }
    return out;
  }
}
