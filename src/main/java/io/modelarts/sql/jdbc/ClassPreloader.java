package io.modelarts.sql.jdbc;

import com.google.common.base.Preconditions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the classes a JVM's first query needs, without initialising them, on a background thread
 * that the first connection starts, so that the query's own thread finds most of them loaded.
 *
 * <p>Why: a fresh JVM spends much of its first query loading some 5,000 classes of Calcite,
 * Avatica, Guava, Janino, OkHttp and the JDK, one at a time, on the thread that plans the query.
 * The list ({@value #RESOURCE}, beside this class) is the classes a census of first queries loaded,
 * in the order they were loaded; {@code FirstQueryClassesIT} fails when it no longer covers what a
 * first query loads, and rewrites it on request.
 *
 * <p>Only loading is done here, never initialisation: {@code Class.forName(name, false, loader)}
 * runs no static initialiser. Two threads running static initialisers could deadlock on a cycle
 * between classes (Calcite has had such cycles); loading takes no initialisation lock, and the
 * class loaders involved are parallel capable, so it cannot.
 */
final class ClassPreloader {
  private static final Logger LOG = LoggerFactory.getLogger(ClassPreloader.class);

  /** The list, one binary class name per line in load order; {@code #} starts a comment. */
  static final String RESOURCE = "first-query-classes.txt";

  /**
   * Where the drop-in jar relocates its libraries (pom.xml, maven-shade-plugin). No relocation
   * pattern matches this string, so the relocation, which also rewrites string constants that start
   * with a relocated package, leaves it as written.
   */
  static final String SHADED_PREFIX = "io.modelarts.sql.shaded.";

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ClassPreloader() {}

  /** What one pass over the list did. */
  record Outcome(int listed, int loaded, long millis) {}

  /** Starts the background thread, once per loading of this class; later calls do nothing. */
  static void startOnce() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    try {
      Thread thread = new Thread(ClassPreloader::preloadListed, "modelarts-jdbc-class-preloader");
      thread.setDaemon(true); // never keeps an application alive
      thread.start();
    } catch (RuntimeException e) {
      // A security manager that forbids threads: the connection must not fail for a speed-up.
      LOG.debug("Class preloading not started", e);
    }
  }

  private static void preloadListed() {
    try {
      ClassLoader loader = ClassPreloader.class.getClassLoader();
      Outcome o = loadAll(readList(), isRelocated(Preconditions.class), name -> load(name, loader));
      LOG.debug(
          "Class preloading found {} of the {} listed classes in {} ms",
          o.loaded(),
          o.listed(),
          o.millis());
    } catch (RuntimeException | LinkageError e) {
      // Only a missed speed-up: the query's thread loads whatever it needs itself.
      LOG.debug("Class preloading stopped", e);
    }
  }

  /** True in the drop-in jar, where a library class such as {@code probe} was relocated. */
  static boolean isRelocated(Class<?> probe) {
    return probe.getName().startsWith(SHADED_PREFIX);
  }

  /** The listed names, from the resource beside this class. */
  static List<String> readList() {
    try (InputStream in = ClassPreloader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return List.of();
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads each of {@code names} with {@code load} (true if it found the class), skipping names it
   * cannot find (another JDK, another library version). When {@code relocated}, a library class is
   * looked up under {@link #SHADED_PREFIX} first; which packages were relocated is learned from the
   * first lookup in each, so each package costs at most one failed lookup.
   */
  static Outcome loadAll(List<String> names, boolean relocated, Predicate<String> load) {
    long start = System.nanoTime();
    Map<String, Boolean> packageRelocated = new HashMap<>();
    int loaded = 0;
    for (String name : names) {
      String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.')));
      Boolean shaded = packageRelocated.get(pkg);
      if (relocated && (shaded == null || shaded) && load.test(SHADED_PREFIX + name)) {
        packageRelocated.put(pkg, true);
        loaded++;
        continue;
      }
      if (relocated && shaded == null) {
        packageRelocated.put(pkg, false);
      }
      if (load.test(name)) {
        loaded++;
      }
    }
    return new Outcome(names.size(), loaded, (System.nanoTime() - start) / 1_000_000);
  }

  /** Loads {@code name} through {@code loader} without initialising it; false if not found. */
  static boolean load(String name, ClassLoader loader) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
