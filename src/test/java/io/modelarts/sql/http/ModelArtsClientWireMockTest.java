package io.modelarts.sql.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.modelarts.sql.auth.AkSkAuthenticator;
import io.modelarts.sql.auth.AkSkSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact HTTP requests the client sends, and how it reads the answers, verified at the wire. */
class ModelArtsClientWireMockTest {
  private static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ModelArtsClient client(RetryPolicy retries) {
    return new ModelArtsClient(
        new OkHttpClient.Builder().retryOnConnectionFailure(false).build(),
        HttpUrl.get(server.baseUrl()),
        PROJECT,
        new AkSkAuthenticator("AKEXAMPLE", "SKEXAMPLE", null, PROJECT, CLOCK),
        retries,
        RateLimiter.UNLIMITED,
        new ApiCallLog(100));
  }

  private static String page(int current, int pages, int size, long total, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) {
      data.append(data.length() == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(id)
          .append("\",\"status\":\"RUNNING\"}");
    }
    return "{\"current\":"
        + current
        + ",\"pages\":"
        + pages
        + ",\"size\":"
        + size
        + ",\"total\":"
        + total
        + ",\"data\":["
        + data
        + "]}";
  }

  @Test
  void sendsTheDocumentedPathParametersAndSignatureHeaders() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/v1/" + PROJECT + "/notebooks"))
            .willReturn(aResponse().withStatus(200).withBody(page(0, 1, 10, 1, "a"))));
    ListRequest request =
        ListRequest.of(
            Map.of("feature", "DEFAULT", "status", "RUNNING", "name", "a&status=STOPPED"), 10);
    NotebookPage page = client(RetryPolicy.NONE).fetch(request, QueryContext.unbounded());
    assertEquals(1, page.data().size());

    List<LoggedRequest> requests =
        server.findAll(getRequestedFor(urlPathEqualTo("/v1/" + PROJECT + "/notebooks")));
    assertEquals(1, requests.size());
    LoggedRequest r = requests.get(0);
    Map<String, String> params = new TreeMap<>();
    r.getQueryParams()
        .forEach(
            (k, v) -> {
              assertEquals(1, v.values().size(), "one value for " + k);
              params.put(k, v.firstValue());
            });
    assertEquals(
        Map.of(
            "feature",
            "DEFAULT",
            "status",
            "RUNNING",
            "name",
            "a&status=STOPPED",
            "limit",
            "10",
            "offset",
            "0"),
        params,
        "the hostile name value travels as one encoded parameter");
    assertEquals("20261127T100000Z", r.getHeader("X-Sdk-Date"));
    assertEquals(PROJECT, r.getHeader("X-Project-Id"));
    String expected =
        AkSkSigner.sign(
                "GET",
                HttpUrl.get(r.getAbsoluteUrl()),
                Map.of("host", r.getHeader("Host"), "x-sdk-date", "20261127T100000Z"),
                new byte[0],
                "AKEXAMPLE",
                "SKEXAMPLE",
                "20261127T100000Z")
            .authorization();
    assertEquals(expected, r.getHeader("Authorization"));
    assertTrue(
        r.getHeader("Authorization")
            .startsWith(
                "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-sdk-date, Signature="));
  }

  @Test
  void apiErrorKeepsCodeMessageAndRequestId() {
    server.stubFor(
        get(urlPathEqualTo("/v1/" + PROJECT + "/notebooks"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("X-Request-Id", "req-123")
                    .withBody(
                        "{\"error_code\":\"ModelArts.6303\",\"error_msg\":\"The field does not support sorting.\"}")));
    ModelArtsApiException e =
        assertThrows(
            ModelArtsApiException.class,
            () ->
                client(RetryPolicy.NONE)
                    .fetch(ListRequest.of(Map.of(), 10), QueryContext.unbounded()));
    assertEquals(400, e.httpStatus());
    assertEquals("ModelArts.6303", e.errorCode());
    assertEquals("The field does not support sorting.", e.errorMessage());
    assertEquals("req-123", e.requestId());
    assertTrue(
        e.getMessage().contains("ModelArts.6303") && e.getMessage().contains("req-123"),
        e.getMessage());
  }

  @Test
  void htmlErrorPageBecomesAReadableMessage() {
    server.stubFor(
        get(urlPathEqualTo("/v1/" + PROJECT + "/notebooks"))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
    ModelArtsApiException e =
        assertThrows(
            ModelArtsApiException.class,
            () ->
                client(RetryPolicy.NONE)
                    .fetch(ListRequest.of(Map.of(), 10), QueryContext.unbounded()));
    assertEquals(502, e.httpStatus());
    assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
  }

  @Test
  void retriesThrottlingAndServerErrorsAndResetsThenSucceeds() throws Exception {
    String path = "/v1/" + PROJECT + "/notebooks";
    server.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs("Started")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withBody(
                        "{\"error_code\":\"ModelArts.2799\",\"error_msg\":\"Too many requests\"}"))
            .willSetStateTo("reset"));
    server.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("empty"));
    server.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs("empty")
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("chunk"));
    server.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs("chunk")
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK))
            .willSetStateTo("500"));
    server.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs("500")
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody(page(0, 1, 10, 2, "a", "b"))));
    NotebookPage page =
        client(new RetryPolicy(8, 1, 5, 10_000))
            .fetch(ListRequest.of(Map.of(), 10), QueryContext.unbounded());
    assertEquals(2, page.data().size());
    assertEquals(6, server.findAll(getRequestedFor(urlPathEqualTo(path))).size());
  }

  @Test
  void givesUpAfterTheRetryBudget() {
    server.stubFor(
        get(urlPathEqualTo("/v1/" + PROJECT + "/notebooks"))
            .willReturn(aResponse().withStatus(503)));
    ModelArtsApiException e =
        assertThrows(
            ModelArtsApiException.class,
            () ->
                client(new RetryPolicy(3, 1, 5, 10_000))
                    .fetch(ListRequest.of(Map.of(), 10), QueryContext.unbounded()));
    assertEquals(503, e.httpStatus());
    assertEquals(
        3, server.findAll(getRequestedFor(urlPathEqualTo("/v1/" + PROJECT + "/notebooks"))).size());
  }

  @Test
  void badRequestsAreNotRetried() {
    server.stubFor(
        get(urlPathEqualTo("/v1/" + PROJECT + "/notebooks"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error_code\":\"ModelArts.0104\",\"error_msg\":\"bad parameter\"}")));
    assertThrows(
        ModelArtsApiException.class,
        () ->
            client(new RetryPolicy(5, 1, 5, 10_000))
                .fetch(ListRequest.of(Map.of(), 10), QueryContext.unbounded()));
    assertEquals(
        1, server.findAll(getRequestedFor(urlPathEqualTo("/v1/" + PROJECT + "/notebooks"))).size());
  }

  @Test
  void pagerAsksForExactlyThePagesThatExist() throws Exception {
    String path = "/v1/" + PROJECT + "/notebooks";
    for (int p = 0; p < 3; p++) {
      String[] ids = p < 2 ? new String[10] : new String[5];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = "id-" + p + "-" + i;
      }
      server.stubFor(
          get(urlPathEqualTo(path))
              .withQueryParam("offset", equalTo(Integer.toString(p * 10)))
              .willReturn(aResponse().withStatus(200).withBody(page(p, 3, 10, 25, ids))));
    }
    server.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("offset", matching("[3-9][0-9]"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error_code\":\"ModelArts.6400\",\"error_msg\":\"fromIndex(30) > toIndex(25)\"}")));
    try (ListingPager pager =
        new ListingPager(
            client(RetryPolicy.NONE),
            ListRequest.of(Map.of(), 10),
            3,
            HttpClients.pageFetchers(),
            QueryContext.unbounded(),
            w -> {},
            -1)) {
      int n = 0;
      while (pager.hasNext()) {
        pager.next();
        n++;
      }
      assertEquals(25, n);
    }
    assertEquals(
        3,
        server.findAll(getRequestedFor(urlPathEqualTo(path))).size(),
        "never a page past the end");
  }

  @Test
  void aShortPageIsAnErrorNotASilentlyShortResult() {
    String path = "/v1/" + PROJECT + "/notebooks";
    server.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(aResponse().withStatus(200).withBody(page(0, 2, 10, 15, "a", "b", "c"))));
    ListingPager pager =
        new ListingPager(
            client(RetryPolicy.NONE),
            ListRequest.of(Map.of(), 10),
            1,
            HttpClients.pageFetchers(),
            QueryContext.unbounded(),
            w -> {},
            -1);
    ListingPager.ListingException e =
        assertThrows(ListingPager.ListingException.class, pager::hasNext);
    assertTrue(e.getCause() instanceof MalformedResponseException, e.toString());
    pager.close();
  }
}
