package io.modelarts.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.runtime.SqlFunctions;
import org.junit.jupiter.api.Test;

/**
 * {@link CodePointStrings} counts characters where Calcite's {@link SqlFunctions} count UTF-16
 * units, and otherwise answers as they do.
 */
class CodePointStringsTest {
  /** An emoji (two UTF-16 units), then Latin letters, then another emoji: 6 characters. */
  private static final String ROCKET = "\uD83D\uDE80ab\u00e9c\uD83E\uDDEA";

  @Test
  void countsCharactersNotUnits() {
    assertEquals(8, ROCKET.length());
    assertEquals(6, CodePointStrings.charLength(ROCKET));
    assertEquals(2, CodePointStrings.position("ab", ROCKET));
    assertEquals(6, CodePointStrings.position("\uD83E\uDDEA", ROCKET));
    assertEquals(4, CodePointStrings.positionFrom("\u00e9", ROCKET, 2));
    assertEquals(2, CodePointStrings.positionFrom("a", ROCKET, -1));
    assertEquals("\uD83D\uDE80", CodePointStrings.substringFromFor(ROCKET, 1, 1));
    assertEquals("ab", CodePointStrings.substringFromFor(ROCKET, 2, 2));
    assertEquals("\uD83E\uDDEA", CodePointStrings.substringFrom(ROCKET, 6));
    // A cast to VARCHAR(n) or CHAR(n) keeps n characters, and pads to n.
    assertEquals("\uD83D\uDE80", CodePointStrings.truncate(ROCKET, 1));
    assertEquals(ROCKET, CodePointStrings.truncate(ROCKET, 6));
    assertEquals("\uD83D\uDE80a  ", CodePointStrings.truncateOrPad("\uD83D\uDE80a", 4));
    assertEquals("\uD83D\uDE80ab", CodePointStrings.truncateOrPad(ROCKET, 3));
    assertEquals("", CodePointStrings.substringFrom(ROCKET, 7));
    assertEquals(
        "\uD83D\uDE80X\u00e9c\uD83E\uDDEA", CodePointStrings.overlayFor(ROCKET, "X", 2, 2));
    assertEquals(
        "\uD83D\uDE80a\uD83D\uDE80\u00e9c\uD83E\uDDEA",
        CodePointStrings.overlay(ROCKET, "\uD83D\uDE80", 3));
  }

  /**
   * Over strings of one-unit characters the answers, errors included, are Calcite's, for starts and
   * lengths before, inside and past the string.
   */
  @Test
  void answersAsCalciteWhereEachCharacterIsOneUnit() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String s = word(random, random.nextInt(7));
      String seek = word(random, random.nextInt(3));
      int start = random.nextInt(17) - 8;
      int length = random.nextInt(13) - 3;
      String where = "'" + s + "', '" + seek + "', " + start + ", " + length;
      assertEquals(SqlFunctions.charLength(s), CodePointStrings.charLength(s), where);
      assertEquals(SqlFunctions.position(seek, s), CodePointStrings.position(seek, s), where);
      int n = Math.max(length, 0);
      assertEquals(SqlFunctions.truncate(s, n), CodePointStrings.truncate(s, n), where);
      assertEquals(SqlFunctions.truncateOrPad(s, n), CodePointStrings.truncateOrPad(s, n), where);
      // Calcite's backward search for an empty string never ends.
      if (!seek.isEmpty() || start > 0) {
        assertSame(
            () -> SqlFunctions.position(seek, s, start),
            () -> CodePointStrings.positionFrom(seek, s, start),
            where);
      }
      assertEquals(
          SqlFunctions.substring(s, start), CodePointStrings.substringFrom(s, start), where);
      assertSame(
          () -> SqlFunctions.substring(s, start, length),
          () -> CodePointStrings.substringFromFor(s, start, length),
          where);
      // OVERLAY: Calcite's where it has an answer; SQL's definition everywhere.
      Object calcite = outcome(() -> SqlFunctions.overlay(s, seek, start, length));
      Object sql =
          outcome(
              () ->
                  CodePointStrings.substringFromFor(s, 1, start - 1)
                      + seek
                      + CodePointStrings.substringFrom(s, start + length));
      Object ours = outcome(() -> CodePointStrings.overlayFor(s, seek, start, length));
      assertEquals(sql, ours, where);
      if (!(calcite instanceof IndexOutOfBoundsException)) {
        assertEquals(calcite, ours, where);
      }
    }
  }

  @Test
  void lengthsAndStartsBeyondIntegersAreSqls() {
    assertEquals("", CodePointStrings.substringFromFor(ROCKET, Long.MIN_VALUE, Long.MAX_VALUE));
    assertEquals(ROCKET, CodePointStrings.substringFromFor(ROCKET, -3, Long.MAX_VALUE));
    assertEquals("c\uD83E\uDDEA", CodePointStrings.substringFromFor(ROCKET, 5, Long.MAX_VALUE));
    assertEquals(ROCKET, CodePointStrings.substringFrom(ROCKET, Long.MIN_VALUE));
    assertEquals("", CodePointStrings.substringFrom(ROCKET, Long.MAX_VALUE));
    assertEquals(0, CodePointStrings.positionFrom("a", ROCKET, Long.MAX_VALUE));
    assertEquals(0, CodePointStrings.positionFrom("a", ROCKET, Long.MIN_VALUE));
    assertThrows(CalciteException.class, () -> CodePointStrings.substringFromFor(ROCKET, 1, -1));
    // The empty string starts at every character; from the first, Calcite finds nothing backwards.
    assertEquals(6, CodePointStrings.positionFrom("", ROCKET, -1));
    assertEquals(2, CodePointStrings.positionFrom("", ROCKET, -5));
    assertEquals(0, CodePointStrings.positionFrom("", ROCKET, -6));
  }

  private static String word(Random random, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append("abc".charAt(random.nextInt(3)));
    }
    return b.toString();
  }

  private static void assertSame(Callable<Object> calcite, Callable<Object> ours, String where) {
    assertEquals(outcome(calcite), outcome(ours), where);
  }

  /** The value, or the exception's class and message. */
  private static Object outcome(Callable<Object> call) {
    try {
      return call.call();
    } catch (Exception e) {
      return e instanceof IndexOutOfBoundsException ? e : e.getClass() + ": " + e.getMessage();
    }
  }
}
