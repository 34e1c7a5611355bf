package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real signed requests over HTTP: what the simulator accepts and how it rejects the rest. */
class AkSkAuthenticationTest {
  private static ModelArtsSimulator simulator;
  private static SimulatorTestClient client;
  private static SimulatorCredentials credentials;

  @BeforeAll
  static void start() {
    simulator = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(30).build());
    client = new SimulatorTestClient(simulator);
    credentials = simulator.credentials();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void correctlySignedRequestIsServed() {
    SimulatorTestClient.Reply reply =
        client.signedList(
            "limit=20&offset=0&sort_dir=ASC",
            credentials.accessKey(),
            credentials.secretKey(),
            Instant.now(),
            Map.of());
    assertEquals(200, reply.code(), reply.body());
    assertEquals(20, reply.json().get("size").asInt());
  }

  @Test
  void signatureCoversEncodedQueryValues() {
    SimulatorTestClient.Reply reply =
        client.signedList(
            "name=nb-train&workspace_id=0&sort_key=name,create_at",
            credentials.accessKey(),
            credentials.secretKey(),
            Instant.now(),
            Map.of());
    assertEquals(200, reply.code(), reply.body());
  }

  @Test
  void wrongSecretKeyIsRejectedWith0205() {
    SimulatorTestClient.Reply reply =
        client.signedList(
            "limit=10", credentials.accessKey(), "not-the-secret", Instant.now(), Map.of());
    assertEquals(401, reply.code());
    assertEquals("ModelArts.0205", reply.errorCode());
    assertTrue(reply.errorMessage().contains("x-sdk-date:"), "message shows the canonical request");
  }

  @Test
  void requestChangedAfterSigningIsRejected() {
    Map<String, String> headers =
        client.signedHeaders(
            client.listPath(),
            "limit=10",
            credentials.accessKey(),
            credentials.secretKey(),
            Instant.now(),
            Map.of());
    SimulatorTestClient.Reply reply = client.get(client.listPath(), "limit=20", headers);
    assertEquals(401, reply.code());
    assertEquals("ModelArts.0205", reply.errorCode());
  }

  @Test
  void unknownAccessKeyIsRejectedWith0206() {
    SimulatorTestClient.Reply reply =
        client.signedList(
            "", "UNKNOWNACCESSKEY0000", credentials.secretKey(), Instant.now(), Map.of());
    assertEquals(401, reply.code());
    assertEquals("ModelArts.0206", reply.errorCode());
  }

  @Test
  void dateMoreThanFifteenMinutesOffIsRejectedWith0207() {
    for (Duration skew : new Duration[] {Duration.ofMinutes(16), Duration.ofMinutes(-16)}) {
      SimulatorTestClient.Reply reply =
          client.signedList(
              "",
              credentials.accessKey(),
              credentials.secretKey(),
              Instant.now().plus(skew),
              Map.of());
      assertEquals(401, reply.code());
      assertEquals("ModelArts.0207", reply.errorCode());
    }
    SimulatorTestClient.Reply withinWindow =
        client.signedList(
            "",
            credentials.accessKey(),
            credentials.secretKey(),
            Instant.now().minus(Duration.ofMinutes(14)),
            Map.of());
    assertEquals(200, withinWindow.code());
  }

  @Test
  void missingDateIsRejectedWith0207() {
    Map<String, String> headers =
        new LinkedHashMap<>(
            client.signedHeaders(
                client.listPath(),
                "",
                credentials.accessKey(),
                credentials.secretKey(),
                Instant.now(),
                Map.of()));
    headers.remove("X-Sdk-Date");
    SimulatorTestClient.Reply reply = client.get(client.listPath(), "", headers);
    assertEquals(401, reply.code());
    assertEquals("ModelArts.0207", reply.errorCode());
  }

  @Test
  void malformedAuthorizationIsRejectedWith0204() {
    SimulatorTestClient.Reply reply =
        client.get(
            client.listPath(),
            "",
            Map.of("Authorization", "SDK-HMAC-SHA256 Access=" + credentials.accessKey()));
    assertEquals(401, reply.code());
    assertEquals("ModelArts.0204", reply.errorCode());
    SimulatorTestClient.Reply bearer =
        client.get(client.listPath(), "", Map.of("Authorization", "Bearer x"));
    assertEquals("ModelArts.0204", bearer.errorCode());
  }

  @Test
  void temporaryAccessKeyNeedsItsSecurityToken() {
    SimulatorTestClient.Reply withToken =
        client.signedList(
            "",
            credentials.temporaryAccessKey(),
            credentials.temporarySecretKey(),
            Instant.now(),
            Map.of("X-Security-Token", credentials.securityToken()));
    assertEquals(200, withToken.code(), withToken.body());

    SimulatorTestClient.Reply withoutToken =
        client.signedList(
            "",
            credentials.temporaryAccessKey(),
            credentials.temporarySecretKey(),
            Instant.now(),
            Map.of());
    assertEquals(401, withoutToken.code());
    assertEquals("ModelArts.0208", withoutToken.errorCode());

    SimulatorTestClient.Reply wrongToken =
        client.signedList(
            "",
            credentials.temporaryAccessKey(),
            credentials.temporarySecretKey(),
            Instant.now(),
            Map.of("X-Security-Token", "forged"));
    assertEquals("ModelArts.0208", wrongToken.errorCode());
  }

  @Test
  void permanentSecretKeyDoesNotSignForTheTemporaryAccessKey() {
    SimulatorTestClient.Reply reply =
        client.signedList(
            "",
            credentials.temporaryAccessKey(),
            credentials.secretKey(),
            Instant.now(),
            Map.of("X-Security-Token", credentials.securityToken()));
    assertEquals("ModelArts.0205", reply.errorCode());
  }
}
