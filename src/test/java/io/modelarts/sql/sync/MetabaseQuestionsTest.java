package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.sql.testing.MutableClock;
import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every starter question of docs/metabase.md against a freshly synced PostgreSQL (in CI) and
 * H2, and checks its rows against answers computed here from the simulator's data set: the JSON the
 * API serves, not the driver, so that a mistake shared by sync and the driver cannot hide.
 *
 * <p>Three history rounds over two days, with notebooks added and removed between them, give the
 * per-day question more than one day and more than one snapshot per day.
 */
class MetabaseQuestionsTest {
  private static final Path DOC = Path.of("docs", "metabase.md");
  private static final Pattern QUESTION =
      Pattern.compile(
          "<!-- question: ([a-z0-9-]+); targets: ([a-z0-9, ]+) -->\\s*```sql\\n(.*?)```",
          Pattern.DOTALL);

  /** A starter question as the docs print it. */
  record Question(String name, List<String> targets, String sql) {}

  /** The data the expected answers are computed from. */
  record Rounds(List<Instant> snapshots, List<List<ObjectNode>> datasets, Instant now) {
    List<ObjectNode> current() {
      return datasets.get(datasets.size() - 1);
    }
  }

  /** Expected rows per question, rendered like {@link #render}; every question needs one. */
  private static final Map<String, Function<Rounds, List<String>>> EXPECTED =
      Map.of(
          "data-as-of", r -> List.of(r.snapshots().get(r.snapshots().size() - 1).toString()),
          "notebooks-by-status-per-day", MetabaseQuestionsTest::statusPerDay,
          "running-by-flavor", MetabaseQuestionsTest::runningByFlavor,
          "leases-ending-within-the-hour", MetabaseQuestionsTest::leasesEndingWithinTheHour,
          "failed-starts", MetabaseQuestionsTest::failedStarts,
          "images-in-use", MetabaseQuestionsTest::imagesInUse);

  @TempDir Path dir;

