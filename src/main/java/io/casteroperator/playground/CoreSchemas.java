package io.casteroperator.playground;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Map;

/**
 * OpenAPI schemas of the built-in kinds, derived from the Kubernetes protobuf definitions that the
 * official Java client publishes (io.kubernetes:client-java-proto), rather than copied by hand:
 * Kubernetes names its proto fields after its JSON fields, so each message maps onto the schema of
 * its JSON form. Schema names follow kube-apiserver's ({@code io.k8s.api.core.v1.Secret}); the
 * apimachinery value types become the strings or objects their JSON is. The protos carry no
 * documentation, so these schemas have none (the Caster's come from the CRD, with all of it).
 */
final class CoreSchemas {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";

  private CoreSchemas() {}

  /** kube-apiserver's schema name for a proto message: k8s.io.api.core.v1.Secret -> io.k8s.api.core.v1.Secret. */
  static String name(Descriptor message) {
    String full = message.getFullName();
    return full.startsWith("k8s.io.") ? "io.k8s." + full.substring("k8s.io.".length()) : full;
  }

  /**
   * Adds the schema of {@code message} and of every message it refers to (transitively) to
   * {@code schemas}, under their names, with {@code $ref}s to {@code refPrefix + name}.
   */
  static void add(Descriptor message, Map<String, ObjectNode> schemas, String refPrefix) {
    String name = name(message);
    if (schemas.containsKey(name) || inline(message) != null) {
      return;
    }
    ObjectNode schema = JSON.objectNode();
    schemas.put(name, schema);
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (FieldDescriptor field : message.getFields()) {
      properties.set(field.getName(), property(field, schemas, refPrefix));
    }
  }

  private static ObjectNode property(FieldDescriptor field, Map<String, ObjectNode> schemas, String refPrefix) {
    if (field.isMapField()) {
      FieldDescriptor value = field.getMessageType().findFieldByName("value");
      ObjectNode map = JSON.objectNode().put("type", "object");
      map.set("additionalProperties", single(value, schemas, refPrefix));
      return map;
    }
    if (field.isRepeated()) {
      ObjectNode array = JSON.objectNode().put("type", "array");
      array.set("items", single(field, schemas, refPrefix));
      return array;
    }
    return single(field, schemas, refPrefix);
  }

  private static ObjectNode single(FieldDescriptor field, Map<String, ObjectNode> schemas, String refPrefix) {
    return switch (field.getJavaType()) {
      case MESSAGE -> {
        ObjectNode inline = inline(field.getMessageType());
        if (inline != null) {
          yield inline;
        }
        add(field.getMessageType(), schemas, refPrefix);
        yield JSON.objectNode().put("$ref", refPrefix + name(field.getMessageType()));
      }
      case STRING, ENUM -> JSON.objectNode().put("type", "string");
      case BYTE_STRING -> JSON.objectNode().put("type", "string").put("format", "byte");
      case BOOLEAN -> JSON.objectNode().put("type", "boolean");
      case INT -> JSON.objectNode().put("type", "integer").put("format", "int32");
      case LONG -> JSON.objectNode().put("type", "integer").put("format", "int64");
      case DOUBLE, FLOAT -> JSON.objectNode().put("type", "number").put("format", "double");
    };
  }

  /** The apimachinery value types, as their JSON is: null for an ordinary message. */
  private static ObjectNode inline(Descriptor message) {
    return switch (message.getFullName()) {
      case META + "Time" -> JSON.objectNode().put("type", "string").put("format", "date-time");
      case META + "MicroTime" -> JSON.objectNode().put("type", "string").put("format", "date-time");
      case META + "Duration" -> JSON.objectNode().put("type", "string");
      case META + "FieldsV1", "k8s.io.apimachinery.pkg.runtime.RawExtension" -> JSON.objectNode().put("type", "object");
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> JSON.objectNode().put("type", "string").put("format", "int-or-string")
          .put("x-kubernetes-int-or-string", true);
      case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> JSON.objectNode().put("type", "string");
      default -> null;
    };
  }
}
