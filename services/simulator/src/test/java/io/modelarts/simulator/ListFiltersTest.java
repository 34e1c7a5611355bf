package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each filter selects exactly the notebooks it should, before paging, with {@code total} counting
 * matches.
 */
class ListFiltersTest {
  private static ModelArtsSimulator simulator;
  private static SimulatorTestClient client;
  private static List<ObjectNode> dataset;

  @BeforeAll
  static void start() {
    simulator = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(500).build());
    client = new SimulatorTestClient(simulator);
    dataset = simulator.dataset();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void withoutFeatureOnlyNotebookInstancesAreListed() {
    List<JsonNode> rows = client.listAll("");
    assertTrue(rows.stream().allMatch(row -> row.get("feature").asText().equals("NOTEBOOK")));
    assertEquals(expectedIds(n -> feature(n, "NOTEBOOK")), ListPagingTest.ids(rows));
  }

  @Test
  void featureDefaultListsTheFreeInstances() {
    List<JsonNode> rows = client.listAll("feature=DEFAULT");
    assertTrue(rows.size() >= 1);
    assertEquals(expectedIds(n -> feature(n, "DEFAULT")), ListPagingTest.ids(rows));
    assertEquals(
        rows.size() + client.list("").json().get("total").asInt(),
        dataset.size(),
        "the two features together are the whole data set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"notebook", "ALL", "CODELAB", "NOTEBOOK,DEFAULT"})
  void otherFeaturesAreRejected(String feature) {
    assertEquals("ModelArts.0104", client.list("feature=" + feature).errorCode());
  }

  @Test
  void eachStatusSelectsExactlyItsNotebooks() {
    for (String status : NotebookGenerator.STATUSES) {
      SimulatorTestClient.Reply reply = client.list("status=" + status + "&feature=NOTEBOOK");
      assertEquals(200, reply.code(), status);
      long expected =
          dataset.stream()
              .filter(n -> feature(n, "NOTEBOOK") && text(n, "status").equals(status))
              .count();
      assertEquals(expected, reply.json().get("total").asLong(), status);
    }
    assertEquals(
        expectedIds(n -> feature(n, "NOTEBOOK") && text(n, "status").equals("RUNNING")),
        ListPagingTest.ids(client.listAll("status=RUNNING")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"running", "UNKNOWN", "RUNNING,STOPPED"})
  void unknownOrMultipleStatusesAreRejected(String status) {
    assertEquals("ModelArts.0104", client.list("status=" + status).errorCode());
    assertEquals("ModelArts.0104", client.list("status=RUNNING&status=STOPPED").errorCode());
  }

  @ParameterizedTest
  @EnumSource(NameMatch.class)
  void nameFilterFollowsTheConfiguredMatch(NameMatch mode) {
    try (ModelArtsSimulator matching =
        ModelArtsSimulator.start(
            SimulatorConfig.builder().notebooks(500).nameMatch(mode).build())) {
      SimulatorTestClient matchingClient = new SimulatorTestClient(matching);
      for (String pattern : List.of("resnet", "ResNet", "nb-train", "NB", "0042")) {
        List<String> expected =
            expectedIds(n -> feature(n, "NOTEBOOK") && mode.matches(text(n, "name"), pattern));
        assertEquals(
            expected,
            ListPagingTest.ids(matchingClient.listAll("name=" + pattern)),
            mode + " " + pattern);
      }
    }
  }

  @Test
  void theThreeNameMatchesReallyDiffer() {
    String pattern = "ResNet";
    long ignoreCase = count(n -> NameMatch.SUBSTRING_IGNORE_CASE.matches(text(n, "name"), pattern));
    long substring = count(n -> NameMatch.SUBSTRING.matches(text(n, "name"), pattern));
    long prefix = count(n -> NameMatch.PREFIX.matches(text(n, "name"), "nb-"));
    long containsNb = count(n -> NameMatch.SUBSTRING.matches(text(n, "name"), "nb-"));
    assertTrue(ignoreCase > substring && substring > 0, ignoreCase + " vs " + substring);
    assertTrue(containsNb >= prefix && prefix > 0);
    assertTrue(
        count(n -> text(n, "name").toLowerCase(Locale.ROOT).contains("resnet")) == ignoreCase);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nb%20train", "nb.train", "%E5%90%8D%E5%AD%97", "nb%25", "a%2Cb"})
  void namesWithOtherCharactersAreRejected(String name) {
    assertEquals("ModelArts.0104", client.list("name=" + name).errorCode());
  }

  @Test
  void namesAreLimitedTo128Characters() {
    assertEquals(200, client.list("name=" + "a".repeat(128)).code());
    assertEquals("ModelArts.0104", client.list("name=" + "a".repeat(129)).errorCode());
  }

  @Test
  void poolIdMatchesExactly() {
    String poolId =
        dataset.stream()
            .filter(n -> n.has("pool"))
            .findFirst()
            .orElseThrow()
            .at("/pool/id")
            .asText();
    assertEquals(
        expectedIds(n -> feature(n, "NOTEBOOK") && poolId.equals(n.at("/pool/id").asText(null))),
        ListPagingTest.ids(client.listAll("pool_id=" + poolId)));
    assertEquals(0, client.list("pool_id=" + poolId.substring(0, 8)).json().get("total").asInt());
  }

  @Test
  void ownerMatchesExactly() {
    String owner = text(dataset.get(0), "owner");
    assertEquals(
        expectedIds(n -> feature(n, "NOTEBOOK") && text(n, "owner").equals(owner)),
        ListPagingTest.ids(client.listAll("owner=" + owner)));
    assertEquals(
        0, client.list("owner=" + owner.toUpperCase(Locale.ROOT)).json().get("total").asInt());
  }

  @Test
  void bothWorkspaceSpellingsFilter() {
    String workspace =
        dataset.stream()
            .map(n -> text(n, "workspace_id"))
            .filter(w -> !w.equals("0"))
            .findFirst()
            .orElseThrow();
    List<String> expected =
        expectedIds(n -> feature(n, "NOTEBOOK") && text(n, "workspace_id").equals(workspace));
    assertTrue(!expected.isEmpty());
    assertEquals(expected, ListPagingTest.ids(client.listAll("workspaceId=" + workspace)));
    assertEquals(expected, ListPagingTest.ids(client.listAll("workspace_id=" + workspace)));
    assertEquals(
        0,
        client.list("workspaceId=" + workspace + "&workspace_id=0").json().get("total").asInt(),
        "both spellings apply together");
  }

  @Test
  void filtersCombineAndApplyBeforePaging() {
    JsonNode page = client.list("status=RUNNING&workspace_id=0&limit=10").json();
    long expected =
        count(
            n ->
                feature(n, "NOTEBOOK")
                    && text(n, "status").equals("RUNNING")
                    && text(n, "workspace_id").equals("0"));
    assertTrue(expected > 10, "enough rows for more than one page");
    assertEquals(expected, page.get("total").asLong());
    assertEquals((expected + 9) / 10, page.get("pages").asLong());
  }

  @Test
  void unknownParametersAreIgnoredLikeOtcDoes() {
    int total = client.list("").json().get("total").asInt();
    assertEquals(
        total,
        client.list("flavor=modelarts.vm.cpu.2u&id=x&Status=RUNNING").json().get("total").asInt());
  }

  @Test
  void emptyValuesCountAsAbsent() {
    assertEquals(
        client.list("").json().get("total"),
        client.list("status=&name=&owner=&pool_id=&workspace_id=&feature=").json().get("total"));
  }

  private static List<String> expectedIds(Predicate<JsonNode> filter) {
    // dataset() is in the default order, which is also the list API's default order.
    return ListPagingTest.ids(dataset.stream().filter(filter).map(JsonNode.class::cast).toList());
  }

  private static long count(Predicate<JsonNode> filter) {
    return dataset.stream().filter(filter).count();
  }

  private static boolean feature(JsonNode notebook, String feature) {
    return feature.equals(text(notebook, "feature"));
  }

  private static String text(JsonNode notebook, String field) {
    return notebook.path(field).asText();
  }
}
