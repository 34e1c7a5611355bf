package io.modelarts.sql.shell;

import io.modelarts.sql.config.ConnectionProperty;
import io.modelarts.sql.jdbc.ModelArtsDriver;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.avatica.ConnectStringParser;

/**
 * What the shell connects with: a driver URL that holds no secret, plus the user, the password and
 * the other secret properties (a token, a security token, proxy and trust-store passwords) that
 * travel beside it (sqlline's {@code -n}/{@code -p} and {@link ShellDriver}, the {@code Properties}
 * of a JDBC connect), so that the URL can be shown in prompts and listings without giving a secret
 * away.
 *
 * <p>For the cloud, the properties come from, weakest first: the properties file, a {@code -u} URL,
 * the flags; the password from, strongest first: the command line ({@code --password}, {@code -p}
 * or the {@code -u} URL), {@code MODELARTS_PASSWORD}, {@code MODELARTS_SK}, the properties file, a
 * prompt on the terminal.
 */
record ConnectionSettings(
    String url, String user, String password, Map<String, String> secrets, String promptName) {
  static final String PASSWORD_VARIABLE = "MODELARTS_PASSWORD";
  static final String SK_VARIABLE = "MODELARTS_SK";

  /** Settings for the demo simulator: its endpoint and project, its demo AK/SK, no rate limit. */
  static ConnectionSettings demo(DemoSimulator simulator) {
    Properties p = new Properties();
    p.setProperty("endpoint", simulator.baseUrl());
    p.setProperty("projectId", simulator.projectId());
    // The rate limit protects the real service; the local simulator needs no protection.
    p.setProperty("rateLimit", "0");
    return new ConnectionSettings(
        ModelArtsDriver.PREFIX + ConnectStringParser.getParamString(p),
        simulator.accessKey(),
        simulator.secretKey(),
        Map.of(),
        "demo");
  }

  /**
   * Settings for the cloud, from the properties file, the flags, the environment and the prompt.
   */
  static ConnectionSettings resolve(
      ShellOptions options,
      ShellHome home,
      Map<String, String> env,
      SecretPrompt prompt,
      PrintStream err)
      throws UsageException {
    Properties p = new Properties();
    Path file = options.propertiesFile != null ? Paths.get(options.propertiesFile) : null;
    if (file == null && Files.isRegularFile(home.connectionProperties())) {
      file = home.connectionProperties();
    }
    if (file != null) {
      load(file, p);
    }
    String filePassword = p.getProperty("password");
    if (filePassword != null && readableByOthers(file)) {
      err.println(
          "warning: " + file + " holds a password that other users can read; chmod 600 " + file);
    }
    Properties fromUrl = options.url == null ? new Properties() : parseUrl(options.url);
    p.putAll(fromUrl);
    options.connectionFlags.forEach(p::setProperty);
    String commandLinePassword =
        firstNonNull(options.connectionFlags.get("password"), fromUrl.getProperty("password"));
    if (commandLinePassword != null) {
      err.println(
          "warning: a password on the command line stays in the shell history and the"
              + " process list; prefer "
              + PASSWORD_VARIABLE
              + " or the properties file");
    }
    String password =
        firstNonNull(
            commandLinePassword, env.get(PASSWORD_VARIABLE), env.get(SK_VARIABLE), filePassword);
    String user = p.getProperty("user");
    p.remove("password");
    p.remove("user");
    // Without a user there is nothing to ask a password for (e.g. `sync --help` with no settings).
    if (password == null && user != null && needsPassword(p)) {
      password = prompt.ask("Password or secret key (SK) for " + user);
    }
    Map<String, String> secrets = new TreeMap<>();
    for (ConnectionProperty property : ConnectionProperty.values()) {
      String value = property.secret() ? (String) p.remove(property.propertyName()) : null;
      if (value != null) {
        secrets.put(property.propertyName(), value);
      }
    }
    String promptName = p.getProperty("region", "modelarts");
    return new ConnectionSettings(
        ModelArtsDriver.PREFIX + ConnectStringParser.getParamString(p),
        user,
        password,
        Map.copyOf(secrets),
        promptName);
  }

  /**
   * The user, the password and the other secrets as JDBC connection properties, for a caller that
   * connects itself.
   */
  Properties credentials() {
    Properties p = new Properties();
    secrets.forEach(p::setProperty);
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  /** Token authentication needs no password; every other kind does. */
  private static boolean needsPassword(Properties p) {
    String authType = p.getProperty("authType");
    return authType == null ? p.getProperty("token") == null : !authType.equals("token");
  }

  private static Properties parseUrl(String url) throws UsageException {
    if (!url.startsWith(ModelArtsDriver.PREFIX)) {
      throw new UsageException("-u takes a " + ModelArtsDriver.PREFIX + " URL");
    }
    try {
      return ConnectStringParser.parse(url.substring(ModelArtsDriver.PREFIX.length()));
    } catch (SQLException e) {
      // Not e's message: it quotes the URL, which may hold a password.
      throw new UsageException("the -u URL cannot be read (unbalanced quotes?)");
    }
  }

  private static void load(Path file, Properties into) throws UsageException {
    // UTF-8, not Properties' ISO-8859-1 default: passwords may hold any character.
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      into.load(reader);
    } catch (NoSuchFileException e) {
      throw new UsageException("there is no properties file " + file);
    } catch (IOException e) {
      throw new UsageException("cannot read the properties file " + file + ": " + e.getMessage());
    }
  }

  private static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false; // no POSIX permissions to check (e.g. Windows)
    }
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  /** Never shows the password: records print themselves in logs and debuggers. */
  @Override
  public String toString() {
    return "ConnectionSettings[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password == null ? "null" : "****")
        + ", secrets="
        + new TreeSet<>(secrets.keySet())
        + ", promptName="
        + promptName
        + "]";
  }
}
