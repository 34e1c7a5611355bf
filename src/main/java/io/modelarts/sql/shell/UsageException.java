package io.modelarts.sql.shell;

/**
 * A command line the shell cannot act on; reported as one line with a pointer to {@code --help},
 * exit status 2.
 */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
