package io.modelarts.sql.http;

import java.io.IOException;

/** Anything that can answer one list call: the HTTP client itself, or a cache in front of it. */
public interface PageSource {
  /** Fetches one page; blocks until it arrives, fails, or {@code context} is cancelled. */
  NotebookPage fetch(ListRequest request, QueryContext context) throws IOException;
}
