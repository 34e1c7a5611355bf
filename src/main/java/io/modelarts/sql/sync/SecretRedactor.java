package io.modelarts.sql.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from every line sync prints: the known secret values wherever they occur (an
 * error message that quotes a URL, say), and the values of secret-named URL parameters.
 */
final class SecretRedactor {
  static final String MASK = "****";

  /** Property names whose values are credentials, in the driver, pgjdbc and H2. */
  private static final Set<String> SECRET_KEYS =
      Set.of(
          "password",
          "pwd",
          "token",
          "securitytoken",
          "truststorepassword",
          "sslpassword",
          "secretkey",
          "sk");

  /** {@code key=value} in a URL: after {@code ?}, {@code &} or {@code ;} (Avatica and H2 style). */
  private static final Pattern PARAMETER = Pattern.compile("([?&;:])([A-Za-z_]+)=([^&;]*)");

  /** Shorter values are not searched for: masking every "ab" would garble the output. */
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  private SecretRedactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor for the secrets in these URLs and property sets. */
  static SecretRedactor of(List<String> urls, List<Properties> properties) {
    List<String> secrets = new ArrayList<>();
    for (String url : urls) {
      if (url == null) {
        continue;
      }
      Matcher m = PARAMETER.matcher(url);
      while (m.find()) {
        if (isSecretKey(m.group(2))) {
          secrets.add(m.group(3));
        }
      }
    }
    for (Properties p : properties) {
      for (Map.Entry<Object, Object> e : p.entrySet()) {
        if (isSecretKey(e.getKey().toString())) {
          secrets.add(e.getValue().toString());
        }
      }
    }
    // Longest first, so a secret that contains another is masked whole.
    secrets.removeIf(s -> s.length() < MIN_SECRET_LENGTH);
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretRedactor(List.copyOf(secrets));
  }

  /** {@code text} with every known secret replaced by {@value #MASK}. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /** A URL fit to print: secret-named parameters masked even if this redactor never saw them. */
  String redactUrl(String url) {
    Matcher m = PARAMETER.matcher(url);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement =
          isSecretKey(m.group(2)) ? m.group(1) + m.group(2) + "=" + MASK : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return redact(sb.toString());
  }

  private static boolean isSecretKey(String key) {
    return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
  }
}
