package io.modelarts.sql.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.ConnectStringParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the connection's properties and password come from, and that the URL never holds the
 * password or any other secret.
 */
class ConnectionSettingsTest {
  @TempDir Path home;

  private final List<String> asked = new ArrayList<>();
  private final SecretPrompt typedAtTheTerminal =
      label -> {
        asked.add(label);
        return "typed-secret";
      };
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ConnectionSettings resolve(Map<String, String> env, String... args) throws Exception {
    return ConnectionSettings.resolve(
        ShellOptions.parse(args),
        new ShellHome(home),
        env,
        typedAtTheTerminal,
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private void writeDefaultFile(String... lines) throws Exception {
    Files.writeString(
        new ShellHome(home).connectionProperties(),
        String.join("\n", lines),
        StandardCharsets.UTF_8);
  }

  private static Properties urlProperties(ConnectionSettings c) throws Exception {
    assertTrue(c.url().startsWith("jdbc:modelarts:"), c.url());
    return ConnectStringParser.parse(c.url().substring("jdbc:modelarts:".length()));
  }

  @Test
  void defaultFileThenFlagsAndThePasswordBesideTheUrl() throws Exception {
    writeDefaultFile(
        "region=cn-north-4",
        "projectId=p1",
        "user=AK1",
        "password=sk-från-fil;x",
        "pushdown=false");

    ConnectionSettings c = resolve(Map.of(), "--region", "eu-de", "-e", "SELECT 1");

    Properties url = urlProperties(c);
    assertEquals("eu-de", url.getProperty("region"), "a flag beats the file");
    assertEquals("p1", url.getProperty("projectId"));
    assertEquals("false", url.getProperty("pushdown"), "any driver property passes through");
    assertNull(url.getProperty("password"));
    assertNull(url.getProperty("user"));
    assertEquals("AK1", c.user());
    assertEquals("sk-från-fil;x", c.password(), "the file is read as UTF-8");
    assertFalse(c.toString().contains("sk-från-fil"));
    assertEquals(List.of(), asked);
  }

  @Test
  void aPasswordFileOthersCanReadEarnsAWarning() throws Exception {
    writeDefaultFile("projectId=p1", "user=AK1", "password=from-file");
    Path file = new ShellHome(home).connectionProperties();

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    resolve(Map.of());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("chmod 600"));

    err.reset();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    resolve(Map.of());
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void environmentBeatsTheFileAndPasswordBeatsSk() throws Exception {
    writeDefaultFile("projectId=p1", "user=AK1", "password=from-file");

    assertEquals("from-sk", resolve(Map.of("MODELARTS_SK", "from-sk")).password());
    assertEquals(
        "from-password",
        resolve(Map.of("MODELARTS_SK", "from-sk", "MODELARTS_PASSWORD", "from-password"))
            .password());
    assertEquals(
        "from-flag",
        resolve(Map.of("MODELARTS_PASSWORD", "from-password"), "--password", "from-flag")
            .password());
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("warning: a password on the command line"));
  }

  @Test
  void urlPropertiesSitBetweenTheFileAndTheFlagsAndItsPasswordMovesOut() throws Exception {
    writeDefaultFile("region=cn-north-4", "projectId=p1", "user=AK1", "password=from-file");

    ConnectionSettings c =
        resolve(
            Map.of("MODELARTS_SK", "from-env"),
            "-u",
            "jdbc:modelarts:projectId=p2;endpoint=http://127.0.0.1:1;password='from;url'",
            "--project-id",
            "p3");

    Properties url = urlProperties(c);
    assertEquals("cn-north-4", url.getProperty("region"));
    assertEquals("http://127.0.0.1:1", url.getProperty("endpoint"));
    assertEquals("p3", url.getProperty("projectId"));
    assertNull(url.getProperty("password"));
    assertEquals("from;url", c.password(), "a password typed on the command line wins");
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("warning: a password on the command line"));
  }

  @Test
  void promptsOnlyWhenAUserHasNoPassword() throws Exception {
    assertNull(resolve(Map.of()).password(), "nothing configured: nobody to ask for");
    assertEquals(List.of(), asked);

    assertNull(resolve(Map.of(), "--project-id", "p", "--auth-type", "token").password());
    assertEquals(List.of(), asked);

    ConnectionSettings c = resolve(Map.of(), "--project-id", "p", "--user", "alice");
    assertEquals("typed-secret", c.password());
    assertEquals(List.of("Password or secret key (SK) for alice"), asked);
  }

  @Test
  void sqllineGetsThePasswordThroughDashPOnly() throws Exception {
    ConnectionSettings c =
        resolve(
            Map.of("MODELARTS_SK", "s3cr3t"),
            "--project-id",
            "p",
            "--user",
            "AK",
            "--region",
            "eu-de");

    List<String> args =
        SqlLineRunner.arguments(ShellOptions.parse("--outputformat=json"), c, new ShellHome(home));

    assertEquals("s3cr3t", args.get(args.indexOf("-p") + 1));
    assertEquals(1, args.stream().filter(a -> a.contains("s3cr3t")).count());
    assertEquals(
        "--outputformat=json", args.get(args.size() - 1), "the user's options come last and win");
    assertTrue(args.contains("--historyFile=" + home.resolve("history")));
  }

  @Test
  void tokensAndOtherSecretsTravelBesideTheUrlToo() throws Exception {
    writeDefaultFile(
        "projectId=p",
        "authType=token",
        "token=MIIS-ready-token",
        "proxy=http://proxy.example:3128",
        "proxyUser=bob",
        "proxyPassword=proxy-s3cr3t");

    ConnectionSettings c = resolve(Map.of());

    Properties url = urlProperties(c);
    assertEquals("token", url.getProperty("authType"));
    assertEquals("bob", url.getProperty("proxyUser"));
    assertNull(url.getProperty("token"));
    assertNull(url.getProperty("proxyPassword"));
    assertEquals(Map.of("token", "MIIS-ready-token", "proxyPassword", "proxy-s3cr3t"), c.secrets());
    assertEquals("MIIS-ready-token", c.credentials().getProperty("token"));
    assertFalse(c.toString().contains("MIIS-ready-token"), c.toString());
    assertFalse(c.toString().contains("proxy-s3cr3t"), c.toString());

    List<String> args = SqlLineRunner.arguments(ShellOptions.parse(), c, new ShellHome(home));
    String sqllineUrl = args.get(args.indexOf("-u") + 1);
    assertTrue(sqllineUrl.startsWith(ShellDriver.PREFIX), sqllineUrl);
    assertTrue(args.stream().noneMatch(a -> a.contains("MIIS-ready-token")), args.toString());
  }
}
