package io.modelarts.sql.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelarts.simulator.ServedRequest;
import io.modelarts.simulator.SimulatorCredentials;
import io.modelarts.sql.config.ConnectionConfig;
import io.modelarts.sql.testing.SimulatorFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * No secret — SK, IAM password, security token, IAM token, ready token, a notebook's own token —
 * appears in any text the driver produces: exception messages and stacks (also with wrong
 * credentials), EXPLAIN output, the api_calls table, getPropertyInfo, toString, or log lines of any
 * level (the build routes every driver log line to one file, searched here).
 */
class SecretsTest {
  @Test
  void noSecretAppearsInAnyTextTheDriverProduces() throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    try (SimulatorFixture sim = SimulatorFixture.start(80, 9L)) {
      SimulatorCredentials c = sim.simulator().credentials();
      secrets.addAll(
          List.of(
              c.secretKey(),
              c.temporarySecretKey(),
              c.securityToken(),
              c.iamPassword(),
              c.readyToken()));
      for (ObjectNode n : sim.simulator().dataset()) {
        if (n.hasNonNull("token")) {
          secrets.add(n.get("token").asText());
        }
      }
      String base =
          "jdbc:modelarts:endpoint="
              + sim.simulator().baseUrl()
              + ";projectId="
              + sim.simulator().projectId()
              + ";iamEndpoint="
              + sim.simulator().baseUrl()
              + ";rateLimit=0;cacheTtl=0";
      List<Properties> logins =
          List.of(
              props("user", c.accessKey(), "password", c.secretKey()),
              props(
                  "user",
                  c.temporaryAccessKey(),
                  "password",
                  c.temporarySecretKey(),
                  "securityToken",
                  c.securityToken()),
              props("user", c.iamUser(), "password", c.iamPassword(), "domain", c.iamDomain()),
              props("token", c.readyToken()));
      for (Properties login : logins) {
        try (Connection conn = DriverManager.getConnection(base, login)) {
          texts.addAll(
              SimulatorFixture.rows(
                  conn, "SELECT * FROM notebooks WHERE status = 'RUNNING' LIMIT 5"));
          texts.addAll(
              SimulatorFixture.rows(
                  conn, "EXPLAIN PLAN FOR SELECT * FROM notebooks WHERE name = 'x'"));
          texts.addAll(SimulatorFixture.rows(conn, "SELECT * FROM api_calls"));
          texts.add(conn.toString());
          texts.add(conn.getMetaData().getURL());
          texts.add(
              stack(
                  assertThrows(
                      SQLException.class,
                      () -> SimulatorFixture.rows(conn, "SELECT * FROM no_such_table"))));
          texts.add(
              stack(
                  assertThrows(
                      SQLException.class,
                      () -> SimulatorFixture.rows(conn, "SELECT * FROM notebooks ORDER BY nope"))));
        }
        for (DriverPropertyInfo info : DriverManager.getDriver(base).getPropertyInfo(base, login)) {
          texts.add(
              info.name
                  + "="
                  + info.value
                  + " "
                  + info.description
                  + " "
                  + Arrays.toString(info.choices));
        }
        texts.add(
            ConnectionConfig.from(
                    merge(
                        login,
                        "projectId",
                        "p",
                        "endpoint",
                        sim.simulator().baseUrl(),
                        "iamEndpoint",
                        sim.simulator().baseUrl()))
                .toString());
      }
      // the tokens IAM issued during the run are secrets too
      for (ServedRequest r : sim.simulator().requestLog()) {
        String token = r.headers().get("x-auth-token");
        if (token != null) {
          secrets.add(token);
        }
      }
      // wrong credentials of every kind: the refusal must not quote what was sent
      for (Properties wrong :
          List.of(
              props("user", c.accessKey(), "password", "Wrong-Secret-Key-1"),
              props("user", c.iamUser(), "password", "Wrong-Password-2", "domain", c.iamDomain()),
              props("token", "Wrong-Token-3"),
              props(
                  "user",
                  c.temporaryAccessKey(),
                  "password",
                  c.temporarySecretKey(),
                  "securityToken",
                  "Wrong-Security-4"))) {
        secrets.add(
            wrong.getProperty(
                "password", wrong.getProperty("token", wrong.getProperty("securityToken"))));
        if (wrong.getProperty("securityToken") != null) {
          secrets.add(wrong.getProperty("securityToken"));
        }
        try (Connection conn = DriverManager.getConnection(base, wrong)) {
          texts.add(
              stack(
                  assertThrows(
                      SQLException.class,
                      () -> SimulatorFixture.rows(conn, "SELECT COUNT(*) FROM notebooks"))));
        }
      }
      texts.add(
          stack(
              assertThrows(
                  SQLException.class,
                  () ->
                      DriverManager.getConnection(
                          "jdbc:modelarts:projectId=p;region=nowhere;user=AK;password=Wrong-Secret-5"))));
      secrets.add("Wrong-Secret-5");
    }
    Path log =
        Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/driver-test.log"));
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log)) {
        if (line.contains("io.modelarts.sql")) {
          texts.add(line);
        }
      }
    }
    assertTrue(texts.size() > 50, "enough text was produced to mean something: " + texts.size());
    for (String secret : secrets) {
      for (String text : texts) {
        assertFalse(
            text.contains(secret), "a secret appears in: " + text.replace(secret, "<SECRET>"));
      }
    }
  }

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static Properties merge(Properties base, String... kv) {
    Properties p = props(kv);
    p.putAll(base);
    return p;
  }

  private static String stack(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
