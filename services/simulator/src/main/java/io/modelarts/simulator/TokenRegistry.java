package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The IAM tokens this simulator issued, and the check of a presented {@code X-Auth-Token}. */
final class TokenRegistry {
  /**
   * Beyond this many remembered tokens, dead ones are forgotten so a long benchmark cannot fill the
   * heap.
   */
  private static final int PRUNE_THRESHOLD = 10_000;

  /**
   * Random bytes per token: real IAM tokens are several kilobytes, and clients must cope with that.
   */
  private static final int TOKEN_BYTES = 1800;

  /**
   * One issued token.
   *
   * @param projectId the project the token is scoped to, or null for an unscoped token
   * @param generation the revocation generation it was issued in
   */
  record IssuedToken(
      String value, String projectId, Instant issuedAt, Instant expiresAt, long generation) {}

  private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final SecureRandom random = new SecureRandom();
  private final String readyToken;
  private final String projectId;
  private final Clock clock;
  private volatile Duration ttl;

  TokenRegistry(String readyToken, String projectId, Duration ttl, Clock clock) {
    this.readyToken = requireNonNull(readyToken, "readyToken == null");
    this.projectId = requireNonNull(projectId, "projectId == null");
    this.clock = requireNonNull(clock, "clock == null");
    setTtl(ttl);
  }

  void setTtl(Duration ttl) {
    this.ttl = Checks.requirePositive("ttl", ttl);
  }

  /** Issues a token for {@code scopeProjectId} (null: unscoped) that lives for the current TTL. */
  IssuedToken issue(String scopeProjectId) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    // Real tokens start with "MII" (a base64 PKCS#7 blob); the prefix keeps ours recognisable in
    // logs.
    String value = "MII" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    IssuedToken token =
        new IssuedToken(value, scopeProjectId, now, now.plus(ttl), generation.get());
    if (tokens.size() >= PRUNE_THRESHOLD) {
      tokens.values().removeIf(old -> !isAlive(old, now));
    }
    tokens.put(value, token);
    return token;
  }

  /** Every token issued so far stops working; the ready token keeps working. */
  void revokeAll() {
    generation.incrementAndGet();
  }

  /**
   * Checks a presented token and returns the project it is scoped to.
   *
   * @throws ApiException 401 ModelArts.0202 when expired or revoked, 0203 when unknown or unscoped
   */
  String projectOf(String presented) {
    if (readyToken.equals(presented)) {
      return projectId;
    }
    IssuedToken token = tokens.get(presented);
    if (token == null) {
      throw ModelArtsError.TOKEN_INVALID.exception("Invalid token: this IAM never issued it.");
    }
    if (token.generation() < generation.get()) {
      throw ModelArtsError.TOKEN_EXPIRED.exception("Token expired: it was revoked.");
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      throw ModelArtsError.TOKEN_EXPIRED.exception("Token expired at " + token.expiresAt() + ".");
    }
    if (token.projectId() == null) {
      throw ModelArtsError.TOKEN_INVALID.exception("Invalid token: it is not scoped to a project.");
    }
    return token.projectId();
  }

  private boolean isAlive(IssuedToken token, Instant now) {
    return token.generation() == generation.get() && now.isBefore(token.expiresAt());
  }
}
