package io.modelarts.sql.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the command line splits between the shell, sqlline and the sync subcommand. */
class ShellOptionsTest {
  @Test
  void shellOptionsSqllineOptionsAndBothFlagSpellings() throws Exception {
    ShellOptions o =
        ShellOptions.parse(
            "--region=eu-de",
            "--project-id",
            "p1",
            "--outputformat=csv",
            "-e",
            "SELECT 1",
            "--verbose");

    assertEquals(Map.of("region", "eu-de", "projectId", "p1"), o.connectionFlags);
    assertEquals(List.of("--outputformat=csv", "-e", "SELECT 1"), o.sqllineArguments);
    assertTrue(o.batch);
    assertTrue(o.verbose);
    assertFalse(
        o.sqllineArguments.contains("--verbose"), "sqlline's verbose would echo the password");
  }

  @Test
  void everythingAfterSyncBelongsToSync() throws Exception {
    ShellOptions o = ShellOptions.parse("--demo", "sync", "--to", "jdbc:h2:mem:x", "--verbose");

    assertTrue(o.demo);
    assertEquals("sync", o.command);
    assertEquals(List.of("--to", "jdbc:h2:mem:x", "--verbose"), o.commandArguments);
    assertFalse(o.verbose);
  }

  @Test
  void refusesWhatItCannotHonour() {
    assertThrows(UsageException.class, () -> ShellOptions.parse("-d", "org.Driver"));
    assertThrows(UsageException.class, () -> ShellOptions.parse("--demo", "-u", "jdbc:modelarts:"));
    assertThrows(UsageException.class, () -> ShellOptions.parse("-e"));
    assertThrows(UsageException.class, () -> ShellOptions.parse("--region"));
    assertThrows(UsageException.class, () -> ShellOptions.parse("select"));
    assertThrows(UsageException.class, () -> ShellOptions.parse("--demo", "--properties", "f"));
  }
}
