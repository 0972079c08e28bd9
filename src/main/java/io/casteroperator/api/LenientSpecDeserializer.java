package io.casteroperator.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Reads a spec as strictly as the API server's schema would (no type coercion, no unknown fields),
 * but never fails: what does not bind becomes an {@link UnreadableSpec} naming the field.
 */
public final class LenientSpecDeserializer extends JsonDeserializer<CasterSpec> {

  private static final JsonMapper STRICT = strictMapper();

  @Override
  public CasterSpec deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    return read(parser.readValueAsTree());
  }

  @Override
  public CasterSpec getNullValue(DeserializationContext context) {
    return null;
  }

  /** Binds a spec tree, or describes why it cannot be bound. */
  public static CasterSpec read(JsonNode tree) {
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return null;
    }
    try {
      return STRICT.treeToValue(tree, CasterSpec.class);
    } catch (JsonMappingException e) {
      return unreadable(tree, e);
    } catch (IOException | IllegalArgumentException e) {
      return new UnreadableSpec(tree, "spec", "type", "spec cannot be read: " + e.getMessage());
    }
  }

  private static UnreadableSpec unreadable(JsonNode tree, JsonMappingException e) {
    String path = path(e);
    if (e instanceof UnrecognizedPropertyException) {
      return new UnreadableSpec(tree, path, "unknownField", path + ": unknown field");
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return new UnreadableSpec(
          tree, path, "enum", path + ": unsupported value " + quoted(f.getValue()));
    }
    String expected = e.getPath().isEmpty() || e.getPathReference() == null ? "an object" : expectedType(e);
    return new UnreadableSpec(tree, path, "type", path + ": wrong type, expected " + expected);
  }

  private static String expectedType(JsonMappingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("out of range")) {
      return "a number within range (the API takes 32-bit integers)";
    }
    if (message.contains("`java.lang.String`")) {
      return "a string";
    }
    if (message.contains("`java.lang.Integer`") || message.contains("`java.lang.Long`")) {
      return "an integer";
    }
    if (message.contains("`java.lang.Double`")) {
      return "a number";
    }
    if (message.contains("`java.lang.Boolean`")) {
      return "a boolean";
    }
    if (message.contains("java.util.List") || message.contains("java.util.ArrayList")) {
      return "a list";
    }
    return "an object";
  }

  private static String quoted(Object value) {
    String text = String.valueOf(value);
    return "\"" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "\"";
  }

  /** The failing field as a spec path, such as {@code spec.sideOutputUrlList[3]}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("spec");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static JsonMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    // The API server's schema accepts no coercion between JSON types; neither do we.
    for (LogicalType target : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean,
        LogicalType.Integer, LogicalType.Float, LogicalType.Enum}) {
      mapper.coercionConfigFor(target)
          .setCoercion(CoercionInputShape.Integer, target == LogicalType.Integer
              || target == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, target == LogicalType.Float
              ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, target == LogicalType.Boolean
              ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, target == LogicalType.Textual
              || target == LogicalType.Enum ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, target == LogicalType.Textual
              ? CoercionAction.TryConvert : CoercionAction.Fail);
    }
    mapper.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
