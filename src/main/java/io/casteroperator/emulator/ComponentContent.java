package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON-string parameters of components ({@code ComponentLayer}, {@code TextLayerContent},
 * {@code ImageLayerContent}, {@code CaptionLayerContent}): which fields each has, their ranges, and
 * their normal form. The pages' examples quote numbers ({@code "HeightNormalized":"1"}) while the
 * service reports numbers, so numbers and booleans are accepted as JSON values or as strings and
 * stored as JSON numbers and booleans. Keys are UpperCamelCase; lowerCamel is accepted too.
 */
final class ComponentContent {
  enum Kind { STRING, FLOAT, INT, BOOL, COLOR }

  /** One field; {@code allowed} lists the values of an enumerated string, empty for any. */
  record Field(String name, Kind kind, double min, double max, List<String> allowed) {
    static Field string(String name, String... allowed) {
      return new Field(name, Kind.STRING, 0, 0, List.of(allowed));
    }

    static Field number(String name, Kind kind, double min, double max) {
      return new Field(name, kind, min, max, List.of());
    }

    static Field of(String name, Kind kind) {
      return new Field(name, kind, 0, 0, List.of());
    }
  }

  private static final Pattern COLOR = Pattern.compile("0x[0-9a-fA-F]{6}");
  private static final String[] LANGUAGES = {"en", "cn", "es", "ru"};
  static final String POSITION = "PositionNormalized";

  /** PositionNormalized is handled apart: an array of two numbers. */
  static final List<Field> LAYER = List.of(
      Field.number("HeightNormalized", Kind.FLOAT, 0, 1),
      Field.number("WidthNormalized", Kind.FLOAT, 0, 1),
      // Components anchor on the four corners only.
      Field.string("PositionRefer", "topLeft", "topRight", "bottomLeft", "bottomRight"));

  /** SizeNormalized -1 means unset, as the service reports it. */
  private static final List<Field> FONT = List.of(
      Field.of("Color", Kind.COLOR),
      Field.of("FontName", Kind.STRING),
      Field.number("SizeNormalized", Kind.FLOAT, -1, 1),
      Field.number("BorderWidthNormalized", Kind.FLOAT, 0, 1),
      Field.of("BorderColor", Kind.COLOR));

  static final List<Field> TEXT = concat(List.of(Field.of("Text", Kind.STRING)), FONT);

  static final List<Field> IMAGE = List.of(Field.of("MaterialId", Kind.STRING));

  static final List<Field> CAPTION = concat(List.of(
      Field.of("LocationId", Kind.STRING),
      Field.string("SourceLan", LANGUAGES),
      Field.string("TargetLan", LANGUAGES),
      Field.of("ShowSourceLan", Kind.BOOL),
      Field.of("Truncation", Kind.BOOL),
      Field.number("SourceLanPerLineWordCount", Kind.INT, 1, 1000),
      Field.number("TargetLanPerLineWordCount", Kind.INT, 1, 1000),
      Field.number("SourceLanReservePages", Kind.INT, 0, 1000),
      Field.number("TargetLanReservePages", Kind.INT, 0, 1000),
      Field.number("PtsOffset", Kind.INT, -10000, 10000),
      Field.number("WordsCount", Kind.INT, 10, 50),
      // Read-back fields that no page documents as input: accepted so that what was read can be sent back.
      Field.number("WordCountPerLine", Kind.INT, 1, 1000),
      Field.number("LineSpaceNormalized", Kind.FLOAT, 0, 1),
      Field.number("WordSpaceNormalized", Kind.FLOAT, 0, 1)), FONT);

  private ComponentContent() {}

  /** The normal form of a JSON-string parameter, or the refusal the service would give. */
  static ObjectNode normalize(String parameter, String json, List<Field> fields) {
    JsonNode in = Json.parse(json).orElseThrow(() -> Params.malformed(parameter, "not valid JSON"));
    if (!in.isObject()) {
      throw Params.malformed(parameter, "must be a JSON object");
    }
    ObjectNode out = Json.object();
    for (Field f : fields) {
      JsonNode value = CasterParameters.member(in, f.name());
      if (value != null) {
        put(out, parameter, f, value);
      }
    }
    if (fields == LAYER) {
      out.set(POSITION, position(parameter, CasterParameters.member(in, POSITION)));
    }
    return out;
  }

