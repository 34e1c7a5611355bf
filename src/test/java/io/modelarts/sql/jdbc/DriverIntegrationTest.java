package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.simulator.ServedRequest;
import io.modelarts.sql.testing.SimulatorFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL through the driver against the simulator: the rows, and the calls they cost. */
class DriverIntegrationTest {
  private static SimulatorFixture sim;

  @BeforeAll
  static void start() {
    sim = SimulatorFixture.start(437, 7L);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clear() {
    sim.resetLog();
  }

  private static Map<String, Long> expectedByStatus() {
    return sim.simulator().dataset().stream()
        .collect(
            Collectors.groupingBy(
                n -> n.get("status").asText(), TreeMap::new, Collectors.counting()));
  }

  @Test
  void readmeQueryCountsEveryNotebookOfBothFeatures() throws Exception {
    try (Connection c = sim.connect()) {
      Map<String, Long> actual = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM notebooks GROUP BY status")) {
        while (rs.next()) {
          actual.put(rs.getString(1), rs.getLong(2));
        }
      }
      assertEquals(expectedByStatus(), actual);
    }
  }

  @Test
  void countIncludesDefaultInstances() throws Exception {
    List<ObjectNode> all = sim.simulator().dataset();
    long defaults = all.stream().filter(n -> n.get("feature").asText().equals("DEFAULT")).count();
    assertTrue(defaults > 0, "the data set has DEFAULT instances");
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of(Long.toString(all.size())),
          SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
      assertEquals(
          List.of(Long.toString(defaults)),
          SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks WHERE feature = 'DEFAULT'"));
    }
  }

  @Test
  void listingLargerThanOnePageReturnsEveryRowOnceAndNeverAsksPastTheEnd() throws Exception {
    List<ObjectNode> all = sim.simulator().dataset();
    try (Connection c = sim.connect()) {
      List<String> ids = SimulatorFixture.rows(c, "SELECT id FROM notebooks");
      assertEquals(all.size(), ids.size());
      assertEquals(all.size(), new HashSet<>(ids).size(), "no id twice");
      Set<String> expected =
          all.stream().map(n -> n.get("id").asText()).collect(Collectors.toSet());
      assertEquals(expected, new HashSet<>(ids));
    }
    Map<String, Long> totals = new HashMap<>();
    for (ObjectNode n : all) {
      totals.merge(n.get("feature").asText(), 1L, Long::sum);
    }
    List<ServedRequest> calls = sim.listCalls();
    long expectedCalls = totals.values().stream().mapToLong(t -> Math.max(1, (t + 49) / 50)).sum();
    assertEquals(expectedCalls, calls.size(), "one call per page of 50 per feature");
    for (ServedRequest r : calls) {
      assertEquals(200, r.status(), "no error, in particular no ModelArts.6400 past the end");
      Map<String, String> p = r.singleParameters();
      assertEquals("50", p.get("limit"));
      long offset = Long.parseLong(p.get("offset"));
      assertEquals(0, offset % 50, "offset is a multiple of limit");
      assertTrue(offset < totals.get(p.get("feature")), "never a page past the end");
    }
  }

  @Test
  void childTablesAndImagesMatchTheData() throws Exception {
    List<ObjectNode> all = sim.simulator().dataset();
    long endpoints =
        all.stream().mapToLong(n -> n.has("endpoints") ? n.get("endpoints").size() : 0).sum();
    long steps =
        all.stream()
            .mapToLong(n -> n.has("action_progress") ? n.get("action_progress").size() : 0)
            .sum();
    long images =
        all.stream()
            .filter(n -> n.hasNonNull("image") && n.get("image").hasNonNull("id"))
            .map(n -> n.get("image").get("id").asText())
            .distinct()
            .count();
    try (Connection c = sim.connect()) {
      assertEquals(
          List.of(Long.toString(endpoints)),
          SimulatorFixture.rows(c, "SELECT COUNT(*) FROM endpoints"));
      assertEquals(
          List.of(Long.toString(steps)),
          SimulatorFixture.rows(c, "SELECT COUNT(*) FROM action_progress"));
      assertEquals(
          List.of(Long.toString(images)), SimulatorFixture.rows(c, "SELECT COUNT(*) FROM images"));
    }
  }

  @Test
  void tokenColumnIsNullUnlessExposed() throws Exception {
    try (Connection c = sim.connect()) {
      assertEquals(List.of("0"), SimulatorFixture.rows(c, "SELECT COUNT(token) FROM notebooks"));
    }
    try (Connection c = sim.connect("exposeNotebookToken=true")) {
      List<String> n = SimulatorFixture.rows(c, "SELECT COUNT(token) FROM notebooks");
      assertFalse(n.get(0).equals("0"));
    }
  }

  @Test
  void identifiersAreCaseInsensitiveAndSchemaQualifiedNamesWork() throws Exception {
    try (Connection c = sim.connect()) {
      List<String> a =
          SimulatorFixture.rows(
              c, "SELECT ID FROM NOTEBOOKS WHERE FEATURE = 'DEFAULT' ORDER BY ID");
      List<String> b =
          SimulatorFixture.rows(
              c,
              "SELECT \"id\" FROM \"modelarts\".\"notebooks\" WHERE feature = 'DEFAULT' ORDER BY 1");
      assertEquals(a, b);
      assertFalse(a.isEmpty());
    }
  }

  @Test
  void testsRunInANonUtcZone() {
    assertFalse(
        java.util.TimeZone.getDefault().getRawOffset() == 0, "surefire sets -Duser.timezone");
  }

  @Test
  void timestampsAreUtcWallClock() throws Exception {
    ObjectNode some =
        sim.simulator().dataset().stream()
            .filter(n -> n.hasNonNull("lease") && n.get("lease").hasNonNull("create_at"))
            .findFirst()
            .orElseThrow();
    long millis = some.get("lease").get("create_at").asLong();
    // The build runs the tests in a JVM whose default zone is not UTC (surefire argLine), which
    // is what makes this a test of "whatever the JVM's default zone". Changing the zone inside
    // the JVM would not do: Calcite caches it at class initialisation.
    try (Connection c = sim.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT lease_create_at FROM notebooks WHERE id = '"
                    + some.get("id").asText()
                    + "'")) {
      assertTrue(rs.next());
      assertEquals(
          java.time.Instant.ofEpochMilli(millis)
              .atOffset(java.time.ZoneOffset.UTC)
              .toLocalDateTime(),
          rs.getObject(1, java.time.LocalDateTime.class));
      assertEquals(
          java.time.Instant.ofEpochMilli(millis), rs.getObject(1, java.time.Instant.class));
      assertEquals(
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
              .format(java.time.Instant.ofEpochMilli(millis).atOffset(java.time.ZoneOffset.UTC)),
          rs.getString(1).substring(0, 19),
          "getString shows the UTC wall-clock time");
      assertFalse(rs.next());
    }
  }

  @Test
  void missingFieldsAreNull() throws Exception {
    ObjectNode withoutPool =
        sim.simulator().dataset().stream().filter(n -> !n.has("pool")).findFirst().orElseThrow();
    try (Connection c = sim.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pool_id, pool_name FROM notebooks WHERE id = '"
                    + withoutPool.get("id").asText()
                    + "'")) {
      assertTrue(rs.next());
      assertNull(rs.getString(1));
      assertNull(rs.getString(2));
    }
  }
}
