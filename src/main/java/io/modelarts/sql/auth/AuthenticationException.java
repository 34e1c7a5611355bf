package io.modelarts.sql.auth;

import java.io.IOException;
import java.util.Objects;

/**
 * IAM (or the API) answered a credential request with an error: carries the credential kind, the
 * HTTP status, the service's error code and message and its request id.
 *
 * <p>The message names the credential kind and the user, never a secret. Callers that build one
 * must keep it so.
 */
public final class AuthenticationException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final int httpStatus;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;

  /**
   * @param message the full message for people; must not contain a secret
   * @param kind the {@link RequestAuthenticator#kind()} whose credentials were refused
   * @param httpStatus the HTTP status of the refusal
   * @param errorCodeOrNull the service's error code, e.g. {@code IAM.0101} or {@code 401}
   * @param errorMessageOrNull the service's error message
   * @param requestIdOrNull the {@code X-Request-Id} response header
   */
  public AuthenticationException(
      String message,
      String kind,
      int httpStatus,
      String errorCodeOrNull,
      String errorMessageOrNull,
      String requestIdOrNull) {
    super(Objects.requireNonNull(message, "message == null"));
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.httpStatus = httpStatus;
    this.errorCode = errorCodeOrNull;
    this.errorMessage = errorMessageOrNull;
    this.requestId = requestIdOrNull;
  }

  /** "aksk", "password" or "token". */
  public String kind() {
    return kind;
  }

  /** The HTTP status of the refusal, e.g. 401. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The service's error code ({@code IAM.0101}, or Keystone's numeric code), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The service's own error message, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The {@code X-Request-Id} the service gave the refused request, or null. */
  public String requestId() {
    return requestId;
  }

  /**
   * True when the service judged the credentials themselves (400, 401, 403): retrying with the same
   * credentials will fail again. False for outages (5xx), throttling (429) and wrong URLs (404).
   */
  public boolean credentialsRefused() {
    return isCredentialRefusal(httpStatus);
  }

  static boolean isCredentialRefusal(int httpStatus) {
    return httpStatus == 400 || httpStatus == 401 || httpStatus == 403;
  }
}
