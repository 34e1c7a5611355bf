package io.modelarts.simulator;

import java.util.Locale;

/**
 * How the simulator interprets the {@code name} filter, which the API page only calls a "fuzzy
 * match".
 *
 * <p>The real semantics are unknown, so the simulator offers several; a driver that re-checks its
 * SQL predicate locally returns the same rows under every one of them.
 */
public enum NameMatch {
  /** The instance name starts with the given text, case-sensitively. */
  PREFIX {
    @Override
    public boolean matches(String instanceName, String pattern) {
      return instanceName.startsWith(pattern);
    }
  },
  /** The instance name contains the given text, case-sensitively. */
  SUBSTRING {
    @Override
    public boolean matches(String instanceName, String pattern) {
      return instanceName.contains(pattern);
    }
  },
  /**
   * The instance name contains the given text, ignoring case (the default: the loosest of the
   * three).
   */
  SUBSTRING_IGNORE_CASE {
    @Override
    public boolean matches(String instanceName, String pattern) {
      // Names are restricted to ASCII letters, digits, '-' and '_', so ROOT-locale folding is
      // exact.
      return instanceName.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT));
    }
  };

  /** Whether an instance called {@code instanceName} passes the filter {@code name=pattern}. */
  public abstract boolean matches(String instanceName, String pattern);

  /** Parses the command-line spelling, e.g. {@code substring-ignore-case}. */
  public static NameMatch fromOption(String option) {
    return valueOf(option.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
