package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
