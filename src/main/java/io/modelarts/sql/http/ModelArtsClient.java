package io.modelarts.sql.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.modelarts.sql.auth.RequestAuthenticator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Performs the ModelArts list calls over HTTP: builds the URL, signs it, retries what may be
 * retried, parses the answer as a stream, and turns error answers into {@link
 * ModelArtsApiException}s that keep the service's code, message and request id.
 *
 * <p>One instance per connection; the underlying {@link OkHttpClient} is shared by all of them.
 */
public final class ModelArtsClient implements PageSource {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_ERROR_BODY_BYTES = 16 * 1024;

  private final OkHttpClient http;
  private final HttpUrl notebooksUrl;
  private final String pathForLog;
  private final RequestAuthenticator authenticator;
  private final RetryPolicy retryPolicy;
  private final ApiCallLog callLog;
  private final RateLimiter rateLimiter;

  public ModelArtsClient(
      OkHttpClient http,
      HttpUrl baseUrl,
      String projectId,
      RequestAuthenticator authenticator,
      RetryPolicy retryPolicy,
      RateLimiter rateLimiter,
      ApiCallLog callLog) {
    this.http = Objects.requireNonNull(http, "http == null");
    this.notebooksUrl =
        baseUrl
            .newBuilder()
            .addPathSegment("v1")
            .addPathSegment(projectId)
            .addPathSegment("notebooks")
            .build();
    this.pathForLog = notebooksUrl.encodedPath();
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter == null");
    this.callLog = Objects.requireNonNull(callLog, "callLog == null");
  }

  /** The log of this client's calls. */
  public ApiCallLog callLog() {
    return callLog;
  }

  /** The kind of credential in use ("aksk", "password", "token"), for error messages. */
  public String authKind() {
    return authenticator.kind();
  }

  @Override
  public NotebookPage fetch(ListRequest request, QueryContext context) throws IOException {
    HttpUrl.Builder url = notebooksUrl.newBuilder();
    for (Map.Entry<String, String> e : request.parameters().entrySet()) {
      url.addQueryParameter(e.getKey(), e.getValue());
    }
    HttpUrl httpUrl = url.build();
    String query = request.toString();
    long started = System.nanoTime();
    boolean reauthenticated = false;
    for (int attempt = 1; ; attempt++) {
      context.check();
      rateLimiter.acquire(context);
      long callStart = System.nanoTime();
      Instant startedAt = Instant.now();
      long sequence = callLog.nextSequence();
      Request httpRequest =
          authenticator.authenticate(
              new Request.Builder()
                  .url(httpUrl)
                  .get()
                  .header("Accept", "application/json")
                  .build());
      Call call = http.newCall(httpRequest);
      context.register(call);
      IOException failure;
      try (Response response = call.execute()) {
        String requestId = response.header("X-Request-Id");
        if (response.code() == 200) {
          NotebookPage page;
          try (ResponseBody body = response.body()) {
            page = NotebookPageParser.parse(body.byteStream());
          }
          callLog.record(
              new ApiCall(
                  sequence,
                  startedAt,
                  "GET",
                  pathForLog,
                  query,
                  attempt,
                  200,
                  null,
                  requestId,
                  millisSince(callStart),
                  page.data().size(),
                  false));
          return page;
        }
        ModelArtsApiException error = readError(response, "GET " + pathForLog + "?" + query);
        callLog.record(
            new ApiCall(
                sequence,
                startedAt,
                "GET",
                pathForLog,
                query,
                attempt,
                response.code(),
                error.errorCode(),
                requestId,
                millisSince(callStart),
                0,
                false));
        if (response.code() == 401 && !reauthenticated && authenticator.invalidate()) {
          reauthenticated = true; // a refreshed credential gets exactly one more try
          attempt--;
          continue;
        }
        if (error.httpStatus() == 429) {
          rateLimiter.onThrottled();
        }
        if (!error.isTransient()) {
          throw error;
        }
        failure = error;
      } catch (ModelArtsApiException e) {
        throw e;
      } catch (MalformedResponseException e) {
        throw e; // the same request would be answered the same way
      } catch (InterruptedIOException e) {
        if (context.isDone()) {
          throw new QueryContext.QueryCancelledException(
              "the statement was cancelled or timed out");
        }
        failure = e; // a read timeout: worth another try
      } catch (IOException e) {
        if (context.isDone()) {
          throw new QueryContext.QueryCancelledException(
              "the statement was cancelled or timed out");
        }
        failure = e;
      } finally {
        context.unregister(call);
      }
      Long retryAfter =
          failure instanceof ModelArtsApiException api ? api.retryAfterSeconds() : null;
      long delay = retryPolicy.delayMillis(attempt, retryAfter);
      long elapsed = millisSince(started);
      if (attempt >= retryPolicy.maxAttempts()
          || elapsed + delay > retryPolicy.maxElapsedMillis()) {
        throw failure;
      }
      sleep(delay, context);
    }
  }

  private static void sleep(long millis, QueryContext context) throws IOException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      context.check();
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueryContext.QueryCancelledException("interrupted while waiting to retry");
      }
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  /**
   * Reads an error answer: JSON {@code error_code}/{@code error_msg}, or a snippet of anything
   * else.
   */
  static ModelArtsApiException readError(Response response, String what) {
    String requestId = response.header("X-Request-Id");
    Long retryAfter = parseRetryAfter(response.header("Retry-After"));
    String code = null;
    String message = null;
    String text = "";
    try (ResponseBody body = response.body()) {
      if (body != null) {
        okio.BufferedSource source = body.source();
        source.request(MAX_ERROR_BODY_BYTES); // false at the end of a shorter body: fine
        byte[] bytes =
            source
                .getBuffer()
                .readByteArray(Math.min(source.getBuffer().size(), MAX_ERROR_BODY_BYTES));
        text = new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      // A cut-off error body still leaves the status code, which is what matters.
    }
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (value == JsonToken.VALUE_STRING && field.equals("error_code")) {
            code = p.getText();
          } else if (value == JsonToken.VALUE_STRING && field.equals("error_msg")) {
            message = p.getText();
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      // Not JSON (an HTML page from a gateway, say): fall back to a snippet below.
    }
    if (code == null && message == null && !text.isBlank()) {
      String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
      message = plain.length() > 200 ? plain.substring(0, 200) + "..." : plain;
    }
    return new ModelArtsApiException(what, response.code(), code, message, requestId, retryAfter);
  }

  private static Long parseRetryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null; // an HTTP date: rare here; the backoff alone then decides
    }
  }
}
