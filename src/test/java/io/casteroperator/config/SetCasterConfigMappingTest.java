package io.casteroperator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.live.model.v20161101.DescribeCasterConfigResponse;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.testing.Examples;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetCasterConfigMappingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parameters of SetCasterConfigRequest that are not part of a caster's configuration. */
  private static final Set<String> NOT_CONFIGURATION = Set.of("ownerId");

  private static DesiredConfig full() {
    return SpecMapper.toDesired(Examples.load("full.yaml").getSpec());
  }

  @Test
  void fullExampleSetsEveryApiParameterOfTheRequest() throws Exception {
    SetCasterConfigRequest request = SetCasterConfigMapping.toRequest("a2b8e671-2fe5-4642-a2ec-bf93880e0002", "cn-shanghai", full());

    List<String> unset = new ArrayList<>();
    for (Field field : SetCasterConfigRequest.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || NOT_CONFIGURATION.contains(field.getName())) {
        continue;
      }
      field.setAccessible(true);
      if (field.get(request) == null) {
        unset.add(field.getName());
      }
    }
    assertEquals(List.of(), unset, "API parameters the full example leaves unset");
    assertEquals("cn-shanghai", request.getSysRegionId());
  }

  @Test
  void scalarParametersAreSentAsTheApiSpellsThem() {
    Map<String, String> p = SetCasterConfigMapping.parameters(full());
    assertEquals("Evening news \"live\"", p.get("CasterName"));
    assertEquals("live.example.com", p.get("DomainName"));
    assertEquals("2.5", p.get("Delay"));
    assertEquals("5a6c1c33-8424-46f6-813c-c152220a0003", p.get("UrgentMaterialId"));
    assertEquals("rtmp://backup.example.com/live/standby", p.get("UrgentLiveStreamUrl"));
    assertEquals("rtmp://push.example.com/caster/news?auth_key=1700000000-0-0-0123456789abcdef", p.get("SideOutputUrl"));
    assertEquals("https://hooks.example.com/caster-events", p.get("CallbackUrl"));
    assertEquals("1", p.get("ProgramEffect"));
    assertEquals("evening-loop", p.get("ProgramName"));
    assertEquals("0", p.get("ChannelEnable"));
    assertEquals("a089175eb5f4427684fc0715159a0004", p.get("UrgentImageId"));
    assertEquals("https://assets.example.com/standby.jpg", p.get("UrgentImageUrl"));
    assertEquals("true", p.get("AutoSwitchUrgentOn"));
    assertTrue(!p.containsKey("CasterId") && !p.containsKey("RegionId"), "the target is not configuration");
  }

  @Test
  void jsonParametersUseTheDocumentedKeys() throws Exception {
    Map<String, String> p = SetCasterConfigMapping.parameters(full());
    assertEquals(JSON.readTree("""
        {"CasterTemplate":"lp_hd","LiveTemplateIds":["lhd"],
         "CustomParams":{"video":{"fps":25,"bitrate":2500,"width":1280,"height":720}}}"""),
        JSON.readTree(p.get("TranscodeConfig")));
    assertEquals(JSON.readTree("""
        {"endpoint":"http://oss-cn-shanghai.aliyuncs.com","ossBucket":"news-recordings",
         "videoFormat":[
           {"Format":"m3u8","OssObjectPrefix":"record/{AppName}/{StreamName}/{StartTime}_{EndTime}",
            "SliceOssObjectPrefix":"record/{AppName}/{StreamName}/{UnixTimestamp}","CycleDuration":21600},
           {"Format":"mp4","OssObjectPrefix":"record/{AppName}/{StreamName}/{StartTime}_{EndTime}","CycleDuration":21600}],
         "interval":5000}"""),
        JSON.readTree(p.get("RecordConfig")));
    assertEquals(JSON.readTree("""
        [{"mode":0,"resourceIds":["5a6c1c33-8424-46f6-813c-c152220a0006","4e6521dc-a40a-4077-b6bf-1fb12a760007"],
          "hostResourceId":"3aa2b39a-fd0e-4b8c-be73-b7af31c40005"},
         {"mode":1,"resourceIds":["7b1e2c3d-1111-4a4a-9b9b-0c0c0c0c0008","7b1e2c3d-2222-4a4a-9b9b-0c0c0c0c0009"]}]"""),
        JSON.readTree(p.get("SyncGroupsConfig")));
    assertEquals(JSON.readTree("{\"eofThres\":3}"), JSON.readTree(p.get("AutoSwitchUrgentConfig")));
    assertEquals(JSON.readTree("[\"rtmp://push.example.com/app1/stream1\",\"rtmp://cdn.example.net/app2/stream2\"]"),
        JSON.readTree(p.get("SideOutputUrlList")));
  }

  @Test
  void opaqueTextReachesTheApiLiterallyInsideJsonParameters() throws Exception {
    CasterSpec spec = Examples.parse("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: x}
        spec:
          recordConfig:
            ossBucket: 'b"},"injected":{"x":"'
            videoFormat:
              - format: flv
                ossObjectPrefix: "a\\\\b\\"c 名前 \\t"
        """).getSpec();
    JsonNode record = JSON.readTree(SetCasterConfigMapping.parameters(SpecMapper.toDesired(spec)).get("RecordConfig"));
    assertEquals("b\"},\"injected\":{\"x\":\"", record.get("ossBucket").asText());
    assertFalse(record.has("injected"));
    assertEquals("a\\b\"c 名前 \t", record.get("videoFormat").get(0).get("OssObjectPrefix").asText());
  }

  @Test
  void anEmptySpecSendsOnlyTheTargetSoEverySettingIsCleared() {
    SetCasterConfigRequest request = SetCasterConfigMapping.toRequest("a2b8e671-2fe5-4642-a2ec-bf93880e0001", null, DesiredConfig.EMPTY);
    assertEquals(Map.of("Action", "SetCasterConfig", "Version", "2016-11-01", "Format", "JSON",
        "CasterId", "a2b8e671-2fe5-4642-a2ec-bf93880e0001"), request.getSysQueryParameters());
    assertEquals(Map.of(), SetCasterConfigMapping.parameters(DesiredConfig.EMPTY));
  }

  @Test
  void everyFieldOfADescribeAnswerMapsBack() {
    DescribeCasterConfigResponse r = new DescribeCasterConfigResponse();
    r.setCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0002");
    r.setCasterName("News");
    r.setDomainName("live.example.com");
    r.setDelay(1.1f);
    r.setUrgentMaterialId("m1");
    r.setUrgentLiveStreamUrl("rtmp://b/l/s");
    r.setSideOutputUrl("rtmp://p/c/n");
    r.setSideOutputUrlList("[\"rtmp://a/1\",\"rtmp://b/2\"]");
    r.setCallbackUrl("https://h/e");
    r.setProgramEffect(1);
    r.setProgramName("loop");
    r.setChannelEnable(1);
    r.setUrgentImageId("i1");
    r.setUrgentImageUrl("https://a/s.jpg");
    r.setAutoSwitchUrgentOn("true");
    r.setAutoSwitchUrgentConfig("{\"eofThres\":7}");
    var transcode = new DescribeCasterConfigResponse.TranscodeConfig();
    transcode.setCasterTemplate("lp_ud");
    transcode.setLiveTemplateIds(List.of("t1"));
    var params = new DescribeCasterConfigResponse.TranscodeConfig.CustomParams();
    var video = new DescribeCasterConfigResponse.TranscodeConfig.CustomParams.Video();
    video.setFps(30);
    video.setBitrate(4000);
    video.setWidth(1920);
    video.setHeight(1080);
    params.setVideo(video);
    transcode.setCustomParams(params);
    r.setTranscodeConfig(transcode);
    var record = new DescribeCasterConfigResponse.RecordConfig();
    record.setOssBucket("bucket");
    record.setOssEndpoint("http://oss");
    var format = new DescribeCasterConfigResponse.RecordConfig.RecordFormatItem();
    format.setFormat("flv");
    format.setOssObjectPrefix("p/");
    format.setSliceOssObjectPrefix("s/");
    format.setCycleDuration(600);
    record.setRecordFormat(List.of(format));
    r.setRecordConfig(record);
    var group = new DescribeCasterConfigResponse.SyncGroup();
    group.setMode(0);
    group.setHostResourceId("h");
    group.setResourceIds(List.of("h", "r"));
    r.setSyncGroupsConfig(List.of(group));

    DesiredConfig expected = new DesiredConfig("News", "live.example.com",
        new DesiredConfig.Transcode("lp_ud", List.of("t1"), new DesiredConfig.Video(30, 4000, 1920, 1080)),
        new DesiredConfig.Recording("http://oss", "bucket", null,
            List.of(new DesiredConfig.RecordingFormat("flv", "p/", "s/", 600))),
        1.1, "m1", "rtmp://b/l/s", "rtmp://p/c/n", List.of("rtmp://a/1", "rtmp://b/2"), "https://h/e",
        true, "loop", true, List.of(new DesiredConfig.SyncGroup(0, List.of("h", "r"), "h")),
        "i1", "https://a/s.jpg", true, 7);
    assertEquals(expected, SetCasterConfigMapping.fromResponse(r));
  }

  @Test
  void aClearedCasterReadsBackAsTheEmptyConfiguration() {
    // The SDK fills nested objects and lists even when the answer has none of them.
    DescribeCasterConfigResponse r = new DescribeCasterConfigResponse();
    var transcode = new DescribeCasterConfigResponse.TranscodeConfig();
    transcode.setLiveTemplateIds(List.of());
    transcode.setCustomParams(new DescribeCasterConfigResponse.TranscodeConfig.CustomParams());
    r.setTranscodeConfig(transcode);
    var record = new DescribeCasterConfigResponse.RecordConfig();
    record.setRecordFormat(List.of());
    r.setRecordConfig(record);
    r.setSyncGroupsConfig(List.of());
    r.setSideOutputUrlList("");
    r.setAutoSwitchUrgentOn("");
    r.setChannelEnable(0);
    r.setDelay(0f);

    DesiredConfig read = SetCasterConfigMapping.fromResponse(r);
    assertNull(read.transcode());
    assertNull(read.recording());
    assertNull(read.syncGroups());
    assertNull(read.sideOutputUrls());
    assertTrue(read.observable().satisfies(DesiredConfig.EMPTY.observable()));
  }

  @Test
  void sideOutputListIsReadInEitherForm() {
    assertEquals(List.of("rtmp://a/1", "rtmp://b/2"), SetCasterConfigMapping.urlList("[\"rtmp://a/1\",\"rtmp://b/2\"]"));
    assertEquals(List.of("rtmp://a/1", "rtmp://b/2"), SetCasterConfigMapping.urlList("rtmp://a/1, rtmp://b/2"));
    assertNull(SetCasterConfigMapping.urlList("[]"));
  }

  @Test
  void theHashChangesExactlyWhenTheRequestDoes() {
    DesiredConfig config = full();
    assertEquals(ConfigHash.of(config), ConfigHash.of(SpecMapper.toDesired(Examples.load("full.yaml").getSpec())));
    assertFalse(ConfigHash.of(config).equals(ConfigHash.of(config.withChannelEnable(true))));
    // Specs that send the same request hash alike: an empty list is the same as no list.
    CasterSpec withEmptyList = Examples.load("minimal.yaml").getSpec();
    withEmptyList.setSideOutputUrlList(List.of());
    assertEquals(ConfigHash.of(SpecMapper.toDesired(Examples.load("minimal.yaml").getSpec())),
        ConfigHash.of(SpecMapper.toDesired(withEmptyList)));
  }

  @Test
  void theHashOfAConfigurationIsStableAcrossReleases() {
    // status.appliedConfigHash outlives the operator: if this value changed, an upgrade would
    // rewrite every caster once. Change it only together with a deliberate change of the request.
    assertEquals("ad88a79e94596617", ConfigHash.of(SpecMapper.toDesired(Examples.load("minimal.yaml").getSpec())));
  }
}
