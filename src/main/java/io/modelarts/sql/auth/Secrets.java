package io.modelarts.sql.auth;

/** Helpers that keep secrets out of text meant for people (messages, logs, toString). */
final class Secrets {
  /** What a secret is shown as. */
  static final String MASK = "****";

  private Secrets() {}

  /**
   * Replaces every occurrence of {@code secret} in {@code text} by {@link #MASK}. Used on text that
   * partly comes from a server (an IAM error message could, in theory, echo what it was sent).
   */
  static String redact(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, MASK);
  }

  /** Masks a secret that may be absent: {@code none} when absent, {@link #MASK} otherwise. */
  static String mask(String secretOrNull) {
    return secretOrNull == null ? "none" : MASK;
  }
}
