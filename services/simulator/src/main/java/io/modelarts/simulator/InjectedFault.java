package io.modelarts.simulator;

/** What the fault knobs decided for one ModelArts list call. */
enum InjectedFault {
  /** Answer normally. */
  NONE,
  /** Answer 429 ModelArts.2799 with {@code Retry-After}. */
  THROTTLE,
  /** Answer 500 ModelArts.0010. */
  FAIL,
  /** Drop the connection without writing a response. */
  RESET
}
