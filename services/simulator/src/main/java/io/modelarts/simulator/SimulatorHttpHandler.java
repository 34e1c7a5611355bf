package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The single HTTP entry point: routes each request, applies the fault knobs to list calls, delays
 * the answer by the injected latency without holding a thread, writes it, and records it in the
 * request log.
 */
final class SimulatorHttpHandler implements HttpHandler {
  private static final HexFormat HEX = HexFormat.of();

  private final ListNotebooksEndpoint listEndpoint;
  private final IamTokenEndpoint iamEndpoint;
  private final FaultSettings faults;
  private final RequestLog log;
  private final Consumer<ServedRequest> listener;
  private final Executor workers;
  private final ScheduledExecutorService timer;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger listCalls = new AtomicInteger();

  SimulatorHttpHandler(
      ListNotebooksEndpoint listEndpoint,
      IamTokenEndpoint iamEndpoint,
      FaultSettings faults,
      RequestLog log,
      Consumer<ServedRequest> listener,
      Executor workers,
      ScheduledExecutorService timer) {
    this.listEndpoint = requireNonNull(listEndpoint, "listEndpoint == null");
    this.iamEndpoint = requireNonNull(iamEndpoint, "iamEndpoint == null");
    this.faults = requireNonNull(faults, "faults == null");
    this.log = requireNonNull(log, "log == null");
    this.listener = requireNonNull(listener, "listener == null");
    this.workers = requireNonNull(workers, "workers == null");
    this.timer = requireNonNull(timer, "timer == null");
  }

  /** ModelArts list calls received so far, whatever their answer. */
  int listCallCount() {
    return listCalls.get();
  }

  @Override
  public void handle(HttpExchange exchange) {
    ReceivedRequest request;
    try {
      request = ReceivedRequest.read(exchange, sequence.incrementAndGet());
    } catch (IOException e) {
      // The client went away or sent an oversized body; there is nobody to answer.
      exchange.close();
      return;
    }
    long latencyMillis = 0;
    ApiResponse response;
    try {
      String pathProjectId =
          ListNotebooksEndpoint.listCallProjectId(request.method(), request.rawPath());
      if (pathProjectId != null) {
        listCalls.incrementAndGet();
        latencyMillis = faults.latencyMillis();
        response = listCall(request, pathProjectId);
      } else if (request.method().equals("POST")
          && request.rawPath().equals(IamTokenEndpoint.PATH)) {
        response = iamEndpoint.handle(request);
      } else {
        response = ModelArtsError.API_NOT_FOUND.response();
      }
    } catch (ApiException e) {
      response = e.response();
    } catch (RuntimeException e) {
      e.printStackTrace();
      response =
          ModelArtsError.INTERNAL_ERROR.response("Internal error (simulator bug: " + e + ")");
    }
    ApiResponse answer = response;
    if (latencyMillis == 0) {
      respond(exchange, request, answer);
      return;
    }
    try {
      // The timer only hands the answer back to a worker, so a slow client never stalls other
      // delays.
      timer.schedule(
          () -> workers.execute(() -> respond(exchange, request, answer)),
          latencyMillis,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      exchange.close(); // shutting down
    }
  }

  private ApiResponse listCall(ReceivedRequest request, String pathProjectId) {
    return switch (faults.nextListCall()) {
      case RESET -> ApiResponse.connectionDropped();
      case FAIL -> ModelArtsError.INTERNAL_ERROR.response();
      case THROTTLE ->
          ModelArtsError.TOO_MANY_REQUESTS
              .response()
              .withHeader("Retry-After", Integer.toString(faults.retryAfterSeconds()));
      case NONE -> listEndpoint.handle(request, pathProjectId);
    };
  }

  private void respond(HttpExchange exchange, ReceivedRequest request, ApiResponse response) {
    // Recorded before writing, so a client that has its answer always finds the request in the log.
    record(request, response);
    try {
      if (response.dropConnection()) {
        // Closing before sendResponseHeaders makes the JDK server close the socket: the client sees
        // EOF.
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("X-Request-Id", requestId());
      response.headers().forEach(exchange.getResponseHeaders()::set);
      boolean withBody = !request.method().equals("HEAD") && response.body().length > 0;
      exchange.sendResponseHeaders(response.status(), withBody ? response.body().length : -1);
      if (withBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (IOException e) {
      // The client hung up mid-answer; the log already records what was meant to be sent.
    } finally {
      exchange.close();
    }
  }

  private void record(ReceivedRequest request, ApiResponse response) {
    long durationMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.startNanos());
    ServedRequest served =
        new ServedRequest(
            request.sequence(),
            request.receivedAt(),
            request.method(),
            request.rawPath(),
            request.rawQuery(),
            request.queryParameters(),
            request.headers(),
            RequestAuthenticator.kindOf(request),
            response.status(),
            response.errorCode(),
            durationMillis);
    log.add(served);
    try {
      listener.accept(served);
    } catch (RuntimeException e) {
      e.printStackTrace(); // a broken listener must not break the server
    }
  }

  private static String requestId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HEX.formatHex(bytes);
  }
}
