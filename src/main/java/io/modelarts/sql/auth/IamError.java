package io.modelarts.sql.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Objects;

/**
 * The code and message of an IAM error body, in either shape IAM uses: Keystone's {@code
 * {"error":{"code":401,"title":"Unauthorized","message":"..."}}} or Huawei's {@code
 * {"error_code":"IAM.0101","error_msg":"..."}}.
 */
final class IamError {
  static final IamError NONE = new IamError(null, null, null);

  private static final JsonFactory JSON = new JsonFactory();

  private final String code;
  private final String message;
  private final String title;

  private IamError(String code, String message, String title) {
    this.code = code;
    this.message = message;
    this.title = title;
  }

  /** The error code, as text (Keystone's is a number), or null. */
  String code() {
    return code;
  }

  /** The error message, or null. */
  String message() {
    return message;
  }

  /** Keystone's short title such as {@code Unauthorized}, or null. */
  String title() {
    return title;
  }

  /**
   * Reads an error body; anything that is not one of the two shapes (HTML from a proxy, empty)
   * gives {@link #NONE}, because a refusal must still be reported when its body is unreadable.
   */
  static IamError parse(byte[] body) {
    Objects.requireNonNull(body, "body == null");
    String code = null;
    String message = null;
    String title = null;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("error".equals(field) && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String inner = p.currentName();
            JsonToken innerValue = p.nextToken();
            if (innerValue.isScalarValue() && innerValue != JsonToken.VALUE_NULL) {
              switch (inner) {
                case "code" -> code = p.getValueAsString();
                case "message" -> message = p.getValueAsString();
                case "title" -> title = p.getValueAsString();
                default -> {}
              }
            } else {
              p.skipChildren();
            }
          }
        } else if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
          switch (field) {
            case "error_code" -> code = p.getValueAsString();
            case "error_msg" -> message = p.getValueAsString();
            default -> {}
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      // Not JSON, or cut short: keep whatever was read before the damage.
    }
    return code == null && message == null && title == null
        ? NONE
        : new IamError(code, message, title);
  }
}