  static List<Question> questions() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<Question> out = new ArrayList<>();
    Matcher m = QUESTION.matcher(doc);
    while (m.find()) {
      List<String> targets = List.of(m.group(2).split(",\\s*"));
      out.add(new Question(m.group(1), targets, m.group(3).trim()));
    }
    return out;
  }

  @Test
  void everyQuestionInTheDocsIsCheckedAndRunsOnPostgresql() throws Exception {
    List<Question> questions = questions();
    assertEquals(
        EXPECTED.keySet(), questions.stream().map(Question::name).collect(Collectors.toSet()));
    for (Question q : questions) {
      assertTrue(q.targets().contains("postgresql"), q.name() + " must run on PostgreSQL");
    }
    // Every ```sql block that is a starter question carries its marker.
    long sqlBlocks = Files.readString(DOC).lines().filter(l -> l.equals("```sql")).count();
    assertEquals(questions.size() + 1, sqlBlocks, "one unmarked block: the Grafana example");
  }

  @Test
  void onPostgresql() throws Exception {
    try (PostgresTarget target = PostgresTarget.create()) {
      check(target, "postgresql");
    }
  }

  @Test
  void onH2() throws Exception {
    check(new H2Target(dir), "h2");
  }

  private void check(TestTarget target, String dialect) throws Exception {
    Rounds rounds = sync(target);
    int checked = 0;
    try (Connection c = target.connect()) {
      for (Question q : questions()) {
        if (!q.targets().contains(dialect)) {
          continue;
        }
        // The docs ask about "now"; the simulator's data lives in 2024, so "now" is pinned to a
        // moment at which some leases end within the hour.
        String sql =
            q.sql()
                .replace(
                    "CURRENT_TIMESTAMP",
                    "CAST('"
                        + rounds.now().toString().replace('T', ' ').replace("Z", "+00:00")
                        + "' AS TIMESTAMP WITH TIME ZONE)");
        List<String> actual;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(sql)) {
          actual = render(rs);
        }
        List<String> expected = EXPECTED.get(q.name()).apply(rounds);
        assertFalse(expected.isEmpty(), q.name() + " has rows to show");
        assertEquals(expected, actual, q.name() + " on " + dialect);
        checked++;
      }
    }
    assertEquals(EXPECTED.size(), checked);
  }

  /** Three rounds with history: two on one day, one on the next, the data changing in between. */
  private static Rounds sync(TestTarget target) throws SQLException {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    List<Instant> snapshots = new ArrayList<>();
    List<List<ObjectNode>> datasets = new ArrayList<>();
    try (SimulatorFixture fixture = SimulatorFixture.start(300, 42)) {
      Sync sync =
          Sync.builder()
              .source(fixture.url(), new Properties())
              .target(target.url(), target.properties())
              .history(true)
              .clock(clock)
              .build();
      for (Duration step : List.of(Duration.ZERO, Duration.ofHours(4), Duration.ofHours(22))) {
        clock.advance(step);
        if (!snapshots.isEmpty()) {
          List<ObjectNode> data = fixture.simulator().dataset();
          fixture.simulator().addNotebooks(5);
          fixture.simulator().removeNotebook(data.get(data.size() / 2).get("id").asText());
          fixture.simulator().removeNotebook(data.get(data.size() / 3).get("id").asText());
        }
        datasets.add(fixture.simulator().dataset());
        snapshots.add(sync.runOnce().snapshotAt());
      }
    }
    // "Now": half an hour before the first of the current running notebooks' auto stops.
    Instant firstStop =
        datasets.get(2).stream()
            .filter(
                n ->
                    "RUNNING".equals(text(n, "status")) && n.get("lease").get("enable").asBoolean())
            .map(MetabaseQuestionsTest::stopsAt)
            .min(Comparator.naturalOrder())
            .orElseThrow();
    return new Rounds(snapshots, datasets, firstStop.minus(Duration.ofMinutes(30)));
  }

  // ---- expected answers, from the API's JSON ----

  private static List<String> statusPerDay(Rounds r) {
    // The last history round of each day, in the session's zone (the JVM's, which pgjdbc and H2
    // give the session).
    Map<LocalDate, Integer> lastOfDay = new TreeMap<>();
    for (int i = 0; i < r.snapshots().size(); i++) {
      lastOfDay.put(r.snapshots().get(i).atZone(ZoneId.systemDefault()).toLocalDate(), i);
    }
    List<String> rows = new ArrayList<>();
    lastOfDay.forEach(
        (day, round) -> {
          Map<String, Long> byStatus =
              new TreeMap<>(
                  r.datasets().get(round).stream()
                      .collect(
                          Collectors.groupingBy(n -> text(n, "status"), Collectors.counting())));
          byStatus.forEach((status, count) -> rows.add(day + "|" + status + "|" + count));
        });
    return rows;
  }

  private static List<String> runningByFlavor(Rounds r) {
    Map<String, Long> byFlavor =
        r.current().stream()
            .filter(n -> "RUNNING".equals(text(n, "status")))
            .collect(Collectors.groupingBy(n -> text(n, "flavor"), Collectors.counting()));
    return byFlavor.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + "|" + e.getValue())
        .toList();
  }

  private static List<String> leasesEndingWithinTheHour(Rounds r) {
    Instant until = r.now().plus(Duration.ofHours(1));
    return r.current().stream()
        .filter(
            n -> "RUNNING".equals(text(n, "status")) && n.get("lease").get("enable").asBoolean())
        .filter(n -> !stopsAt(n).isBefore(r.now()) && !stopsAt(n).isAfter(until))
        .sorted(
            Comparator.comparing(MetabaseQuestionsTest::stopsAt).thenComparing(n -> text(n, "id")))
        .map(
            n ->
                String.join(
                    "|",
                    text(n, "id"),
                    text(n, "name"),
                    text(n, "owner"),
                    text(n, "flavor"),
                    stopsAt(n).toString()))
        .toList();
  }

  private static List<String> failedStarts(Rounds r) {
    List<String> rows = new ArrayList<>();
    r.current().stream()
        .filter(n -> List.of("CREATE_FAILED", "START_FAILED").contains(text(n, "status")))
        .sorted(Comparator.comparing(n -> text(n, "id")))
        .forEach(
            n -> {
              String head =
                  String.join(
                      "|",
                      text(n, "id"),
                      text(n, "name"),
                      text(n, "status"),
                      text(n, "fail_reason"));
              List<JsonNode> failed = new ArrayList<>();
              if (n.has("action_progress")) {
                for (JsonNode step : n.get("action_progress")) {
                  String owner =
                      step.hasNonNull("notebook_id")
                          ? step.get("notebook_id").asText()
                          : text(n, "id");
                  if ("FAILED".equals(text(step, "status")) && owner.equals(text(n, "id"))) {
                    failed.add(step);
                  }
                }
              }
              failed.sort(Comparator.comparingInt(s -> s.get("step").asInt()));
              if (failed.isEmpty()) {
                rows.add(head + "|null|null");
              }
              for (JsonNode step : failed) {
                rows.add(
                    head + "|" + step.get("step").asInt() + "|" + text(step, "step_description"));
              }
            });
    return rows;
  }

  private static List<String> imagesInUse(Rounds r) {
    Map<String, List<ObjectNode>> byImage =
        r.current().stream()
            .filter(n -> n.has("image") && n.get("image").hasNonNull("id"))
            .collect(
                Collectors.groupingBy(
                    n -> n.get("image").get("id").asText(),
                    LinkedHashMap::new,
                    Collectors.toList()));
    return byImage.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, List<ObjectNode>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey))
        .map(
            e ->
                String.join(
                    "|",
                    e.getKey(),
                    firstNonNull(e.getValue(), "name"),
                    firstNonNull(e.getValue(), "swr_path"),
                    String.valueOf(e.getValue().size()),
                    String.valueOf(
                        e.getValue().stream()
                            .filter(n -> "RUNNING".equals(text(n, "status")))
                            .count())))
        .toList();
  }

  /** The image field as the images table merges it: every copy that has it has the same value. */
  private static String firstNonNull(List<ObjectNode> notebooks, String field) {
    return notebooks.stream()
        .map(n -> text(n.get("image"), field))
        .filter(v -> v != null)
        .findFirst()
        .orElse(null);
  }

  private static Instant stopsAt(JsonNode notebook) {
    JsonNode lease = notebook.get("lease");
    return Instant.ofEpochMilli(lease.get("create_at").asLong() + lease.get("duration").asLong());
  }

  /** A field's text, null when absent or JSON null. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Rows as {@code a|b|c} in result order: instants, dates, whole numbers, text, "null". */
  private static List<String> render(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object v =
            switch (md.getColumnType(i)) {
              case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
              }
              case Types.DATE -> rs.getObject(i, LocalDate.class);
              default ->
                  rs.getObject(i) instanceof Number n ? (Object) n.longValue() : rs.getObject(i);
            };
        values.add(String.valueOf(v));
      }
      rows.add(String.join("|", values));
    }
    return rows;
  }
}
