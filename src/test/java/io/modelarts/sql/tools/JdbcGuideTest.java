package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.modelarts.sql.testing.SimulatorFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/jdbc.md's Java blocks are the bodies of the methods below (between the BEGIN and END
 * markers), in order, and each runs against the simulator. The one line naming a cloud region is
 * swapped for the simulator's endpoint, as {@link #CLOUD_TO_SIMULATOR} says.
 */
class JdbcGuideTest {
  private static final Path GUIDE = Path.of("docs/jdbc.md");
  private static final Path SOURCE =
      Path.of("src/test/java/io/modelarts/sql/tools/JdbcGuideTest.java");
  private static final List<String> SAMPLES =
      List.of("plain", "hikari-url", "hikari-datasource", "spring");
  private static final Map<String, String> CLOUD_TO_SIMULATOR =
      Map.of(
          "config.addDataSourceProperty(\"region\", \"eu-de\");",
          "config.addDataSourceProperty(\"endpoint\", endpoint);");

  private static SimulatorFixture sim;
  private static String endpoint;
  private static String url;
  private static String projectId;
  private static String accessKey;
  private static String secretKey;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(50, 21L);
    endpoint = sim.simulator().baseUrl();
    projectId = sim.simulator().projectId();
    url = "jdbc:modelarts:endpoint=" + endpoint + ";projectId=" + projectId + ";rateLimit=0";
    accessKey = sim.simulator().credentials().accessKey();
    secretKey = sim.simulator().credentials().secretKey();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void everyJavaBlockOfTheGuideIsASampleHere() throws Exception {
    List<String> blocks = new ArrayList<>();
    Matcher m =
        Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
    while (m.find()) {
      String block = m.group(1);
      for (var swap : CLOUD_TO_SIMULATOR.entrySet()) {
        block = block.replace(swap.getKey(), swap.getValue());
      }
      blocks.add(strip(block));
    }
    String source = Files.readString(SOURCE);
    List<String> samples = new ArrayList<>();
    for (String name : SAMPLES) {
      String begin = "// BEGIN " + name + "\n";
      String body =
          source.substring(
              source.indexOf(begin) + begin.length(), source.indexOf("// END " + name + "\n"));
      samples.add(strip(body));
    }
    assertEquals(samples, blocks, "docs/jdbc.md's Java blocks differ from JdbcGuideTest's samples");
  }

  @Test
  void plainJdbcSampleRuns() throws Exception {
    long running =
        sim.simulator().dataset().stream()
            .filter(n -> n.get("status").asText().equals("RUNNING"))
            .count();
    assertEquals(
        running, printed(JdbcGuideTest::plain).stream().filter(l -> l.contains(" since ")).count());
  }

  @Test
  void hikariSamplesRun() throws Exception {
    long running =
        sim.simulator().dataset().stream()
            .filter(n -> n.get("status").asText().equals("RUNNING"))
            .count();
    assertEquals(List.of(running + " running"), printed(JdbcGuideTest::hikariUrl));
    List<String> images = printed(JdbcGuideTest::hikariDataSource);
    assertEquals(1, images.size());
    assertTrue(images.get(0).endsWith(" images in use"), images.toString());
  }

  @Test
  void springSampleRuns() throws Exception {
    // Spring may print its own lines too; the sample prints one.
    List<String> out =
        printed(JdbcGuideTest::spring).stream().filter(l -> l.contains(" failed, ")).toList();
    assertEquals(1, out.size(), out.toString());
    assertTrue(out.get(0).matches("\\d+ failed, \\d+ reachable by SSH"), out.toString());
  }

  /** A sample to run. */
  interface Sample {
    void run() throws Exception;
  }

  private static List<String> printed(Sample sample) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      sample.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /**
   * The code without its layout: the formatter may wrap the sample here differently from the docs,
   * but not one token may differ.
   */
  private static String strip(String code) {
    return code.replaceAll("\\s+", " ").strip();
  }

  static void plain() throws Exception {
    // BEGIN plain
    Properties props = new Properties();
    props.setProperty("user", accessKey);
    props.setProperty("password", secretKey);
    try (Connection c = DriverManager.getConnection(url, props);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT name, flavor, lease_create_at FROM notebooks WHERE status = ? ORDER BY name")) {
      s.setString(1, "RUNNING");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          // Timestamps are UTC: LocalDateTime gives the UTC wall-clock time, whatever the JVM's
          // zone.
          LocalDateTime created = rs.getObject("lease_create_at", LocalDateTime.class);
          System.out.println(
              rs.getString("name") + " " + rs.getString("flavor") + " since " + created);
        }
      }
    }
    // END plain
  }

  static void hikariUrl() throws Exception {
    // BEGIN hikari-url
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(accessKey);
    config.setPassword(secretKey);
    config.setMaximumPoolSize(4);
    config.setReadOnly(true);
    // No connectionTestQuery: Hikari then calls isValid, which asks the API for one small page.
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notebooks WHERE status = 'RUNNING'")) {
      rs.next();
      System.out.println(rs.getLong(1) + " running");
    }
    // END hikari-url
  }

  static void hikariDataSource() throws Exception {
    // BEGIN hikari-datasource
    HikariConfig config = new HikariConfig();
    config.setDataSourceClassName("io.modelarts.sql.jdbc.ModelArtsDataSource");
    config.addDataSourceProperty("endpoint", endpoint);
    config.addDataSourceProperty("projectId", projectId);
    config.setUsername(accessKey);
    config.setPassword(secretKey);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM images")) {
      rs.next();
      System.out.println(rs.getLong(1) + " images in use");
    }
    // END hikari-datasource
  }

  static void spring() throws Exception {
    // BEGIN spring
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(accessKey);
    pool.setPassword(secretKey);
    try (pool) {
      JdbcTemplate jdbc = new JdbcTemplate(pool);
      List<String> failed =
          jdbc.queryForList(
              "SELECT name FROM notebooks WHERE status IN ('CREATE_FAILED', 'START_FAILED', 'ERROR')",
              String.class);
      Long ssh =
          jdbc.queryForObject(
              "SELECT COUNT(DISTINCT notebook_id) FROM endpoints WHERE dev_service = ?",
              Long.class,
              "SSH");
      System.out.println(failed.size() + " failed, " + ssh + " reachable by SSH");
    }
    // END spring
  }
}
