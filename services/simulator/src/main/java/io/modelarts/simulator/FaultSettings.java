package io.modelarts.simulator;

/**
 * The fault knobs of a running simulator, changeable at any time from any thread.
 *
 * <p>Each "every Nth" knob counts ModelArts list calls (never IAM calls) from the moment it was
 * last set, so {@code setThrottleEvery(3)} makes the 3rd, 6th, ... list call after it answer 429,
 * whatever came before. All knobs count every list call; when several fire on the same call, the
 * strongest wins: reset, then fail, then throttle. Latency is added to every list call, faulted
 * ones included.
 */
public final class FaultSettings {
  private volatile long latencyMillis;
  private volatile int retryAfterSeconds;
  private final EveryNth throttle = new EveryNth();
  private final EveryNth fail = new EveryNth();
  private final EveryNth reset = new EveryNth();

  FaultSettings(SimulatorConfig config) {
    setLatencyMillis(config.latencyMillis());
    setRetryAfterSeconds(config.retryAfterSeconds());
    setThrottleEvery(config.throttleEvery());
    setFailEvery(config.failEvery());
    setResetEvery(config.resetEvery());
  }

  public long latencyMillis() {
    return latencyMillis;
  }

  public FaultSettings setLatencyMillis(long latencyMillis) {
    this.latencyMillis = Checks.requireNotNegative("latencyMillis", latencyMillis);
    return this;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public FaultSettings setRetryAfterSeconds(int retryAfterSeconds) {
    this.retryAfterSeconds = Checks.requireNotNegative("retryAfterSeconds", retryAfterSeconds);
    return this;
  }

  public int throttleEvery() {
    return throttle.every();
  }

  public FaultSettings setThrottleEvery(int every) {
    throttle.restart(Checks.requireNotNegative("throttleEvery", every));
    return this;
  }

  public int failEvery() {
    return fail.every();
  }

  public FaultSettings setFailEvery(int every) {
    fail.restart(Checks.requireNotNegative("failEvery", every));
    return this;
  }

  public int resetEvery() {
    return reset.every();
  }

  public FaultSettings setResetEvery(int every) {
    reset.restart(Checks.requireNotNegative("resetEvery", every));
    return this;
  }

  /** Turns every fault and the latency off. */
  public FaultSettings clear() {
    setLatencyMillis(0);
    setThrottleEvery(0);
    setFailEvery(0);
    setResetEvery(0);
    return this;
  }

  /** Counts one more list call and says which fault, if any, it gets. */
  InjectedFault nextListCall() {
    // Tick every knob first: a knob must not lose its rhythm because another one fired.
    boolean resetNow = reset.tick();
    boolean failNow = fail.tick();
    boolean throttleNow = throttle.tick();
    if (resetNow) {
      return InjectedFault.RESET;
    }
    if (failNow) {
      return InjectedFault.FAIL;
    }
    return throttleNow ? InjectedFault.THROTTLE : InjectedFault.NONE;
  }

  @Override
  public String toString() {
    return "FaultSettings{latencyMillis="
        + latencyMillis
        + ", throttleEvery="
        + throttleEvery()
        + ", retryAfterSeconds="
        + retryAfterSeconds
        + ", failEvery="
        + failEvery()
        + ", resetEvery="
        + resetEvery()
        + "}";
  }

  /** A knob that fires on every Nth tick since it was last restarted; N = 0 never fires. */
  private static final class EveryNth {
    private int every;
    private long ticks;

    synchronized int every() {
      return every;
    }

    synchronized void restart(int every) {
      this.every = every;
      this.ticks = 0;
    }

    synchronized boolean tick() {
      if (every == 0) {
        return false;
      }
      ticks++;
      return ticks % every == 0;
    }
  }
}
