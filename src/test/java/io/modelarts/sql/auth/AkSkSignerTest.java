package io.modelarts.sql.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Reproduces the published SDK-HMAC-SHA256 test vectors and pins the canonical encoding. */
class AkSkSignerTest {
  private static final String AK = "AccessKey";
  private static final String SK = "SecretKey";
  private static final String DATE = "20191115T033655Z";
  private static final String HOST = "service.region.example.com";
  private static final byte[] NO_BODY = new byte[0];

  private static Map<String, String> hostAndDate(String host, String date) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", host);
    headers.put("X-Sdk-Date", date);
    return headers;
  }

  @Test
  void firstVectorGetWithQuery() {
    HttpUrl url =
        HttpUrl.get(
            "https://"
                + HOST
                + "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");
    AkSkSignature s = AkSkSigner.sign("GET", url, hostAndDate(HOST, DATE), NO_BODY, AK, SK, DATE);

    assertEquals(
        "GET\n"
            + "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"
            + "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
            + "host:service.region.example.com\n"
            + "x-sdk-date:20191115T033655Z\n"
            + "\n"
            + "host;x-sdk-date\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        s.canonicalRequest());
    assertEquals(
        "SDK-HMAC-SHA256\n20191115T033655Z\n"
            + AkSkSigner.sha256Hex(s.canonicalRequest().getBytes(StandardCharsets.UTF_8)),
        s.stringToSign());
    assertEquals("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d", s.signature());
    assertEquals(
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
            + "Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
        s.authorization());
    assertEquals("host;x-sdk-date", s.signedHeaders());
  }

  @Test
  void secondVectorPostWithBody() {
    HttpUrl url = HttpUrl.get("https://" + HOST + "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123");
    byte[] body = "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8);
    AkSkSignature s = AkSkSigner.sign("POST", url, hostAndDate(HOST, DATE), body, AK, SK, DATE);
    assertEquals("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", s.signature());
    assertTrue(
        s.canonicalRequest().startsWith("POST\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123/\n\n"));
    assertTrue(s.canonicalRequest().endsWith("\n" + AkSkSigner.sha256Hex(body)));
  }

  @Test
  void thirdVectorRootPath() {
    HttpUrl url = HttpUrl.get("https://example.com/");
    AkSkSignature s =
        AkSkSigner.sign("GET", url, hostAndDate("example.com", DATE), NO_BODY, AK, SK, DATE);
    assertEquals("919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6", s.signature());
    assertTrue(s.canonicalRequest().startsWith("GET\n/\n\nhost:example.com\n"));
  }

  @Test
  void goSdkVectorSigningOnlyTheDate() {
    // huaweicloud-sdk-go-v3 core/auth/signer/signer_test.go, test1: the Go signer signs x-sdk-date
    // only.
    String date = "20060102T150405Z";
    HttpUrl url = HttpUrl.get("https://example.huaweicloud.com/path?limit=1");
    AkSkSignature s =
        AkSkSigner.sign("GET", url, Map.of("X-Sdk-Date", date), NO_BODY, AK, SK, date);
    assertEquals(
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, "
            + "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
        s.authorization());
  }

  @Test
  void goSdkVectorPostSigningOnlyTheDate() {
    // Same file, test2: POST with a JSON body as Go's json.Encoder writes it (with a final
    // newline).
    String date = "20060102T150405Z";
    HttpUrl url = HttpUrl.get("https://example.huaweicloud.com/path?key=value");
    byte[] body = "{\"Name\":\"test\",\"Id\":1}\n".getBytes(StandardCharsets.UTF_8);
    AkSkSignature s = AkSkSigner.sign("POST", url, Map.of("x-sdk-date", date), body, AK, SK, date);
    assertEquals("cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59", s.signature());
  }

  @Test
  void goSdkCanonicalQueryVector() {
    // Same file, TestSigner_canonicalQueryString: sorting, repeated keys, reserved characters, CJK.
    HttpUrl url =
        new HttpUrl.Builder()
            .scheme("https")
            .host("example.com")
            .addQueryParameter("limit", "1")
            .addQueryParameter("enable", "true")
            .addQueryParameter("test", "一 (&=?!#%.*)")
            .addQueryParameter("path", "/tmp/123")
            .addQueryParameter("multi", "3")
            .addQueryParameter("multi", "1")
            .addQueryParameter("multi", "2")
            .build();
    assertEquals(
        "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123"
            + "&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
        AkSkSigner.canonicalQuery(url));
  }

  @Test
  void awkwardQueryValuesAreEncodedOnce() {
    HttpUrl url =
        HttpUrl.get("https://h.example/v1/p/notebooks")
            .newBuilder()
            .addQueryParameter("name", "a&status=RUNNING")
            .addQueryParameter("description", "two words")
            .addQueryParameter("owner", "Jürgen 名前")
            .addQueryParameter("tilde", "~x~")
            .addQueryParameter("star", "a*b")
            .addQueryParameter("plus", "1+1")
            .build();
    assertEquals(
        "description=two%20words"
            + "&name=a%26status%3DRUNNING"
            + "&owner=J%C3%BCrgen%20%E5%90%8D%E5%89%8D"
            + "&plus=1%2B1"
            + "&star=a%2Ab"
            + "&tilde=~x~",
        AkSkSigner.canonicalQuery(url));
  }

  @Test
  void plusInARawQueryIsASpaceAsTheServerDecodesIt() {
    // A literal '+' on the wire means space in a query (form encoding); OkHttp and the gateway
    // agree.
    assertEquals("q=a%20b", AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/?q=a+b")));
    assertEquals("q=a%2Bb", AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/?q=a%2Bb")));
  }

  @Test
  void queryEdgeCases() {
    assertEquals("", AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/p")));
    assertEquals("", AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/p?")));
    assertEquals("a=&b=1", AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/p?b=1&a")));
    assertEquals("a=&a=x", AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/p?a=x&a=")));
    // Keys keep their case (upper case sorts first) and are not lower-cased as the Go SDK does.
    assertEquals(
        "Limit=1&limit=2&workspaceId=0",
        AkSkSigner.canonicalQuery(
            HttpUrl.get("https://h.example/p?workspaceId=0&limit=2&Limit=1")));
    // Sorted after encoding, as the Java SDK and the simulator do: "%40" ('%' is 0x25) before '-'
    // (0x2D).
    assertEquals(
        "a%40=2&a-=1", AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/p?a-=1&a%40=2")));
    assertEquals(
        "k=%26&k=-&k=a",
        AkSkSigner.canonicalQuery(HttpUrl.get("https://h.example/p?k=a&k=-&k=%26")));
  }

  @Test
  void pathSegmentsAreEncodedAndEndWithSlash() {
    assertEquals("/", AkSkSigner.canonicalUri(HttpUrl.get("https://h.example")));
    assertEquals("/", AkSkSigner.canonicalUri(HttpUrl.get("https://h.example/")));
    assertEquals(
        "/v1/p/notebooks/",
        AkSkSigner.canonicalUri(HttpUrl.get("https://h.example/v1/p/notebooks")));
    assertEquals(
        "/v1/p/notebooks/",
        AkSkSigner.canonicalUri(HttpUrl.get("https://h.example/v1/p/notebooks/")));
    assertEquals(
        "/a%20b/c%2Fd/~x_y-z.1/%E5%90%8D/%2A/",
        AkSkSigner.canonicalUri(
            new HttpUrl.Builder()
                .scheme("https")
                .host("h.example")
                .addPathSegment("a b")
                .addPathSegment("c/d")
                .addPathSegment("~x_y-z.1")
                .addPathSegment("名")
                .addPathSegment("*")
                .build()));
    assertEquals("/v1//x/", AkSkSigner.canonicalUri(HttpUrl.get("https://h.example/v1//x")));
  }

  @Test
  void percentEncodingKeepsOnlyUnreserved() {
    assertEquals("AZaz09-_.~", AkSkSigner.percentEncode("AZaz09-_.~"));
    assertEquals("%20%2A%2B%2F%3A%40%25%21%27%28%29", AkSkSigner.percentEncode(" *+/:@%!'()"));
    assertEquals("%F0%9F%98%80", AkSkSigner.percentEncode("\uD83D\uDE00"));
    assertEquals("", AkSkSigner.percentEncode(""));
  }

  @Test
  void hostHeaderMatchesWhatOkHttpSends() {
    assertEquals("example.com", AkSkSigner.hostHeader(HttpUrl.get("https://example.com/x")));
    assertEquals("example.com", AkSkSigner.hostHeader(HttpUrl.get("https://example.com:443/x")));
    assertEquals("example.com", AkSkSigner.hostHeader(HttpUrl.get("http://example.com:80/x")));
    assertEquals("example.com:80", AkSkSigner.hostHeader(HttpUrl.get("https://example.com:80/x")));
    assertEquals(
        "127.0.0.1:18080", AkSkSigner.hostHeader(HttpUrl.get("http://127.0.0.1:18080/v1")));
    assertEquals("[::1]:8443", AkSkSigner.hostHeader(HttpUrl.get("https://[::1]:8443/")));
  }

  @Test
  void hostWithPortIsSignedAsGiven() {
    HttpUrl url = HttpUrl.get("http://127.0.0.1:18080/v1/p/notebooks?limit=10");
    AkSkSignature s =
        AkSkSigner.sign(
            "GET", url, hostAndDate(AkSkSigner.hostHeader(url), DATE), NO_BODY, AK, SK, DATE);
    assertTrue(s.canonicalRequest().contains("\nhost:127.0.0.1:18080\n"), s.canonicalRequest());
  }

  @Test
  void headerValuesAreTrimmedAndNamesLowerCased() {
    HttpUrl url = HttpUrl.get("https://example.com/");
    AkSkSignature padded =
        AkSkSigner.sign("GET", url, hostAndDate("  example.com \t", DATE), NO_BODY, AK, SK, DATE);
    assertEquals(
        "919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6", padded.signature());
  }

  @Test
  void sdkDateFormat() {
    assertEquals(
        "20191115T033655Z", AkSkSigner.formatSdkDate(Instant.parse("2019-11-15T03:36:55.987Z")));
    assertEquals(
        "20060102T150405Z", AkSkSigner.formatSdkDate(Instant.parse("2006-01-02T15:04:05Z")));
  }

  @Test
  void rejectsInconsistentOrIncompleteInput() {
    HttpUrl url = HttpUrl.get("https://example.com/");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AkSkSigner.sign(
                "GET", url, hostAndDate("example.com", "20200101T000000Z"), NO_BODY, AK, SK, DATE));
    Map<String, String> twice = new LinkedHashMap<>();
    twice.put("Host", "a");
    twice.put("host", "b");
    assertThrows(
        IllegalArgumentException.class,
        () -> AkSkSigner.sign("GET", url, twice, NO_BODY, AK, SK, DATE));
    assertThrows(
        IllegalArgumentException.class,
        () -> AkSkSigner.sign("GET", url, hostAndDate("example.com", DATE), NO_BODY, AK, "", DATE));
    assertThrows(
        IllegalArgumentException.class,
        () -> AkSkSigner.sign("GET", url, Map.of(), NO_BODY, AK, SK, DATE));
    NullPointerException npe =
        assertThrows(
            NullPointerException.class,
            () ->
                AkSkSigner.sign(
                    "GET", url, hostAndDate("example.com", DATE), NO_BODY, AK, null, DATE));
    assertEquals("secretKey == null", npe.getMessage());
  }

  @Test
  void signatureDoesNotRevealTheSecretKey() {
    HttpUrl url = HttpUrl.get("https://example.com/");
    AkSkSignature s =
        AkSkSigner.sign("GET", url, hostAndDate("example.com", DATE), NO_BODY, AK, SK, DATE);
    assertFalse(s.toString().contains(SK), s.toString());
    assertFalse(s.authorization().contains(SK));
  }
}
