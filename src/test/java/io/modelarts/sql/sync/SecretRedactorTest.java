package io.modelarts.sql.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the redactor masks in URLs and messages, and what it leaves alone. */
class SecretRedactorTest {
  @Test
  void masksSecretParametersOfEveryUrlStyle() {
    SecretRedactor r = SecretRedactor.of(List.of(), List.of());
    assertEquals(
        "jdbc:postgresql://db:5432/bi?user=sync&password=****&sslmode=require",
        r.redactUrl("jdbc:postgresql://db:5432/bi?user=sync&password=hunter22&sslmode=require"));
    assertEquals(
        "jdbc:h2:./x;USER=sa;PASSWORD=****", r.redactUrl("jdbc:h2:./x;USER=sa;PASSWORD=topsecret"));
    assertEquals(
        "jdbc:modelarts:user=AK;password=****;token=****;projectId=p",
        r.redactUrl("jdbc:modelarts:user=AK;password=SK123456;token=MIIabc;projectId=p"));
  }

  @Test
  void masksKnownSecretsWhereverTheyAppear() {
    Properties source = new Properties();
    source.setProperty("password", "SourceSecretKey");
    source.setProperty("user", "AK-not-secret");
    Properties target = new Properties();
    target.setProperty("password", "target-pw-1");
    SecretRedactor r =
        SecretRedactor.of(
            List.of("jdbc:modelarts:projectId=p;securityToken=SecTok99"), List.of(source, target));
    assertEquals(
        "failed for AK-not-secret with **** and **** and ****",
        r.redact("failed for AK-not-secret with SourceSecretKey and target-pw-1 and SecTok99"));
  }

  @Test
  void leavesVeryShortValuesAloneRatherThanGarbleTheOutput() {
    Properties p = new Properties();
    p.setProperty("password", "");
    p.setProperty("pwd", "ab");
    assertEquals(
        "a table about ab", SecretRedactor.of(List.of(), List.of(p)).redact("a table about ab"));
  }
}
