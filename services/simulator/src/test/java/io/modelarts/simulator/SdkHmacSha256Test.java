package io.modelarts.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's signing algorithm reproduces the published SDK-HMAC-SHA256 test vectors. */
class SdkHmacSha256Test {
  // The published vectors' example key pair (service-behaviour.md), not a credential.
  private static final String EXAMPLE_SK = "SecretKey";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String EXAMPLE_DATE = "20191115T033655Z";
  private static final List<String> HOST_AND_DATE = List.of("host", "x-sdk-date");

  @Test
  void firstVectorCanonicalRequestMatchesThePublishedText() {
    String canonical =
        SdkHmacSha256.canonicalRequest(
            "GET",
            "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
            QueryString.decode("limit=2&marker=13551d6b-755d-4757-b956-536f674975c0"),
            Map.of("host", "service.region.example.com", "x-sdk-date", EXAMPLE_DATE),
            HOST_AND_DATE,
            EMPTY_SHA256);
    assertEquals(
        String.join(
            "\n",
            "GET",
            "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
            "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            "host:service.region.example.com",
            "x-sdk-date:20191115T033655Z",
            "",
            "host;x-sdk-date",
            EMPTY_SHA256),
        canonical);
  }

  @Test
  void getWithQueryVector() {
    assertEquals(
        "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
        sign(
            "GET",
            "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
            "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            "service.region.example.com",
            ""));
  }

  @Test
  void postWithBodyVector() {
    assertEquals(
        "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771",
        sign(
            "POST",
            "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123",
            "",
            "service.region.example.com",
            "{\"key\":\"value\"}"));
  }

  @Test
  void rootPathVector() {
    assertEquals(
        "919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6",
        sign("GET", "/", "", "example.com", ""));
  }

  @Test
  void goSdkVectorSigningOnlyTheDate() {
    String date = "20060102T150405Z";
    String canonical =
        SdkHmacSha256.canonicalRequest(
            "GET",
            "/path",
            QueryString.decode("limit=1"),
            Map.of("x-sdk-date", date),
            List.of("x-sdk-date"),
            EMPTY_SHA256);
    assertEquals(
        "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
        SdkHmacSha256.signature(EXAMPLE_SK, date, canonical));
  }

  @Test
  void queryIsSortedByKeyThenValueAndEncodedWithPercentTwenty() {
    assertEquals(
        "a=1&a=2&b=x%20y&c=%E4%B8%AD&d=",
        SdkHmacSha256.canonicalQuery(QueryString.decode("c=%E4%B8%AD&b=x+y&a=2&a=1&d")));
  }

  @Test
  void uriSegmentsAreReencodedAndEndWithASlash() {
    assertEquals("/", SdkHmacSha256.canonicalUri(""));
    assertEquals("/a%20b/c~d/", SdkHmacSha256.canonicalUri("/a%20b/c%7Ed"));
    assertEquals("/a%2Bb/", SdkHmacSha256.canonicalUri("/a+b"));
    assertThrows(IllegalArgumentException.class, () -> SdkHmacSha256.canonicalUri("/a%2"));
  }

  private static String sign(String method, String path, String query, String host, String body) {
    String canonical =
        SdkHmacSha256.canonicalRequest(
            method,
            path,
            QueryString.decode(query),
            Map.of("host", host, "x-sdk-date", EXAMPLE_DATE),
            HOST_AND_DATE,
            SdkHmacSha256.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    return SdkHmacSha256.signature(EXAMPLE_SK, EXAMPLE_DATE, canonical);
  }
}
