package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The durations the command line accepts, and the message for those it does not. */
class DurationsTest {
  @Test
  void unitsAndCombinations() {
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
    assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofDays(90), Durations.parse("90d"));
    assertEquals(Duration.ofMinutes(5), Durations.parse("PT5M"));
    assertEquals(Duration.ofHours(2), Durations.parse(" 2H "));
  }

  @Test
  void rejectsWhatIsNotADuration() {
    for (String bad : new String[] {"", "5", "m", "5 m", "5min", "-5m", "5m30", "P", "1w"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
      assertEquals(true, e.getMessage().contains("examples: 30s, 5m"), e.getMessage());
    }
  }
}
