package io.modelarts.sql.auth;

/** Names of the HTTP headers that carry or accompany ModelArts and IAM credentials. */
public final class AuthHeaders {
  /** Signing time of an AK/SK request, {@code yyyyMMdd'T'HHmmss'Z'} in UTC. */
  public static final String X_SDK_DATE = "X-Sdk-Date";

  /** The project the request acts in; the SDKs send it with AK/SK. */
  public static final String X_PROJECT_ID = "X-Project-Id";

  /** Session token of temporary AK/SK credentials. */
  public static final String X_SECURITY_TOKEN = "X-Security-Token";

  /** An IAM token on an API request. */
  public static final String X_AUTH_TOKEN = "X-Auth-Token";

  /** The IAM token in the answer to {@code POST /v3/auth/tokens}. */
  public static final String X_SUBJECT_TOKEN = "X-Subject-Token";

  /** The service's id for a request, quoted to support staff. */
  public static final String X_REQUEST_ID = "X-Request-Id";

  /** Standard header carrying the AK/SK signature. */
  public static final String AUTHORIZATION = "Authorization";

  private AuthHeaders() {}
}
