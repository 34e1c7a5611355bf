package io.modelarts.sql.sync;

import java.util.Properties;

/**
 * A sync process for the "killed mid-round" tests: it commits one round, waits for a line on
 * standard input, then writes a second round, announces it and waits before that commit until it is
 * killed.
 *
 * <p>Arguments: source URL, target URL, target user, target password.
 */
final class SyncUntilCommit {
  static final String FIRST_ROUND_COMMITTED = "first round committed";
  static final String READY = "second round written, not committed";

  private SyncUntilCommit() {}

  public static void main(String[] args) throws Exception {
    Properties target = new Properties();
    target.setProperty("user", args[2]);
    target.setProperty("password", args[3]);
    Sync.Builder builder =
        Sync.builder().source(args[0], new Properties()).target(args[1], target).history(true);
    builder.build().runOnce();
    System.out.println(FIRST_ROUND_COMMITTED);
    System.out.flush();
    if (System.in.read() < 0) {
      return; // the test went away
    }
    builder
        .beforeCommit(
            () -> {
              System.out.println(READY);
              System.out.flush();
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })
        .build()
        .runOnce();
    System.out.println("committed: the test should have killed this process first");
  }
}
