package io.modelarts.sql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming page parser: the documented example, tolerance of extras, refusal of nonsense. */
class NotebookPageParserTest {
  private static NotebookPage parse(String json) throws IOException {
    return NotebookPageParser.parse(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheApiPagesExample() throws Exception {
    String example =
        new String(
            NotebookPageParserTest.class
                .getResourceAsStream("/api-example-response.json")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    NotebookPage page = parse(example);
    assertEquals(2L, page.total());
    assertEquals(1, page.pages());
    assertEquals(10, page.size());
    Notebook first = page.data().get(0);
    assertEquals("f9937afa-ca78-45b6-bc12-7ecf42553c48", first.id());
    assertEquals("DEFAULT", first.feature());
    assertEquals(1638841805439L, first.lease().createAt());
    assertEquals(3600000L, first.lease().duration());
    assertTrue(first.lease().enable());
    assertEquals(50, first.volume().capacity());
    assertEquals("BUILD_IN", first.image().type());
    assertNull(first.pool());
    assertFalse(first.toString().contains(first.token()), "the notebook token is never shown");
  }

  @Test
  void ignoresUndocumentedFieldsAndTreatsNullAsAbsent() throws Exception {
    NotebookPage page =
        parse(
            "{\"total\":1,\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"data\":[{\"id\":\"a\","
                + "\"billing_items\":[\"x\"],\"name\":null,\"lease\":null,\"endpoints\":null,\"image\":{\"id\":\"i\",\"new_field\":7}}]}");
    Notebook n = page.data().get(0);
    assertNull(n.name());
    assertNull(n.lease());
    assertTrue(n.endpoints().isEmpty());
    assertEquals("i", n.image().id());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<html><body>Service Unavailable</body></html>",
        "{\"total\":1,\"data\":[{\"id\":\"a\"",
        "{\"total\":\"one\",\"data\":[]}",
        "{\"total\":1,\"data\":[{\"id\":\"a\",\"lease\":{\"create_at\":\"yesterday\"}}]}",
        "{\"total\":1,\"data\":{}}",
        "{\"total\":1}",
        "{\"total\":1,\"data\":[{\"name\":\"no id\"}]}",
        "[]",
      })
  void malformedAnswersAreClearErrors(String body) {
    MalformedResponseException e =
        assertThrows(MalformedResponseException.class, () -> parse(body));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void wrongTypeNamesTheField() {
    MalformedResponseException e =
        assertThrows(
            MalformedResponseException.class,
            () ->
                parse("{\"total\":1,\"data\":[{\"id\":\"a\",\"volume\":{\"capacity\":\"big\"}}]}"));
    assertTrue(e.getMessage().contains("volume.capacity"), e.getMessage());
  }
}
