package io.modelarts.sql.calcite;

/**
 * SQL the driver refuses to run because Calcite's code would answer it wrongly; the driver reports
 * it with SQLState {@code 0A000} (feature not supported) and this message.
 */
public final class UnsupportedSqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With {@code message}, which names the construct refused and what to write instead. */
  public UnsupportedSqlException(String message) {
    super(message);
  }
}
