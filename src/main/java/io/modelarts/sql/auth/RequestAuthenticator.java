package io.modelarts.sql.auth;

/** Adds credentials to outgoing ModelArts API requests and reacts when the service refuses them. */
public interface RequestAuthenticator {
  /** Returns the request with authentication headers added (may fetch/refresh a token first). */
  okhttp3.Request authenticate(okhttp3.Request request) throws java.io.IOException;

  /**
   * Called once after the API answered 401 for a request built by authenticate(); returns true when
   * a retry with fresh credentials makes sense (a refreshed token), false when it would fail again
   * (AK/SK, ready token). Must never loop: the caller retries at most once.
   */
  boolean invalidate();

  /** "aksk", "password" or "token": names the credential kind in error messages. */
  String kind();
}
