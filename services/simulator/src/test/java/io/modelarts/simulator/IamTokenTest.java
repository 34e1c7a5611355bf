package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM password login, and how issued, expired, revoked, unknown and ready tokens fare on the list
 * API.
 */
class IamTokenTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelArtsSimulator simulator;
  private SimulatorTestClient client;
  private SimulatorCredentials credentials;

  @BeforeEach
  void start() {
    simulator = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(25).build());
    client = new SimulatorTestClient(simulator);
    credentials = simulator.credentials();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void correctPasswordIssuesAProjectScopedToken() {
    SimulatorTestClient.Reply reply =
        login(credentials.iamPassword(), simulator.projectId(), "?nocatalog=true");
    assertEquals(201, reply.code(), reply.body());
    String token = reply.headers().get("X-Subject-Token");
    assertNotNull(token);
    assertTrue(token.startsWith("MII") && token.length() > 1000, "token looks like an IAM token");
    JsonNode body = reply.json().get("token");
    assertTrue(
        body.get("expires_at")
            .asText()
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
    assertTrue(body.get("issued_at").asText().endsWith("Z"));
    assertEquals("password", body.get("methods").get(0).asText());
    assertEquals(simulator.projectId(), body.get("project").get("id").asText());
    assertEquals(simulator.projectName(), body.get("project").get("name").asText());
    assertEquals(credentials.iamUser(), body.get("user").get("name").asText());
    assertFalse(body.has("catalog"), "nocatalog=true leaves the catalog out");
    Instant expires = Instant.parse(body.get("expires_at").asText());
    Duration lifetime = Duration.between(Instant.now(), expires);
    assertTrue(lifetime.compareTo(Duration.ofHours(23)) > 0, "tokens live 24 hours by default");

    assertEquals(200, listWithToken(token).code());
  }

  @Test
  void withoutNocatalogTheBodyCarriesACatalogPointingHere() {
    SimulatorTestClient.Reply reply = login(credentials.iamPassword(), simulator.projectId(), "");
    assertEquals(201, reply.code());
    assertEquals(simulator.baseUrl(), reply.json().at("/token/catalog/0/endpoints/0/url").asText());
  }

  @Test
  void projectMayBeNamedInsteadOfIdentified() {
    ObjectNode body = loginBody(credentials.iamPassword());
    ((ObjectNode) body.at("/auth/scope/project")).remove("id");
    ((ObjectNode) body.at("/auth/scope/project")).put("name", simulator.projectName());
    assertEquals(201, client.postJson("/v3/auth/tokens", body.toString()).code());
  }

  @Test
  void wrongPasswordIsAKeystoneStyle401() {
    SimulatorTestClient.Reply reply = login("wrong", simulator.projectId(), "?nocatalog=true");
    assertEquals(401, reply.code());
    assertEquals(401, reply.json().at("/error/code").asInt());
    assertEquals("Unauthorized", reply.json().at("/error/title").asText());
    assertEquals("The username or password is wrong.", reply.json().at("/error/message").asText());
    assertNotNull(reply.headers().get("X-Request-Id"));
  }

  @Test
  void unknownProjectScopeIsRefused() {
    assertEquals(401, login(credentials.iamPassword(), "0".repeat(32), "").code());
  }

  @Test
  void malformedBodyIsA400() {
    assertEquals(400, client.postJson("/v3/auth/tokens", "{not json").code());
    assertEquals(400, client.postJson("/v3/auth/tokens", "{\"auth\":{}}").code());
  }

  @Test
  void unscopedTokenDoesNotOpenTheListApi() {
    ObjectNode body = loginBody(credentials.iamPassword());
    ((ObjectNode) body.get("auth")).remove("scope");
    SimulatorTestClient.Reply reply = client.postJson("/v3/auth/tokens", body.toString());
    assertEquals(201, reply.code());
    assertFalse(reply.json().get("token").has("project"));
    SimulatorTestClient.Reply list = listWithToken(reply.headers().get("X-Subject-Token"));
    assertEquals(401, list.code());
    assertEquals("ModelArts.0203", list.errorCode());
  }

  @Test
  void revokedTokensAnswer0202ButTheReadyTokenSurvives() {
    String token =
        login(credentials.iamPassword(), simulator.projectId(), "")
            .headers()
            .get("X-Subject-Token");
    simulator.revokeTokens();
    SimulatorTestClient.Reply reply = listWithToken(token);
    assertEquals(401, reply.code());
    assertEquals("ModelArts.0202", reply.errorCode());
    assertEquals(200, listWithToken(credentials.readyToken()).code());

    String fresh =
        login(credentials.iamPassword(), simulator.projectId(), "")
            .headers()
            .get("X-Subject-Token");
    assertEquals(200, listWithToken(fresh).code(), "tokens issued after revocation work");
  }

  @Test
  void tokensExpireAfterTheirTtl() throws InterruptedException {
    simulator.setTokenTtl(Duration.ofMillis(300));
    SimulatorTestClient.Reply issued = login(credentials.iamPassword(), simulator.projectId(), "");
    String token = issued.headers().get("X-Subject-Token");
    Instant expiresAt = Instant.parse(issued.json().at("/token/expires_at").asText());
    assertTrue(Duration.between(Instant.now(), expiresAt).compareTo(Duration.ofSeconds(1)) < 0);
    assertEquals(200, listWithToken(token).code());
    Thread.sleep(400);
    SimulatorTestClient.Reply reply = listWithToken(token);
    assertEquals(401, reply.code());
    assertEquals("ModelArts.0202", reply.errorCode());
  }

  @Test
  void unknownTokenIs0203AndNoCredentialIs0201() {
    SimulatorTestClient.Reply unknown = listWithToken("MIInot-a-token");
    assertEquals(401, unknown.code());
    assertEquals("ModelArts.0203", unknown.errorCode());
    SimulatorTestClient.Reply none = client.get(client.listPath(), "", Map.of());
    assertEquals(401, none.code());
    assertEquals("ModelArts.0201", none.errorCode());
  }

  @Test
  void iamCallsAreNotCountedAsApiCalls() {
    login(credentials.iamPassword(), simulator.projectId(), "");
    assertEquals(0, simulator.apiCallCount());
  }

  private SimulatorTestClient.Reply listWithToken(String token) {
    return client.get(client.listPath(), "", Map.of("X-Auth-Token", token));
  }

  private SimulatorTestClient.Reply login(String password, String projectId, String query) {
    ObjectNode body = loginBody(password);
    ((ObjectNode) body.at("/auth/scope/project")).put("id", projectId);
    return client.postJson("/v3/auth/tokens" + query, body.toString());
  }

  /** The documented request body, built with a JSON writer (the demo password holds a quote). */
  private ObjectNode loginBody(String password) {
    ObjectNode body = MAPPER.createObjectNode();
    ObjectNode auth = body.putObject("auth");
    ObjectNode identity = auth.putObject("identity");
    identity.putArray("methods").add("password");
    ObjectNode user =
        identity
            .putObject("password")
            .putObject("user")
            .put("name", credentials.iamUser())
            .put("password", password);
    user.putObject("domain").put("name", credentials.iamDomain());
    auth.putObject("scope").putObject("project").put("id", simulator.projectId());
    return body;
  }
}
