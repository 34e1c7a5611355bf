package io.modelarts.sql.shell;

import java.io.Console;

/** Asks the person at the terminal for a secret without echoing it; a seam so tests can answer. */
interface SecretPrompt {
  /** The secret typed for {@code label}, or null when nobody can be asked (no terminal). */
  String ask(String label);

  /** Asks on the process's console; answers null when input is piped or redirected. */
  static SecretPrompt console() {
    return label -> {
      Console console = System.console();
      if (console == null) {
        return null;
      }
      char[] typed = console.readPassword("%s: ", label);
      return typed == null || typed.length == 0 ? null : new String(typed);
    };
  }

  /** Never asks: for tests and non-interactive runs. */
  static SecretPrompt none() {
    return label -> null;
  }
}
