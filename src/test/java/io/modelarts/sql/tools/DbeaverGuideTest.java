package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.testing.SimulatorFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/dbeaver.md names the driver class the jar registers, a URL template whose fields land in the
 * right properties, and a simulator URL and credentials that connect.
 */
class DbeaverGuideTest {
  private static final String GUIDE = "docs/dbeaver.md";

  private static String tableValue(String guide, String field) {
    Matcher m =
        Pattern.compile("\\| " + Pattern.quote(field) + " \\| `([^`]+)` \\|").matcher(guide);
    assertTrue(m.find(), GUIDE + " gives " + field);
    return m.group(1);
  }

  @Test
  void driverClassIsTheRegisteredOne() throws IOException {
    String guide = Files.readString(Path.of(GUIDE));
    String className = tableValue(guide, "Class Name");
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("META-INF/services/java.sql.Driver")) {
      assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(className));
    }
  }

  @Test
  void urlTemplateFieldsBecomeRegionAndProjectId() throws Exception {
    String guide = Files.readString(Path.of(GUIDE));
    String template = tableValue(guide, "URL Template");
    String url = template.replace("{host}", "eu-de").replace("{database}", "0a1b2c3d4e5f");
    Driver driver = DriverManager.getDriver(url);
    assertTrue(driver.acceptsURL(url));
    Properties seen = new Properties();
    for (DriverPropertyInfo info : driver.getPropertyInfo(url, new Properties())) {
      if (info.value != null) {
        seen.setProperty(info.name, info.value);
      }
    }
    assertEquals("eu-de", seen.getProperty("region"));
    assertEquals("0a1b2c3d4e5f", seen.getProperty("projectId"));
  }

  @Test
  void simulatorUrlAndCredentialsConnect() throws Exception {
    String guide = Files.readString(Path.of(GUIDE));
    Matcher block = Pattern.compile("```\\n(jdbc:modelarts:[^\\n]+)\\n```").matcher(guide);
    assertTrue(block.find(), "the simulator URL");
    Matcher user = Pattern.compile("Username `([^`]+)` and Password `([^`]+)`").matcher(guide);
    assertTrue(user.find(), "the simulator's credentials");
    try (SimulatorFixture sim = SimulatorFixture.start(15, 3L)) {
      String url =
          block
              .group(1)
              .replace("http://127.0.0.1:18080", sim.simulator().baseUrl())
              .replace("<the printed project id>", sim.simulator().projectId());
      Properties props = new Properties();
      props.setProperty("user", user.group(1));
      props.setProperty("password", user.group(2));
      try (Connection c = DriverManager.getConnection(url, props);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM modelarts.notebooks")) {
        assertTrue(rs.next());
        assertEquals(15, rs.getLong(1));
      }
    }
  }
}
