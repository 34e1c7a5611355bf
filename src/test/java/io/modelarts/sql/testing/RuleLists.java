package io.modelarts.sql.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.convert.ConverterRule;

/** Assertions on lists of planner rules, for the tests that compare the driver's with Calcite's. */
public final class RuleLists {
  private RuleLists() {}

  /**
   * The same rules in the same order: descriptions, classes and configurations; a rule of the
   * driver's may be a subclass of the expected one's class (Calcite's, guarded), whose
   * configuration may differ in its operands only.
   */
  public static void assertSameRules(List<RelOptRule> expected, List<RelOptRule> actual) {
    assertEquals(
        expected.stream().map(RelOptRule::toString).toList(),
        actual.stream().map(RelOptRule::toString).toList());
    for (int i = 0; i < expected.size(); i++) {
      RelOptRule theirs = expected.get(i);
      RelOptRule mine = actual.get(i);
      assertEquals(calcitesClass(theirs), calcitesClass(mine), mine.toString());
      if (theirs instanceof RelRule<?> rule) {
        RelRule.Config config = ((RelRule<?>) mine).config;
        if (calcitesClass(mine) != mine.getClass()) {
          // A guard may sit in the operands' predicates, which compare only by identity.
          config = config.withOperandSupplier(rule.config.operandSupplier());
        }
        assertEquals(rule.config, config, mine.toString());
      }
    }
  }

  /**
   * The rule's class, or for a rule of the driver's the Calcite class it guards: its superclass,
   * or, where Calcite's class is package-private and so cannot be extended (the driver's then
   * extends {@link ConverterRule}), Calcite's enumerable rule of the same simple name.
   */
  private static Class<?> calcitesClass(RelOptRule rule) {
    Class<?> type = rule.getClass();
    if (!type.getName().startsWith("io.modelarts.")) {
      return type;
    }
    if (type.getSuperclass() != ConverterRule.class) {
      return type.getSuperclass();
    }
    try {
      return Class.forName("org.apache.calcite.adapter.enumerable." + type.getSimpleName());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no Calcite rule named " + type.getSimpleName(), e);
    }
  }
}
