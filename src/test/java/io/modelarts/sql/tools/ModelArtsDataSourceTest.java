package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.simulator.SimulatorCredentials;
import io.modelarts.sql.config.ConnectionProperty;
import io.modelarts.sql.jdbc.ModelArtsDataSource;
import io.modelarts.sql.testing.SimulatorFixture;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The DataSource's bean properties are exactly the connection properties, and it connects. */
class ModelArtsDataSourceTest {
  /** The Java type a pool sets from configuration text, per property type. */
  private static Class<?> beanType(ConnectionProperty.Type type) {
    return switch (type) {
      case BOOLEAN -> boolean.class;
      case INTEGER -> int.class;
      case MILLIS -> long.class;
      case STRING, URL, CHOICE, DECIMAL -> String.class;
    };
  }

  @Test
  void onePropertyPerConnectionPropertyWithItsType() throws Exception {
    Map<String, Class<?>> expected = new TreeMap<>();
    for (ConnectionProperty p : ConnectionProperty.values()) {
      expected.put(p.propertyName(), beanType(p.type()));
    }
    Map<String, Class<?>> actual = new TreeMap<>();
    for (PropertyDescriptor d :
        Introspector.getBeanInfo(ModelArtsDataSource.class, Object.class)
            .getPropertyDescriptors()) {
      if (List.of("logWriter", "loginTimeout", "parentLogger", "connection")
          .contains(d.getName())) {
        continue; // the DataSource interface's own
      }
      assertNotNull(d.getWriteMethod(), "setter of " + d.getName());
      assertNotNull(d.getReadMethod(), "getter of " + d.getName());
      actual.put(d.getName(), d.getPropertyType());
    }
    assertEquals(expected, actual);
  }

  @Test
  void gettersStartAtTheDriversDefaults() throws Exception {
    ModelArtsDataSource ds = new ModelArtsDataSource();
    for (ConnectionProperty p : ConnectionProperty.values()) {
      Method getter = getter(p);
      Object value = getter.invoke(ds);
      String expected = p.defaultValue();
      if (expected == null) {
        assertTrue(
            value == null || value.equals(0) || value.equals(0L) || value.equals(false),
            p.propertyName() + " = " + value);
      } else {
        assertEquals(expected, String.valueOf(value), p.propertyName());
      }
    }
  }

  @Test
  void connectsWithBeanPropertiesAndHidesSecretsInToString() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(30, 3L)) {
      SimulatorCredentials credentials = sim.simulator().credentials();
      ModelArtsDataSource ds = new ModelArtsDataSource();
      ds.setEndpoint(sim.simulator().baseUrl().toString());
      ds.setProjectId(sim.simulator().projectId());
      ds.setUser(credentials.accessKey());
      ds.setPassword(credentials.secretKey());
      ds.setRateLimit("0");
      ds.setPageConcurrency(2);
      // Off, so the refused-credentials check below reaches the service rather than a page
      // another connection fetched (the shared cache is keyed by access key, not secret key).
      ds.setCacheTtl(0);
      try (Connection c = ds.getConnection()) {
        assertEquals(List.of("30"), SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
      }
      assertFalse(ds.toString().contains(credentials.secretKey()), ds.toString());
      // getConnection(user, password) replaces the configured credentials.
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  ds.getConnection(credentials.accessKey(), "wrong")
                      .createStatement()
                      .executeQuery("SELECT COUNT(*) FROM notebooks")
                      .next());
      assertEquals("28000", refused.getSQLState());
      assertFalse(refused.getMessage().contains("wrong"));
    }
  }

  private static Method getter(ConnectionProperty p) throws NoSuchMethodException {
    String name = p.propertyName();
    return ModelArtsDataSource.class.getMethod(
        "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }
}