  private static void put(ObjectNode out, String parameter, Field f, JsonNode value) {
    String where = parameter + "." + f.name();
    switch (f.kind()) {
      case STRING -> {
        if (!value.isValueNode() || value.isNull()) {
          throw Params.malformed(where, "must be a string");
        }
        if (!f.allowed().isEmpty() && !f.allowed().contains(value.asText())) {
          throw Params.malformed(where, "must be one of " + String.join(", ", f.allowed()));
        }
        out.put(f.name(), value.asText());
      }
      case COLOR -> {
        String text = value.asText();
        if (!value.isTextual() || !(text.isEmpty() || COLOR.matcher(text).matches())) {
          throw Params.malformed(where, "must be a colour 0x000000 to 0xffffff");
        }
        out.put(f.name(), text);
      }
      case FLOAT -> {
        double d = Params.decimalValue(where, scalar(where, value), f.min(), f.max());
        if (f.name().equals("SizeNormalized") && d < 0 && d != -1) {
          throw Params.malformed(where, "must be between 0 and 1, or -1 for unset");
        }
        out.put(f.name(), d);
      }
      case INT -> out.put(f.name(), Params.integerValue(where, scalar(where, value), (long) f.min(), (long) f.max()));
      case BOOL -> {
        String text = scalar(where, value);
        if (!text.equals("true") && !text.equals("false")) {
          throw Params.malformed(where, "must be true or false");
        }
        out.put(f.name(), Boolean.parseBoolean(text));
      }
    }
  }

  /** A number or boolean given as itself or as a string. */
  private static String scalar(String where, JsonNode value) {
    if (value.isNumber() || value.isBoolean() || value.isTextual()) {
      return value.isIntegralNumber() ? Long.toString(value.asLong()) : value.asText();
    }
    throw Params.malformed(where, "must be a number");
  }

  /** Exactly two values in [0, 1] (InvalidPositionNormalized.Malformed), default [0, 0]. */
  private static ArrayNode position(String parameter, JsonNode value) {
    ArrayNode xy = Json.MAPPER.createArrayNode();
    if (value == null) {
      return xy.add(0.0).add(0.0);
    }
    String where = parameter + "." + POSITION;
    if (!value.isArray() || value.size() != 2) {
      throw ApiError.INVALID_POSITION_NORMALIZED_MALFORMED.exception(where + " must be an array of 2 numbers.");
    }
    for (JsonNode v : value) {
      try {
        xy.add(Params.decimalValue(where, scalar(where, v), 0, 1));
      } catch (ApiException e) {
        throw ApiError.INVALID_POSITION_NORMALIZED_MALFORMED.exception(e.getMessage());
      }
    }
    return xy;
  }

  private static List<Field> concat(List<Field> a, List<Field> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  // ---- read-back (DescribeCasterComponents) ----

  /** Transparency has no request field; a layer reads back opaque (guess: the documented default). */
  static ObjectNode layerView(JsonNode layer) {
    ObjectNode out = Json.object();
    out.put("HeightNormalized", layer.path("HeightNormalized").asDouble(0));
    out.put("WidthNormalized", layer.path("WidthNormalized").asDouble(0));
    out.put("PositionRefer", layer.path("PositionRefer").asText("topLeft"));
    out.put("Transparency", 255);
    ArrayNode position = out.putObject("PositionNormalizeds").putArray("Position");
    layer.path(POSITION).forEach(v -> position.add(v.asDouble()));
    return out;
  }

  /** The text fields with the page's defaults: red KaiTi, size unset (-1), no border. */
  static ObjectNode textView(JsonNode text) {
    ObjectNode out = Json.object();
    out.put("Text", text.path("Text").asText(""));
    out.put("Color", text.path("Color").asText("0xff0000"));
    out.put("FontName", text.path("FontName").asText("KaiTi"));
    out.put("SizeNormalized", text.path("SizeNormalized").asDouble(-1));
    out.put("BorderWidthNormalized", text.path("BorderWidthNormalized").asDouble(0));
    copy(text, out, "BorderColor");
    return out;
  }

  static ObjectNode imageView(JsonNode image) {
    ObjectNode out = Json.object();
    copy(image, out, "MaterialId");
    return out;
  }

  /** Truncation, the per-line word counts and the reserve pages are write-only. */
  static ObjectNode captionView(JsonNode caption) {
    ObjectNode out = Json.object();
    copy(caption, out, "LocationId");
    out.put("SourceLan", caption.path("SourceLan").asText("cn"));
    copy(caption, out, "TargetLan");
    out.put("ShowSourceLan", caption.path("ShowSourceLan").asBoolean(false));
    out.put("PtsOffset", caption.path("PtsOffset").asInt(0));
    out.put("WordsCount", caption.path("WordsCount").asInt(35));
    copy(caption, out, "WordCountPerLine");
    copy(caption, out, "Color");
    out.put("FontName", caption.path("FontName").asText("KaiTi"));
    out.put("SizeNormalized", caption.path("SizeNormalized").asDouble(-1));
    out.put("BorderWidthNormalized", caption.path("BorderWidthNormalized").asDouble(0));
    copy(caption, out, "BorderColor");
    copy(caption, out, "LineSpaceNormalized");
    copy(caption, out, "WordSpaceNormalized");
    return out;
  }

  private static void copy(JsonNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field).deepCopy());
    }
  }
}
