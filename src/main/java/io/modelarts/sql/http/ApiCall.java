package io.modelarts.sql.http;

import java.time.Instant;

/**
 * One HTTP call the driver made, as the request log and the {@code api_calls} table show it.
 *
 * <p>Holds nothing secret: the query string is the normalised filter parameters, never a header.
 */
public record ApiCall(
    long sequence,
    Instant startedAt,
    String method,
    String path,
    String query,
    int attempt,
    int httpStatus,
    String errorCode,
    String requestId,
    long durationMillis,
    int rows,
    boolean fromCache) {}
