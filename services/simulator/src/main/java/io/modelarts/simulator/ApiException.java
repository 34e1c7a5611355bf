package io.modelarts.simulator;

/** Stops handling a request and answers with the error it carries. */
final class ApiException extends RuntimeException {
  private final transient ApiResponse response;

  ApiException(ApiResponse response) {
    super(response.errorCode(), null, false, false);
    this.response = response;
  }

  ApiResponse response() {
    return response;
  }
}
