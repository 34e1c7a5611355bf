package io.modelarts.sql.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelarts.sql.config.ConnectionPropertiesDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/connection-properties.md holds exactly the table the property enum renders. Run with {@code
 * -Ddocs.update=true} to rewrite the file after changing a property.
 */
class ConnectionPropertiesDocTest {
  static final String BEGIN = "<!-- BEGIN GENERATED: ConnectionPropertiesDoc -->\n";
  static final String END = "<!-- END GENERATED -->";

  @Test
  void docsTableMatchesTheEnum() throws Exception {
    Path doc = Path.of("docs/connection-properties.md");
    String text = Files.readString(doc);
    int begin = text.indexOf(BEGIN) + BEGIN.length();
    int end = text.indexOf(END);
    String expected = ConnectionPropertiesDoc.table();
    if (Boolean.getBoolean("docs.update")) {
      text = text.substring(0, begin) + expected + text.substring(end);
      Files.writeString(doc, text);
      end = text.indexOf(END);
    }
    assertEquals(
        expected,
        text.substring(begin, end),
        "docs/connection-properties.md is out of date: rerun this test with -Ddocs.update=true");
  }
}
