package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync command line: defaults, options, mistakes, where target credentials come from. */
class SyncOptionsTest {
  @TempDir Path dir;

  @Test
  void defaults() throws Exception {
    SyncOptions o = SyncOptions.parse(new String[] {"--to", "jdbc:h2:./x"});
    assertEquals("jdbc:h2:./x", o.to());
    assertEquals(null, o.every());
    assertEquals(false, o.history());
    assertEquals(null, o.retain());
    assertEquals("modelarts", o.schema());
    assertEquals(3, o.maxFailures());
    assertEquals(0, o.rounds());
  }

  @Test
  void everyOptionInBothSpellings() throws Exception {
    SyncOptions o =
        SyncOptions.parse(
            new String[] {
              "--to=jdbc:postgresql://db/bi",
              "--history",
              "--retain",
              "90d",
              "--every=5m",
              "--schema",
              "ops",
              "--max-failures",
              "5",
              "--rounds=2",
              "--to-user",
              "u",
              "--to-password=p",
              "--to-properties",
              "t.properties"
            });
    assertEquals("jdbc:postgresql://db/bi", o.to());
    assertEquals(Duration.ofDays(90), o.retain());
    assertEquals(Duration.ofMinutes(5), o.every());
    assertEquals("ops", o.schema());
    assertEquals(5, o.maxFailures());
    assertEquals(2, o.rounds());
    assertEquals("u", o.toUser());
    assertEquals("p", o.toPassword());
    assertEquals(Path.of("t.properties"), o.toProperties());
  }

  @Test
  void historyEveryImpliesHistory() throws Exception {
    SyncOptions o =
        SyncOptions.parse(new String[] {"--to", "x", "--history-every", "1d", "--retain", "400d"});
    assertEquals(true, o.history());
    assertEquals(Duration.ofDays(1), o.historyEvery());
    assertEquals(null, SyncOptions.parse(new String[] {"--to", "x", "--history"}).historyEvery());
  }

  @Test
  void mistakesAreNamed() {
    assertMistake("--to JDBC_URL is required", "--history");
    assertMistake("unknown option: --too", "--too", "x");
    assertMistake("--to needs a value", "--to");
    assertMistake("--every: not a duration: '5 minutes'", "--to", "x", "--every", "5 minutes");
    assertMistake("--every must be longer than zero", "--to", "x", "--every", "0s");
    assertMistake("--retain prunes history: it needs --history", "--to", "x", "--retain", "1d");
    assertMistake("--rounds needs --every", "--to", "x", "--rounds", "2");
    assertMistake(
        "--max-failures needs a positive whole number, got: 0", "--to", "x", "--max-failures", "0");
  }

  private static void assertMistake(String message, String... args) {
    SyncOptions.UsageException e =
        assertThrows(SyncOptions.UsageException.class, () -> SyncOptions.parse(args));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void targetCredentialsFromFileThenEnvironmentThenOptions() throws Exception {
    Path file = dir.resolve("target.properties");
    Files.writeString(file, "user=file-user\npassword=file-pw\nsslmode=require\n");
    Map<String, String> env = Map.of(SyncOptions.ENV_PASSWORD, "env-pw");

    Properties p =
        SyncOptions.parse(new String[] {"--to", "x", "--to-properties", file.toString()})
            .targetProperties(env);
    assertEquals("file-user", p.getProperty("user"));
    assertEquals("env-pw", p.getProperty("password"));
    assertEquals("require", p.getProperty("sslmode"));

    p =
        SyncOptions.parse(
                new String[] {
                  "--to", "x", "--to-properties", file.toString(), "--to-user", "cli-user"
                })
            .targetProperties(Map.of(SyncOptions.ENV_USER, "env-user"));
    assertEquals("cli-user", p.getProperty("user"));
    assertEquals("file-pw", p.getProperty("password"));
  }

  @Test
  void anUnreadablePropertiesFileIsAUsageError() throws Exception {
    SyncOptions o =
        SyncOptions.parse(
            new String[] {"--to", "x", "--to-properties", dir.resolve("absent").toString()});
    SyncOptions.UsageException e =
        assertThrows(SyncOptions.UsageException.class, () -> o.targetProperties(Map.of()));
    assertTrue(e.getMessage().startsWith("cannot read --to-properties"), e.getMessage());
  }
}
