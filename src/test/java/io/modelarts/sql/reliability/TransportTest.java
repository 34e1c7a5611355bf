package io.modelarts.sql.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.modelarts.sql.testing.SimulatorFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport security: a proxy that demands credentials gets them (and they never show), and TLS
 * certificates are checked: an unknown one is refused, a trust store makes it known.
 */
class TransportTest {
  @Test
  void callsGoThroughAnAuthenticatingProxy() throws Exception {
    try (SimulatorFixture sim = SimulatorFixture.start(30, 2L)) {
      WireMockServer proxy =
          new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
      proxy.start();
      try {
        String credential = okhttp3.Credentials.basic("proxy-user", "Proxy-Secret-1");
        proxy.stubFor(
            any(anyUrl())
                .atPriority(1)
                .withHeader("Proxy-Authorization", equalTo(credential))
                .willReturn(aResponse().proxiedFrom(sim.simulator().baseUrl())));
        proxy.stubFor(
            any(anyUrl())
                .atPriority(2)
                .withHeader("Proxy-Authorization", absent())
                .willReturn(
                    aResponse()
                        .withStatus(407)
                        .withHeader("Proxy-Authenticate", "Basic realm=\"test\"")));
        String url =
            sim.url(
                "proxy=http://127.0.0.1:" + proxy.port(),
                "proxyUser=proxy-user",
                "proxyPassword=Proxy-Secret-1");
        try (Connection c = DriverManager.getConnection(url)) {
          assertEquals(List.of("30"), SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
        }
        assertTrue(
            proxy
                    .findAll(
                        anyRequestedFor(anyUrl())
                            .withHeader("Proxy-Authorization", equalTo(credential)))
                    .size()
                >= 2);
        assertEquals(2, sim.listCalls().size(), "every call reached the service through the proxy");

        String wrong =
            sim.url(
                "proxy=http://127.0.0.1:" + proxy.port(),
                "proxyUser=proxy-user",
                "proxyPassword=Wrong-Proxy-2");
        try (Connection c = DriverManager.getConnection(wrong)) {
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () -> SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
          assertFalse(fullText(e).contains("Wrong-Proxy-2"));
        }
      } finally {
        proxy.stop();
      }
    }
  }

  @Test
  void unknownCertificatesAreRefusedAndATrustStoreAcceptsThem(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path truststore = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    Path cert = dir.resolve("server.crt");
    keytool(
        "-exportcert",
        "-alias",
        "server",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "server",
        "-file",
        cert.toString(),
        "-keystore",
        truststore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "trustpass");
    WireMockServer https =
        new WireMockServer(
            wireMockConfig()
                .dynamicHttpsPort()
                .httpDisabled(true)
                .bindAddress("127.0.0.1")
                .keystorePath(keystore.toString())
                .keystorePassword("changeit")
                .keyManagerPassword("changeit")
                .keystoreType("PKCS12"));
    https.start();
    try {
      https.stubFor(
          any(anyUrl())
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withBody(
                          "{\"current\":0,\"pages\":0,\"size\":10,\"total\":0,\"data\":[]}")));
      String base =
          "jdbc:modelarts:endpoint=https://127.0.0.1:"
              + https.httpsPort()
              + ";projectId=p;user=AK;password=SK;rateLimit=0;cacheTtl=0";
      try (Connection c = DriverManager.getConnection(base)) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () -> SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + " " + e.getMessage());
      }
      try (Connection c =
          DriverManager.getConnection(
              base + ";trustStore=" + truststore + ";trustStorePassword=trustpass")) {
        assertEquals(List.of("0"), SimulatorFixture.rows(c, "SELECT COUNT(*) FROM notebooks"));
      }
    } finally {
      https.stop();
    }
  }

  private static void keytool(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }

  /** Message, class names and stack of an exception and all its causes. */
  private static String fullText(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
