package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.CommonResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.live.model.v20161101.CreateCasterRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigResponse;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersResponse;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.StartCasterRequest;
import com.aliyuncs.live.model.v20161101.StopCasterRequest;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.DefaultAcsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every action's success path, through the real SDK over HTTP. */
class SdkActionsIT extends EmulatorFixture {
  static final String TRICKY = "Studio * ~tilde +plus 100% 中文 ünï \"quoted\" & = ?";

  @Test
  void lifeCycleOfACaster() throws ClientException {
    String id = createCaster("studio-1");
    assertTrue(CasterParameters.isWellFormedCasterId(id), id);

    SetCasterConfigRequest set = new SetCasterConfigRequest();
    set.setCasterId(id);
    set.setDomainName("example.com");
    set.setTranscodeConfig(READY_TRANSCODE);
    assertEquals(id, call(set).getCasterId());

    StartCasterRequest start = new StartCasterRequest();
    start.setCasterId(id);
    assertNotNull(call(start).getRequestId());
    assertTrue(emulator.caster(id).orElseThrow().running());

    DescribeCastersRequest describe = new DescribeCastersRequest();
    describe.setCasterId(id);
    DescribeCastersResponse.Caster listed = call(describe).getCasterList().get(0);
    assertEquals(1, listed.getStatus());

    StopCasterRequest stop = new StopCasterRequest();
    stop.setCasterId(id);
    call(stop);
    assertFalse(emulator.caster(id).orElseThrow().running());

    DeleteCasterRequest delete = new DeleteCasterRequest();
    delete.setCasterId(id);
    DeleteCasterResponse deleted = call(delete);
    assertEquals(id, deleted.getCasterId());
    assertTrue(emulator.caster(id).isEmpty());
  }

  @Test
  void describeCastersReturnsNumbersWrappedListsAndFilters() throws ClientException {
    CreateCasterRequest create = new CreateCasterRequest();
    create.setCasterName("tagged");
    create.setNormType(6);
    create.setChargeType("PostPaid");
    create.setResourceGroupId("rg-1");
    CreateCasterRequest.Tag tag = new CreateCasterRequest.Tag();
    tag.setKey("team");
    tag.setValue("video");
    create.setTags(List.of(tag));
    String id = call(create).getCasterId();
    createCaster("other");

    DescribeCastersRequest all = new DescribeCastersRequest();
    DescribeCastersResponse response = call(all);
    assertEquals(2, response.getTotal());
    assertEquals(2, response.getCasterList().size());

    DescribeCastersRequest byName = new DescribeCastersRequest();
    byName.setCasterName("tagged");
    DescribeCastersResponse.Caster c = call(byName).getCasterList().get(0);
    assertEquals(id, c.getCasterId());
    assertEquals(0, c.getStatus());
    assertEquals(6, c.getNormType());
    assertEquals(0, c.getChannelEnable());
    assertEquals("PostPaid", c.getChargeType());
    assertEquals("rg-1", c.getResourceGroupId());
    assertTrue(c.getCreateTime().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), c.getCreateTime());
    assertNotNull(c.getLastModified());
    assertEquals("team", c.getTags().get(0).getTagKey());
    assertEquals("video", c.getTags().get(0).getTagValue());

    DescribeCastersRequest unknown = new DescribeCastersRequest();
    unknown.setCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
    DescribeCastersResponse none = call(unknown);
    assertEquals(0, none.getTotal());
    assertTrue(none.getCasterList().isEmpty());

