package io.casteroperator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class SetCasterConfigParametersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static DesiredConfig full() {
    return SpecMapper.toDesired(Examples.load("full.yaml").getSpec());
  }

  @Test
  void scalarParametersAreSentAsTheApiSpellsThem() {
    Map<String, String> p = SetCasterConfigParameters.of(full());
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
    Map<String, String> p = SetCasterConfigParameters.of(full());
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
    JsonNode record = JSON.readTree(SetCasterConfigParameters.of(SpecMapper.toDesired(spec)).get("RecordConfig"));
    assertEquals("b\"},\"injected\":{\"x\":\"", record.get("ossBucket").asText());
    assertFalse(record.has("injected"));
    assertEquals("a\\b\"c 名前 \t", record.get("videoFormat").get(0).get("OssObjectPrefix").asText());
  }

  @Test
  void anEmptySpecSendsNothingSoEverySettingIsCleared() {
    assertEquals(Map.of(), SetCasterConfigParameters.of(DesiredConfig.EMPTY));
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
