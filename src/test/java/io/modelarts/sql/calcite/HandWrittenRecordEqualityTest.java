package io.modelarts.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records whose {@code equals} and {@code hashCode} are written out (to spare a fresh JVM the
 * linking of generated ones, see {@link ScanSpec}) still compare every component, as a record's
 * generated methods would: a component added later and left out of them fails here.
 */
class HandWrittenRecordEqualityTest {

  /**
   * Two different values for each component type of the records under test, by generic type name;
   * each supplier makes a new object, so equality is never just identity.
   */
  private static final Map<String, List<Supplier<Object>>> SAMPLES =
      Map.ofEntries(
          Map.entry("java.lang.String", List.of(() -> new String("a"), () -> new String("b"))),
          Map.entry("long", List.of(() -> 1L, () -> 2L)),
          Map.entry("int", List.of(() -> 1, () -> 2)),
          Map.entry("boolean", List.of(() -> true, () -> false)),
          Map.entry(
              "java.util.List<java.lang.String>",
              List.of(() -> new ArrayList<>(List.of("a")), () -> new ArrayList<>(List.of("b")))),
          Map.entry(
              "java.util.List<java.util.Map<java.lang.String, java.lang.String>>",
              List.of(
                  () -> List.of(Map.of("feature", "NOTEBOOK")),
                  () -> List.of(Map.of("feature", "DEFAULT")))),
          Map.entry("java.lang.reflect.Type", List.of(() -> Object[].class, () -> String.class)),
          Map.entry(
              ApiSort.class.getName(),
              List.of(
                  () -> new ApiSort("name", "name", false),
                  () -> new ApiSort("name", "name", true))),
          Map.entry(
              DeferredFilters.class.getName(),
              List.of(
                  () -> new DeferredFilters(Map.of(), true, Map.of()),
                  () -> new DeferredFilters(Map.of(), true, Map.of("status", 0)))),
          Map.entry(
              DeferredLimit.class.getName(),
              List.of(
                  () -> new DeferredLimit(-1, -1, -1, 0), () -> new DeferredLimit(0, -1, -1, 0))));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "io.modelarts.sql.calcite.ScanSpec",
        "io.modelarts.sql.calcite.DeferredLimit",
        "io.modelarts.sql.jdbc.PlanCache$Key"
      })
  void everyComponentTakesPartInEqualsAndHashCode(String className) throws Exception {
    Class<?> type = Class.forName(className);
    assertNotNull(type.getDeclaredMethod("equals", Object.class));
    RecordComponent[] components = type.getRecordComponents();
    Constructor<?> canonical =
        type.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    canonical.setAccessible(true);

    Object base = canonical.newInstance(values(components, -1));
    Object same = canonical.newInstance(values(components, -1));
    assertEquals(base, same, className + ": equal components, unequal records");
    assertEquals(base.hashCode(), same.hashCode(), className + ": equal records, unequal hashes");
    for (int i = 0; i < components.length; i++) {
      Object changed = canonical.newInstance(values(components, i));
      assertNotEquals(
          base, changed, className + ": equals ignores component " + components[i].getName());
      assertNotEquals(
          changed, base, className + ": equals ignores component " + components[i].getName());
      assertNotEquals(
          base.hashCode(),
          changed.hashCode(),
          className + ": hashCode ignores component " + components[i].getName());
    }
    assertNotEquals(base, null);
    assertNotEquals(base, "not a " + type.getSimpleName());
  }

  /** The first sample of each component, except the second for the one at {@code changed}. */
  private static Object[] values(RecordComponent[] components, int changed) {
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String typeName = components[i].getGenericType().getTypeName();
      List<Supplier<Object>> samples = SAMPLES.get(typeName);
      assertNotNull(samples, "no sample values for component type " + typeName + "; add two");
      values[i] = samples.get(i == changed ? 1 : 0).get();
    }
    return values;
  }
}
