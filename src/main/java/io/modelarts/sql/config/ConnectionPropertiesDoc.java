package io.modelarts.sql.config;

/**
 * Renders the table of docs/connection-properties.md from {@link ConnectionProperty}, so the
 * documentation is the enum; a test fails when the file and the enum disagree.
 */
public final class ConnectionPropertiesDoc {
  private ConnectionPropertiesDoc() {}

  /** The Markdown table: one row per property, in the enum's (alphabetical) order. */
  public static String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| property | type | default | required | description |\n");
    sb.append("|---|---|---|---|---|\n");
    for (ConnectionProperty p : ConnectionProperty.values()) {
      String type =
          p.choices().isEmpty()
              ? p.type().name().toLowerCase(java.util.Locale.ROOT)
              : "one of "
                  + String.join(", ", p.choices().stream().map(c -> "`" + c + "`").toList());
      sb.append("| `")
          .append(p.propertyName())
          .append("` | ")
          .append(type)
          .append(" | ")
          .append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
          .append(" | ")
          .append(p.required() ? "yes" : "")
          .append(" | ")
          .append(p.description())
          .append(p.secret() ? " *(secret)*" : "")
          .append(" |\n");
    }
    return sb.toString();
  }
}
