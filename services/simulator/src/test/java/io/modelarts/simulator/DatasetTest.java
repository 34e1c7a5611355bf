package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated data is deterministic per seed and as varied as the brief asks. */
class DatasetTest {
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final Set<String> IMAGE_FIELDS =
      Set.of(
          "arch",
          "create_at",
          "description",
          "dev_services",
          "id",
          "name",
          "namespace",
          "origin",
          "resource_categories",
          "service_type",
          "size",
          "status",
          "status_message",
          "support_res_categories",
          "swr_path",
          "tag",
          "type",
          "update_at",
          "visibility",
          "workspace_id");

  private static Tenant tenant;
  private static List<ObjectNode> notebooks;

  @BeforeAll
  static void generate() {
    tenant = Tenant.fromSeed(42);
    notebooks = json(new NotebookGenerator(42, tenant, true).initialNotebooks(500));
  }

  @Test
  void sameSeedGivesTheSameDataAndProject() {
    try (ModelArtsSimulator first = start(42, 120);
        ModelArtsSimulator second = start(42, 120)) {
      assertEquals(first.projectId(), second.projectId());
      assertEquals(first.dataset(), second.dataset());
    }
    assertEquals(
        notebooks,
        json(new NotebookGenerator(42, Tenant.fromSeed(42), true).initialNotebooks(500)));
  }

  @Test
  void differentSeedsGiveDifferentData() {
    Tenant other = Tenant.fromSeed(43);
    assertNotEquals(tenant.projectId(), other.projectId());
    assertNotEquals(
        notebooks.get(0).get("id"),
        new NotebookGenerator(43, other, true).initialNotebooks(1).get(0).json().get("id"));
  }

  @Test
  void projectAndIdsHaveTheirRealFormats() {
    assertTrue(HEX32.matcher(tenant.projectId()).matches());
    assertTrue(notebooks.stream().allMatch(n -> UUID.matcher(n.get("id").asText()).matches()));
    assertTrue(notebooks.stream().allMatch(n -> UUID.matcher(n.get("token").asText()).matches()));
    assertEquals(
        notebooks.size(), notebooks.stream().map(n -> n.get("id").asText()).distinct().count());
  }

  @Test
  void bothFeaturesAreThereAboutOneInTwentyDefault() {
    long free = count(n -> n.get("feature").asText().equals("DEFAULT"));
    assertTrue(free >= 10 && free <= 45, "DEFAULT notebooks: " + free);
    for (long seed = 0; seed < 40; seed++) {
      List<StoredNotebook> small =
          new NotebookGenerator(seed, Tenant.fromSeed(seed), true).initialNotebooks(20);
      assertTrue(small.stream().anyMatch(n -> n.text("feature").equals("DEFAULT")), "seed " + seed);
    }
  }

  @Test
  void everyStatusAppearsFromAHundredNotebooksAndTheCommonOnesDominate() {
    for (long seed = 0; seed < 20; seed++) {
      Set<String> statuses =
          new NotebookGenerator(seed, Tenant.fromSeed(seed), true)
              .initialNotebooks(100).stream()
                  .map(n -> n.text("status"))
                  .collect(Collectors.toSet());
      assertEquals(Set.copyOf(NotebookGenerator.STATUSES), statuses, "seed " + seed);
    }
    Map<String, Long> byStatus =
        notebooks.stream()
            .collect(Collectors.groupingBy(n -> n.get("status").asText(), Collectors.counting()));
    List<String> mostCommon =
        byStatus.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(2)
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(Set.of("RUNNING", "STOPPED"), Set.copyOf(mostCommon));
  }

