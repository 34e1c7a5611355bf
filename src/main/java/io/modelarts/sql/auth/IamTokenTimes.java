package io.modelarts.sql.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * {@code token.issued_at} and {@code token.expires_at} of an IAM token response, either possibly
 * absent.
 */
final class IamTokenTimes {
  static final IamTokenTimes UNKNOWN = new IamTokenTimes(null, null);

  private static final JsonFactory JSON = new JsonFactory();

  private final Instant issuedAt;
  private final Instant expiresAt;

  IamTokenTimes(Instant issuedAtOrNull, Instant expiresAtOrNull) {
    this.issuedAt = issuedAtOrNull;
    this.expiresAt = expiresAtOrNull;
  }

  /** When IAM issued the token, by IAM's clock, or null. */
  Instant issuedAt() {
    return issuedAt;
  }

  /** When the token expires, by IAM's clock, or null. */
  Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Streams through a token response (which can carry a large service catalog when IAM ignores
   * {@code nocatalog}) and picks out the two times. A body that is not JSON gives {@link #UNKNOWN};
   * a connection failure while reading is thrown.
   */
  static IamTokenTimes parse(InputStream body) throws IOException {
    Objects.requireNonNull(body, "body == null");
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return UNKNOWN;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("token".equals(field) && value == JsonToken.START_OBJECT) {
          Instant issued = null;
          Instant expires = null;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String inner = p.currentName();
            JsonToken innerValue = p.nextToken();
            if (innerValue == JsonToken.VALUE_STRING && "issued_at".equals(inner)) {
              issued = parseInstant(p.getText());
            } else if (innerValue == JsonToken.VALUE_STRING && "expires_at".equals(inner)) {
              expires = parseInstant(p.getText());
            } else {
              p.skipChildren();
            }
          }
          return new IamTokenTimes(issued, expires);
        }
        p.skipChildren();
      }
      return UNKNOWN;
    } catch (JsonParseException e) {
      return UNKNOWN;
    }
  }

  /**
   * Parses IAM's ISO-8601 times such as {@code 2026-11-28T15:33:07.123000Z}; a time without a zone
   * is UTC. Returns null for text that is not a time.
   */
  static Instant parseInstant(String text) {
    if (text == null) {
      return null;
    }
    try {
      TemporalAccessor t =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              text.trim(), OffsetDateTime::from, LocalDateTime::from);
      return t instanceof OffsetDateTime odt
          ? odt.toInstant()
          : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
