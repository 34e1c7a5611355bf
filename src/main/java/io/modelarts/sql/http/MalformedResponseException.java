package io.modelarts.sql.http;

import java.io.IOException;

/** The service answered with a body that is not the JSON its API page describes. */
public final class MalformedResponseException extends IOException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message);
  }

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
