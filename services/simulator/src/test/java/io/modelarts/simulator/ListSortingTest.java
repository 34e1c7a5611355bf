package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sort whitelist, its 6303 error, and the service's case-insensitive order with id tie-breaks.
 */
class ListSortingTest {
  private static ModelArtsSimulator simulator;
  private static SimulatorTestClient client;
  private static List<JsonNode> notebooks;

  private static final Comparator<JsonNode> BY_ID = Comparator.comparing(n -> n.get("id").asText());
  private static final Comparator<JsonNode> BY_NAME_IGNORING_CASE =
      Comparator.comparing(n -> n.get("name").asText(), String.CASE_INSENSITIVE_ORDER);
  private static final Comparator<JsonNode> BY_CREATE_AT =
      Comparator.comparingLong(n -> n.at("/lease/create_at").asLong());
  private static final Comparator<JsonNode> BY_UPDATE_AT =
      Comparator.comparingLong(n -> n.at("/lease/update_at").asLong());

  @BeforeAll
  static void start() {
    simulator = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(400).build());
    client = new SimulatorTestClient(simulator);
    notebooks =
        simulator.dataset().stream()
            .filter(n -> n.get("feature").asText().equals("NOTEBOOK"))
            .map(JsonNode.class::cast)
            .toList();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void namesSortCaseInsensitivelyWithIdsBreakingTies() {
    List<JsonNode> ascending = client.listAll("sort_key=name&sort_dir=ASC");
    assertEquals(
        expected(BY_NAME_IGNORING_CASE.thenComparing(BY_ID)), ListPagingTest.ids(ascending));
    List<String> names = ascending.stream().map(n -> n.get("name").asText()).toList();
    assertNotEquals(
        names.stream().sorted().toList(), names, "the order is not SQL's binary string order");
    assertTrue(
        names.stream().distinct().count() < names.size(), "duplicate names exercise the tie-break");

    List<JsonNode> descending = client.listAll("sort_key=name&sort_dir=DESC");
    assertEquals(
        expected(BY_NAME_IGNORING_CASE.thenComparing(BY_ID).reversed()),
        ListPagingTest.ids(descending));
  }

  @Test
  void timeKeysSortByTheLeaseTimes() {
    assertEquals(
        expected(BY_CREATE_AT.thenComparing(BY_ID)),
        ListPagingTest.ids(client.listAll("sort_key=create_at&sort_dir=ASC")));
    assertEquals(
        expected(BY_UPDATE_AT.thenComparing(BY_ID).reversed()),
        ListPagingTest.ids(client.listAll("sort_key=update_at")));
  }

  @Test
  void severalKeysSortLexicographically() {
    assertEquals(
        expected(BY_NAME_IGNORING_CASE.thenComparing(BY_CREATE_AT).thenComparing(BY_ID)),
        ListPagingTest.ids(client.listAll("sort_key=name,create_at&sort_dir=ASC")));
  }

  @Test
  void defaultOrderIsNewestFirst() {
    assertEquals(
        expected(BY_CREATE_AT.thenComparing(BY_ID).reversed()),
        ListPagingTest.ids(client.listAll("")));
    assertEquals(
        expected(BY_CREATE_AT.thenComparing(BY_ID)),
        ListPagingTest.ids(client.listAll("sort_dir=ASC")),
        "sort_dir alone applies to the default key");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"status", "updateTime", "id", "name,status", "name,", "NAME", "lease.create_at"})
  void keysOutsideTheWhitelistAre6303(String sortKey) {
    SimulatorTestClient.Reply reply = client.list("sort_key=" + sortKey);
    assertEquals(400, reply.code());
    assertEquals("ModelArts.6303", reply.errorCode());
    assertEquals("The field does not support sorting.", reply.errorMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"asc", "desc", "UP", "ASC,DESC"})
  void sortDirIsAscOrDesc(String sortDir) {
    assertEquals("ModelArts.0104", client.list("sort_dir=" + sortDir).errorCode());
  }

  @Test
  void theWhitelistIsConfigurable() {
    try (ModelArtsSimulator narrow =
        ModelArtsSimulator.start(
            SimulatorConfig.builder()
                .notebooks(50)
                .sortableKeys(Set.of("create_at", "status"))
                .build())) {
      SimulatorTestClient narrowClient = new SimulatorTestClient(narrow);
      assertEquals("ModelArts.6303", narrowClient.list("sort_key=name").errorCode());
      List<JsonNode> byStatus = narrowClient.listAll("sort_key=status&sort_dir=ASC");
      List<String> statuses = byStatus.stream().map(n -> n.get("status").asText()).toList();
      assertEquals(statuses.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), statuses);
    }
  }

  private static List<String> expected(Comparator<JsonNode> order) {
    return ListPagingTest.ids(notebooks.stream().sorted(order).toList());
  }
}
