package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.config.ConnectionConfig;
import io.modelarts.sql.http.HttpClients;
import java.util.List;
import java.util.Properties;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.apache.calcite.avatica.ConnectStringParser;
import org.junit.jupiter.api.Test;

/** TLS is set up for a connection exactly when one of its endpoints is https://. */
class SessionFactoryTest {
  private static ConnectionConfig config(String connectString) throws Exception {
    return ConnectionConfig.from(ConnectStringParser.parse(connectString, new Properties()));
  }

  @Test
  void plainHttpEndpointsNeedNoTls() throws Exception {
    assertFalse(
        SessionFactory.needsTls(
            config("projectId=p;endpoint=http://127.0.0.1:8080;authType=token;token=t")));
    assertFalse(
        SessionFactory.needsTls(
            config(
                "projectId=p;endpoint=http://127.0.0.1:8080;iamEndpoint=http://localhost:8081;"
                    + "authType=password;user=u;password=pw;domain=d")));
  }

  @Test
  void anyHttpsEndpointNeedsTls() throws Exception {
    assertTrue(SessionFactory.needsTls(config("projectId=p;region=eu-de;user=AK;password=SK")));
    assertTrue(
        SessionFactory.needsTls(
            config(
                "projectId=p;endpoint=http://127.0.0.1:8080;iamEndpoint=https://iam.example.com;"
                    + "authType=password;user=u;password=pw;domain=d")));
  }

  @Test
  void aClientWithoutTlsSpeaksPlainHttpOnly() throws Exception {
    OkHttpClient plain =
        HttpClients.forConnection(false, 1000, 1000, 1000, null, null, null, null, null);
    assertEquals(List.of(ConnectionSpec.CLEARTEXT), plain.connectionSpecs());
  }

  @Test
  void aClientWithTlsSpeaksBoth() throws Exception {
    OkHttpClient tls =
        HttpClients.forConnection(true, 1000, 1000, 1000, null, null, null, null, null);
    assertEquals(
        List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT), tls.connectionSpecs());
    assertNotNull(tls.sslSocketFactory());
  }

  @Test
  void bothClientsShareOnePoolAndDispatcher() throws Exception {
    OkHttpClient plain =
        HttpClients.forConnection(false, 1000, 1000, 1000, null, null, null, null, null);
    OkHttpClient tls =
        HttpClients.forConnection(true, 1000, 1000, 1000, null, null, null, null, null);
    assertTrue(plain.connectionPool() == tls.connectionPool());
    assertTrue(plain.dispatcher() == tls.dispatcher());
  }
}
