package io.modelarts.sql.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The benchmark's handle on one client JVM running {@link ClientAgent}. */
final class AgentProcess implements AutoCloseable {
  private final Process process;
  private final PrintWriter requests;
  private final BufferedReader replies;
  private final String label;

  private AgentProcess(Process process, String label) {
    this.process = process;
    this.label = label;
    this.requests =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    this.replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts a client JVM with {@code jvmOptions}; its stderr (stack traces, driver warnings) goes to
   * {@code logDir/agent-LABEL.log}.
   */
  static AgentProcess start(String label, List<String> jvmOptions, Path logDir) throws IOException {
    List<String> options = new ArrayList<>(jvmOptions);
    // The driver logs through slf4j-simple on the test class path: warnings only, to stderr.
    options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    ProcessBuilder builder =
        new ProcessBuilder(
            JavaLauncher.command(
                options, JavaLauncher.testClasspath(), ClientAgent.class, List.of()));
    builder.redirectError(logDir.resolve("agent-" + label + ".log").toFile());
    return new AgentProcess(builder.start(), label);
  }

  /** Sends one request and waits for its measurement. */
  Measurement run(String... fields) throws IOException {
    requests.println(AgentProtocol.request(fields));
    String line;
    while ((line = replies.readLine()) != null) {
      if (line.startsWith(AgentProtocol.REPLY)) {
        return AgentProtocol.parse(line);
      }
    }
    throw new IOException("client JVM '" + label + "' ended (exit " + exitCode() + ")");
  }

  /** The process id, to attribute CPU time to the benchmark rather than to other load. */
  long pid() {
    return process.pid();
  }

  private String exitCode() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS)
          ? Integer.toString(process.exitValue())
          : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  @Override
  public void close() {
    requests.println("quit");
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }
}
