package io.modelarts.sql.calcite;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeSystem;

/**
 * Calcite's Java type factory, whose character strings are UTF-16, Java's own, so that a string
 * literal may hold any character.
 *
 * <p>Why: Calcite's default character set is ISO-8859-1, and a literal it cannot encode fails the
 * statement ({@code WHERE name = '模型'}, {@code LIKE '%🚀%'}: "Failed to encode … in character set
 * 'ISO-8859-1'"), while notebook names and descriptions are Unicode. The driver also names this
 * character set as Calcite's default (system properties set when it loads, unless the application
 * has set them), because a plan prints a literal's character set where it is not the default; with
 * both set, {@code EXPLAIN} shows {@code 'RUNNING'}, not {@code _UTF-16LE'RUNNING'}. This factory
 * makes literals work even where Calcite read its defaults before the driver loaded.
 */
public final class UnicodeTypeFactory extends JavaTypeFactoryImpl {
  /**
   * The character set's name, as Calcite's system properties take it; a constant, so that naming it
   * loads no Calcite class before those properties are set.
   */
  public static final String CHARSET = "UTF-16LE";

  public UnicodeTypeFactory(RelDataTypeSystem typeSystem) {
    super(typeSystem);
  }

  @Override
  public Charset getDefaultCharset() {
    return StandardCharsets.UTF_16LE;
  }
}
