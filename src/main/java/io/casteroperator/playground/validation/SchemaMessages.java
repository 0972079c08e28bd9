package io.casteroperator.playground.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * networknt's findings in kube-apiserver's words (k8s.io/apimachinery field errors as go-openapi
 * reports schema failures), so a refusal reads as it would on a cluster:
 * {@code spec.delay: Invalid value: 301: spec.delay in body should be less than or equal to 300}.
 */
final class SchemaMessages {

  private SchemaMessages() {}

  static FieldError fieldError(ValidationMessage message, String field) {
    String keyword = message.getType();
    JsonNode value = message.getInstanceNode();
    JsonNode schema = message.getSchemaNode();
    // The keyword's value (300 for maximum), whether networknt hands over the schema or the value.
    JsonNode limit = schema != null && schema.isObject() && schema.has(keyword) ? schema.get(keyword) : schema;
    String where = field + " in body";
    return switch (keyword) {
      case "required" -> new FieldError(field, keyword, "FieldValueRequired", "Required value");
      case "type" -> new FieldError(field, keyword, "FieldValueTypeInvalid",
          invalid(value) + where + " must be of type " + text(limit) + ": \"" + typeName(value) + "\"");
      case "maximum" -> new FieldError(field, keyword, "FieldValueInvalid",
          invalid(value) + where + " should be less than or equal to " + text(limit));
      case "minimum" -> new FieldError(field, keyword, "FieldValueInvalid",
          invalid(value) + where + " should be greater than or equal to " + text(limit));
      case "maxLength" -> new FieldError(field, keyword, "FieldValueTooLong",
          "Too long: may not be more than " + text(limit) + " bytes");
      case "minLength" -> new FieldError(field, keyword, "FieldValueInvalid",
          invalid(value) + where + " should be at least " + text(limit) + " chars long");
      case "maxItems" -> new FieldError(field, keyword, "FieldValueTooMany",
          "Too many: " + value.size() + ": must have at most " + text(limit) + " items");
      case "minItems" -> new FieldError(field, keyword, "FieldValueInvalid",
          invalid(value) + where + " should have at least " + text(limit) + " items");
      case "pattern" -> new FieldError(field, keyword, "FieldValueInvalid",
          invalid(value) + where + " should match '" + text(limit) + "'");
      case "enum" -> new FieldError(field, keyword, "FieldValueNotSupported",
          "Unsupported value: " + render(value) + ": supported values: " + supported(limit));
      default -> new FieldError(field, keyword, "FieldValueInvalid", invalid(value) + message.getMessage());
    };
  }

  private static String invalid(JsonNode value) {
    return "Invalid value: " + render(value) + ": ";
  }

  /** A value as Go's %#v prints it in field errors: strings quoted, numbers bare, objects by type. */
  private static String render(JsonNode value) {
    if (value == null) {
      return "null";
    } else if (value.isTextual()) {
      return "\"" + value.asText() + "\"";
    } else if (value.isValueNode()) {
      return text(value);
    }
    return "\"" + typeName(value) + "\"";
  }

  private static String typeName(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    } else if (value.isObject()) {
      return "object";
    } else if (value.isArray()) {
      return "array";
    } else if (value.isTextual()) {
      return "string";
    } else if (value.isBoolean()) {
      return "boolean";
    } else if (value.isIntegralNumber()) {
      return "integer";
    }
    return "number";
  }

  /** A limit as Go prints it: 300, not 300.0. */
  private static String text(JsonNode node) {
    if (node == null) {
      return "?";
    }
    if (node.isNumber() && node.canConvertToExactIntegral()) {
      return node.bigIntegerValue().toString();
    }
    return node.asText();
  }

  private static String supported(JsonNode values) {
    List<String> all = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> all.add(render(v)));
    }
    return String.join(", ", all);
  }
}
