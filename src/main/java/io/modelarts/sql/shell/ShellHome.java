package io.modelarts.sql.shell;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The shell's directory, {@code ~/.modelarts-sql} (or {@code $MODELARTS_SQL_HOME}): the default
 * connection properties file, the history, and sqlline's own {@code sqlline.properties}.
 */
record ShellHome(Path directory) {
  static final String ENVIRONMENT_VARIABLE = "MODELARTS_SQL_HOME";

  static ShellHome locate(Map<String, String> env) {
    String override = env.get(ENVIRONMENT_VARIABLE);
    if (override != null && !override.isBlank()) {
      return new ShellHome(Paths.get(override).toAbsolutePath());
    }
    return new ShellHome(Paths.get(System.getProperty("user.home"), ".modelarts-sql"));
  }

  Path connectionProperties() {
    return directory.resolve("connection.properties");
  }

  Path history() {
    return directory.resolve("history");
  }
}
