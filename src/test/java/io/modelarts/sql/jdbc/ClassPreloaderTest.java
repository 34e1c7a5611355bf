package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The class preloader loads without initialising, finds its list on the driver's class path, and
 * finds relocated libraries in the drop-in jar's way ({@code FirstQueryClassesIT} checks the jar
 * itself and that the list matches what first queries load).
 */
class ClassPreloaderTest {
  static final AtomicBoolean MARKER_INITIALISED = new AtomicBoolean();

  /** A class whose static initialiser leaves a trace. */
  static final class Marker {
    static {
      MARKER_INITIALISED.set(true);
    }

    private Marker() {}
  }

  @Test
  void loadsWithoutRunningStaticInitialisers() throws Exception {
    // By name, not by class literal, so that the preloader is what loads it.
    String name = ClassPreloaderTest.class.getName() + "$Marker";
    ClassLoader loader = ClassPreloaderTest.class.getClassLoader();

    ClassPreloader.Outcome o =
        ClassPreloader.loadAll(List.of(name), false, n -> ClassPreloader.load(n, loader));

    assertEquals(1, o.loaded());
    assertFalse(MARKER_INITIALISED.get(), "the preloader ran a static initialiser");
    Class.forName(name, true, loader);
    assertTrue(MARKER_INITIALISED.get(), "the marker's initialiser leaves its trace");
  }

  @Test
  void theListedClassesAreOnTheDriversClassPath() {
    List<String> listed = ClassPreloader.readList();
    ClassLoader loader = ClassPreloader.class.getClassLoader();

    ClassPreloader.Outcome o =
        ClassPreloader.loadAll(listed, false, n -> ClassPreloader.load(n, loader));

    assertTrue(listed.size() > 1_000, "the list has " + listed.size() + " names");
    assertTrue(o.loaded() >= 0.98 * listed.size(), o.toString());
    assertTrue(listed.contains("org.apache.calcite.plan.volcano.VolcanoPlanner"));
  }

  @Test
  void unknownNamesAreSkipped() {
    ClassLoader loader = ClassPreloader.class.getClassLoader();

    ClassPreloader.Outcome o =
        ClassPreloader.loadAll(
            List.of("no.such.Clazz", "java.lang.String"),
            false,
            n -> ClassPreloader.load(n, loader));

    assertEquals(new ClassPreloader.Outcome(2, 1, o.millis()), o);
  }

  @Test
  void inTheDropInJarRelocatedPackagesAreLookedUpUnderTheShadedPrefixAndOthersOnce() {
    String shaded = ClassPreloader.SHADED_PREFIX;
    Set<String> present =
        Set.of(
            shaded + "com.google.common.base.A",
            shaded + "com.google.common.base.B",
            "org.apache.calcite.plan.C",
            "org.apache.calcite.plan.D",
            "org.apache.calcite.plan.E");
    List<String> lookups = new ArrayList<>();

    ClassPreloader.Outcome o =
        ClassPreloader.loadAll(
            List.of(
                "com.google.common.base.A",
                "org.apache.calcite.plan.C",
                "com.google.common.base.B",
                "org.apache.calcite.plan.D",
                "org.apache.calcite.plan.E"),
            true,
            n -> {
              lookups.add(n);
              return present.contains(n);
            });

    assertEquals(5, o.loaded());
    assertEquals(
        List.of(
            shaded + "com.google.common.base.A",
            shaded + "org.apache.calcite.plan.C",
            "org.apache.calcite.plan.C",
            shaded + "com.google.common.base.B",
            "org.apache.calcite.plan.D",
            "org.apache.calcite.plan.E"),
        lookups);
  }

  @Test
  void theDriverKnowsWhetherItWasRelocated() {
    assertFalse(ClassPreloader.isRelocated(com.google.common.base.Preconditions.class));
  }
}
