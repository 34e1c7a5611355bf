package io.modelarts.sql.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;

/**
 * Computes Huawei Cloud {@code SDK-HMAC-SHA256} (AK/SK) request signatures; a pure function with no
 * I/O, checked against the test vectors published with the official SDKs.
 *
 * <p>The algorithm, as implemented by huaweicloud-sdk-java-v3 {@code AKSKSigner} and
 * huaweicloud-sdk-go-v3 {@code signer.go}:
 *
 * <pre>
 * canonical request = METHOD \n URI \n QUERY \n HEADERS \n SIGNED_HEADERS \n hex(sha256(body))
 * string to sign    = SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(canonical request))
 * signature         = hex(HMAC-SHA256(key = SK bytes, string to sign))
 * </pre>
 */
public final class AkSkSigner {
  /** The algorithm name that starts the string to sign and the Authorization header. */
  public static final String ALGORITHM = "SDK-HMAC-SHA256";

  /** Hex SHA-256 of an empty body, which every GET request signs. */
  public static final String EMPTY_BODY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The {@code X-Sdk-Date} format: basic ISO-8601 in UTC, e.g. {@code 20191115T033655Z}. */
  public static final DateTimeFormatter SDK_DATE_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final HexFormat HEX = HexFormat.of();

  private AkSkSigner() {}

  /**
   * Signs one request.
   *
   * @param method the HTTP method exactly as sent, e.g. {@code GET}
   * @param url the full URL; path and query are read decoded and re-encoded canonically
   * @param headersToSign the headers to sign, name to value, names in any case (normally {@code
   *     host} and {@code x-sdk-date}); values are trimmed. The host value must be what goes on the
   *     wire, including {@code :port} for a non-default port (see {@link #hostHeader(HttpUrl)}).
   * @param body the exact body bytes sent; empty for GET
   * @param accessKey the access key (AK), shown in the Authorization header
   * @param secretKey the secret key (SK), used only as the HMAC key
   * @param sdkDate the {@code X-Sdk-Date} value, e.g. {@code 20191115T033655Z}
   * @return every step of the signature and the Authorization header value
   * @throws IllegalArgumentException when a signed {@code x-sdk-date} header differs from {@code
   *     sdkDate}, header names collide, or a key is empty
   */
  public static AkSkSignature sign(
      String method,
      HttpUrl url,
      Map<String, String> headersToSign,
      byte[] body,
      String accessKey,
      String secretKey,
      String sdkDate) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(headersToSign, "headersToSign == null");
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(accessKey, "accessKey == null");
    Objects.requireNonNull(secretKey, "secretKey == null");
    Objects.requireNonNull(sdkDate, "sdkDate == null");
    if (accessKey.isEmpty()) {
      throw new IllegalArgumentException("accessKey is empty");
    }
    if (secretKey.isEmpty()) {
      // HMAC with an empty key is legal but can only be a configuration mistake.
      throw new IllegalArgumentException("secretKey is empty");
    }
    if (headersToSign.isEmpty()) {
      throw new IllegalArgumentException("headersToSign is empty");
    }

    TreeMap<String, String> headers = new TreeMap<>();
    for (Map.Entry<String, String> e : headersToSign.entrySet()) {
      String name =
          Objects.requireNonNull(e.getKey(), "header name == null").toLowerCase(Locale.ROOT);
      String value =
          Objects.requireNonNull(e.getValue(), "value of header " + name + " == null").trim();
      if (headers.put(name, value) != null) {
        throw new IllegalArgumentException(
            "header " + name + " given twice (names are case-insensitive)");
      }
    }
    String signedDate = headers.get("x-sdk-date");
    if (signedDate != null && !signedDate.equals(sdkDate)) {
      // The service checks the signature with the header's date; signing another would always fail.
      throw new IllegalArgumentException(
          "x-sdk-date header " + signedDate + " differs from the signing date " + sdkDate);
    }

    StringBuilder canonicalHeaders = new StringBuilder();
    for (Map.Entry<String, String> e : headers.entrySet()) {
      canonicalHeaders.append(e.getKey()).append(':').append(e.getValue()).append('\n');
    }
    String signedHeaders = String.join(";", headers.keySet());

