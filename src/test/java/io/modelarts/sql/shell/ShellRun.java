package io.modelarts.sql.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of the shell: its exit status and what it printed; the environment is the
 * given map only, so that a developer's MODELARTS_* variables and ~/.modelarts-sql cannot leak in.
 */
record ShellRun(int status, String out, String err) {

  static ShellRun run(Path home, String... args) {
    return run(home, Map.of(), args);
  }

  static ShellRun run(Path home, Map<String, String> env, String... args) {
    return run(home, env, InputStream.nullInputStream(), args);
  }

  /** A run with {@code input} piped to its standard input. */
  static ShellRun runWithInput(Path home, String input, String... args) {
    return run(
        home, Map.of(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
  }

  private static ShellRun run(Path home, Map<String, String> env, InputStream in, String... args) {
    Map<String, String> environment = new HashMap<>(env);
    environment.put(ShellHome.ENVIRONMENT_VARIABLE, home.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = ModelArtsShell.run(args, in, o, e, environment, SecretPrompt.none());
    }
    return new ShellRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  /** The lines of stderr that report an error (sqlline adds info lines such as its version). */
  List<String> errorLines() {
    return err.lines().filter(l -> l.startsWith("Error") || l.contains("Exception")).toList();
  }

  /** Everything printed, for "never shows X" assertions. */
  String all() {
    return out + err;
  }
}
