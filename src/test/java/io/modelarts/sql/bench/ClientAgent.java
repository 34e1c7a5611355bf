package io.modelarts.sql.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Main class of the client JVM: runs the driver (a) and the hand-written client (b) on request of
 * the benchmark, one run per request ({@link AgentProtocol}).
 *
 * <p>A JVM of its own, so that its heap holds only the client under test (the simulators live in
 * the benchmark's JVM), and long-lived, so that both clients are measured warm and side by side.
 */
public final class ClientAgent {
  private ClientAgent() {}

  public static void main(String[] args) throws Exception {
    Map<String, HandWrittenClient> clients = new HashMap<>();
    try (SqlRunner sql = new SqlRunner();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = AgentProtocol.fields(line);
        if (f.get(0).equals("quit")) {
          break;
        }
        String reply;
        try {
          Measurement m =
              switch (f.get(0)) {
                case "sql" -> sql.query(f.get(1), f.get(2), f.get(3).equals("1"));
                case "prepared" -> sql.prepared(f.get(1), f.get(2), f.get(3), f.get(4).equals("1"));
                case "client" -> {
                  HandWrittenClient client =
                      clients.computeIfAbsent(
                          f.get(1) + '|' + f.get(2),
                          k -> new HandWrittenClient(f.get(1), f.get(2), f.get(3)));
                  yield runHandWritten(
                      client, HandWrittenQuery.valueOf(f.get(4)), f.get(5), f.get(6).equals("1"));
                }
                case "live" -> new Measurement(0, -1, 0, HeapSampler.liveHeapBytes());
                default -> throw new IllegalArgumentException("unknown request: " + f.get(0));
              };
          reply = AgentProtocol.ok(m);
        } catch (Exception | Error e) {
          e.printStackTrace();
          reply = AgentProtocol.error(e);
        }
        System.out.println(reply);
        System.out.flush();
      }
    }
  }

  private static Measurement runHandWritten(
      HandWrittenClient client, HandWrittenQuery query, String arg, boolean sampleHeap)
      throws Exception {
    try (HeapSampler sampler = sampleHeap ? HeapSampler.start() : null) {
      RowTimer timer = new RowTimer();
      query.run(client, arg, timer);
      return timer.finish(sampler == null ? -1 : sampler.peakBytes());
    }
  }
}
