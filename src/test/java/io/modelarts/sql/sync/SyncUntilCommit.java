package io.modelarts.sql.sync;

import java.util.Properties;

/**
 * A sync process that writes a whole round, announces it on standard output and then waits before
 * its commit until it is killed: the subject of the "killed mid-round" tests.
 *
 * <p>Arguments: source URL, target URL, target user, target password.
 */
final class SyncUntilCommit {
  static final String READY = "written, not committed";

  private SyncUntilCommit() {}

  public static void main(String[] args) throws Exception {
    Properties target = new Properties();
    target.setProperty("user", args[2]);
    target.setProperty("password", args[3]);
    Sync.builder()
        .source(args[0], new Properties())
        .target(args[1], target)
        .history(true)
        .beforeCommit(() -> {
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
