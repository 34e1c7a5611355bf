package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the {@code SDK-HMAC-SHA256} signature of a request against the simulator's access keys, as
 * the API gateway in front of ModelArts does.
 */
final class AkSkVerifier {
  /**
   * How far {@code X-Sdk-Date} may be from the simulator's clock (the API gateway allows 15
   * minutes).
   */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  /**
   * The three parts of {@code Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b,
   * Signature=hex}.
   *
   * @param signedHeaders lower-case names, as listed
   */
  record Authorization(String accessKey, List<String> signedHeaders, String signature) {
    /** Parses the header value; throws 401 ModelArts.0204 when it does not have the three parts. */
    static Authorization parse(String value) {
      String prefix = SdkHmacSha256.ALGORITHM + " ";
      if (value == null || !value.startsWith(prefix)) {
        throw ModelArtsError.AUTHORIZATION_MALFORMED.exception(
            "Authorization must start with '" + prefix + "'.");
      }
      Map<String, String> parts = new HashMap<>();
      for (String part : value.substring(prefix.length()).split(",")) {
        int equals = part.indexOf('=');
        if (equals > 0) {
          parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
        }
      }
      String accessKey = parts.get("Access");
      String signedHeaders = parts.get("SignedHeaders");
      String signature = parts.get("Signature");
      if (isBlank(accessKey) || isBlank(signedHeaders) || isBlank(signature)) {
        throw ModelArtsError.AUTHORIZATION_MALFORMED.exception(
            "Authorization needs Access=, SignedHeaders= and Signature=.");
      }
      List<String> names =
          Arrays.stream(signedHeaders.split(";"))
              .map(name -> name.trim().toLowerCase(Locale.ROOT))
              .toList();
      return new Authorization(accessKey, names, signature.toLowerCase(Locale.ROOT));
    }

    private static boolean isBlank(String text) {
      return text == null || text.isBlank();
    }
  }

  private final SimulatorCredentials credentials;
  private final Clock clock;

  AkSkVerifier(SimulatorCredentials credentials, Clock clock) {
    this.credentials = requireNonNull(credentials, "credentials == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /**
   * Returns normally when the request is correctly signed, else throws a 401 {@link ApiException}.
   */
  void verify(ReceivedRequest request) {
    Authorization authorization = Authorization.parse(request.header("authorization"));
    String secretKey = secretKeyFor(authorization.accessKey(), request);
    String sdkDate = checkedSdkDate(request.header("x-sdk-date"));
    if (!authorization.signedHeaders().contains("x-sdk-date")) {
      // An unsigned date would let anyone replay a captured request forever.
      throw ModelArtsError.AUTHORIZATION_MALFORMED.exception(
          "SignedHeaders must include x-sdk-date.");
    }
    for (String name : authorization.signedHeaders()) {
      if (request.header(name) == null) {
        throw ModelArtsError.AUTHORIZATION_MALFORMED.exception(
            "Signed header '" + name + "' is not in the request.");
      }
    }
    String canonicalRequest = canonicalRequest(request, authorization.signedHeaders());
    String expected = SdkHmacSha256.signature(secretKey, sdkDate, canonicalRequest);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
      // The canonical request holds no secret and is what a client author needs to find the
      // difference.
      throw ModelArtsError.SIGNATURE_MISMATCH.exception(
          "The request signature does not match. Canonical request computed by the simulator:\n"
              + canonicalRequest);
    }
  }

  private String secretKeyFor(String accessKey, ReceivedRequest request) {
    if (accessKey.equals(credentials.accessKey())) {
      return credentials.secretKey();
    }
    if (accessKey.equals(credentials.temporaryAccessKey())) {
      String presented = request.header("x-security-token");
      if (presented == null
          || !MessageDigest.isEqual(
              presented.getBytes(StandardCharsets.UTF_8),
              credentials.securityToken().getBytes(StandardCharsets.UTF_8))) {
        throw ModelArtsError.SECURITY_TOKEN_INVALID.exception();
      }
      return credentials.temporarySecretKey();
    }
    throw ModelArtsError.ACCESS_KEY_UNKNOWN.exception("Unknown access key: " + accessKey);
  }

  private String checkedSdkDate(String sdkDate) {
    if (sdkDate == null) {
      throw ModelArtsError.REQUEST_DATE_INVALID.exception("X-Sdk-Date is missing.");
    }
    Instant signedAt;
    try {
      signedAt = Instant.from(SdkHmacSha256.SDK_DATE.parse(sdkDate.trim()));
    } catch (DateTimeParseException e) {
      throw ModelArtsError.REQUEST_DATE_INVALID.exception(
          "X-Sdk-Date must look like 20191115T033655Z: " + sdkDate);
    }
    Duration skew = Duration.between(signedAt, clock.instant()).abs();
    if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw ModelArtsError.REQUEST_DATE_INVALID.exception(
          "X-Sdk-Date "
              + sdkDate
              + " is "
              + skew.toSeconds()
              + " s away from the server clock (max 900 s).");
    }
    return sdkDate.trim();
  }

  private static String canonicalRequest(ReceivedRequest request, List<String> signedHeaders) {
    String bodyHash =
        SdkHmacSha256.UNSIGNED_PAYLOAD.equals(request.header("x-sdk-content-sha256"))
            ? SdkHmacSha256.UNSIGNED_PAYLOAD
            : SdkHmacSha256.sha256Hex(request.body());
    try {
      return SdkHmacSha256.canonicalRequest(
          request.method(),
          request.rawPath(),
          request.queryParameters(),
          request.headers(),
          signedHeaders,
          bodyHash);
    } catch (IllegalArgumentException e) {
      throw ModelArtsError.SIGNATURE_MISMATCH.exception(
          "The request path cannot be canonicalised: " + e.getMessage());
    }
  }
}
