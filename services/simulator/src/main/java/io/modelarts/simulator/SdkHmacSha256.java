package io.modelarts.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code SDK-HMAC-SHA256} signing algorithm of the Huawei Cloud SDKs, as pure functions,
 * written from service-behaviour.md and checked against its published test vectors.
 *
 * <p>Worked example (first published vector): {@code GET /v1/77b6.../vpcs?limit=2&marker=1355...}
 * becomes the canonical request {@code
 * "GET\n/v1/77b6.../vpcs/\nlimit=2&marker=1355...\nhost:service.region.example.com\n
 * x-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\ne3b0...b855"}; its SHA-256 goes into the string
 * to sign {@code "SDK-HMAC-SHA256\n20191115T033655Z\n<hex>"}, and HMAC-SHA256 of that under the SK
 * is the signature.
 */
final class SdkHmacSha256 {
  static final String ALGORITHM = "SDK-HMAC-SHA256";

  /** Format of the {@code X-Sdk-Date} header. */
  static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The {@code X-Sdk-Content-Sha256} value by which a client declares it did not hash the body. */
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private static final HexFormat HEX = HexFormat.of();

  private SdkHmacSha256() {}

  /**
   * The canonical request of service-behaviour.md.
   *
   * @param rawPath the request path as sent (percent-encoded); it is decoded, re-encoded and ends
   *     with '/'
   * @param decodedQuery decoded query parameters
   * @param headers lower-case header names to values
   * @param signedHeaders lower-case names of the signed headers, in any order
   * @param bodySha256 hex SHA-256 of the body (or {@link #UNSIGNED_PAYLOAD})
   */
  static String canonicalRequest(
      String method,
      String rawPath,
      Map<String, List<String>> decodedQuery,
      Map<String, String> headers,
      List<String> signedHeaders,
      String bodySha256) {
    List<String> sortedNames = signedHeaders.stream().sorted().toList();
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : sortedNames) {
      String value = headers.get(name);
      canonicalHeaders
          .append(name)
          .append(':')
          .append(value == null ? "" : value.trim())
          .append('\n');
    }
    return method
        + '\n'
        + canonicalUri(rawPath)
        + '\n'
        + canonicalQuery(decodedQuery)
        + '\n'
        + canonicalHeaders
        + '\n'
        + String.join(";", sortedNames)
        + '\n'
        + bodySha256;
  }

  /** Each path segment decoded and re-encoded with {@link #percentEncode}; always ends with '/'. */
  static String canonicalUri(String rawPath) {
    StringJoiner uri = new StringJoiner("/");
    for (String segment : rawPath.split("/", -1)) {
      uri.add(percentEncode(percentDecode(segment)));
    }
    String joined = uri.toString();
    return joined.endsWith("/") ? joined : joined + "/";
  }

  /** Keys sorted, each key's values sorted, every {@code k=v} percent-encoded, joined by '&'. */
  static String canonicalQuery(Map<String, List<String>> decodedQuery) {
    // Sorting the encoded keys matches the SDKs, which sort after encoding.
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    decodedQuery.forEach(
        (key, values) -> {
          List<String> encoded = new ArrayList<>();
          values.forEach(value -> encoded.add(percentEncode(value)));
          sorted.computeIfAbsent(percentEncode(key), k -> new ArrayList<>()).addAll(encoded);
        });
    StringJoiner query = new StringJoiner("&");
    sorted.forEach(
        (key, values) -> values.stream().sorted().forEach(value -> query.add(key + '=' + value)));
    return query.toString();
  }

  static String stringToSign(String sdkDate, String canonicalRequest) {
    return ALGORITHM
        + '\n'
        + sdkDate
        + '\n'
        + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Hex HMAC-SHA256 of the string to sign, keyed directly with the SK bytes (no key derivation).
   */
  static String signature(String secretKey, String sdkDate, String canonicalRequest) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(stringToSign(sdkDate, canonicalRequest).getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Percent-encodes UTF-8 bytes, keeping only {@code A-Za-z0-9-_.~}; a space becomes {@code %20}.
   */
  static String percentEncode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  /**
   * Decodes {@code %XX} escapes of a path segment; unlike query decoding, '+' stays '+'.
   *
   * @throws IllegalArgumentException on a malformed escape
   */
  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%') {
        if (i + 3 > text.length()) {
          throw new IllegalArgumentException("truncated escape in " + text);
        }
        bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
        i += 3;
      } else {
        // Copy the whole run up to the next escape, so surrogate pairs stay together.
        int next = text.indexOf('%', i);
        int end = next < 0 ? text.length() : next;
        bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