    DescribeCastersRequest paged = new DescribeCastersRequest();
    paged.setPageSize(1);
    paged.setPageNum(2);
    DescribeCastersResponse page = call(paged);
    assertEquals(2, page.getTotal());
    assertEquals(1, page.getCasterList().size());
  }

  @Test
  void sameClientTokenGivesTheSameCasterOnce() throws ClientException {
    CreateCasterRequest first = new CreateCasterRequest();
    first.setClientToken("token-1");
    first.setCasterName("once");
    CreateCasterRequest retry = new CreateCasterRequest();
    retry.setClientToken("token-1");
    retry.setCasterName("once");
    String a = call(first).getCasterId();
    String b = call(clientB, retry).getCasterId(); // another key of the same account
    assertEquals(a, b);
    assertEquals(1, emulator.casters().size());
  }

  @Test
  void describeCasterConfigReadsBackEverythingSet() throws Exception {
    String id = createCaster("full");
    SetCasterConfigRequest set = new SetCasterConfigRequest();
    set.setCasterId(id);
    set.setCasterName("full renamed");
    set.setDomainName("example.com");
    set.setTranscodeConfig(
        "{\"CasterTemplate\":\"lp_hd\",\"LiveTemplateIds\":[\"a\",\"b\"],\"CustomParams\":{\"video\":{\"fps\":25,\"bitrate\":2000,\"width\":1280,\"height\":720}}}");
    set.setRecordConfig(
        "{\"endpoint\":\"http://oss-cn-shanghai.aliyuncs.com\",\"ossBucket\":\"bucket\",\"onDemand\":1,\"videoFormat\":[{\"Format\":\"m3u8\",\"OssObjectPrefix\":\"record/{StreamName}\",\"SliceOssObjectPrefix\":\"slice/{UnixTimestamp}\",\"CycleDuration\":3600}],\"interval\":5000}");
    set.setDelay(1.5f);
    set.setUrgentMaterialId("material-1");
    set.setUrgentLiveStreamUrl("rtmp://backup.example.com/app/stream");
    set.setSideOutputUrl("rtmp://side.example.com/app/stream");
    set.setSideOutputUrlList("[\"rtmp://a/b/c\",\"rtmp://d/e/f\"]");
    set.setCallbackUrl("http://callback.example.com/hook");
    set.setProgramEffect(1);
    set.setProgramName("carousel");
    set.setChannelEnable(1);
    set.setSyncGroupsConfig("[{\"mode\":0,\"resourceIds\":[\"r1\",\"r2\"],\"hostResourceId\":\"r1\"}]");
    set.setUrgentImageId("image-1");
    set.setUrgentImageUrl("http://img.example.com/i.jpg");
    set.setAutoSwitchUrgentOn(true);
    set.setAutoSwitchUrgentConfig("{\"eofThres\":3}");
    call(set);

    DescribeCasterConfigRequest describe = new DescribeCasterConfigRequest();
    describe.setCasterId(id);
    DescribeCasterConfigResponse r = call(describe);
    assertEverythingPopulated(r, "response");

    assertEquals(id, r.getCasterId());
    assertEquals("full renamed", r.getCasterName());
    assertEquals("example.com", r.getDomainName());
    assertEquals(1.5f, r.getDelay());
    assertEquals(1, r.getChannelEnable());
    assertEquals(1, r.getProgramEffect());
    assertEquals("carousel", r.getProgramName());
    assertEquals("http://callback.example.com/hook", r.getCallbackUrl());
    assertEquals("rtmp://side.example.com/app/stream", r.getSideOutputUrl());
    assertEquals("[\"rtmp://a/b/c\",\"rtmp://d/e/f\"]", r.getSideOutputUrlList());
    assertEquals("material-1", r.getUrgentMaterialId());
    assertEquals("rtmp://backup.example.com/app/stream", r.getUrgentLiveStreamUrl());
    assertEquals("image-1", r.getUrgentImageId());
    assertEquals("http://img.example.com/i.jpg", r.getUrgentImageUrl());
    assertEquals("true", r.getAutoSwitchUrgentOn());
    assertEquals("{\"eofThres\":3}", r.getAutoSwitchUrgentConfig());
    assertEquals("lp_hd", r.getTranscodeConfig().getCasterTemplate());
    assertEquals(List.of("a", "b"), r.getTranscodeConfig().getLiveTemplateIds());
    DescribeCasterConfigResponse.TranscodeConfig.CustomParams.Video video = r.getTranscodeConfig().getCustomParams().getVideo();
    assertEquals(List.of(25, 2000, 1280, 720), List.of(video.getFps(), video.getBitrate(), video.getWidth(), video.getHeight()));
    assertEquals("bucket", r.getRecordConfig().getOssBucket());
    assertEquals("http://oss-cn-shanghai.aliyuncs.com", r.getRecordConfig().getOssEndpoint());
    assertEquals(1, r.getRecordConfig().getOnDemand());
    DescribeCasterConfigResponse.RecordConfig.RecordFormatItem format = r.getRecordConfig().getRecordFormat().get(0);
    assertEquals("m3u8", format.getFormat());
    assertEquals(3600, format.getCycleDuration());
    assertEquals("record/{StreamName}", format.getOssObjectPrefix());
    assertEquals("slice/{UnixTimestamp}", format.getSliceOssObjectPrefix());
    DescribeCasterConfigResponse.SyncGroup group = r.getSyncGroupsConfig().get(0);
    assertEquals(0, group.getMode());
    assertEquals("r1", group.getHostResourceId());
    assertEquals(List.of("r1", "r2"), group.getResourceIds());
  }

  @Test
  void lowerCamelJsonKeysOfTheApiPageExampleAreAccepted() throws ClientException {
    String id = createCaster("lower");
    SetCasterConfigRequest set = new SetCasterConfigRequest();
    set.setCasterId(id);
    set.setTranscodeConfig("{\"casterTemplate\":\"lp_ld\",\"liveTemplateIds\":[\"x\"],\"customParams\":{\"video\":{\"fps\":30}}}");
    set.setRecordConfig("{\"Endpoint\":\"e\",\"OssBucket\":\"b\",\"VideoFormat\":[{\"format\":\"flv\",\"cycleDuration\":60}]}");
    set.setSyncGroupsConfig("[{\"Mode\":1,\"ResourceIds\":[\"r1\"]}]");
    call(set);
    DescribeCasterConfigRequest describe = new DescribeCasterConfigRequest();
    describe.setCasterId(id);
    DescribeCasterConfigResponse r = call(describe);
    assertEquals("lp_ld", r.getTranscodeConfig().getCasterTemplate());
    assertEquals(30, r.getTranscodeConfig().getCustomParams().getVideo().getFps());
    assertEquals("flv", r.getRecordConfig().getRecordFormat().get(0).getFormat());
    assertEquals(60, r.getRecordConfig().getRecordFormat().get(0).getCycleDuration());
    assertEquals(1, r.getSyncGroupsConfig().get(0).getMode());
  }

  @Test
  void unsetFieldsAreLeftOut() throws ClientException {
    String id = createCaster("bare");
    DescribeCasterConfigRequest describe = new DescribeCasterConfigRequest();
    describe.setCasterId(id);
    DescribeCasterConfigResponse r = call(describe);
    assertEquals("bare", r.getCasterName());
    assertEquals(null, r.getDomainName());
    assertEquals(null, r.getTranscodeConfig().getCasterTemplate());
    assertTrue(r.getSyncGroupsConfig().isEmpty());
    assertEquals(0, r.getChannelEnable());
  }

  @Test
  void trickyValuesVerifyInEveryTransport() throws Exception {
    String id = createCaster(TRICKY);
    assertEquals(TRICKY, emulator.caster(id).orElseThrow().casterName());

    // GET, every parameter in the query string.
    CommonResponse viaGet =
        common(clientA, commonRequest("SetCasterConfig", MethodType.GET,
            Map.of("CasterId", id, "CasterName", TRICKY + " get", "TranscodeConfig", "{\"CasterTemplate\":\"lp_sd\",\"LiveTemplateIds\":[\"a b*~+\"]}"),
            Map.of()));
    assertEquals(200, viaGet.getHttpStatus());
    assertEquals(TRICKY + " get", emulator.caster(id).orElseThrow().casterName());

    // POST with the API parameters in a form body.
    CommonResponse viaForm =
        common(clientA, commonRequest("SetCasterConfig", MethodType.POST, Map.of("CasterId", id),
            Map.of("CasterName", TRICKY + " form", "TranscodeConfig", "{\"CasterTemplate\":\"lp_ud\",\"LiveTemplateIds\":[\"é\"]}")));
    assertEquals(200, viaForm.getHttpStatus());
    JsonNode body = Json.parse(viaForm.getData()).orElseThrow();
    assertEquals(id, body.get("CasterId").asText());
    assertFalse(body.get("RequestId").asText().isEmpty());
    CasterSnapshot after = emulator.caster(id).orElseThrow();
    assertEquals(TRICKY + " form", after.casterName());
    assertEquals("{\"CasterTemplate\":\"lp_ud\",\"LiveTemplateIds\":[\"é\"]}", after.config().get("TranscodeConfig"));
  }

  @Test
  void keysOfOneAccountShareItsCastersAndOtherAccountsDoNotSeeThem() throws ClientException {
    String id = createCaster("shared");
    DescribeCasterConfigRequest viaB = new DescribeCasterConfigRequest();
    viaB.setCasterId(id);
    assertEquals("shared", call(clientB, viaB).getCasterName());
    DescribeCasterConfigRequest viaC = new DescribeCasterConfigRequest();
    viaC.setCasterId(id);
    assertEquals("InvalidCaster.NotFound", failure(clientC, viaC).getErrCode());
    assertEquals(0, call(clientC, new DescribeCastersRequest()).getTotal());
  }

  @Test
  void stsCredentialsWork() throws ClientException {
    IAcsClient sts = new DefaultAcsClient(DefaultProfile.getProfile(REGION, STS_KEY, STS_SECRET, STS_TOKEN));
    CreateCasterRequest create = new CreateCasterRequest();
    create.setCasterName("via sts");
    String id = call(sts, create).getCasterId();
    assertEquals(ACCOUNT_2, emulator.caster(id).orElseThrow().account());
    IAcsClient wrongToken = new DefaultAcsClient(DefaultProfile.getProfile(REGION, STS_KEY, STS_SECRET, "other"));
    assertEquals("InvalidSecurityToken.MismatchWithAccessKey", failure(wrongToken, new DescribeCastersRequest()).getErrCode());
  }

  @Test
  void normaliseOnWriteMakesTheReadBackDifferFromWhatWasSent() throws Exception {
    String id = createCaster("normalised");
    JsonNode settings = adminPost("settings", "{\"normalizeOnWrite\":{\"DomainName\":\"lowercase\"}}");
    assertEquals("lowercase", settings.at("/normalizeOnWrite/DomainName").asText());
    SetCasterConfigRequest set = new SetCasterConfigRequest();
    set.setCasterId(id);
    set.setDomainName("Live.Example.COM");
    set.setProgramName("Morning Show");
    call(set);
    DescribeCasterConfigRequest describe = new DescribeCasterConfigRequest();
    describe.setCasterId(id);
    DescribeCasterConfigResponse read = call(describe);
    assertEquals("live.example.com", read.getDomainName());
    assertEquals("Morning Show", read.getProgramName(), "only the configured parameter");

    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "settings", "application/json",
        "{\"normalizeOnWrite\":{\"Delay\":\"lowercase\"}}").statusCode());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "settings", "application/json",
        "{\"normalizeOnWrite\":{\"DomainName\":\"rot13\"}}").statusCode());
    adminPost("settings", "{\"normalizeOnWrite\":{}}");
    call(set);
    assertEquals("Live.Example.COM", call(describe).getDomainName());
  }

  /** Every getter of the SDK's response object (and of the objects inside) returns something. */
  private static void assertEverythingPopulated(Object object, String path) throws Exception {
    for (Method getter : object.getClass().getMethods()) {
      if (!getter.getName().startsWith("get") || getter.getParameterCount() != 0
          || getter.getDeclaringClass() == Object.class || getter.getName().equals("getInstance")) {
        continue;
      }
      Object value = getter.invoke(object);
      String where = path + "." + getter.getName();
      assertNotNull(value, where);
      if (value instanceof Collection<?> collection) {
        assertFalse(collection.isEmpty(), where);
        for (Object item : collection) {
          if (!(item instanceof String)) {
            assertEverythingPopulated(item, where + "[]");
          }
        }
      } else if (value.getClass().getName().startsWith("com.aliyuncs.live")) {
        assertEverythingPopulated(value, where);
      } else if (value instanceof String s) {
        assertFalse(s.isEmpty(), where);
      }
    }
  }
}
