package io.modelarts.sql.bench;

import io.modelarts.simulator.ModelArtsSimulator;
import java.io.IOException;
import java.util.Map;

/**
 * The two clients as the benchmark drives them: each run is a request to the client JVM, and the
 * calls it made are read from the simulator's request log right after it.
 */
final class ClientsUnderTest {
  private final AgentProcess agent;

  ClientsUnderTest(AgentProcess agent) {
    this.agent = agent;
  }

  /** A run and the list calls the simulator served for it. */
  record Run(Measurement measurement, long calls) {}

  /** (a): the SQL through a fresh statement. */
  Run driver(ModelArtsSimulator sim, Map<String, String> properties, String sql, boolean sampleHeap)
      throws IOException {
    SimulatorSet.takeListCalls(sim);
    Measurement m =
        agent.run("sql", SimulatorSet.jdbcUrl(sim, properties), sql, sampleHeap ? "1" : "0");
    return new Run(m, SimulatorSet.takeListCalls(sim));
  }

  /** (a) with a statement prepared once and re-executed with {@code parameter}. */
  Run prepared(ModelArtsSimulator sim, String sql, String parameter) throws IOException {
    SimulatorSet.takeListCalls(sim);
    Measurement m = agent.run("prepared", SimulatorSet.jdbcUrl(sim), sql, parameter, "0");
    return new Run(m, SimulatorSet.takeListCalls(sim));
  }

  /** (b): the hand-written client. */
  Run handWritten(
      ModelArtsSimulator sim, HandWrittenQuery query, String argument, boolean sampleHeap)
      throws IOException {
    SimulatorSet.takeListCalls(sim);
    Measurement m =
        agent.run(
            "client",
            sim.baseUrl(),
            sim.projectId(),
            sim.credentials().readyToken(),
            query.name(),
            argument,
            sampleHeap ? "1" : "0");
    return new Run(m, SimulatorSet.takeListCalls(sim));
  }

  /** Live heap of the client JVM right now, after a forced GC. */
  long liveHeapBytes() throws IOException {
    return agent.run("live").peakLiveHeapBytes();
  }

  /** Runs the workload's (a) form. */
  Run driver(ModelArtsSimulator sim, Workload w, boolean sampleHeap) throws IOException {
    return driver(sim, w.driverProperties(), w.sql(), sampleHeap);
  }

  /** Runs the workload's (b) form. */
  Run handWritten(ModelArtsSimulator sim, Workload w, boolean sampleHeap) throws IOException {
    return handWritten(sim, w.handWritten(), w.argument(), sampleHeap);
  }
}
