package io.modelarts.sql.bench;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The defaults this build of the driver declares for its connection properties, read the way tools
 * read them ({@code getPropertyInfo}), so the report names the defaults it measured rather than
 * ones that were true when the benchmark was written.
 */
final class DriverDefaults {
  private DriverDefaults() {}

  /** The default of {@code property}, or empty when this build does not know the property. */
  static Optional<String> of(String property) {
    try {
      Class.forName("io.modelarts.sql.jdbc.ModelArtsDriver");
      Driver driver = DriverManager.getDriver("jdbc:modelarts:");
      for (DriverPropertyInfo p : driver.getPropertyInfo("jdbc:modelarts:", new Properties())) {
        if (p.name.equals(property)) {
          return Optional.ofNullable(p.value);
        }
      }
      return Optional.empty();
    } catch (ClassNotFoundException | SQLException e) {
      throw new IllegalStateException("the driver is not on the class path", e);
    }
  }
}