    String canonicalRequest =
        method
            + '\n'
            + canonicalUri(url)
            + '\n'
            + canonicalQuery(url)
            + '\n'
            + canonicalHeaders // ends with \n, so a blank line precedes the signed header list
            + '\n'
            + signedHeaders
            + '\n'
            + sha256Hex(body);
    String stringToSign =
        ALGORITHM
            + '\n'
            + sdkDate
            + '\n'
            + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    String signature = hmacSha256Hex(secretKey, stringToSign);
    String authorization =
        ALGORITHM
            + " Access="
            + accessKey
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + signature;
    return new AkSkSignature(
        canonicalRequest, stringToSign, signedHeaders, signature, authorization);
  }

  /** Formats an instant as an {@code X-Sdk-Date} value (UTC, second precision). */
  public static String formatSdkDate(Instant instant) {
    Objects.requireNonNull(instant, "instant == null");
    return SDK_DATE_FORMAT.format(instant);
  }

  /**
   * The Host header value OkHttp sends for a URL: the host (IPv6 in brackets), plus {@code :port}
   * when the port is not the scheme's default. Signing anything else fails against the service.
   */
  public static String hostHeader(HttpUrl url) {
    Objects.requireNonNull(url, "url == null");
    String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }

  /**
   * The canonical URI: each decoded path segment percent-encoded by {@link #percentEncode}, joined
   * by {@code /}, always ending with {@code /} (the SDKs add it even when the URL has none).
   */
  public static String canonicalUri(HttpUrl url) {
    Objects.requireNonNull(url, "url == null");
    StringBuilder uri = new StringBuilder();
    for (String segment : url.pathSegments()) {
      uri.append('/').append(percentEncode(segment));
    }
    if (uri.length() == 0 || uri.charAt(uri.length() - 1) != '/') {
      uri.append('/');
    }
    return uri.toString();
  }

  /**
   * The canonical query: each decoded key and value percent-encoded by {@link #percentEncode}, keys
   * sorted, the values of one key sorted, {@code key=value} pairs joined by {@code &}. A parameter
   * without a value ({@code ?flag}) signs as {@code flag=}.
   *
   * <p>Sorting happens after encoding, as in the Java SDK and this project's simulator (the Go SDK
   * sorts before encoding; the two orders differ only for keys or repeated values containing
   * reserved characters, which the driver never sends). Keys keep their case: the Go SDK
   * lower-cases them, the Java SDK and the published algorithm do not.
   */
  public static String canonicalQuery(HttpUrl url) {
    Objects.requireNonNull(url, "url == null");
    // Encoded text is ASCII, so String order is byte order.
    TreeMap<String, List<String>> byKey = new TreeMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      if (name.isEmpty() && value == null) {
        continue; // a bare "?" or "&&": nothing the service sees as a parameter
      }
      byKey
          .computeIfAbsent(percentEncode(name), k -> new ArrayList<>())
          .add(percentEncode(value == null ? "" : value));
    }
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, List<String>> e : byKey.entrySet()) {
      List<String> values = e.getValue();
      values.sort(null);
      for (String value : values) {
        if (query.length() > 0) {
          query.append('&');
        }
        query.append(e.getKey()).append('=').append(value);
      }
    }
    return query.toString();
  }

  /**
   * Percent-encodes the UTF-8 bytes of {@code s}, keeping only {@code A-Z a-z 0-9 - _ . ~}; so a
   * space is {@code %20}, never {@code +}, and {@code *} is {@code %2A}. Hex digits are upper case.
   */
  public static String percentEncode(String s) {
    Objects.requireNonNull(s, "s == null");
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Lower-case hex SHA-256 of {@code data}. */
  public static String sha256Hex(byte[] data) {
    Objects.requireNonNull(data, "data == null");
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static String hmacSha256Hex(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // The message of these exceptions never holds key material, but say it ourselves anyway.
      throw new IllegalStateException("cannot compute HmacSHA256 on this JVM", e);
    }
  }
}
