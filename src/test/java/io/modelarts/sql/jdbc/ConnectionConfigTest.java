package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.config.ConnectionProperty;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Connect strings and properties: good ones connect, each bad one names its property. */
class ConnectionConfigTest {
  private static final String GOOD = "projectId=p1;region=eu-de;user=AK;password=SK";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "region=eu-de;user=AK;password=SK | projectId",
        "projectId=p;user=AK;password=SK | region",
        "projectId=p;region=mars-1;user=AK;password=SK | region",
        "projectId=p;region=eu-de;user=AK;password=SK;pageConcurrency=0 | pageConcurrency",
        "projectId=p;region=eu-de;user=AK;password=SK;pageConcurrency=many | pageConcurrency",
        "projectId=p;region=eu-de;user=AK;password=SK;pushdown=maybe | pushdown",
        "projectId=p;region=eu-de;user=AK;password=SK;authType=kerberos | authType",
        "projectId=p;region=eu-de;user=AK | password",
        "projectId=p;region=eu-de;authType=password;user=u;password=pw | domain",
        "projectId=p;region=eu-de;token=t;user=AK;password=SK | authType",
        "projectId=p;region=eu-de | user",
        "projectId=p;endpoint=http://modelarts.example.com;user=AK;password=SK | endpoint",
        "projectId=p;endpoint=not a url;user=AK;password=SK | endpoint",
        "projectId=p;region=eu-de;user=AK;password=SK;readTimeout=-5 | readTimeout",
        "projectID=p;region=eu-de;user=AK;password=SK | projectId",
      })
  void badConnectStringNamesTheProperty(String url, String property) {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:modelarts:" + url, new Properties()));
    assertTrue(
        e.getMessage().contains("'" + property + "'") || e.getMessage().contains(property),
        e.getMessage());
    assertNotNull(e.getSQLState());
  }

  @Test
  void secretValuesAreNeverEchoedInErrors() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:modelarts:projectId=p;region=eu-de;user=AK;password=TopSecret1;trustStorePassword=TopSecret2;trustStore=/nonexistent",
                    new Properties()));
    assertFalse(e.getMessage().contains("TopSecret"), e.getMessage());
  }

  @Test
  void urlWinsOverProperties() throws Exception {
    Properties p = new Properties();
    p.setProperty("projectId", "fromProperties");
    p.setProperty("user", "AK");
    p.setProperty("password", "SK");
    try (var c = DriverManager.getConnection("jdbc:modelarts:projectId=fromUrl;region=eu-de", p)) {
      assertTrue(c.getMetaData().getURL().startsWith("jdbc:modelarts:"));
    }
  }

  @Test
  void plainHttpToLoopbackIsAcceptedAndElsewhereOnlyWhenAllowed() throws Exception {
    try (var c =
        DriverManager.getConnection(
            "jdbc:modelarts:projectId=p;endpoint=http://127.0.0.1:1;user=AK;password=SK")) {
      assertFalse(c.isClosed());
    }
    try (var c =
        DriverManager.getConnection(
            "jdbc:modelarts:projectId=p;endpoint=http://modelarts.example.com;allowInsecureHttp=true;user=AK;password=SK")) {
      assertFalse(c.isClosed());
    }
  }

  @Test
  void propertyInfoListsEveryPropertyWithDescriptionsAndNoSecrets() throws Exception {
    Properties p = new Properties();
    p.setProperty("password", "TopSecret");
    DriverPropertyInfo[] info =
        DriverManager.getDriver("jdbc:modelarts:").getPropertyInfo("jdbc:modelarts:" + GOOD, p);
    assertEquals(ConnectionProperty.values().length, info.length);
    for (DriverPropertyInfo i : info) {
      assertNotNull(i.description, i.name);
      if (i.name.equals("password")) {
        assertNull(i.value);
      }
      if (i.name.equals("projectId")) {
        assertTrue(i.required);
        assertEquals("p1", i.value);
      }
      if (i.name.equals("authType")) {
        assertEquals(3, i.choices.length);
      }
    }
  }

  @Test
  void propertiesAreDefinedInAlphabeticalOrder() {
    ConnectionProperty[] all = ConnectionProperty.values();
    for (int i = 1; i < all.length; i++) {
      assertTrue(
          all[i - 1].propertyName().compareToIgnoreCase(all[i].propertyName()) < 0,
          all[i - 1].propertyName() + " before " + all[i].propertyName());
    }
  }
}
