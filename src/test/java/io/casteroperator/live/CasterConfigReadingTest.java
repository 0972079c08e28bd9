package io.casteroperator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.live.model.v20161101.DescribeCasterConfigResponse;
import io.casteroperator.config.DesiredConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DescribeCasterConfig answers, as the SDK parses them, read back into configurations. */
class CasterConfigReadingTest {

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
    assertEquals(expected, CasterConfigReading.fromResponse(r));
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

    DesiredConfig read = CasterConfigReading.fromResponse(r);
    assertNull(read.transcode());
    assertNull(read.recording());
    assertNull(read.syncGroups());
    assertNull(read.sideOutputUrls());
    assertTrue(read.observable().satisfies(DesiredConfig.EMPTY.observable()));
  }

  @Test
  void sideOutputListIsReadInEitherForm() {
    assertEquals(List.of("rtmp://a/1", "rtmp://b/2"), CasterConfigReading.urlList("[\"rtmp://a/1\",\"rtmp://b/2\"]"));
    assertEquals(List.of("rtmp://a/1", "rtmp://b/2"), CasterConfigReading.urlList("rtmp://a/1, rtmp://b/2"));
    assertNull(CasterConfigReading.urlList("[]"));
  }
}
