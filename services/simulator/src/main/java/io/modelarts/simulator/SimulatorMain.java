package io.modelarts.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Command-line entry point: starts a simulator, prints how to reach it, and serves until killed.
 *
 * <p>Run {@code SimulatorMain --help} for the options; see {@code services/simulator/README.md}.
 */
public final class SimulatorMain {
  static final int DEFAULT_PORT = 18080;

  static final String USAGE =
      String.join(
          "\n",
          "Usage: SimulatorMain [options]",
          "  --port N               TCP port on 127.0.0.1 (default 18080; 0 = any free port)",
          "  --notebooks N          size of the generated data set, both features (default 500)",
          "  --seed N               data generator seed (default 42)",
          "  --latency-ms N         delay added to every ModelArts list call (default 0)",
          "  --throttle-every N     every Nth list call answers 429 ModelArts.2799 (default 0 = off)",
          "  --retry-after N        Retry-After seconds on 429 answers (default 1)",
          "  --fail-every N         every Nth list call answers 500 ModelArts.0010 (default 0 = off)",
          "  --reset-every N        every Nth list call drops the connection (default 0 = off)",
          "  --name-match MODE      prefix | substring | substring-ignore-case (default substring-ignore-case)",
          "  --sortable-keys K,K    sort_key whitelist (default create_at,update_at,name)",
          "  --token-ttl-seconds N  lifetime of issued IAM tokens (default 86400)",
          "  --reference-time T     the data's \"now\": 'now' or an ISO instant (default: a day in 2024 fixed by the seed)",
          "  --no-owner             do not report the undocumented 'owner' field",
          "  --log                  print one line per request to stdout",
          "  --help                 print this help");

  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    SimulatorConfig config;
    try {
      config = parseArguments(args);
    } catch (HelpRequested e) {
      System.out.println(USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    ModelArtsSimulator simulator = ModelArtsSimulator.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "modelarts-simulator-shutdown"));
    printBanner(simulator, System.out);
    stopped.await();
  }

  /**
   * Turns the command line into a configuration.
   *
   * @throws HelpRequested for {@code --help}
   * @throws IllegalArgumentException naming the offending option
   */
  static SimulatorConfig parseArguments(String[] args) {
    SimulatorConfig.Builder builder = SimulatorConfig.builder().port(DEFAULT_PORT);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--no-owner" -> builder.reportOwner(false);
        case "--log" -> builder.requestListener(request -> System.out.println(logLine(request)));
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("unknown option or missing value: " + option);
          }
          applyValued(builder, option, args[++i]);
        }
      }
    }
    return builder.build();
  }

  private static void applyValued(SimulatorConfig.Builder builder, String option, String value) {
    switch (option) {
      case "--port" -> builder.port(intValue(option, value));
      case "--notebooks" -> builder.notebooks(intValue(option, value));
      case "--seed" -> builder.seed(longValue(option, value));
      case "--latency-ms" -> builder.latencyMillis(longValue(option, value));
      case "--throttle-every" -> builder.throttleEvery(intValue(option, value));
      case "--retry-after" -> builder.retryAfterSeconds(intValue(option, value));
      case "--fail-every" -> builder.failEvery(intValue(option, value));
      case "--reset-every" -> builder.resetEvery(intValue(option, value));
      case "--name-match" -> {
        try {
          builder.nameMatch(NameMatch.fromOption(value));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              option + " must be prefix, substring or substring-ignore-case: " + value);
        }
      }
      case "--sortable-keys" ->
          builder.sortableKeys(
              Arrays.stream(value.split(","))
                  .map(String::trim)
                  .filter(key -> !key.isEmpty())
                  .collect(Collectors.toUnmodifiableSet()));
      case "--token-ttl-seconds" -> builder.tokenTtl(Duration.ofSeconds(longValue(option, value)));
      case "--reference-time" -> {
        try {
          builder.referenceTime(
              value.equals("now") ? java.time.Instant.now() : java.time.Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException(
              option + " must be now or an ISO instant such as 2026-11-27T10:00:00Z: " + value);
        }
      }
      default -> throw new IllegalArgumentException("unknown option: " + option);
    }
  }

  static void printBanner(ModelArtsSimulator simulator, PrintStream out) {
    SimulatorCredentials credentials = simulator.credentials();
    SimulatorConfig config = simulator.config();
    out.println("ModelArts simulator listening on " + simulator.baseUrl());
    out.println(
        "  list API:    GET  "
            + simulator.baseUrl()
            + "/v1/"
            + simulator.projectId()
            + "/notebooks");
    out.println("  IAM:         POST " + simulator.baseUrl() + IamTokenEndpoint.PATH);
    out.println(
        "  project id:  " + simulator.projectId() + " (name " + simulator.projectName() + ")");
    out.println(
        "  data:        "
            + config.notebooks()
            + " notebooks, seed "
            + config.seed()
            + ", name match "
            + config.nameMatch()
            + ", sortable keys "
            + sorted(config.sortableKeys())
            + ", owner field "
            + (config.reportOwner() ? "on" : "off"));
    out.println("  faults:      " + simulator.faults());
    out.println("Demo credentials (not secrets):");
    out.println(
        "  AK/SK:                 " + credentials.accessKey() + " / " + credentials.secretKey());
    out.println(
        "  temporary AK/SK:       "
            + credentials.temporaryAccessKey()
            + " / "
            + credentials.temporarySecretKey());
    out.println("  X-Security-Token:      " + credentials.securityToken());
    out.println(
        "  IAM user/password/domain: "
            + credentials.iamUser()
            + " / "
            + credentials.iamPassword()
            + " / "
            + credentials.iamDomain());
    out.println("  ready X-Auth-Token:    " + credentials.readyToken());
    out.println(
        "JDBC URL: jdbc:modelarts:endpoint="
            + simulator.baseUrl()
            + ";iamEndpoint="
            + simulator.baseUrl()
            + ";projectId="
            + simulator.projectId());
    out.flush();
  }

  /**
   * One line per request, e.g. {@code #12 GET /v1/.../notebooks?limit=50 auth=aksk -> 200 (3 ms)}.
   */
  static String logLine(ServedRequest request) {
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    String status =
        request.status() == ServedRequest.CONNECTION_DROPPED
            ? "connection dropped"
            : request.status() + (request.errorCode() == null ? "" : " " + request.errorCode());
    return request.receivedAt()
        + " #"
        + request.sequence()
        + " "
        + request.method()
        + " "
        + request.path()
        + query
        + " auth="
        + request.authKind()
        + " -> "
        + status
        + " ("
        + request.durationMillis()
        + " ms)";
  }

  private static String sorted(Set<String> keys) {
    return keys.stream().sorted().collect(Collectors.joining(","));
  }

  private static int intValue(String option, String value) {
    long number = longValue(option, value);
    if (number != (int) number) {
      throw new IllegalArgumentException(option + " is out of range: " + value);
    }
    return (int) number;
  }

  private static long longValue(String option, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs an integer: " + value);
    }
  }

  /** Thrown by {@link #parseArguments} when the user asked for the usage text. */
  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super("help requested", null, false, false);
    }
  }
}
