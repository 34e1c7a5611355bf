package io.modelarts.sql.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelarts.sql.bench.ListNotebooksResponse.NotebookDto;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The benchmark's (b): the client a Java developer would write instead of using the driver — one
 * OkHttp client, Jackson data binding into records, pages asked for one after another with {@code
 * limit=50} until {@code total}, a ready token as {@code X-Auth-Token}.
 *
 * <p>It is deliberately plain but not careless: it keeps one connection pool, reuses one {@link
 * ObjectMapper}, streams the body into the binder, and hands rows on page by page.
 */
final class HandWrittenClient {
  static final int PAGE_SIZE = 50;

  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpUrl notebooks;
  private final String token;

  HandWrittenClient(String baseUrl, String projectId, String token) {
    this.notebooks =
        HttpUrl.get(baseUrl)
            .newBuilder()
            .addPathSegment("v1")
            .addPathSegment(projectId)
            .addPathSegment("notebooks")
            .build();
    this.token = token;
  }

  /**
   * Walks one listing to its end, handing each notebook to {@code each}; returns the listing's
   * {@code total}.
   */
  long listAll(Map<String, String> filters, Consumer<NotebookDto> each) throws IOException {
    long total;
    int offset = 0;
    do {
      ListNotebooksResponse page = page(filters, PAGE_SIZE, offset);
      total = page.total();
      page.data().forEach(each);
      offset += PAGE_SIZE;
    } while (offset < total); // never ask past the end: the service answers that with a 400
    return total;
  }

  /** One call: the page at {@code offset} (a multiple of {@code limit}) of one listing. */
  ListNotebooksResponse page(Map<String, String> filters, int limit, int offset)
      throws IOException {
    HttpUrl.Builder url = notebooks.newBuilder();
    filters.forEach(url::addQueryParameter);
    url.addQueryParameter("limit", Integer.toString(limit));
    url.addQueryParameter("offset", Integer.toString(offset));
    Request request =
        new Request.Builder()
            .url(url.build())
            .header("X-Auth-Token", token)
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(request).execute();
        ResponseBody body = response.body()) {
      if (!response.isSuccessful()) {
        throw new IOException(
            "HTTP " + response.code() + " for " + request.url() + ": " + body.string());
      }
      return mapper.readValue(body.byteStream(), ListNotebooksResponse.class);
    }
  }
}
