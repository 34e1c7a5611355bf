package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request log records what clients sent, raw enough to check signatures and parameters. */
class RequestLogTest {
  private final List<ServedRequest> heard = new CopyOnWriteArrayList<>();
  private ModelArtsSimulator simulator;
  private SimulatorTestClient client;

  @BeforeEach
  void start() {
    simulator =
        ModelArtsSimulator.start(
            SimulatorConfig.builder().notebooks(40).requestListener(heard::add).build());
    client = new SimulatorTestClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void signedCallIsRecordedWithRawHeadersAndDecodedParameters() {
    Instant before = Instant.now();
    SimulatorCredentials credentials = simulator.credentials();
    client.signedList(
        "limit=20&name=nb-train&sort_key=name%2Ccreate_at",
        credentials.accessKey(),
        credentials.secretKey(),
        Instant.now(),
        Map.of("X-Project-Id", simulator.projectId()));

    List<ServedRequest> log = simulator.requestLog();
    assertEquals(1, log.size());
    ServedRequest request = log.get(0);
    assertEquals(1, request.sequence());
    assertFalse(request.receivedAt().isBefore(before.minusSeconds(1)));
    assertEquals("GET", request.method());
    assertEquals(client.listPath(), request.path());
    assertEquals("limit=20&name=nb-train&sort_key=name%2Ccreate_at", request.rawQuery());
    assertEquals(List.of("name,create_at"), request.queryParameters().get("sort_key"));
    assertEquals(
        Map.of("limit", "20", "name", "nb-train", "sort_key", "name,create_at"),
        request.singleParameters());
    assertTrue(
        request
            .headers()
            .get("authorization")
            .startsWith("SDK-HMAC-SHA256 Access=" + credentials.accessKey()));
    assertTrue(request.headers().get("x-sdk-date").matches("\\d{8}T\\d{6}Z"));
    assertEquals("127.0.0.1:" + simulator.port(), request.headers().get("host"));
    assertEquals(simulator.projectId(), request.header("X-Project-Id"));
    assertEquals("aksk", request.authKind());
    assertEquals(200, request.status());
    assertNull(request.errorCode());
    assertTrue(request.durationMillis() >= 0);
    assertTrue(request.isListCall());
  }

  @Test
  void errorsAuthKindsAndIamCallsAreRecorded() {
    client.list("limit=7");
    client.get(client.listPath(), "", Map.of());
    client.postJson("/v3/auth/tokens?nocatalog=true", "{}");
    client.get("/nowhere", "", Map.of());

    List<ServedRequest> log = simulator.requestLog();
    assertEquals(List.of(1L, 2L, 3L, 4L), log.stream().map(ServedRequest::sequence).toList());
    assertEquals("token", log.get(0).authKind());
    assertEquals(400, log.get(0).status());
    assertEquals("ModelArts.0104", log.get(0).errorCode());
    assertEquals("none", log.get(1).authKind());
    assertEquals("ModelArts.0201", log.get(1).errorCode());
    assertEquals("POST", log.get(2).method());
    assertEquals("/v3/auth/tokens", log.get(2).path());
    assertEquals("true", log.get(2).singleParameters().get("nocatalog"));
    assertEquals(400, log.get(2).status());
    assertFalse(log.get(2).isListCall());
    assertEquals("APIGW.0101", log.get(3).errorCode());
    assertEquals(2, simulator.apiCallCount(), "only the two list calls count");
    assertEquals(log, List.copyOf(heard), "the listener hears every request");
  }

  @Test
  void clearingTheLogKeepsTheCallCount() {
    client.list("");
    client.list("");
    simulator.clearRequestLog();
    assertTrue(simulator.requestLog().isEmpty());
    assertEquals(2, simulator.apiCallCount());
    client.list("");
    assertEquals(3, simulator.requestLog().get(0).sequence());
  }

  @Test
  void theLogIsACopy() {
    client.list("");
    List<ServedRequest> log = simulator.requestLog();
    client.list("");
    assertEquals(1, log.size());
    assertNotNull(simulator.requestLog().get(1));
  }
}
