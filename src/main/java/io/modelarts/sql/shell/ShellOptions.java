package io.modelarts.sql.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell's command line, split into what the shell handles itself (demo mode, connection flags,
 * {@code --help}, a subcommand) and what it hands to sqlline unchanged ({@code -e}, {@code -f},
 * {@code --name=value} options such as {@code --outputformat=csv}).
 */
final class ShellOptions {
  /** Connection flags and the driver property each one sets; -n and -p are sqlline's spellings. */
  private static final Map<String, String> CONNECTION_FLAGS =
      Map.of(
          "--region", "region",
          "--project-id", "projectId",
          "--endpoint", "endpoint",
          "--auth-type", "authType",
          "--user", "user",
          "-n", "user",
          "--domain", "domain",
          "--password", "password",
          "-p", "password");

  boolean help;
  boolean demo;
  boolean verbose;
  String propertiesFile;

  /** A {@code jdbc:modelarts:} URL whose properties join the connection's, or null. */
  String url;

  /** Driver properties given as flags, by property name, in command-line order. */
  final Map<String, String> connectionFlags = new LinkedHashMap<>();

  /** Whether {@code -e} or {@code -f} was given: sqlline runs them and exits. */
  boolean batch;

  final List<String> sqllineArguments = new ArrayList<>();

  /** The subcommand ({@code sync}) or null for the SQL shell. */
  String command;

  final List<String> commandArguments = new ArrayList<>();

  private ShellOptions() {}

  static ShellOptions parse(String... args) throws UsageException {
    ShellOptions o = new ShellOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String inlineValue = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      if (!arg.startsWith("-")) {
        if (!arg.equals("sync")) {
          throw new UsageException("unknown command '" + arg + "' (the only command is sync)");
        }
        o.command = arg;
        o.commandArguments.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      switch (name) {
        case "--help", "-h" -> o.help = true;
        case "--demo" -> o.demo = true;
        // Ours, never sqlline's: sqlline's verbose mode echoes the !connect command, password
        // included.
        case "--verbose" -> o.verbose = inlineValue == null || Boolean.parseBoolean(inlineValue);
        case "--properties" -> {
          o.propertiesFile = inlineValue != null ? inlineValue : value(args, i++, arg);
        }
        case "-u", "--url" -> o.url = inlineValue != null ? inlineValue : value(args, i++, arg);
        case "-e", "-f" -> {
          o.batch = true;
          o.sqllineArguments.add(arg);
          o.sqllineArguments.add(value(args, i++, arg));
        }
        default -> {
          if (CONNECTION_FLAGS.containsKey(name)) {
            o.connectionFlags.put(
                CONNECTION_FLAGS.get(name),
                inlineValue != null ? inlineValue : value(args, i++, arg));
          } else if (arg.equals("-d")) {
            throw new UsageException(
                "-d is not needed: the shell always uses the ModelArts driver");
          } else if (arg.startsWith("--")) {
            if (name.equals("--run")) {
              o.batch = true;
            }
            o.sqllineArguments.add(arg); // a sqlline option such as --outputformat=csv
          } else {
            throw new UsageException("unknown option " + arg);
          }
        }
      }
    }
    if (o.demo && (o.propertiesFile != null || o.url != null || !o.connectionFlags.isEmpty())) {
      throw new UsageException(
          "--demo connects to its own simulator; drop -u, --properties and the connection flags");
    }
    return o;
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i + 1 >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i + 1];
  }
}
