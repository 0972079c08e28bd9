package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A Swagger 2.0 document in the protobuf form kubectl downloads from {@code /openapi/v2}
 * ({@code application/com.github.proto-openapi.spec.v2@v1.0+protobuf}): gnostic's
 * {@code openapi.v2.Document}. No published Java artifact carries gnostic's generated classes, so
 * this writes the wire format with protobuf-java's {@link CodedOutputStream}, following the field
 * numbers of gnostic's openapiv2/OpenAPIv2.proto, for the part of the document the playground
 * publishes: info, paths with their operations, parameters and responses, and definitions with the
 * JSON-schema keywords and vendor extensions ({@code x-kubernetes-*}, written as gnostic does: the
 * value as YAML text).
 */
final class OpenApiV2Protobuf {

  private OpenApiV2Protobuf() {}

  static byte[] encode(JsonNode document) {
    Message out = new Message();
    out.string(1, document.path("swagger").asText("2.0"));
    Message info = new Message();
    info.string(1, document.path("info").path("title").asText(""));
    info.string(2, document.path("info").path("version").asText(""));
    out.message(2, info);
    Message paths = new Message();
    for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
      paths.message(2, named(path.getKey(), pathItem(path.getValue())));
    }
    out.message(8, paths);
    Message definitions = new Message();
    for (Map.Entry<String, JsonNode> definition : fields(document.path("definitions"))) {
      definitions.message(1, named(definition.getKey(), schema(definition.getValue())));
    }
    out.message(9, definitions);
    vendorExtensions(out, 16, document);
    return out.bytes();
  }

  /** PathItem: get 2, put 3, post 4, delete 5, patch 8. */
  private static Message pathItem(JsonNode item) {
    Message out = new Message();
    int[] numbers = {2, 3, 4, 5, 8};
    String[] methods = {"get", "put", "post", "delete", "patch"};
    for (int i = 0; i < methods.length; i++) {
      if (item.has(methods[i])) {
        out.message(numbers[i], operation(item.get(methods[i])));
      }
    }
    vendorExtensions(out, 10, item);
    return out;
  }

  /** Operation: tags 1, description 3, operation_id 5, produces 6, consumes 7, parameters 8, responses 9. */
  private static Message operation(JsonNode operation) {
    Message out = new Message();
    operation.path("tags").forEach(tag -> out.string(1, tag.asText()));
    out.string(3, operation.path("description").asText(""));
    out.string(5, operation.path("operationId").asText(""));
    operation.path("produces").forEach(type -> out.string(6, type.asText()));
    operation.path("consumes").forEach(type -> out.string(7, type.asText()));
    for (JsonNode parameter : operation.path("parameters")) {
      // ParametersItem.parameter (1) -> Parameter: body_parameter 1 | non_body_parameter 2
      Message wrapper = new Message();
      if ("body".equals(parameter.path("in").asText())) {
        Message body = new Message();
        body.string(1, parameter.path("description").asText(""));
        body.string(2, parameter.path("name").asText(""));
        body.string(3, "body");
        body.bool(4, parameter.path("required").asBoolean(false));
        body.message(5, schema(parameter.path("schema")));
        wrapper.message(1, body);
      } else {
        wrapper.message(2, nonBody(parameter));
      }
      Message item = new Message();
      item.message(1, wrapper);
      out.message(8, item);
    }
    Message responses = new Message();
    for (Map.Entry<String, JsonNode> response : fields(operation.path("responses"))) {
      // Response: description 1, schema 2 (SchemaItem.schema 1)
      Message body = new Message();
      body.string(1, response.getValue().path("description").asText(""));
      if (response.getValue().has("schema")) {
        Message item = new Message();
        item.message(1, schema(response.getValue().get("schema")));
        body.message(2, item);
      }
      Message value = new Message();
      value.message(1, body);
      responses.message(1, named(response.getKey(), value));
    }
    out.message(9, responses);
    vendorExtensions(out, 13, operation);
    return out;
  }

  /**
   * NonBodyParameter: query_parameter_sub_schema 3 (required 1, in 2, description 3, name 4, type 6,
   * unique_items 20) or path_parameter_sub_schema 4 (required 1, in 2, description 3, name 4, type 5,
   * unique_items 19).
   */
  private static Message nonBody(JsonNode parameter) {
    boolean path = "path".equals(parameter.path("in").asText());
    Message sub = new Message();
    sub.bool(1, parameter.path("required").asBoolean(false));
    sub.string(2, parameter.path("in").asText(""));
    sub.string(3, parameter.path("description").asText(""));
    sub.string(4, parameter.path("name").asText(""));
    sub.string(path ? 5 : 6, parameter.path("type").asText(""));
    sub.bool(path ? 19 : 20, parameter.path("uniqueItems").asBoolean(false));
    Message out = new Message();
    out.message(path ? 4 : 3, sub);
    return out;
  }

  /** Schema, with the field numbers of gnostic's openapi.v2.Schema. */
  static Message schema(JsonNode schema) {
    Message out = new Message();
    out.string(1, schema.path("$ref").asText(""));
    out.string(2, schema.path("format").asText(""));
    out.string(3, schema.path("title").asText(""));
    out.string(4, schema.path("description").asText(""));
    if (schema.has("default")) {
      out.message(5, any(schema.get("default")));
    }
    number(out, 6, schema, "multipleOf");
    number(out, 7, schema, "maximum");
    out.bool(8, schema.path("exclusiveMaximum").asBoolean(false));
    number(out, 9, schema, "minimum");
    out.bool(10, schema.path("exclusiveMinimum").asBoolean(false));
    integer(out, 11, schema, "maxLength");
    integer(out, 12, schema, "minLength");
    out.string(13, schema.path("pattern").asText(""));
    integer(out, 14, schema, "maxItems");
    integer(out, 15, schema, "minItems");
    out.bool(16, schema.path("uniqueItems").asBoolean(false));
    integer(out, 17, schema, "maxProperties");
    integer(out, 18, schema, "minProperties");
    schema.path("required").forEach(name -> out.string(19, name.asText()));
    schema.path("enum").forEach(value -> out.message(20, any(value)));
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null) {
      Message item = new Message();
      if (additional.isBoolean()) {
        item.boolAlways(2, additional.asBoolean());
      } else {
        item.message(1, schema(additional));
      }
      out.message(21, item);
    }
    if (schema.has("type")) {
      Message type = new Message();
      if (schema.get("type").isArray()) {
        schema.get("type").forEach(t -> type.string(1, t.asText()));
      } else {
        type.string(1, schema.get("type").asText());
      }
      out.message(22, type);
    }
    if (schema.has("items")) {
      Message items = new Message();
      JsonNode value = schema.get("items");
      if (value.isArray()) {
        value.forEach(v -> items.message(1, schema(v)));
      } else {
        items.message(1, schema(value));
      }
      out.message(23, items);
    }
    schema.path("allOf").forEach(part -> out.message(24, schema(part)));
    if (schema.has("properties")) {
      Message properties = new Message();
      for (Map.Entry<String, JsonNode> property : fields(schema.get("properties"))) {
        properties.message(1, named(property.getKey(), schema(property.getValue())));
      }
      out.message(25, properties);
    }
    out.bool(27, schema.path("readOnly").asBoolean(false));
    if (schema.has("example")) {
      out.message(30, any(schema.get("example")));
    }
    vendorExtensions(out, 31, schema);
    return out;
  }

  /** Every x- member as a NamedAny (name 1, value 2: Any.yaml 2). */
  private static void vendorExtensions(Message out, int field, JsonNode object) {
    for (Map.Entry<String, JsonNode> member : fields(object)) {
      if (member.getKey().startsWith("x-")) {
        Message named = new Message();
        named.string(1, member.getKey());
        named.message(2, any(member.getValue()));
        out.message(field, named);
      }
    }
  }

  /** gnostic's Any: the value as YAML text (field 2); JSON is YAML. */
  private static Message any(JsonNode value) {
    Message any = new Message();
    any.stringAlways(2, value.isTextual() ? value.asText() : value.toString());
    return any;
  }

  /** The Named* messages: name 1, value 2. */
  private static Message named(String name, Message value) {
    Message named = new Message();
    named.string(1, name);
    named.message(2, value);
    return named;
  }

  private static void number(Message out, int field, JsonNode schema, String keyword) {
    if (schema.has(keyword) && schema.get(keyword).isNumber()) {
      out.doubleAlways(field, schema.get(keyword).asDouble());
    }
  }

  private static void integer(Message out, int field, JsonNode schema, String keyword) {
    if (schema.has(keyword) && schema.get(keyword).canConvertToLong()) {
      out.int64Always(field, schema.get(keyword).asLong());
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode object) {
    return object::fields;
  }

  /** One message being written; proto3 leaves out empty strings and false. */
  static final class Message {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    void string(int field, String value) {
      if (value != null && !value.isEmpty()) {
        stringAlways(field, value);
      }
    }

    void stringAlways(int field, String value) {
      write(() -> out.writeString(field, value));
    }

    void bool(int field, boolean value) {
      if (value) {
        boolAlways(field, true);
      }
    }

    void boolAlways(int field, boolean value) {
      write(() -> out.writeBool(field, value));
    }

    void doubleAlways(int field, double value) {
      write(() -> out.writeDouble(field, value));
    }

    void int64Always(int field, long value) {
      write(() -> out.writeInt64(field, value));
    }

    void message(int field, Message message) {
      byte[] bytes = message.bytes();
      write(() -> out.writeByteArray(field, bytes));
    }

    byte[] bytes() {
      write(out::flush);
      return buffer.toByteArray();
    }

    private interface Write {
      void run() throws IOException;
    }

    private static void write(Write write) {
      try {
        write.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
