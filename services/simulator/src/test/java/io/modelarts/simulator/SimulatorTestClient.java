package io.modelarts.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small OkHttp client for the simulator tests: real HTTP on loopback, with token or AK/SK
 * signing.
 */
final class SimulatorTestClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One HTTP answer. */
  record Reply(int code, Headers headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String errorCode() {
      return json().path("error_code").asText(null);
    }

    String errorMessage() {
      return json().path("error_msg").asText(null);
    }
  }

  private final ModelArtsSimulator simulator;
  private final OkHttpClient http;

  SimulatorTestClient(ModelArtsSimulator simulator) {
    this.simulator = simulator;
    // No silent retries: a test must see exactly what the simulator did.
    this.http =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
  }

  OkHttpClient http() {
    return http;
  }

  String listPath() {
    return "/v1/" + simulator.projectId() + "/notebooks";
  }

  /** GET the list API with the ready token and the given raw query ("" for none). */
  Reply list(String rawQuery) {
    return get(listPath(), rawQuery, Map.of("X-Auth-Token", simulator.credentials().readyToken()));
  }

  /** Every row of a selection, paging with limit 50 through {@code pages}. */
  List<JsonNode> listAll(String rawQuery) {
    List<JsonNode> rows = new ArrayList<>();
    String separator = rawQuery.isEmpty() ? "" : "&";
    Reply first = list(rawQuery + separator + "limit=50&offset=0");
    int pages = first.json().get("pages").asInt();
    first.json().get("data").forEach(rows::add);
    for (int page = 1; page < pages; page++) {
      list(rawQuery + separator + "limit=50&offset=" + page * 50)
          .json()
          .get("data")
          .forEach(rows::add);
    }
    return rows;
  }

  Reply get(String path, String rawQuery, Map<String, String> headers) {
    Request.Builder request = new Request.Builder().url(url(path, rawQuery));
    headers.forEach(request::header);
    return execute(request.build());
  }

  Reply postJson(String pathAndQuery, String json) {
    Request request =
        new Request.Builder()
            .url(simulator.baseUrl() + pathAndQuery)
            .post(RequestBody.create(json, MediaType.get("application/json")))
            .build();
    return execute(request);
  }

  /**
   * GET the list API signed with {@code SDK-HMAC-SHA256}, as the Huawei SDKs sign
   * (host;x-sdk-date).
   */
  Reply signedList(
      String rawQuery,
      String accessKey,
      String secretKey,
      Instant signedAt,
      Map<String, String> extraHeaders) {
    return get(
        listPath(),
        rawQuery,
        signedHeaders(listPath(), rawQuery, accessKey, secretKey, signedAt, extraHeaders));
  }

  /**
   * The headers of a request signed over host and x-sdk-date, plus {@code extraHeaders} (unsigned).
   */
  Map<String, String> signedHeaders(
      String path,
      String rawQuery,
      String accessKey,
      String secretKey,
      Instant signedAt,
      Map<String, String> extraHeaders) {
    String sdkDate = SdkHmacSha256.SDK_DATE.format(signedAt);
    Map<String, String> signed =
        Map.of("host", "127.0.0.1:" + simulator.port(), "x-sdk-date", sdkDate);
    String canonical =
        SdkHmacSha256.canonicalRequest(
            "GET",
            path,
            QueryString.decode(rawQuery),
            signed,
            List.of("host", "x-sdk-date"),
            SdkHmacSha256.sha256Hex(new byte[0]));
    String signature = SdkHmacSha256.signature(secretKey, sdkDate, canonical);
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("X-Sdk-Date", sdkDate);
    headers.put(
        "Authorization",
        "SDK-HMAC-SHA256 Access="
            + accessKey
            + ", SignedHeaders=host;x-sdk-date, Signature="
            + signature);
    return headers;
  }

  Reply execute(Request request) {
    try (Response response = http.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpUrl url(String path, String rawQuery) {
    // Build from a string so the raw query reaches the wire exactly as written.
    return HttpUrl.get(simulator.baseUrl() + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
  }
}