  @Test
  void fourOwnersThreePoolsThreeWorkspaces() {
    Set<String> owners = distinct(n -> n.get("owner").asText());
    assertEquals(4, owners.size());
    assertTrue(owners.stream().allMatch(owner -> HEX32.matcher(owner).matches()));

    Set<String> pools =
        notebooks.stream()
            .filter(n -> n.has("pool"))
            .map(n -> n.at("/pool/id").asText())
            .collect(Collectors.toSet());
    assertEquals(3, pools.size());
    assertTrue(
        notebooks.stream()
            .filter(n -> n.has("pool"))
            .allMatch(n -> n.at("/pool/name").isTextual()));
    long pooled = count(n -> n.has("pool"));
    assertTrue(pooled > 100 && pooled < 200, "about 30% in pools: " + pooled);

    Set<String> workspaces = distinct(n -> n.get("workspace_id").asText());
    assertEquals(3, workspaces.size());
    assertTrue(workspaces.contains("0"));
    assertEquals(2, workspaces.stream().filter(w -> HEX32.matcher(w).matches()).count());
  }

  @Test
  void eightSharedImagesWhoseCopiesSometimesLackFields() {
    assertEquals(8, distinct(n -> n.at("/image/id").asText()).size());
    assertTrue(
        notebooks.stream().anyMatch(n -> fieldNames(n.get("image")).equals(IMAGE_FIELDS)),
        "some copies are complete");
    assertTrue(
        notebooks.stream()
            .anyMatch(
                n -> fieldNames(n.get("image")).equals(Set.of("id", "name", "swr_path", "type"))),
        "some copies have the brief form of the API example");
    assertTrue(
        notebooks.stream().allMatch(n -> IMAGE_FIELDS.containsAll(fieldNames(n.get("image")))));
    assertTrue(notebooks.stream().allMatch(n -> n.at("/image/id").isTextual()));
  }

  @Test
  void endpointsAndActionProgressVary() {
    Set<Integer> endpointCounts =
        distinctInts(n -> n.has("endpoints") ? n.get("endpoints").size() : -1);
    assertEquals(Set.of(-1, 0, 1, 2), endpointCounts);
    List<JsonNode> ssh =
        notebooks.stream()
            .filter(n -> n.has("endpoints"))
            .flatMap(n -> stream(n.get("endpoints")))
            .filter(e -> e.get("dev_service").asText().equals("SSH"))
            .toList();
    assertFalse(ssh.isEmpty());
    assertTrue(
        ssh.stream().allMatch(e -> e.get("ssh_keys").isArray() && e.get("ssh_keys").size() > 0));
    assertTrue(
        ssh.stream()
            .anyMatch(e -> e.has("allowed_access_ips") && e.get("allowed_access_ips").size() > 0));

    Set<Integer> progressCounts =
        distinctInts(n -> n.has("action_progress") ? n.get("action_progress").size() : -1);
    assertTrue(progressCounts.containsAll(Set.of(-1, 0, 1, 2, 3, 4)), progressCounts.toString());
    List<JsonNode> steps =
        notebooks.stream()
            .filter(n -> n.has("action_progress"))
            .flatMap(n -> stream(n.get("action_progress")))
            .toList();
    assertTrue(steps.stream().anyMatch(s -> s.has("notebook_id")));
    assertTrue(steps.stream().anyMatch(s -> !s.has("notebook_id")));
  }

  @Test
  void leasesLieWithinNinetyDaysBeforeTheReferenceTime() {
    long reference = tenant.referenceTimeMillis();
    long ninetyDays = Duration.ofDays(90).toMillis();
    for (ObjectNode notebook : notebooks) {
      long createAt = notebook.at("/lease/create_at").asLong();
      assertTrue(createAt <= reference && createAt >= reference - ninetyDays);
      assertTrue(notebook.at("/lease/update_at").asLong() >= createAt);
      assertTrue(notebook.at("/lease/duration").asLong() > 0);
      assertTrue(notebook.at("/lease/enable").isBoolean());
      assertTrue(notebook.at("/volume/capacity").isInt());
      assertEquals("/home/ma-user/work/", notebook.at("/volume/mount_path").asText());
    }
  }

  @Test
  void failedStatusesExplainThemselves() {
    Set<String> failed = Set.of("CREATE_FAILED", "START_FAILED", "DELETE_FAILED", "ERROR");
    assertTrue(
        notebooks.stream()
            .filter(n -> failed.contains(n.get("status").asText()))
            .allMatch(n -> n.get("fail_reason").isTextual()));
    assertTrue(notebooks.stream().anyMatch(n -> n.has("url")));
  }

