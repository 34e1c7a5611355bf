package io.modelarts.sql.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before repeating a failed list call: exponential backoff with full
 * jitter, at least what {@code Retry-After} asks, capped in attempts and in total time.
 *
 * <p>Every list call is an idempotent GET, so repeating one can never change data.
 */
public record RetryPolicy(
    int maxAttempts, long baseDelayMillis, long maxDelayMillis, long maxElapsedMillis) {

  /** No retries: the first failure is final. */
  public static final RetryPolicy NONE = new RetryPolicy(1, 0, 0, 0);

  /**
   * The delay before attempt {@code attempt + 1}, having failed {@code attempt} times (1-based).
   *
   * <p>Example: base 200 ms, attempt 3: a uniform pick in [0, 800 ms], raised to Retry-After.
   */
  public long delayMillis(int attempt, Long retryAfterSeconds) {
    long ceiling = Math.min(maxDelayMillis, baseDelayMillis << Math.min(attempt - 1, 20));
    long jittered = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    long asked = retryAfterSeconds == null ? 0 : retryAfterSeconds * 1000L;
    return Math.max(jittered, asked);
  }
}
