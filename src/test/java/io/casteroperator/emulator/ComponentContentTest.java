package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The JSON-string parameters of components: accepted forms, normal form, read-back. */
class ComponentContentTest {

  private static ApiError refusal(String json, java.util.List<ComponentContent.Field> fields) {
    return assertThrows(ApiException.class, () -> ComponentContent.normalize("P", json, fields)).error();
  }

  @Test
  void numbersAndBooleansAsValuesOrStringsBecomeJsonNumbersAndBooleans() {
    ObjectNode layer = ComponentContent.normalize("ComponentLayer",
        "{\"heightNormalized\":\"0.5\",\"WidthNormalized\":0,\"PositionNormalized\":[\"0.1\",0.2],\"Transparency\":7,\"Other\":1}",
        ComponentContent.LAYER);
    assertEquals(Json.parse("{\"HeightNormalized\":0.5,\"WidthNormalized\":0.0,\"PositionNormalized\":[0.1,0.2]}").orElseThrow(), layer,
        "UpperCamel keys, numbers, unknown keys dropped (Transparency has no request field)");
    ObjectNode caption = ComponentContent.normalize("CaptionLayerContent",
        "{\"ShowSourceLan\":\"true\",\"Truncation\":false,\"PtsOffset\":\"-10000\",\"WordsCount\":50}", ComponentContent.CAPTION);
    assertTrue(caption.get("ShowSourceLan").isBoolean());
    assertTrue(caption.get("PtsOffset").isInt());
    assertEquals(-10000, caption.get("PtsOffset").asInt());
  }

  @Test
  void refusals() {
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("[1]", ComponentContent.LAYER));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{", ComponentContent.LAYER));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"HeightNormalized\":1.5}", ComponentContent.LAYER));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"HeightNormalized\":{}}", ComponentContent.LAYER));
    assertEquals(ApiError.INVALID_POSITION_NORMALIZED_MALFORMED, refusal("{\"PositionNormalized\":[1,2,3]}", ComponentContent.LAYER));
    assertEquals(ApiError.INVALID_POSITION_NORMALIZED_MALFORMED, refusal("{\"PositionNormalized\":\"0.1,0.2\"}", ComponentContent.LAYER));
    assertEquals(ApiError.INVALID_POSITION_NORMALIZED_MALFORMED, refusal("{\"PositionNormalized\":[\"a\",0]}", ComponentContent.LAYER));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"Color\":\"#ffffff\"}", ComponentContent.TEXT));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"SizeNormalized\":-0.5}", ComponentContent.TEXT));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"WordsCount\":9}", ComponentContent.CAPTION));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"ShowSourceLan\":\"yes\"}", ComponentContent.CAPTION));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"SourceLan\":\"de\"}", ComponentContent.CAPTION));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal("{\"Text\":[\"a\"]}", ComponentContent.TEXT));
  }

  @Test
  void readBackFillsTheDocumentedDefaultsAndHidesWriteOnlyFields() {
    JsonNode text = ComponentContent.textView(Json.object());
    assertEquals("0xff0000", text.get("Color").asText());
    assertEquals("KaiTi", text.get("FontName").asText());
    assertEquals(-1, text.get("SizeNormalized").asDouble());
    JsonNode caption = ComponentContent.captionView(ComponentContent.normalize("C",
        "{\"Truncation\":true,\"SourceLanPerLineWordCount\":10,\"TargetLanReservePages\":2,\"WordCountPerLine\":12}", ComponentContent.CAPTION));
    assertEquals(35, caption.get("WordsCount").asInt());
    assertEquals("cn", caption.get("SourceLan").asText());
    assertEquals(12, caption.get("WordCountPerLine").asInt());
    assertFalse(caption.has("Truncation") || caption.has("SourceLanPerLineWordCount") || caption.has("TargetLanReservePages"));
    JsonNode layer = ComponentContent.layerView(ComponentContent.normalize("L", "{}", ComponentContent.LAYER));
    assertEquals("topLeft", layer.get("PositionRefer").asText());
    assertEquals(2, layer.at("/PositionNormalizeds/Position").size());
  }
}