  @Test
  void namesRepeatAndMixCase() {
    assertTrue(
        notebooks.stream().allMatch(n -> n.get("name").asText().matches("[A-Za-z0-9_-]{1,128}")));
    assertTrue(
        distinct(n -> n.get("name").asText()).size() < notebooks.size(), "some names repeat");
    Set<String> lowerCased = new HashSet<>();
    Set<String> exact = new HashSet<>();
    notebooks.forEach(
        n -> {
          lowerCased.add(n.get("name").asText().toLowerCase(Locale.ROOT));
          exact.add(n.get("name").asText());
        });
    assertTrue(lowerCased.size() < exact.size(), "some names differ only in case");
    assertTrue(notebooks.stream().anyMatch(n -> n.get("name").asText().matches(".*[A-Z].*")));
    assertTrue(notebooks.stream().anyMatch(n -> n.get("name").asText().startsWith("nb-")));
  }

  @Test
  void descriptionsHoldUnicodeNullsAndGaps() {
    assertTrue(notebooks.stream().anyMatch(n -> !n.has("description")));
    assertTrue(
        notebooks.stream().anyMatch(n -> n.has("description") && n.get("description").isNull()));
    String all =
        notebooks.stream()
            .filter(n -> n.path("description").isTextual())
            .map(n -> n.get("description").asText())
            .collect(Collectors.joining());
    assertTrue(all.contains("数据"), "CJK");
    assertTrue(all.contains("Größe") || all.contains("Äpfel"), "umlauts");
    assertTrue(all.codePoints().anyMatch(cp -> cp > 0xFFFF), "emoji outside the BMP");
  }

  @Test
  void undocumentedFieldsAreThere() {
    for (String field : List.of("billing_items", "user", "affinity", "tags", "owner")) {
      assertTrue(notebooks.stream().anyMatch(n -> n.has(field)), field);
    }
  }

  @Test
  void ownerFieldFollowsReportOwner() {
    List<StoredNotebook> silent = new NotebookGenerator(42, tenant, false).initialNotebooks(100);
    assertTrue(silent.stream().noneMatch(n -> n.json().has("owner")));
    assertTrue(
        silent.stream().allMatch(n -> tenant.ownerIds().contains(n.owner())),
        "the service still knows it");
  }

  @Test
  void addedNotebooksAreNewestAndRemovalWorks() {
    try (ModelArtsSimulator simulator = start(42, 50)) {
      List<String> added = simulator.addNotebooks(3);
      List<String> newestFirst =
          simulator.dataset().stream().limit(3).map(n -> n.get("id").asText()).toList();
      assertEquals(List.of(added.get(2), added.get(1), added.get(0)), newestFirst);
      assertEquals(53, simulator.dataset().size());
      assertTrue(simulator.removeNotebook(added.get(1)));
      assertFalse(simulator.removeNotebook(added.get(1)));
      assertEquals(52, simulator.dataset().size());
    }
  }

  @Test
  void datasetCopiesAreIndependent() {
    try (ModelArtsSimulator simulator = start(42, 10)) {
      simulator.dataset().get(0).put("name", "changed");
      assertNotEquals("changed", simulator.dataset().get(0).get("name").asText());
    }
  }

  private static ModelArtsSimulator start(long seed, int count) {
    return ModelArtsSimulator.start(SimulatorConfig.builder().seed(seed).notebooks(count).build());
  }

  private static List<ObjectNode> json(List<StoredNotebook> stored) {
    return stored.stream().map(StoredNotebook::json).toList();
  }

  private static long count(Predicate<JsonNode> filter) {
    return notebooks.stream().filter(filter).count();
  }

  private static Set<String> distinct(Function<JsonNode, String> field) {
    return notebooks.stream().map(field).collect(Collectors.toSet());
  }

  private static Set<Integer> distinctInts(ToIntFunction<JsonNode> field) {
    return notebooks.stream().map(n -> field.applyAsInt(n)).collect(Collectors.toSet());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
