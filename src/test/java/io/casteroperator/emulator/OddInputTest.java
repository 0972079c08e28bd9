package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every action, fed odd values in every parameter it knows: the answer is a success or one of the
 * service's codes, never a crash (an emulator bug would surface as InternalError).
 */
class OddInputTest {
  private static final List<String> ODD = List.of("", " ", "-1", "0", "1e309", "NaN", "9999999999999", "{", "[]", "{}", "null",
      "[\"0.1\"]", "RV00", "RV100", "RC01", "中文", "a".repeat(5000), "{\"PositionNormalized\":[null,null]}", "\u0000");
  private static final List<String> NAMES = List.of(
      "CasterId", "SceneId", "LayoutId", "ComponentId", "ResourceId", "ChannelId", "ResourceName", "LocationId", "LiveStreamUrl",
      "MaterialId", "VodUrl", "ImageId", "ImageUrl", "BeginOffset", "EndOffset", "RepeatNum", "PtsCallbackInterval",
      "FixedDelayDuration", "StreamId", "BlendList.1", "MixList.1", "VideoLayer.1.FillMode", "VideoLayer.1.HeightNormalized",
      "VideoLayer.1.PositionNormalized.1", "VideoLayer.1.PositionRefer", "AudioLayer.1.VolumeRate", "AudioLayer.1.ValidChannel",
      "ComponentType", "ComponentLayer", "TextLayerContent", "ImageLayerContent", "CaptionLayerContent", "Effect", "LayerOrder",
      "ComponentId.1", "SeekOffset", "PlayStatus", "FaceBeauty", "PageNum", "PageSize", "Status", "RegionId");

  @Test
  void neverAnythingButTheServicesCodes() {
    CasterStore store = new CasterStore();
    EmulatorSettings settings = new EmulatorSettings();
    settings.setMaxCastersPerAccount(100_000);
    CasterActions actions = new CasterActions(store, settings, MutableClock.fixedAt(Instant.parse("2025-06-01T12:00:00Z")));
    String id = actions.handle(LiveAction.CREATE_CASTER, "acct", Map.of()).get("CasterId").asText();
    actions.handle(LiveAction.SET_CASTER_CONFIG, "acct",
        Map.of("CasterId", id, "DomainName", "a.com", "TranscodeConfig", "{\"CasterTemplate\":\"lp_ld\"}", "ChannelEnable", "1"));
    actions.handle(LiveAction.START_CASTER, "acct", Map.of("CasterId", id));
    Set<ApiError> seen = new java.util.TreeSet<>();
    int calls = 0;
    for (LiveAction action : LiveAction.values()) {
      for (String name : NAMES) {
        for (String odd : ODD) {
          Map<String, String> p = new HashMap<>();
          p.put("CasterId", id);
          p.put(name, odd);
          try {
            assertNotNull(actions.handle(action, "acct", p));
          } catch (ApiException e) {
            seen.add(e.error());
          }
          calls++;
        }
      }
    }
    assertTrue(calls > 10_000, "calls: " + calls);
    assertTrue(!seen.contains(ApiError.INTERNAL_ERROR), seen.toString());
  }
}
