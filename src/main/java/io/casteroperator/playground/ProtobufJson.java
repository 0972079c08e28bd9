package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes protobuf message as the API server's JSON: field names are the proto names (which
 * Kubernetes makes its JSON names), {@code bytes} are base64, the apimachinery value types
 * ({@code Time}, {@code MicroTime}, {@code IntOrString}, {@code Quantity}, {@code RawExtension},
 * {@code FieldsV1}) take their JSON forms, and empty values are left out, as Go's {@code omitempty}
 * leaves them out (Go's protobuf encoder writes every optional field, empty or not).
 */
final class ProtobufJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";

  private ProtobufJson() {}

  /** The message as JSON; null when every field is empty. */
  static JsonNode toJson(Message message) {
    String type = message.getDescriptorForType().getFullName();
    switch (type) {
      case META + "Time" -> {
        long seconds = (Long) field(message, "seconds");
        return seconds == 0 ? null : JSON.textNode(Instant.ofEpochSecond(seconds).toString());
      }
      case META + "MicroTime" -> {
        long seconds = (Long) field(message, "seconds");
        int nanos = (Integer) field(message, "nanos");
        return seconds == 0 && nanos == 0 ? null : JSON.textNode(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochSecond(seconds, nanos).truncatedTo(ChronoUnit.MICROS)));
      }
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> {
        long kind = ((Number) field(message, "type")).longValue();
        return kind == 0 ? JSON.numberNode((Integer) field(message, "intVal")) : JSON.textNode((String) field(message, "strVal"));
      }
      case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> {
        String quantity = (String) field(message, "string");
        return quantity.isEmpty() ? null : JSON.textNode(quantity);
      }
      case "k8s.io.apimachinery.pkg.runtime.RawExtension" -> {
        return raw((ByteString) field(message, "raw"));
      }
      case META + "FieldsV1" -> {
        return raw((ByteString) field(message, "Raw"));
      }
      default -> {
        ObjectNode object = JSON.objectNode();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
          JsonNode value = value(entry.getKey(), entry.getValue());
          if (value != null) {
            object.set(entry.getKey().getName(), value);
          }
        }
        return object.isEmpty() ? null : object;
      }
    }
  }

  private static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  private static JsonNode value(FieldDescriptor field, Object value) {
    if (field.isMapField()) {
      ObjectNode map = JSON.objectNode();
      for (Object entry : (List<?>) value) {
        Message pair = (Message) entry;
        FieldDescriptor key = pair.getDescriptorForType().findFieldByName("key");
        FieldDescriptor mapped = pair.getDescriptorForType().findFieldByName("value");
        JsonNode element = single(mapped, pair.getField(mapped));
        map.set(String.valueOf(pair.getField(key)), element == null ? emptyOf(mapped) : element);
      }
      return map.isEmpty() ? null : map;
    }
    if (field.isRepeated()) {
      ArrayNode array = JSON.arrayNode();
      for (Object element : (List<?>) value) {
        JsonNode item = single(field, element);
        array.add(item == null ? emptyOf(field) : item);
      }
      return array.isEmpty() ? null : array;
    }
    return single(field, value);
  }

  /** A value that is present although empty: an empty string in a map or list stays. */
  private static JsonNode emptyOf(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? JSON.objectNode() : JSON.textNode("");
  }

  private static JsonNode single(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case MESSAGE -> toJson((Message) value);
      case STRING -> ((String) value).isEmpty() ? null : JSON.textNode((String) value);
      case BYTE_STRING -> ((ByteString) value).isEmpty() ? null
          : JSON.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case BOOLEAN -> (Boolean) value ? JSON.booleanNode(true) : null;
      case INT -> ((Integer) value) == 0 ? null : JSON.numberNode((Integer) value);
      case LONG -> ((Long) value) == 0 ? null : JSON.numberNode((Long) value);
      case DOUBLE -> ((Double) value) == 0 ? null : JSON.numberNode((Double) value);
      case FLOAT -> ((Float) value) == 0 ? null : JSON.numberNode((Float) value);
      case ENUM -> JSON.textNode(value.toString());
    };
  }

  private static JsonNode raw(ByteString bytes) {
    if (bytes.isEmpty()) {
      return null;
    }
    try {
      return MAPPER.readTree(bytes.toByteArray());
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
