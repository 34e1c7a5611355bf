package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer, success or error, carries X-Request-Id and a JSON body; routing errors are 404s.
 */
class ResponseEnvelopeTest {
  private static ModelArtsSimulator simulator;
  private static SimulatorTestClient client;

  @BeforeAll
  static void start() {
    simulator = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(20).build());
    client = new SimulatorTestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void everyAnswerHasARequestIdAndJson() {
    String token = simulator.credentials().readyToken();
    List<SimulatorTestClient.Reply> replies =
        List.of(
            client.list(""),
            client.list("limit=3"),
            client.get(client.listPath(), "", Map.of()),
            client.get("/v1/" + "0".repeat(32) + "/notebooks", "", Map.of("X-Auth-Token", token)),
            client.get("/v2/anything", "", Map.of()),
            client.postJson("/v3/auth/tokens", "{}"));
    simulator.faults().setThrottleEvery(1);
    SimulatorTestClient.Reply throttled = client.list("");
    simulator.faults().clear().setFailEvery(1);
    SimulatorTestClient.Reply failed = client.list("");
    simulator.faults().clear();

    List<Integer> expectedCodes = List.of(200, 400, 401, 404, 404, 400, 429, 500);
    List<SimulatorTestClient.Reply> all = new java.util.ArrayList<>(replies);
    all.add(throttled);
    all.add(failed);
    assertEquals(expectedCodes, all.stream().map(SimulatorTestClient.Reply::code).toList());
    for (SimulatorTestClient.Reply reply : all) {
      assertTrue(reply.headers().get("X-Request-Id").matches("[0-9a-f]{32}"), reply.toString());
      assertEquals("application/json", reply.headers().get("Content-Type"));
      assertTrue(reply.json().isObject());
      if (reply.code() >= 400 && reply.code() != 400 || reply.json().has("error_code")) {
        assertTrue(reply.errorCode() != null && reply.errorMessage() != null, reply.body());
      }
    }
  }

  @Test
  void requestIdsDiffer() {
    assertTrue(
        !client
            .list("")
            .headers()
            .get("X-Request-Id")
            .equals(client.list("").headers().get("X-Request-Id")));
  }

  @Test
  void unknownProjectIs404AfterAuthentication() {
    String otherProject = "/v1/" + "a".repeat(32) + "/notebooks";
    SimulatorTestClient.Reply reply =
        client.get(otherProject, "", Map.of("X-Auth-Token", simulator.credentials().readyToken()));
    assertEquals(404, reply.code());
    assertEquals("ModelArts.0100", reply.errorCode());
    assertEquals(401, client.get(otherProject, "", Map.of()).code(), "authentication comes first");
    assertEquals(
        1 + 1, simulator.requestLog().stream().filter(r -> r.path().equals(otherProject)).count());
  }

  @Test
  void otherPathsAndMethodsAre404() {
    assertEquals("APIGW.0101", client.get(client.listPath() + "/", "", Map.of()).errorCode());
    assertEquals("APIGW.0101", client.get("/v3/auth/tokens", "", Map.of()).errorCode());
    Request post =
        new Request.Builder()
            .url(simulator.baseUrl() + client.listPath())
            .header("X-Auth-Token", simulator.credentials().readyToken())
            .post(RequestBody.create("{}", MediaType.get("application/json")))
            .build();
    SimulatorTestClient.Reply reply = client.execute(post);
    assertEquals(404, reply.code());
    assertEquals("APIGW.0101", reply.errorCode());
  }

  @Test
  void malformedQueryEscapeIsRefusedByTheHttpLayer() {
    // The JDK server rejects the URI before any handler runs, so this 400 has no ModelArts body
    // (README).
    SimulatorTestClient.Reply reply =
        client.get(
            client.listPath(),
            "name=%ZZ",
            Map.of("X-Auth-Token", simulator.credentials().readyToken()));
    assertEquals(400, reply.code());
  }
}
