package io.modelarts.sql.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs each request with an access key / secret key pair ({@code SDK-HMAC-SHA256}), optionally
 * with the security token of temporary credentials.
 */
public final class AkSkAuthenticator implements RequestAuthenticator {
  private static final byte[] NO_BODY = new byte[0];

  private final String accessKey;
  private final String secretKey;
  private final String securityToken;
  private final String projectId;
  private final Clock clock;
  private final Logger log;

  /**
   * @param accessKey the access key (AK); shown in the Authorization header and in messages
   * @param secretKey the secret key (SK); never shown
   * @param securityTokenOrNull the session token of temporary credentials, or null
   * @param projectId sent as {@code X-Project-Id}
   * @param clock source of the signing time; the service rejects requests whose date is far off
   */
  public AkSkAuthenticator(
      String accessKey,
      String secretKey,
      String securityTokenOrNull,
      String projectId,
      Clock clock) {
    this(
        accessKey,
        secretKey,
        securityTokenOrNull,
        projectId,
        clock,
        LoggerFactory.getLogger(AkSkAuthenticator.class));
  }

  /** Takes the logger as a parameter so that tests can check that no secret is logged. */
  AkSkAuthenticator(
      String accessKey,
      String secretKey,
      String securityTokenOrNull,
      String projectId,
      Clock clock,
      Logger log) {
    this.log = Objects.requireNonNull(log, "log == null");
    this.accessKey = Objects.requireNonNull(accessKey, "accessKey == null");
    this.secretKey = Objects.requireNonNull(secretKey, "secretKey == null");
    this.projectId = Objects.requireNonNull(projectId, "projectId == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (accessKey.isBlank()) {
      throw new IllegalArgumentException("accessKey is blank");
    }
    if (secretKey.isBlank()) {
      throw new IllegalArgumentException("secretKey is blank");
    }
    // An empty token from a half-filled form means "no token": sending an empty header is refused.
    this.securityToken =
        securityTokenOrNull == null || securityTokenOrNull.isBlank() ? null : securityTokenOrNull;
  }

  @Override
  public Request authenticate(Request request) throws IOException {
    Objects.requireNonNull(request, "request == null");
    Request.Builder signed = request.newBuilder();

    byte[] body = NO_BODY;
    RequestBody requestBody = request.body();
    if (requestBody != null) {
      if (requestBody.isDuplex()) {
        throw new IOException(
            "a duplex request body cannot be signed: its bytes are not known up front");
      }
      Buffer buffer = new Buffer();
      requestBody.writeTo(buffer);
      body = buffer.readByteArray();
      // Send exactly the bytes that were hashed, and do not consume a one-shot body twice.
      signed.method(request.method(), RequestBody.create(body, requestBody.contentType()));
    }

    String date = AkSkSigner.formatSdkDate(clock.instant());
    // OkHttp adds Host itself when the request has none; sign the value it is going to send.
    String host = request.header("Host");
    if (host == null) {
      host = AkSkSigner.hostHeader(request.url());
    }
    AkSkSignature signature =
        AkSkSigner.sign(
            request.method(),
            request.url(),
            Map.of("host", host, "x-sdk-date", date),
            body,
            accessKey,
            secretKey,
            date);
    if (log.isTraceEnabled()) {
      // Only public material: the canonical request and string to sign, to debug a 401 mismatch.
      log.trace(
          "AK/SK signed {} {}\ncanonical request:\n{}\nstring to sign:\n{}",
          request.method(),
          request.url(),
          signature.canonicalRequest(),
          signature.stringToSign());
    }

    signed
        .header(AuthHeaders.X_SDK_DATE, date)
        .header(AuthHeaders.X_PROJECT_ID, projectId)
        .header(AuthHeaders.AUTHORIZATION, signature.authorization());
    if (securityToken != null) {
      signed.header(AuthHeaders.X_SECURITY_TOKEN, securityToken);
    }
    return signed.build();
  }

  /** Returns false: the same keys would be refused again, so a retry is pointless. */
  @Override
  public boolean invalidate() {
    return false;
  }

  @Override
  public String kind() {
    return "aksk";
  }

  /** The access key being used; not a secret. */
  public String accessKey() {
    return accessKey;
  }

  @Override
  public String toString() {
    return "AkSkAuthenticator{accessKey="
        + accessKey
        + ", secretKey="
        + Secrets.MASK
        + ", securityToken="
        + Secrets.mask(securityToken)
        + ", projectId="
        + projectId
        + '}';
  }
}
