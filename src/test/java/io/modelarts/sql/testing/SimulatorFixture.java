package io.modelarts.sql.testing;

import io.modelarts.simulator.ModelArtsSimulator;
import io.modelarts.simulator.ServedRequest;
import io.modelarts.simulator.SimulatorConfig;
import io.modelarts.simulator.SimulatorCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A running simulator plus the ways tests connect to it through the driver; real HTTP on loopback,
 * the simulator started in-process.
 */
public final class SimulatorFixture implements AutoCloseable {
  private final ModelArtsSimulator simulator;

  private SimulatorFixture(ModelArtsSimulator simulator) {
    this.simulator = simulator;
  }

  public static SimulatorFixture start(int notebooks, long seed) {
    return start(SimulatorConfig.builder().port(0).notebooks(notebooks).seed(seed).build());
  }

  public static SimulatorFixture start(SimulatorConfig config) {
    return new SimulatorFixture(ModelArtsSimulator.start(config));
  }

  public ModelArtsSimulator simulator() {
    return simulator;
  }

  /**
   * A URL with AK/SK credentials (the simulator's permanent key pair), rate limit and response
   * cache off (tests count calls; the cache has its own tests).
   */
  public String url(String... extra) {
    SimulatorCredentials c = simulator.credentials();
    StringBuilder sb =
        new StringBuilder("jdbc:modelarts:endpoint=")
            .append(simulator.baseUrl())
            .append(";projectId=")
            .append(simulator.projectId())
            .append(";user=")
            .append(c.accessKey())
            .append(";password=")
            .append(c.secretKey())
            .append(";rateLimit=0;cacheTtl=0");
    for (String e : extra) {
      sb.append(';').append(e);
    }
    return sb.toString();
  }

  public Connection connect(String... extra) throws SQLException {
    return DriverManager.getConnection(url(extra), new Properties());
  }

  /** List calls served since the last {@link #resetLog()}. */
  public List<ServedRequest> listCalls() {
    return simulator.requestLog().stream()
        .filter(r -> r.path().endsWith("/notebooks"))
        .collect(Collectors.toList());
  }

  /** The query parameters of each list call served since the last {@link #resetLog()}. */
  public List<Map<String, String>> listCallParameters() {
    return listCalls().stream().map(ServedRequest::singleParameters).collect(Collectors.toList());
  }

  public void resetLog() {
    simulator.clearRequestLog();
  }

  /** Runs a query and renders every row as text, in result order. */
  public static List<String> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return render(rs);
    }
  }

  /** Renders every row of {@code rs} as {@code a|b|c}, in order. */
  public static List<String> render(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    while (rs.next()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (i > 1) {
          sb.append('|');
        }
        Object v = rs.getObject(i);
        if (v instanceof java.sql.Array a) {
          v = java.util.Arrays.toString((Object[]) a.getArray());
        }
        sb.append(v);
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Override
  public void close() {
    simulator.close();
  }
}
