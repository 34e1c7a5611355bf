package io.modelarts.sql.http;

import java.io.IOException;

/**
 * The ModelArts API (or IAM) answered with an error status; carries what the service said.
 *
 * <p>The message names the HTTP status, the service's {@code error_code} and {@code error_msg}, and
 * its request id, so a support ticket can quote it; it never contains a credential.
 */
public final class ModelArtsApiException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final Long retryAfterSeconds;

  public ModelArtsApiException(
      String what,
      int httpStatus,
      String errorCode,
      String errorMessage,
      String requestId,
      Long retryAfterSeconds) {
    super(format(what, httpStatus, errorCode, errorMessage, requestId));
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  private static String format(
      String what, int status, String code, String message, String requestId) {
    StringBuilder sb = new StringBuilder(what).append(" failed: HTTP ").append(status);
    if (code != null) {
      sb.append(' ').append(code);
    }
    if (message != null) {
      sb.append(' ').append(message);
    }
    if (requestId != null) {
      sb.append(" (request id ").append(requestId).append(')');
    }
    return sb.toString();
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The service's {@code error_code}, e.g. {@code ModelArts.6400}; null when it sent none. */
  public String errorCode() {
    return errorCode;
  }

  /** The service's {@code error_msg}; null when it sent none. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The {@code X-Request-Id} of the failed call; null when the service sent none. */
  public String requestId() {
    return requestId;
  }

  /** The {@code Retry-After} the service asked for, in seconds; null when absent. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** True for answers a later identical call may not get: throttling and server errors. */
  public boolean isTransient() {
    return httpStatus == 429 || httpStatus >= 500;
  }
}
