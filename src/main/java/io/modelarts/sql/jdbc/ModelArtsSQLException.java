package io.modelarts.sql.jdbc;

import java.sql.SQLException;

/**
 * An SQLException that keeps what the ModelArts service said: its {@code error_code}, {@code
 * error_msg} and request id (all null when the failure did not come from the service).
 */
public final class ModelArtsSQLException extends SQLException {
  private static final long serialVersionUID = 1L;

  private final String apiErrorCode;
  private final String apiErrorMessage;
  private final String requestId;

  ModelArtsSQLException(
      String message,
      String sqlState,
      String apiErrorCode,
      String apiErrorMessage,
      String requestId,
      Throwable cause) {
    super(message, sqlState, cause);
    this.apiErrorCode = apiErrorCode;
    this.apiErrorMessage = apiErrorMessage;
    this.requestId = requestId;
  }

  /** The service's {@code error_code}, e.g. {@code ModelArts.0202}. */
  public String apiErrorCode() {
    return apiErrorCode;
  }

  /** The service's {@code error_msg}. */
  public String apiErrorMessage() {
    return apiErrorMessage;
  }

  /** The {@code X-Request-Id} of the failed call. */
  public String requestId() {
    return requestId;
  }
}
