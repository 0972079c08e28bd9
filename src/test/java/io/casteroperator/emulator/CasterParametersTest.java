package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Validation of SetCasterConfig parameters, one rule at a time. */
class CasterParametersTest {

  private static void valid(String name, String value) {
    assertDoesNotThrow(() -> CasterParameters.validate(name, value), name + "=" + value);
  }

  private static void malformed(String name, String value) {
    ApiException e = assertThrows(ApiException.class, () -> CasterParameters.validate(name, value), name + "=" + value);
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, e.error());
  }

  @Test
  void casterIdShapes() {
    assertTrue(CasterParameters.isWellFormedCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0000"));
    assertTrue(CasterParameters.isWellFormedCasterId("LIVEPRODUCER_POST-cn-0pp1czt0000"));
    assertFalse(CasterParameters.isWellFormedCasterId("LIVEPRODUCER_post-cn-0pp1"));
    assertFalse(CasterParameters.isWellFormedCasterId("LIVEPRODUCER_POST-CN"));
    assertFalse(CasterParameters.isWellFormedCasterId("not-a-caster"));
    assertFalse(CasterParameters.isWellFormedCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e000"));
    assertFalse(CasterParameters.isWellFormedCasterId(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1.5", "300", "300.0", "1.0E-5", "0.25"})
  void delayAccepted(String delay) {
    valid("Delay", delay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "300.5", "abc", "NaN", "Infinity", "1f", "0x10", " 1"})
  void delayRefused(String delay) {
    malformed("Delay", delay);
  }

  @Test
  void flags() {
    valid("ChannelEnable", "0");
    valid("ChannelEnable", "1");
    malformed("ChannelEnable", "2");
    malformed("ChannelEnable", "true");
    valid("ProgramEffect", "1");
    malformed("ProgramEffect", "-1");
    valid("AutoSwitchUrgentOn", "true");
    valid("AutoSwitchUrgentOn", "False");
    malformed("AutoSwitchUrgentOn", "1");
  }

  @Test
  void sideOutputs() {
    valid("SideOutputUrl", "rtmp://push.example.com/app/stream?auth_key=1");
    malformed("SideOutputUrl", "http://push.example.com/app/stream");
    malformed("SideOutputUrl", "rtmp://");
    valid("SideOutputUrlList", "[\"rtmp://a/b/c\",\"RTMP://d/e/f\"]");
    malformed("SideOutputUrlList", "[\"rtmp://a/b/c\",\"srt://d/e/f\"]");
    malformed("SideOutputUrlList", "rtmp://a/b/c");
    malformed("SideOutputUrlList", "[\"rtmp://a/b/c\"");
    malformed("SideOutputUrlList", "[1]");
    String twenty = IntStream.range(0, 20).mapToObj(i -> "\"rtmp://h/a/" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    String twentyOne = IntStream.range(0, 21).mapToObj(i -> "\"rtmp://h/a/" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    valid("SideOutputUrlList", twenty);
    malformed("SideOutputUrlList", twentyOne);
  }

  @Test
  void transcodeConfigInBothSpellings() {
    valid("TranscodeConfig",
        "{\"CasterTemplate\":\"lp_hd\",\"LiveTemplateIds\":[\"a\"],\"CustomParams\":{\"video\":{\"fps\":25,\"bitrate\":2000,\"width\":1280,\"height\":720}}}");
    valid("TranscodeConfig", "{\"casterTemplate\":\"lp_ld_v\",\"liveTemplateIds\":[],\"customParams\":{\"Video\":{\"Fps\":30}}}");
    valid("TranscodeConfig", "{\"CustomParams\":\"{\\\"video\\\":{\\\"fps\\\":25}}\"}");
    valid("TranscodeConfig", "{}");
    malformed("TranscodeConfig", "{\"CasterTemplate\":\"lp_xx\"}");
    malformed("TranscodeConfig", "{\"casterTemplate\":\"lp_hd\"");
    malformed("TranscodeConfig", "[\"lp_hd\"]");
    malformed("TranscodeConfig", "{\"LiveTemplateIds\":\"a\"}");
    malformed("TranscodeConfig", "{\"CustomParams\":{\"video\":{\"fps\":25.5}}}");
  }

  @Test
  void everyCasterTemplate() {
    for (String t : List.of("lp_ld", "lp_sd", "lp_hd", "lp_ud", "lp_ld_v", "lp_sd_v", "lp_hd_v", "lp_ud_v")) {
      valid("TranscodeConfig", "{\"CasterTemplate\":\"" + t + "\"}");
    }
  }

  @Test
  void recordConfigInBothSpellings() {
    valid("RecordConfig",
        "{\"endpoint\":\"http://oss-cn-shanghai.aliyuncs.com\",\"ossBucket\":\"b\",\"videoFormat\":[{\"Format\":\"m3u8\",\"OssObjectPrefix\":\"r/{StreamName}\",\"SliceOssObjectPrefix\":\"s/{UnixTimestamp}\",\"CycleDuration\":3600}],\"interval\":5000}");
    valid("RecordConfig", "{\"Endpoint\":\"e\",\"OssBucket\":\"b\",\"VideoFormat\":[{\"format\":\"flv\"},{\"Format\":\"mp4\"}]}");
    malformed("RecordConfig", "{\"videoFormat\":[{\"Format\":\"avi\"}]}");
    malformed("RecordConfig", "{\"videoFormat\":[{\"OssObjectPrefix\":\"x\"}]}");
    malformed("RecordConfig", "{\"videoFormat\":{\"Format\":\"flv\"}}");
    malformed("RecordConfig", "{\"interval\":\"soon\"}");
    malformed("RecordConfig", "not json");
  }

  @Test
  void syncGroups() {
    valid("SyncGroupsConfig", "[{\"mode\":0,\"resourceIds\":[\"r1\",\"r2\"],\"hostResourceId\":\"r1\"}]");
    valid("SyncGroupsConfig", "[{\"Mode\":1,\"ResourceIds\":[\"r1\",\"r2\"]}]");
    malformed("SyncGroupsConfig", "[{\"mode\":0,\"resourceIds\":[\"r1\"]}]");
    malformed("SyncGroupsConfig", "[{\"mode\":2,\"resourceIds\":[\"r1\"]}]");
    malformed("SyncGroupsConfig", "[{\"resourceIds\":[\"r1\"]}]");
    malformed("SyncGroupsConfig", "{\"mode\":1}");
  }

  @Test
  void autoSwitchUrgentConfig() {
    valid("AutoSwitchUrgentConfig", "{\"eofThres\":3}");
    valid("AutoSwitchUrgentConfig", "{\"EofThres\":3.5}");
    malformed("AutoSwitchUrgentConfig", "{\"eofThres\":\"3\"}");
    malformed("AutoSwitchUrgentConfig", "3");
    malformed("AutoSwitchUrgentConfig", "{eofThres:3}");
  }

  @Test
  void requestedKeepsOnlyNonEmptyConfigurationParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CasterId", "x");
    p.put("Action", "SetCasterConfig");
    p.put("DomainName", "example.com");
    p.put("CallbackUrl", "");
    p.put("TranscodeConfig", "{}");
    p.put("SideOutputUrlList", "[]");
    p.put("Delay", "1.5");
    assertEquals(Map.of("DomainName", "example.com", "Delay", "1.5"), CasterParameters.requested(p));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "TranscodeConfig|{\"CasterTemplate\":\"lp_hd\",\"LiveTemplateIds\":[\"a\"]}|{ \"LiveTemplateIds\": [\"a\"], \"CasterTemplate\": \"lp_hd\" }|true",
        "TranscodeConfig|{\"CasterTemplate\":\"lp_hd\"}|{\"CasterTemplate\":\"lp_sd\"}|false",
        "Delay|1.5|1.50|true",
        "Delay|1|2|false",
        "AutoSwitchUrgentOn|true|TRUE|true",
        "DomainName|a.com|A.com|false"
      })
  void sameConfigurationComparesWhatTheServiceCompares(String name, String a, String b, boolean same) {
    assertEquals(same, CasterParameters.sameConfiguration(Map.of(name, a), Map.of(name, b)));
  }

  @Test
  void aMissingParameterIsADifference() {
    assertFalse(CasterParameters.sameConfiguration(Map.of("DomainName", "a"), Map.of()));
  }
}
