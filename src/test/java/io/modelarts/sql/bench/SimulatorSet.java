package io.modelarts.sql.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.simulator.ModelArtsSimulator;
import io.modelarts.simulator.ServedRequest;
import io.modelarts.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The simulators the benchmark runs against, one per data-set size, all in the benchmark's own JVM
 * (never in a client JVM, whose heap is measured), with the same seed and latency.
 */
final class SimulatorSet implements AutoCloseable {
  static final long SEED = 42;

  private final Map<Integer, ModelArtsSimulator> bySize = new LinkedHashMap<>();
  private final long latencyMillis;

  SimulatorSet(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  /** The simulator holding {@code notebooks} notebooks, started on first use. */
  ModelArtsSimulator of(int notebooks) {
    return bySize.computeIfAbsent(
        notebooks,
        n ->
            ModelArtsSimulator.start(
                SimulatorConfig.builder()
                    .port(0)
                    .notebooks(n)
                    .seed(SEED)
                    .latencyMillis(latencyMillis)
                    .build()));
  }

  /** Stops the simulator of that size and frees its data (the 100,000 one holds ~420 MB). */
  void stop(int notebooks) {
    ModelArtsSimulator sim = bySize.remove(notebooks);
    if (sim != null) {
      sim.close();
    }
  }

  long latencyMillis() {
    return latencyMillis;
  }

  /**
   * A driver URL for {@code sim}: the ready token (as the hand-written client uses), rate limit and
   * response cache off unless {@code properties} say otherwise, then {@code properties}.
   */
  static String jdbcUrl(ModelArtsSimulator sim, Map<String, String> properties) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("endpoint", sim.baseUrl());
    all.put("projectId", sim.projectId());
    all.put("authType", "token");
    all.put("token", sim.credentials().readyToken());
    all.put("rateLimit", "0");
    all.put("cacheTtl", "0"); // every run must make its calls; unknown names are ignored
    all.putAll(properties);
    StringJoiner url = new StringJoiner(";", "jdbc:modelarts:", "");
    all.forEach((k, v) -> url.add(k + "=" + v));
    return url.toString();
  }

  static String jdbcUrl(ModelArtsSimulator sim) {
    return jdbcUrl(sim, Map.of());
  }

  /** List calls {@code sim} served since the last call of this method; forgets them. */
  static long takeListCalls(ModelArtsSimulator sim) {
    List<ServedRequest> log = sim.requestLog();
    sim.clearRequestLog();
    return log.stream().filter(ServedRequest::isListCall).count();
  }

  /**
   * Names of {@code count} notebooks of {@code feature} that no other notebook shares, compared
   * exactly: a point lookup of one of them returns one row.
   */
  static List<String> uniqueNames(ModelArtsSimulator sim, String feature, int count) {
    Map<String, Integer> counts = new HashMap<>();
    List<ObjectNode> data = sim.dataset();
    for (ObjectNode n : data) {
      counts.merge(n.path("name").asText(), 1, Integer::sum);
    }
    List<String> names = new ArrayList<>();
    for (ObjectNode n : data) {
      String name = n.path("name").asText();
      if (feature.equals(n.path("feature").asText()) && counts.get(name) == 1) {
        names.add(name);
        if (names.size() == count) {
          return names;
        }
      }
    }
    throw new IllegalStateException("fewer than " + count + " unique " + feature + " names");
  }

  @Override
  public void close() {
    bySize.values().forEach(ModelArtsSimulator::close);
    bySize.clear();
  }
}
