package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading parameters: repeated ones flattened 1-based, numbers with ranges, documented refusals only. */
class ParamsTest {

  private static ApiError refusal(Runnable read) {
    return assertThrows(ApiException.class, read::run).error();
  }

  @Test
  void flattenedLists() {
    Map<String, String> p = Map.of("BlendList.1", "RV01", "BlendList.2", "RV02", "VideoLayer.3.FillMode", "fit",
        "VideoLayer.1.PositionNormalized.2", "0.5", "VideoLayers.9.FillMode", "x");
    assertEquals(List.of("RV01", "RV02"), Params.indexed(p, "BlendList"));
    assertEquals(3, Params.highestIndex(p, "VideoLayer"), "an item exists by any of its fields; VideoLayers is another list");
    assertEquals(List.of(), Params.indexed(p, "MixList"));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(() -> Params.indexed(Map.of("ComponentId.2", "c"), "ComponentId")));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(() -> Params.indexed(Map.of("ComponentId.0", "c"), "ComponentId")));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(() -> Params.highestIndex(Map.of("BlendList.99999999", "RV01"), "BlendList")));
    assertEquals(0, Params.highestIndex(Map.of("BlendList.99999999999999999999", "RV01"), "BlendList"), "not an index at all");
  }

  @Test
  void numbers() {
    assertEquals(-1, Params.integer(Map.of("RepeatNum", "-1"), "RepeatNum", -1, 100));
    assertNull(Params.integer(Map.of("RepeatNum", ""), "RepeatNum", -1, 100), "empty is absent");
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(() -> Params.integer(Map.of("N", "1.5"), "N", 0, 9)));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(() -> Params.integer(Map.of("N", "99999999999"), "N", 0, Integer.MAX_VALUE)));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(() -> Params.integer(Map.of("N", "10"), "N", 0, 9)));
    assertEquals(1.0E-5, Params.decimal(Map.of("H", "1.0E-5"), "H", 0, 1), "Float.toString's form");
    assertEquals(0.3, Params.decimal(Map.of("H", ".3"), "H", 0, 1));
    for (String bad : List.of("NaN", "Infinity", "0x1", "1e99999", "1,5", " 1")) {
      assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(() -> Params.decimal(Map.of("H", bad), "H", 0, 1)), bad);
    }
  }

  @Test
  void requiredAndCasterIds() {
    assertEquals(ApiError.MISSING_PARAMETER, refusal(() -> Params.required(Map.of("SceneId", ""), "SceneId")));
    assertEquals(ApiError.MISSING_PARAMETER, refusal(() -> Params.casterId(Map.of())));
    assertEquals(ApiError.INVALID_CASTER_ID_MALFORMED, refusal(() -> Params.casterId(Map.of("CasterId", "caster-1"))));
    assertEquals("LIVEPRODUCER_POST-cn-0pp1czt0000", Params.casterId(Map.of("CasterId", "LIVEPRODUCER_POST-cn-0pp1czt0000")));
  }
}
