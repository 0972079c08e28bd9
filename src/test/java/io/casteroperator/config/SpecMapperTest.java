package io.casteroperator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.casteroperator.api.CasterSpec;
import io.casteroperator.testing.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecMapperTest {

  @Test
  void everySpecFieldReachesTheConfiguration() {
    DesiredConfig c = SpecMapper.toDesired(Examples.load("full.yaml").getSpec());
    assertEquals("Evening news \"live\"", c.casterName());
    assertEquals("live.example.com", c.domainName());
    assertEquals(new DesiredConfig.Transcode("lp_hd", List.of("lhd"), new DesiredConfig.Video(25, 2500, 1280, 720)), c.transcode());
    assertEquals(new DesiredConfig.Recording("http://oss-cn-shanghai.aliyuncs.com", "news-recordings", 5000, List.of(
        new DesiredConfig.RecordingFormat("m3u8", "record/{AppName}/{StreamName}/{StartTime}_{EndTime}",
            "record/{AppName}/{StreamName}/{UnixTimestamp}", 21600),
        new DesiredConfig.RecordingFormat("mp4", "record/{AppName}/{StreamName}/{StartTime}_{EndTime}", null, 21600))),
        c.recording());
    assertEquals(2.5, c.delay());
    assertEquals("5a6c1c33-8424-46f6-813c-c152220a0003", c.urgentMaterialId());
    assertEquals("rtmp://backup.example.com/live/standby", c.urgentLiveStreamUrl());
    assertEquals("rtmp://push.example.com/caster/news?auth_key=1700000000-0-0-0123456789abcdef", c.sideOutputUrl());
    assertEquals(List.of("rtmp://push.example.com/app1/stream1", "rtmp://cdn.example.net/app2/stream2"), c.sideOutputUrls());
    assertEquals("https://hooks.example.com/caster-events", c.callbackUrl());
    assertEquals(true, c.programEffect());
    assertEquals("evening-loop", c.programName());
    assertEquals(false, c.channelEnable());
    assertEquals(List.of(
        new DesiredConfig.SyncGroup(0, List.of("5a6c1c33-8424-46f6-813c-c152220a0006", "4e6521dc-a40a-4077-b6bf-1fb12a760007"),
            "3aa2b39a-fd0e-4b8c-be73-b7af31c40005"),
        new DesiredConfig.SyncGroup(1, List.of("7b1e2c3d-1111-4a4a-9b9b-0c0c0c0c0008", "7b1e2c3d-2222-4a4a-9b9b-0c0c0c0c0009"), null)),
        c.syncGroups());
    assertEquals("a089175eb5f4427684fc0715159a0004", c.urgentImageId());
    assertEquals("https://assets.example.com/standby.jpg", c.urgentImageUrl());
    assertEquals(true, c.autoSwitchUrgentOn());
    assertEquals(3, c.autoSwitchEofThreshold());
  }

  @Test
  void emptyValuesMeanClearedAsTheApiDoes() {
    CasterSpec spec = Examples.parse("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: x}
        spec:
          casterName: ""
          sideOutputUrlList: []
          transcodeConfig: {}
          recordConfig: {videoFormat: []}
          autoSwitchUrgentConfig: {}
          syncGroupsConfig: []
        """).getSpec();
    assertEquals(DesiredConfig.EMPTY, SpecMapper.toDesired(spec));
    assertEquals(DesiredConfig.EMPTY, SpecMapper.toDesired(null));
  }
}
