package io.modelarts.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Splits a raw query string into its parameters, keeping arrival order and repeated keys. */
final class QueryString {
  private QueryString() {}

  /**
   * Decodes {@code a=1&b=x%20y&a=2} into {@code {a=[1, 2], b=[x y]}}; a key without {@code =} has
   * the value {@code ""}.
   *
   * @throws IllegalArgumentException on a malformed percent escape
   */
  static Map<String, List<String>> decode(String rawQuery) {
    // URLDecoder also turns '+' into a space, which is how Java servlet containers read query
    // strings.
    return split(rawQuery, component -> URLDecoder.decode(component, StandardCharsets.UTF_8));
  }

  /** Splits like {@link #decode} but leaves every key and value exactly as sent. */
  static Map<String, List<String>> undecoded(String rawQuery) {
    return split(rawQuery, UnaryOperator.identity());
  }

  private static Map<String, List<String>> split(String rawQuery, UnaryOperator<String> decoder) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters
          .computeIfAbsent(decoder.apply(key), k -> new ArrayList<>())
          .add(decoder.apply(value));
    }
    return parameters;
  }
}
