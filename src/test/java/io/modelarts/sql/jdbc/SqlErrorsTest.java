package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The SQLStates of expression failures, down to the forms a long-running JVM gives them. */
class SqlErrorsTest {
  @Test
  void integerDivisionByZeroIsDivisionByZeroAlsoWithoutItsMessage() {
    // HotSpot throws a preallocated ArithmeticException, with no message, for a division that
    // has failed often in compiled code; a long-running application meets it, a short test rarely.
    for (ArithmeticException e :
        new ArithmeticException[] {
          new ArithmeticException("/ by zero"), new ArithmeticException()
        }) {
      SQLException translated = SqlErrors.translate(new RuntimeException("while executing", e));
      assertEquals("22012", translated.getSQLState(), String.valueOf(e.getMessage()));
      assertEquals("Division by zero", translated.getMessage());
    }
  }

  @Test
  void otherArithmeticFailuresKeepTheirStates() {
    assertEquals(
        "22003", SqlErrors.translate(new ArithmeticException("Value out of range")).getSQLState());
    assertEquals(
        "22000", SqlErrors.translate(new ArithmeticException("Rounding necessary")).getSQLState());
  }

  /**
   * A failure of Calcite's code generator is {@code 0A000} with one line that names it and its
   * innermost cause, not the generated program (pages of Java) or the costed plan Calcite's message
   * holds; those stay in the causes.
   */
  @Test
  void codeGenerationFailuresAreOneLineOfFeatureNotSupported() {
    String program = "public org.apache.calcite.linq4j.Enumerable bind(...) {\n  x - y;\n}";
    Exception compile =
        new RuntimeException(
            "Error while compiling generated Java code:\n" + program,
            new Exception(
                "wrapped",
                new IllegalStateException("Line 85, Column 95: Binary numeric promotion")));
    SQLException translated =
        SqlErrors.translate(
            new SQLException("Error while executing SQL \"SELECT 1\": " + compile, compile));
    assertEquals("0A000", translated.getSQLState());
    assertTrue(
        translated
            .getMessage()
            .startsWith(
                "This query cannot run: its generated code does not"
                    + " compile (IllegalStateException: Line 85, Column 95: Binary numeric promotion)"),
        translated.getMessage());
    assertFalse(translated.getMessage().contains("linq4j"), translated.getMessage());
    assertFalse(translated.getMessage().contains("\n"), translated.getMessage());

    IllegalStateException unable =
        new IllegalStateException(
            "Unable to implement EnumerableCalc(expr#0..3=[{inputs}]): rowcount = 2.0,"
                + " cumulative cost = {4006004.0 rows}\n  EnumerableLimit(fetch=[2])");
    unable.addSuppressed(new NullPointerException("timeUnitRange"));
    translated = SqlErrors.translate(new SQLException("Error while executing SQL", unable));
    assertEquals("0A000", translated.getSQLState());
    assertTrue(
        translated
            .getMessage()
            .startsWith(
                "This query cannot run: Calcite is unable to implement"
                    + " EnumerableCalc (NullPointerException: timeUnitRange)"),
        translated.getMessage());
    assertFalse(translated.getMessage().contains("rowcount"), translated.getMessage());
  }
}
