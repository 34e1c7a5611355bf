package io.modelarts.sql.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What the cold-start measurement runs in a fresh JVM: open a connection, run one query, print the
 * result — stamping the wall clock at each phase so the benchmark can tell what dominates.
 *
 * <p>Args: {@code URL SQL [--profile]}, or {@code --noop} to print at once (the bare JVM's floor).
 * Uses the wall clock, not JMX, since loading the management classes would itself cost start-up
 * time. With {@code --profile} it also samples its own stack and prints where the time went.
 */
public final class ColdStartProgram {
  static final String PHASE = "@@phase ";
  static final String DONE = "@@done ";
  static final String PROFILE = "@@profile ";

  private ColdStartProgram() {}

  public static void main(String[] args) throws Exception {
    phase("main");
    if (args[0].equals("--noop")) {
      System.out.println(DONE + "0");
      return;
    }
    boolean profile = args.length > 2 && args[2].equals("--profile");
    StackSampler sampler = profile ? StackSampler.ofCurrentThread() : null;
    long loading = sampler == null ? 0 : sampler.now();
    Class.forName("io.modelarts.sql.jdbc.ModelArtsDriver");
    phase("driver-loaded");
    int rows = 0;
    long connecting = sampler == null ? 0 : sampler.now();
    try (Connection c = DriverManager.getConnection(args[0])) {
      phase("connected");
      long querying = sampler == null ? 0 : sampler.now();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(args[1])) {
        phase("executed");
        int columns = rs.getMetaData().getColumnCount();
        StringBuilder out = new StringBuilder();
        while (rs.next()) {
          if (rows++ == 0) {
            phase("first-row");
          }
          for (int i = 1; i <= columns; i++) {
            out.append(i == 1 ? "" : " | ").append(rs.getString(i));
          }
          out.append('\n');
        }
        System.out.print(out);
      }
      System.out.println(new StringBuilder(DONE).append(rows));
      if (sampler != null) {
        long done = sampler.now();
        sampler.close();
        sampler.millisBetween(loading, connecting).forEach((k, v) -> profile("load driver", k, v));
        sampler
            .millisBetween(connecting, querying)
            .forEach((k, v) -> profile("open connection", k, v));
        sampler.millisBetween(querying, done).forEach((k, v) -> profile("run query", k, v));
      }
      System.out.flush();
    }
    // Stop here, as a shell would once it printed: no waiting for idle pool threads to expire.
    System.exit(0);
  }

  private static void profile(String phase, String label, long millis) {
    System.out.println(PROFILE + phase + "\t" + label + "\t" + millis);
  }

  // The stamps are built with StringBuilder, not `+`: test code is compiled with javac's
  // invokedynamic concatenation, whose first link in a fresh JVM spins ~17 method-handle classes
  // (and feeds the JIT) inside the very start this program measures; a query's own program
  // printing its rows would not.
  private static void phase(String name) {
    System.out.println(
        new StringBuilder(PHASE).append(name).append(' ').append(System.currentTimeMillis()));
  }
}
