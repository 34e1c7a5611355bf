package io.modelarts.sql.auth;

import java.util.Objects;
import okhttp3.Request;

/** Sends a ready-made IAM token, obtained elsewhere, as {@code X-Auth-Token}. */
public final class StaticTokenAuthenticator implements RequestAuthenticator {
  private final String token;

  /**
   * @param token the IAM token; never shown
   */
  public StaticTokenAuthenticator(String token) {
    this.token = Objects.requireNonNull(token, "token == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
  }

  @Override
  public Request authenticate(Request request) {
    Objects.requireNonNull(request, "request == null");
    return request.newBuilder().header(AuthHeaders.X_AUTH_TOKEN, token).build();
  }

  /** Returns false: this driver cannot obtain another token, so a retry would fail the same way. */
  @Override
  public boolean invalidate() {
    return false;
  }

  @Override
  public String kind() {
    return "token";
  }

  @Override
  public String toString() {
    return "StaticTokenAuthenticator{token=" + Secrets.MASK + '}';
  }
}
