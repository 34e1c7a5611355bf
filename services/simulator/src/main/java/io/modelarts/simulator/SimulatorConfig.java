package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Immutable settings of one simulator: where it listens, which data it serves and which faults it
 * injects.
 *
 * <p>Create one with {@link #builder()}; every setting is optional and the defaults describe a
 * quiet, faithful service: 500 notebooks from seed 42, no latency, no faults.
 */
public final class SimulatorConfig {
  /** The sort keys the simulator accepts unless told otherwise. */
  public static final Set<String> DEFAULT_SORTABLE_KEYS = Set.of("create_at", "update_at", "name");

  private static final Pattern SORT_KEY_SYNTAX = Pattern.compile("[A-Za-z_]+");

  private final int port;
  private final int notebooks;
  private final long seed;
  private final java.time.Instant referenceTime;
  private final long latencyMillis;
  private final int throttleEvery;
  private final int retryAfterSeconds;
  private final int failEvery;
  private final int resetEvery;
  private final NameMatch nameMatch;
  private final Set<String> sortableKeys;
  private final boolean reportOwner;
  private final Duration tokenTtl;
  private final Consumer<ServedRequest> requestListener;

  private SimulatorConfig(Builder builder) {
    this.port = builder.port;
    this.notebooks = builder.notebooks;
    this.seed = builder.seed;
    this.referenceTime = builder.referenceTime;
    this.latencyMillis = builder.latencyMillis;
    this.throttleEvery = builder.throttleEvery;
    this.retryAfterSeconds = builder.retryAfterSeconds;
    this.failEvery = builder.failEvery;
    this.resetEvery = builder.resetEvery;
    this.nameMatch = builder.nameMatch;
    this.sortableKeys = Set.copyOf(builder.sortableKeys);
    this.reportOwner = builder.reportOwner;
    this.tokenTtl = builder.tokenTtl;
    this.requestListener = builder.requestListener;
  }

  /**
   * A builder holding the defaults; call only the setters you need, then {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** TCP port on 127.0.0.1; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Number of generated notebooks, of both features together. */
  public int notebooks() {
    return notebooks;
  }

  /** Seed of the data generator: the same seed gives the same project id and the same data. */
  /**
   * The data's "now": null means the seed's own (a day in 2024), so data never depends on the
   * clock.
   */
  public java.time.Instant referenceTime() {
    return referenceTime;
  }

  public long seed() {
    return seed;
  }

  /** Delay added to every ModelArts list call before it is answered. */
  public long latencyMillis() {
    return latencyMillis;
  }

  /** Every Nth ModelArts list call answers 429; 0 turns this off. */
  public int throttleEvery() {
    return throttleEvery;
  }

  /** Value of the {@code Retry-After} header on 429 answers. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Every Nth ModelArts list call answers 500; 0 turns this off. */
  public int failEvery() {
    return failEvery;
  }

  /** Every Nth ModelArts list call drops the connection without an answer; 0 turns this off. */
  public int resetEvery() {
    return resetEvery;
  }

  /** Meaning of the fuzzy {@code name} filter. */
  public NameMatch nameMatch() {
    return nameMatch;
  }

  /** The {@code sort_key} values the service accepts; any other answers 400 ModelArts.6303. */
  public Set<String> sortableKeys() {
    return sortableKeys;
  }

  /** Whether each notebook carries the undocumented {@code owner} field. */
  public boolean reportOwner() {
    return reportOwner;
  }

  /** Lifetime of IAM tokens issued from the start (24 hours, as the real IAM). */
  public Duration tokenTtl() {
    return tokenTtl;
  }

  /** Called once for each finished request, e.g. to print a log line; never null. */
  public Consumer<ServedRequest> requestListener() {
    return requestListener;
  }

  @Override
  public String toString() {
    return "SimulatorConfig{port="
        + port
        + ", notebooks="
        + notebooks
        + ", seed="
        + seed
        + ", latencyMillis="
        + latencyMillis
        + ", throttleEvery="
        + throttleEvery
        + ", retryAfterSeconds="
        + retryAfterSeconds
        + ", failEvery="
        + failEvery
        + ", resetEvery="
        + resetEvery
        + ", nameMatch="
        + nameMatch
        + ", sortableKeys="
        + sortableKeys
        + ", reportOwner="
        + reportOwner
        + ", tokenTtl="
        + tokenTtl
        + "}";
  }

  /** Collects settings for a {@link SimulatorConfig}; all of them are optional. */
  public static final class Builder {
    private int port = 0;
    private int notebooks = 500;
    private long seed = 42L;
    private java.time.Instant referenceTime;
    private long latencyMillis = 0;
    private int throttleEvery = 0;
    private int retryAfterSeconds = 1;
    private int failEvery = 0;
    private int resetEvery = 0;
    private NameMatch nameMatch = NameMatch.SUBSTRING_IGNORE_CASE;
    private Set<String> sortableKeys = DEFAULT_SORTABLE_KEYS;
    private boolean reportOwner = true;
    private Duration tokenTtl = Duration.ofHours(24);
    private Consumer<ServedRequest> requestListener = request -> {};

    private Builder() {}

    private Builder(SimulatorConfig config) {
      this.port = config.port;
      this.notebooks = config.notebooks;
      this.seed = config.seed;
      this.referenceTime = config.referenceTime;
      this.latencyMillis = config.latencyMillis;
      this.throttleEvery = config.throttleEvery;
      this.retryAfterSeconds = config.retryAfterSeconds;
      this.failEvery = config.failEvery;
      this.resetEvery = config.resetEvery;
      this.nameMatch = config.nameMatch;
      this.sortableKeys = config.sortableKeys;
      this.reportOwner = config.reportOwner;
      this.tokenTtl = config.tokenTtl;
      this.requestListener = config.requestListener;
    }

    public Builder port(int port) {
      this.port = checkRange("port", port, 0, 65535);
      return this;
    }

    public Builder notebooks(int notebooks) {
      this.notebooks = checkRange("notebooks", notebooks, 0, Integer.MAX_VALUE);
      return this;
    }

    /**
     * The data's "now" (lease and creation times are generated before it); null, the default, takes
     * a fixed day derived from the seed. A demo passes the wall clock.
     */
    public Builder referenceTime(java.time.Instant referenceTime) {
      this.referenceTime = referenceTime;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder latencyMillis(long latencyMillis) {
      this.latencyMillis = Checks.requireNotNegative("latencyMillis", latencyMillis);
      return this;
    }

    public Builder throttleEvery(int throttleEvery) {
      this.throttleEvery = Checks.requireNotNegative("throttleEvery", throttleEvery);
      return this;
    }

    public Builder retryAfterSeconds(int retryAfterSeconds) {
      this.retryAfterSeconds = Checks.requireNotNegative("retryAfterSeconds", retryAfterSeconds);
      return this;
    }

    public Builder failEvery(int failEvery) {
      this.failEvery = Checks.requireNotNegative("failEvery", failEvery);
      return this;
    }

    public Builder resetEvery(int resetEvery) {
      this.resetEvery = Checks.requireNotNegative("resetEvery", resetEvery);
      return this;
    }

    public Builder nameMatch(NameMatch nameMatch) {
      this.nameMatch = requireNonNull(nameMatch, "nameMatch == null");
      return this;
    }

    /**
     * The sort-key whitelist. {@code create_at} and {@code update_at} sort by the lease times; any
     * other key sorts by the notebook's top-level field of that name (e.g. {@code name}, {@code
     * status}).
     */
    public Builder sortableKeys(Set<String> sortableKeys) {
      requireNonNull(sortableKeys, "sortableKeys == null");
      for (String key : sortableKeys) {
        if (key == null || !SORT_KEY_SYNTAX.matcher(key).matches()) {
          throw new IllegalArgumentException("sortable key must be letters and '_': " + key);
        }
      }
      this.sortableKeys = Set.copyOf(sortableKeys);
      return this;
    }

    public Builder reportOwner(boolean reportOwner) {
      this.reportOwner = reportOwner;
      return this;
    }

    public Builder tokenTtl(Duration tokenTtl) {
      this.tokenTtl = Checks.requirePositive("tokenTtl", tokenTtl);
      return this;
    }

    public Builder requestListener(Consumer<ServedRequest> requestListener) {
      this.requestListener = requireNonNull(requestListener, "requestListener == null");
      return this;
    }

    public SimulatorConfig build() {
      return new SimulatorConfig(this);
    }

    private static int checkRange(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "]: " + value);
      }
      return value;
    }
  }
}
