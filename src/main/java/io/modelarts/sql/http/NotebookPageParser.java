package io.modelarts.sql.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one list-API page with Jackson's streaming parser, token by token, so that no tree of the
 * whole response is ever built.
 *
 * <p>Fields the API page does not document are skipped; a field of the wrong JSON type, truncated
 * JSON or a body that is not JSON at all raises {@link MalformedResponseException} naming the
 * field, so a bad answer is never silently read as fewer rows.
 */
public final class NotebookPageParser {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private NotebookPageParser() {}

  /** Parses a whole page from {@code body}; the caller closes the stream. */
  public static NotebookPage parse(InputStream body) throws IOException {
    try (JsonParser p = JSON.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new MalformedResponseException("the service answered with an empty body");
      }
      expect(p, first, JsonToken.START_OBJECT, "the page");
      Integer current = null;
      Integer pages = null;
      Integer size = null;
      Long total = null;
      List<Notebook> data = null;
      while (nextField(p)) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "current" -> current = readInt(p, value, field);
          case "pages" -> pages = readInt(p, value, field);
          case "size" -> size = readInt(p, value, field);
          case "total" -> total = readLong(p, value, field);
          case "data" -> data = readArray(p, value, "data", NotebookPageParser::readNotebook);
          default -> p.skipChildren();
        }
      }
      if (data == null) {
        throw new MalformedResponseException("the page has no 'data' array");
      }
      if (p.nextToken() != null) {
        throw new MalformedResponseException("unexpected content after the page object");
      }
      return new NotebookPage(current, pages, size, total, data);
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      throw new MalformedResponseException("the service's JSON answer was cut short", e);
    } catch (JsonParseException e) {
      throw new MalformedResponseException(
          "the service answered with malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Notebook readNotebook(JsonParser p, JsonToken start) throws IOException {
    expect(p, start, JsonToken.START_OBJECT, "data[]");
    String id = null, name = null, description = null, status = null, feature = null;
    String flavor = null, failReason = null, url = null, token = null, workspaceId = null;
    String owner = null;
    Notebook.Pool pool = null;
    Notebook.Image image = null;
    Notebook.Lease lease = null;
    Notebook.Volume volume = null;
    List<Notebook.Endpoint> endpoints = List.of();
    List<Notebook.ActionProgress> progress = List.of();
    while (nextField(p)) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "id" -> id = readString(p, value, field);
        case "name" -> name = readString(p, value, field);
        case "description" -> description = readString(p, value, field);
        case "status" -> status = readString(p, value, field);
        case "feature" -> feature = readString(p, value, field);
        case "flavor" -> flavor = readString(p, value, field);
        case "fail_reason" -> failReason = readString(p, value, field);
        case "url" -> url = readString(p, value, field);
        case "token" -> token = readString(p, value, field);
        case "workspace_id" -> workspaceId = readString(p, value, field);
        case "owner" -> owner = readString(p, value, field);
        case "pool" -> pool = readObjectOrNull(p, value, NotebookPageParser::readPool);
        case "image" -> image = readObjectOrNull(p, value, NotebookPageParser::readImage);
        case "lease" -> lease = readObjectOrNull(p, value, NotebookPageParser::readLease);
        case "volume" -> volume = readObjectOrNull(p, value, NotebookPageParser::readVolume);
        case "endpoints" ->
            endpoints = orEmpty(readArray(p, value, field, NotebookPageParser::readEndpoint));
        case "action_progress" ->
            progress = orEmpty(readArray(p, value, field, NotebookPageParser::readProgress));
        default -> p.skipChildren();
      }
    }
    if (id == null) {
      throw new MalformedResponseException("a notebook in 'data' has no 'id'");
    }
    return new Notebook(
        id,
        name,
        description,
        status,
        feature,
        flavor,
        failReason,
        url,
        token,
        workspaceId,
        owner,
        pool,
        image,
        lease,
        volume,
        endpoints,
        progress);
  }

  private static Notebook.Pool readPool(JsonParser p) throws IOException {
    String id = null, name = null;
    while (nextField(p)) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "id" -> id = readString(p, value, "pool.id");
        case "name" -> name = readString(p, value, "pool.name");
        default -> p.skipChildren();
      }
    }
    return new Notebook.Pool(id, name);
  }

  private static Notebook.Lease readLease(JsonParser p) throws IOException {
    Long createAt = null, updateAt = null, duration = null;
    Boolean enable = null;
    String type = null;
    while (nextField(p)) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "create_at" -> createAt = readLong(p, value, "lease.create_at");
        case "update_at" -> updateAt = readLong(p, value, "lease.update_at");
        case "duration" -> duration = readLong(p, value, "lease.duration");
        case "enable" -> enable = readBoolean(p, value, "lease.enable");
        case "type" -> type = readString(p, value, "lease.type");
        default -> p.skipChildren();
      }
    }
    return new Notebook.Lease(createAt, updateAt, duration, enable, type);
  }

  private static Notebook.Volume readVolume(JsonParser p) throws IOException {
    Integer capacity = null;
    String category = null, mountPath = null, ownership = null, status = null;
    while (nextField(p)) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "capacity" -> capacity = readInt(p, value, "volume.capacity");
        case "category" -> category = readString(p, value, "volume.category");
        case "mount_path" -> mountPath = readString(p, value, "volume.mount_path");
        case "ownership" -> ownership = readString(p, value, "volume.ownership");
        case "status" -> status = readString(p, value, "volume.status");
        default -> p.skipChildren();
      }
    }
    return new Notebook.Volume(capacity, category, mountPath, ownership, status);
  }

  private static Notebook.Endpoint readEndpoint(JsonParser p, JsonToken start) throws IOException {
    expect(p, start, JsonToken.START_OBJECT, "endpoints[]");
    String devService = null;
    List<String> ips = null, keys = null;
    while (nextField(p)) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "dev_service" -> devService = readString(p, value, "endpoints.dev_service");
        case "allowed_access_ips" -> ips = readStrings(p, value, "endpoints.allowed_access_ips");
        case "ssh_keys" -> keys = readStrings(p, value, "endpoints.ssh_keys");
        default -> p.skipChildren();
      }
    }
    return new Notebook.Endpoint(devService, ips, keys);
  }

  private static Notebook.ActionProgress readProgress(JsonParser p, JsonToken start)
      throws IOException {
    expect(p, start, JsonToken.START_OBJECT, "action_progress[]");
    String notebookId = null, status = null, description = null;
    Integer step = null;
    while (nextField(p)) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "notebook_id" -> notebookId = readString(p, value, "action_progress.notebook_id");
        case "step" -> step = readInt(p, value, "action_progress.step");
        case "status" -> status = readString(p, value, "action_progress.status");
        case "step_description" ->
            description = readString(p, value, "action_progress.step_description");
        default -> p.skipChildren();
      }
    }
    return new Notebook.ActionProgress(notebookId, step, status, description);
  }

  private static Notebook.Image readImage(JsonParser p) throws IOException {
    String id = null, name = null, arch = null, description = null, namespace = null;
    String origin = null, serviceType = null, status = null, statusMessage = null;
    String swrPath = null, tag = null, type = null, visibility = null, workspaceId = null;
    Long createAt = null, updateAt = null, size = null;
    List<String> devServices = null, resourceCategories = null, supportResCategories = null;
    while (nextField(p)) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      String path = "image." + field;
      switch (field) {
        case "id" -> id = readString(p, value, path);
        case "name" -> name = readString(p, value, path);
        case "arch" -> arch = readString(p, value, path);
        case "description" -> description = readString(p, value, path);
        case "namespace" -> namespace = readString(p, value, path);
        case "origin" -> origin = readString(p, value, path);
        case "service_type" -> serviceType = readString(p, value, path);
        case "status" -> status = readString(p, value, path);
        case "status_message" -> statusMessage = readString(p, value, path);
        case "swr_path" -> swrPath = readString(p, value, path);
        case "tag" -> tag = readString(p, value, path);
        case "type" -> type = readString(p, value, path);
        case "visibility" -> visibility = readString(p, value, path);
        case "workspace_id" -> workspaceId = readString(p, value, path);
        case "create_at" -> createAt = readLong(p, value, path);
        case "update_at" -> updateAt = readLong(p, value, path);
        case "size" -> size = readLong(p, value, path);
        case "dev_services" -> devServices = readStrings(p, value, path);
        case "resource_categories" -> resourceCategories = readStrings(p, value, path);
        case "support_res_categories" -> supportResCategories = readStrings(p, value, path);
        default -> p.skipChildren();
      }
    }
    return new Notebook.Image(
        id,
        name,
        arch,
        description,
        namespace,
        origin,
        serviceType,
        status,
        statusMessage,
        swrPath,
        tag,
        type,
        visibility,
        workspaceId,
        createAt,
        updateAt,
        size,
        devServices,
        resourceCategories,
        supportResCategories);
  }

  /** Reads an object's fields; the parser stands on its START_OBJECT. */
  private interface ObjectReader<T> {
    T read(JsonParser p) throws IOException;
  }

  /** Reads one array element; the parser stands on the element's first token. */
  private interface ElementReader<T> {
    T read(JsonParser p, JsonToken start) throws IOException;
  }

  private static <T> T readObjectOrNull(JsonParser p, JsonToken value, ObjectReader<T> reader)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, value, JsonToken.START_OBJECT, p.currentName());
    return reader.read(p);
  }

  private static <T> List<T> readArray(
      JsonParser p, JsonToken value, String field, ElementReader<T> reader) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, value, JsonToken.START_ARRAY, field);
    List<T> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new MalformedResponseException("the service's JSON answer was cut short");
      }
      out.add(reader.read(p, t));
    }
    return out;
  }

  private static List<String> readStrings(JsonParser p, JsonToken value, String field)
      throws IOException {
    List<String> list =
        readArray(p, value, field, (parser, t) -> readString(parser, t, field + "[]"));
    return list == null ? null : List.copyOf(list.stream().map(s -> s == null ? "" : s).toList());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Moves to the next field name of the current object; false at its end. */
  private static boolean nextField(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_OBJECT) {
      return false;
    }
    if (t == JsonToken.FIELD_NAME) {
      return true;
    }
    if (t == null) {
      throw new MalformedResponseException("the service's JSON answer was cut short");
    }
    throw new MalformedResponseException("unexpected " + t + " where a field name belongs");
  }

  private static String readString(JsonParser p, JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    throw wrongType(field, "a string", t);
  }

  private static Long readLong(JsonParser p, JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    throw wrongType(field, "an integer", t);
  }

  private static Integer readInt(JsonParser p, JsonToken t, String field) throws IOException {
    Long value = readLong(p, t, field);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new MalformedResponseException("field '" + field + "' is out of integer range");
    }
    return value.intValue();
  }

  private static Boolean readBoolean(JsonParser p, JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    throw wrongType(field, "a boolean", t);
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what)
      throws IOException {
    if (actual != expected) {
      throw wrongType(what, expected == JsonToken.START_OBJECT ? "an object" : "an array", actual);
    }
  }

  private static MalformedResponseException wrongType(String field, String expected, JsonToken t) {
    return new MalformedResponseException(
        "field '" + field + "' should be " + expected + " but the service sent " + describe(t));
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing (the answer was cut short)";
    }
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> t.toString();
    };
  }
}
