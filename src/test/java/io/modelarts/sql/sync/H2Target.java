package io.modelarts.sql.sync;

import java.nio.file.Path;
import java.util.Properties;

/** An H2 database file in a test's temporary directory: the embedded target. */
record H2Target(Path directory) implements TestTarget {
  @Override
  public String url() {
    return "jdbc:h2:" + directory.resolve("sync").toAbsolutePath();
  }

  @Override
  public Properties properties() {
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "");
    return p;
  }

  @Override
  public void close() {
    // The file goes with the temporary directory; H2 closes it with its last connection.
  }
}
