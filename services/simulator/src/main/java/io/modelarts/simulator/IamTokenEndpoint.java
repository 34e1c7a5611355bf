package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code POST /v3/auth/tokens}: the IAM password login that issues project-scoped tokens, answering
 * in the Keystone format of the real IAM (201 with the token in {@code X-Subject-Token}).
 */
final class IamTokenEndpoint {
  static final String PATH = "/v3/auth/tokens";

  /** IAM writes times with microseconds, e.g. {@code 2025-11-28T15:35:00.123000Z}. */
  private static final DateTimeFormatter IAM_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final SimulatorCredentials credentials;
  private final Tenant tenant;
  private final TokenRegistry tokens;
  private final String baseUrl;

  IamTokenEndpoint(
      SimulatorCredentials credentials, Tenant tenant, TokenRegistry tokens, String baseUrl) {
    this.credentials = requireNonNull(credentials, "credentials == null");
    this.tenant = requireNonNull(tenant, "tenant == null");
    this.tokens = requireNonNull(tokens, "tokens == null");
    this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
  }

  ApiResponse handle(ReceivedRequest request) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(request.body());
    } catch (IOException e) {
      return error(400, "Bad Request", "The request body is not valid JSON.");
    }
    if (body == null || !body.isObject()) {
      return error(400, "Bad Request", "The request body must be a JSON object.");
    }
    JsonNode auth = body.path("auth");
    JsonNode identity = auth.path("identity");
    if (!containsText(identity.path("methods"), "password")) {
      return error(400, "Bad Request", "Expecting to find \"password\" in auth.identity.methods.");
    }
    JsonNode user = identity.path("password").path("user");
    String userName = user.path("name").asText(null);
    String password = user.path("password").asText(null);
    String domainName = user.path("domain").path("name").asText(null);
    if (userName == null || password == null || domainName == null) {
      return error(
          400,
          "Bad Request",
          "Expecting to find user name, password and domain name in the request.");
    }
    if (!userName.equals(credentials.iamUser())
        || !domainName.equals(credentials.iamDomain())
        || !MessageDigest.isEqual(
            password.getBytes(StandardCharsets.UTF_8),
            credentials.iamPassword().getBytes(StandardCharsets.UTF_8))) {
      return error(401, "Unauthorized", "The username or password is wrong.");
    }
    JsonNode scopeProject = auth.path("scope").path("project");
    boolean projectScoped = !scopeProject.isMissingNode();
    if (projectScoped
        && !tenant.projectId().equals(scopeProject.path("id").asText(null))
        && !tenant.projectName().equals(scopeProject.path("name").asText(null))) {
      return error(
          401, "Unauthorized", "The project in the scope does not exist or is not accessible.");
    }
    TokenRegistry.IssuedToken token = tokens.issue(projectScoped ? tenant.projectId() : null);
    boolean withCatalog = !"true".equals(first(request, "nocatalog"));
    return ApiResponse.json(201, tokenBody(token, withCatalog))
        .withHeader("X-Subject-Token", token.value());
  }

  private ObjectNode tokenBody(TokenRegistry.IssuedToken issued, boolean withCatalog) {
    ObjectNode root = Json.object();
    ObjectNode token =
        root.putObject("token")
            .put("expires_at", iamTime(issued.expiresAt()))
            .put("issued_at", iamTime(issued.issuedAt()));
    token.putArray("methods").add("password");
    ObjectNode user =
        token
            .putObject("user")
            .put("id", tenant.ownerIds().get(0))
            .put("name", credentials.iamUser())
            .put("password_expires_at", "");
    user.putObject("domain").put("id", tenant.domainId()).put("name", credentials.iamDomain());
    if (issued.projectId() != null) {
      ObjectNode project =
          token
              .putObject("project")
              .put("id", tenant.projectId())
              .put("name", tenant.projectName());
      project.putObject("domain").put("id", tenant.domainId()).put("name", credentials.iamDomain());
    }
    token.putArray("roles").addObject().put("id", "0").put("name", "te_admin");
    if (withCatalog) {
      ArrayNode catalog = token.putArray("catalog");
      for (String service : List.of("modelarts", "iam")) {
        ObjectNode entry =
            catalog.addObject().put("id", service).put("name", service).put("type", service);
        entry
            .putArray("endpoints")
            .addObject()
            .put("id", service + "-" + tenant.projectName())
            .put("interface", "public")
            .put("region", tenant.projectName())
            .put("region_id", tenant.projectName())
            .put("url", baseUrl);
      }
    }
    return root;
  }

  private static String iamTime(Instant instant) {
    return IAM_TIME.format(instant);
  }

  private static String first(ReceivedRequest request, String parameter) {
    List<String> values = request.queryParameters().get(parameter);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static boolean containsText(JsonNode array, String text) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode element : array) {
      if (text.equals(element.asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Keystone-style error: {@code {"error": {"code": 401, "title": "Unauthorized", "message":
   * ...}}}.
   */
  private static ApiResponse error(int status, String title, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", status).put("title", title).put("message", message);
    return ApiResponse.json(status, body).withErrorCode(title);
  }
}
