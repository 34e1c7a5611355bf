package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paging as service-behaviour.md reports it: fixed page sizes, offsets rounded down to pages, 6400
 * past the end.
 */
class ListPagingTest {
  private static ModelArtsSimulator simulator;
  private static SimulatorTestClient client;

  @BeforeAll
  static void start() {
    simulator = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(333).seed(7).build());
    client = new SimulatorTestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void defaultPageIsTheFirstTenNotebooks() {
    JsonNode page = client.list("").json();
    long notebooks =
        simulator.dataset().stream()
            .filter(n -> n.get("feature").asText().equals("NOTEBOOK"))
            .count();
    assertEquals(0, page.get("current").asInt());
    assertEquals(10, page.get("size").asInt());
    assertEquals(10, page.get("data").size());
    assertEquals(notebooks, page.get("total").asLong());
    assertEquals((notebooks + 9) / 10, page.get("pages").asLong());
    assertTrue(page.get("total").isIntegralNumber());
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 20, 50})
  void documentedLimitsAreAccepted(int limit) {
    JsonNode page = client.list("limit=" + limit).json();
    assertEquals(limit, page.get("size").asInt());
    assertEquals(limit, page.get("data").size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "1", "5", "11", "25", "49", "51", "100", "-10", "abc", "10.0", "1e1"})
  void otherLimitsAreRejectedWith0104(String limit) {
    SimulatorTestClient.Reply reply = client.list("limit=" + limit);
    assertEquals(400, reply.code());
    assertEquals("ModelArts.0104", reply.errorCode());
  }

  @Test
  void emptyLimitMeansTheDefault() {
    assertEquals(10, client.list("limit=").json().get("size").asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "1.5", "99999999999"})
  void badOffsetsAreRejectedWith0104(String offset) {
    assertEquals("ModelArts.0104", client.list("offset=" + offset).errorCode());
  }

  @Test
  void offsetIsRoundedDownToAPage() {
    List<String> all = ids(client.listAll(""));
    JsonNode page = client.list("limit=10&offset=15").json();
    assertEquals(1, page.get("current").asInt());
    assertEquals(all.subList(10, 20), ids(page.get("data")));
    JsonNode page2 = client.list("limit=20&offset=39").json();
    assertEquals(1, page2.get("current").asInt());
    assertEquals(all.subList(20, 40), ids(page2.get("data")));
  }

  @Test
  void lastPartialPageHoldsTheRest() {
    JsonNode first = client.list("limit=50").json();
    int total = first.get("total").asInt();
    int lastPage = first.get("pages").asInt() - 1;
    JsonNode last = client.list("limit=50&offset=" + lastPage * 50).json();
    assertEquals(lastPage, last.get("current").asInt());
    assertEquals(total - lastPage * 50, last.get("data").size());
  }

  @Test
  void pagePastTheEndIs6400WithTheServiceMessage() {
    int total = client.list("").json().get("total").asInt();
    int fromIndex = ((total + 9) / 10) * 10 + 10;
    SimulatorTestClient.Reply reply = client.list("limit=10&offset=" + fromIndex);
    assertEquals(400, reply.code());
    assertEquals("ModelArts.6400", reply.errorCode());
    assertEquals("fromIndex(" + fromIndex + ") > toIndex(" + total + ")", reply.errorMessage());
  }

  @Test
  void offsetEqualToTotalOnAFullLastPageGivesAnEmptyPage() {
    try (ModelArtsSimulator exact =
        ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(40).build())) {
      SimulatorTestClient exactClient = new SimulatorTestClient(exact);
      // Grow the data until the NOTEBOOK total is a multiple of 10: the last page is then full.
      while (exactClient.list("").json().get("total").asInt() % 10 != 0) {
        exact.addNotebooks(1);
      }
      int total = exactClient.list("").json().get("total").asInt();
      JsonNode page = exactClient.list("limit=10&offset=" + total).json();
      assertEquals(total / 10, page.get("current").asInt());
      assertEquals(0, page.get("data").size());
      assertEquals(total / 10, page.get("pages").asInt());
      assertEquals(total, page.get("total").asInt());
      assertEquals(
          "ModelArts.6400", exactClient.list("limit=10&offset=" + (total + 10)).errorCode());
    }
  }

  @Test
  void emptySelectionHasNoPagesButOffsetZeroIsFine() {
    JsonNode page = client.list("name=nothing_matches_this").json();
    assertEquals(0, page.get("total").asInt());
    assertEquals(0, page.get("pages").asInt());
    assertEquals(0, page.get("data").size());
    assertEquals(
        "fromIndex(10) > toIndex(0)",
        client.list("name=nothing_matches_this&offset=10").errorMessage());
  }

  @Test
  void pagingThroughEveryPageVisitsEachNotebookOnce() {
    List<String> all = ids(client.listAll(""));
    assertEquals(client.list("").json().get("total").asInt(), all.size());
    assertEquals(all.size(), all.stream().distinct().count());
  }

  static List<String> ids(Iterable<JsonNode> notebooks) {
    List<String> ids = new ArrayList<>();
    notebooks.forEach(notebook -> ids.add(notebook.get("id").asText()));
    return ids;
  }
}
