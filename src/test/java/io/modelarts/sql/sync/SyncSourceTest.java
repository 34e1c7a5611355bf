package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a round reads the API: how many list calls it makes for the four tables. */
class SyncSourceTest {
  @TempDir Path dir;

  @Test
  void aRoundListsTheNotebooksOnceForAllFourTables() throws Exception {
    H2Target target = new H2Target(dir);
    try (SimulatorFixture fixture = SimulatorFixture.start(230, 3)) {
      fixture.resetLog();
      try (Connection driver = fixture.connect()) {
        SyncedRows.live(driver, "notebooks");
      }
      int oneListing = fixture.listCalls().size();
      assertTrue(oneListing >= 6, "several pages of each feature: " + oneListing);

      // The fixture's URL turns the driver's cache off; a user's URL does not.
      String userUrl = fixture.url().replace(";cacheTtl=0", "");
      fixture.resetLog();
      Sync.builder()
          .source(userUrl, new Properties())
          .target(target.url(), target.properties())
          .build()
          .runOnce();
      assertEquals(oneListing, fixture.listCalls().size());

      // A connection that sets its own cacheTtl keeps it: with none, every table lists anew.
      fixture.resetLog();
      Sync.builder()
          .source(fixture.url(), new Properties())
          .target(target.url(), target.properties())
          .build()
          .runOnce();
      assertEquals(4 * oneListing, fixture.listCalls().size());
    }
  }
}
