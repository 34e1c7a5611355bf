package io.modelarts.simulator;

/**
 * Every error the ModelArts side of the simulator answers, with its HTTP status, {@code error_code}
 * and default {@code error_msg}; the README's error table lists exactly these.
 */
enum ModelArtsError {
  /**
   * A query parameter value the API does not accept (service-behaviour.md: 0101/0104 mean bad
   * parameter).
   */
  BAD_PARAMETER(400, "ModelArts.0104", "Parameter error."),
  /** A {@code sort_key} outside the whitelist (service-behaviour.md, OTC error codes). */
  SORT_FIELD_NOT_SUPPORTED(400, "ModelArts.6303", "The field does not support sorting."),
  /** A page past the end (service-behaviour.md: {@code fromIndex(F) > toIndex(T)}). */
  PAGE_OUT_OF_RANGE(400, "ModelArts.6400", "Bad range."),
  /** Neither a token nor an AK/SK signature was sent (the documented "no token contained"). */
  AUTHENTICATION_MISSING(
      401,
      "ModelArts.0201",
      "Authentication required: send X-Auth-Token or an SDK-HMAC-SHA256 signature."),
  /** An IAM token that expired or was revoked (service-behaviour.md: 0202 = token expired). */
  TOKEN_EXPIRED(401, "ModelArts.0202", "Token expired."),
  /** A token this IAM never issued, or one not scoped to a project (documented "invalid token"). */
  TOKEN_INVALID(401, "ModelArts.0203", "Invalid token."),
  /**
   * An {@code Authorization} header that cannot be parsed (documented "failed to parse the token").
   */
  AUTHORIZATION_MALFORMED(401, "ModelArts.0204", "Failed to parse the Authorization header."),
  /** An AK/SK signature that does not match the request (our choice of code). */
  SIGNATURE_MISMATCH(401, "ModelArts.0205", "The request signature does not match."),
  /** An access key the simulator does not know (our choice of code). */
  ACCESS_KEY_UNKNOWN(401, "ModelArts.0206", "Unknown access key."),
  /** {@code X-Sdk-Date} missing, malformed or more than 15 minutes off (our choice of code). */
  REQUEST_DATE_INVALID(
      401, "ModelArts.0207", "X-Sdk-Date is missing, malformed or more than 15 minutes off."),
  /** A temporary AK without the right {@code X-Security-Token} (our choice of code). */
  SECURITY_TOKEN_INVALID(
      401,
      "ModelArts.0208",
      "X-Security-Token is missing or invalid for this temporary access key."),
  /** A project id in the path that is not the simulator's (our choice of code). */
  PROJECT_NOT_FOUND(404, "ModelArts.0100", "Project not found."),
  /** A method and path the gateway does not route (the API Gateway's documented code). */
  API_NOT_FOUND(
      404, "APIGW.0101", "The API does not exist or has not been published in the environment."),
  /** The throttle fault (service-behaviour.md: 429 ModelArts.2799 "Too many requests"). */
  TOO_MANY_REQUESTS(429, "ModelArts.2799", "Too many requests"),
  /** The fail fault, and any bug in the simulator itself (our choice of code). */
  INTERNAL_ERROR(500, "ModelArts.0010", "Internal error");

  private final int status;
  private final String code;
  private final String defaultMessage;

  ModelArtsError(int status, String code, String defaultMessage) {
    this.status = status;
    this.code = code;
    this.defaultMessage = defaultMessage;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String defaultMessage() {
    return defaultMessage;
  }

  /** The error as an exception, with a message that says what exactly was wrong. */
  ApiException exception(String message) {
    return new ApiException(response(message));
  }

  ApiException exception() {
    return exception(defaultMessage);
  }

  /** The error answer: {@code {"error_code": ..., "error_msg": ...}}. */
  ApiResponse response(String message) {
    var body = Json.object().put("error_code", code).put("error_msg", message);
    return ApiResponse.json(status, body).withErrorCode(code);
  }

  ApiResponse response() {
    return response(defaultMessage);
  }
}
