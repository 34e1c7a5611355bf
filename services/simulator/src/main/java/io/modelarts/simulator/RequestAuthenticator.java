package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

/**
 * Decides whether a ModelArts API request is authenticated, by AK/SK signature or by IAM token, as
 * the API gateway does before the request reaches the service.
 */
final class RequestAuthenticator {
  static final String AKSK = "aksk";
  static final String TOKEN = "token";
  static final String NONE = "none";

  private final AkSkVerifier akSkVerifier;
  private final TokenRegistry tokens;

  RequestAuthenticator(AkSkVerifier akSkVerifier, TokenRegistry tokens) {
    this.akSkVerifier = requireNonNull(akSkVerifier, "akSkVerifier == null");
    this.tokens = requireNonNull(tokens, "tokens == null");
  }

  /**
   * The kind of credential a request presents: an {@code Authorization} header means AK/SK (it wins
   * when a client sends both), else {@code X-Auth-Token} means token, else none.
   */
  static String kindOf(ReceivedRequest request) {
    if (request.header("authorization") != null) {
      return AKSK;
    }
    return request.header("x-auth-token") != null ? TOKEN : NONE;
  }

  /** Returns normally for an authenticated request, else throws a 401 {@link ApiException}. */
  void authenticate(ReceivedRequest request) {
    switch (kindOf(request)) {
      case AKSK -> akSkVerifier.verify(request);
      case TOKEN -> tokens.projectOf(request.header("x-auth-token").trim());
      default -> throw ModelArtsError.AUTHENTICATION_MISSING.exception();
    }
  }
}
