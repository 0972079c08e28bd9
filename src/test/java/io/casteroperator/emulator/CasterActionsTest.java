package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's rules on casters, without HTTP in between. */
class CasterActionsTest {
  private static final String READY_TRANSCODE = "{\"CasterTemplate\":\"lp_hd\"}";
  private CasterStore store;
  private EmulatorSettings settings;
  private CasterActions actions;

  @BeforeEach
  void setUp() {
    store = new CasterStore();
    settings = new EmulatorSettings();
    actions = new CasterActions(store, settings, MutableClock.fixedAt(Instant.parse("2025-06-01T12:00:00Z")));
  }

  private ObjectNode call(LiveAction action, String account, String... keyValues) {
    Map<String, String> p = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.put(keyValues[i], keyValues[i + 1]);
    }
    return actions.handle(action, account, p);
  }

  private ApiError refusal(LiveAction action, String account, String... keyValues) {
    return assertThrows(ApiException.class, () -> call(action, account, keyValues)).error();
  }

  private String create(String account, String name) {
    return call(LiveAction.CREATE_CASTER, account, "CasterName", name).get("CasterId").asText();
  }

  @Test
  void sameClientTokenSameCaster() {
    String a = call(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t1", "CasterName", "x").get("CasterId").asText();
    String b = call(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t1", "CasterName", "x").get("CasterId").asText();
    String other = call(LiveAction.CREATE_CASTER, "other", "ClientToken", "t1", "CasterName", "x").get("CasterId").asText();
    assertEquals(a, b);
    assertTrue(!a.equals(other), "tokens are per account");
    assertEquals(2, store.snapshots().size());
  }

  @Test
  void casterLimitPerAccountButNotForARetriedToken() {
    settings.setMaxCastersPerAccount(1);
    String id = call(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t1").get("CasterId").asText();
    assertEquals(id, call(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t1").get("CasterId").asText());
    assertEquals(ApiError.CASTER_NUMBER_EXCEED, refusal(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t2"));
    create("other", "fine");
  }

  @Test
  void unnamedCasterIsNamedAfterItsId() {
    String id = call(LiveAction.CREATE_CASTER, "acct").get("CasterId").asText();
    assertEquals(id, store.snapshot(id).orElseThrow().casterName());
  }

  @Test
  void setReplacesEverythingButKeepsTheName() {
    String id = create("acct", "studio");
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "Delay", "2", "ProgramName", "p");
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "CallbackUrl", "http://cb", "ProgramName", "");
    CasterSnapshot c = store.snapshot(id).orElseThrow();
    assertEquals("studio", c.casterName());
    assertEquals(Map.of("CasterName", "studio", "CallbackUrl", "http://cb"), c.config());
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "CasterName", "renamed");
    assertEquals("renamed", store.snapshot(id).orElseThrow().casterName());
  }

  @Test
  void channelRules() {
    String id = create("acct", "c");
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", READY_TRANSCODE);
    call(LiveAction.START_CASTER, "acct", "CasterId", id);
    assertEquals(ApiError.INCORRECT_CASTER_STATUS_ENABLE_CHANNEL,
        refusal(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "ChannelEnable", "1"));
    call(LiveAction.STOP_CASTER, "acct", "CasterId", id);
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "ChannelEnable", "1", "DomainName", "a.com",
        "TranscodeConfig", READY_TRANSCODE);
    assertEquals(1, store.snapshot(id).orElseThrow().channelEnable());
    call(LiveAction.START_CASTER, "acct", "CasterId", id);
    // Once on, channels stay on: every call must pass ChannelEnable=1, which is fine on a running caster.
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "ChannelEnable", "1", "DomainName", "b.com",
        "TranscodeConfig", READY_TRANSCODE);
    assertEquals(ApiError.CHANNEL_DISABLE_UNSUPPORTED, refusal(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id));
    assertEquals(ApiError.CHANNEL_DISABLE_UNSUPPORTED,
        refusal(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "ChannelEnable", "0"));
    assertEquals("b.com", store.snapshot(id).orElseThrow().config().get("DomainName"), "a refused call changes nothing");
  }

  @Test
  void startNeedsADomainAndATemplate() {
    String id = create("acct", "c");
    assertEquals(ApiError.INVALID_DOMAIN_NAME_NOT_FOUND, refusal(LiveAction.START_CASTER, "acct", "CasterId", id));
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", "{\"LiveTemplateIds\":[\"x\"]}");
    assertEquals(ApiError.MISSING_PARAMETER, refusal(LiveAction.START_CASTER, "acct", "CasterId", id));
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", READY_TRANSCODE);
    call(LiveAction.START_CASTER, "acct", "CasterId", id);
    call(LiveAction.START_CASTER, "acct", "CasterId", id);
    assertTrue(store.snapshot(id).orElseThrow().running());
    call(LiveAction.STOP_CASTER, "acct", "CasterId", id);
    assertFalse(store.snapshot(id).orElseThrow().running());
  }

  @Test
  void startIsIdempotentAndStopOfAnIdleCasterIsRefusedUnlessSwitched() {
    String id = create("acct", "c");
    assertEquals(ApiError.INVALID_SCENE_NOT_FOUND, refusal(LiveAction.STOP_CASTER, "acct", "CasterId", id), "no scenes before a start");
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", READY_TRANSCODE);
    ObjectNode first = call(LiveAction.START_CASTER, "acct", "CasterId", id);
    assertEquals(first, call(LiveAction.START_CASTER, "acct", "CasterId", id), "same scenes, same URLs");
    settings.setRejectStartWhileRunning(true);
    assertEquals(ApiError.INCORRECT_CASTER_STATUS, refusal(LiveAction.START_CASTER, "acct", "CasterId", id));
    call(LiveAction.STOP_CASTER, "acct", "CasterId", id);
    assertEquals(ApiError.INCORRECT_SCENE_STATUS, refusal(LiveAction.STOP_CASTER, "acct", "CasterId", id));
    settings.setRejectStopWhileIdle(false);
    call(LiveAction.STOP_CASTER, "acct", "CasterId", id);
    assertFalse(store.snapshot(id).orElseThrow().running());
  }

  @Test
  void regionsScopeCastersAndClientTokens() {
    String here = call(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t", "CasterName", "here").get("CasterId").asText();
    String there = call(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t", "RegionId", "cn-beijing").get("CasterId").asText();
    assertTrue(!here.equals(there), "a token is remembered per region");
    assertEquals(there, call(LiveAction.CREATE_CASTER, "acct", "ClientToken", "t", "RegionId", "cn-beijing").get("CasterId").asText());
    assertEquals("cn-shanghai", store.snapshot(here).orElseThrow().regionId(), "no RegionId: the default region");
    assertEquals(ApiError.INVALID_CASTER_NOT_FOUND,
        refusal(LiveAction.DESCRIBE_CASTER_CONFIG, "acct", "CasterId", here, "RegionId", "cn-beijing"));
    assertEquals(ApiError.INVALID_CASTER_NOT_FOUND,
        refusal(LiveAction.DESCRIBE_CASTER_LAYOUTS, "acct", "CasterId", there));
    assertEquals(0, call(LiveAction.DESCRIBE_CASTERS, "acct", "CasterId", here, "RegionId", "cn-beijing").get("Total").asInt());
    assertEquals(1, call(LiveAction.DESCRIBE_CASTERS, "acct", "RegionId", "cn-beijing").get("Total").asInt());
    assertEquals("here", call(LiveAction.DESCRIBE_CASTERS, "acct").at("/CasterList/Caster/0/CasterName").asText());
    settings.setDefaultRegion("cn-beijing");
    assertEquals(there, call(LiveAction.DESCRIBE_CASTERS, "acct").at("/CasterList/Caster/0/CasterId").asText());
  }

  @Test
  void normaliseOnWrite() {
    String id = create("acct", "c");
    settings.setNormalizeOnWrite(Map.of("DomainName", "lowercase"));
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "Live.Example.COM", "ProgramName", "Keep Case");
    ObjectNode read = call(LiveAction.DESCRIBE_CASTER_CONFIG, "acct", "CasterId", id);
    assertEquals("live.example.com", read.get("DomainName").asText());
    assertEquals("Keep Case", read.get("ProgramName").asText());
    settings.setRejectChangesWhileRunning(true);
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", READY_TRANSCODE);
    call(LiveAction.START_CASTER, "acct", "CasterId", id);
    // The service compares what it would store: the same domain in other case is no change.
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "A.COM", "TranscodeConfig", READY_TRANSCODE);
    assertThrows(IllegalArgumentException.class, () -> settings.setNormalizeOnWrite(Map.of("TranscodeConfig", "lowercase")));
    assertThrows(IllegalArgumentException.class, () -> settings.setNormalizeOnWrite(Map.of("DomainName", "reverse")));
    settings.setNormalizeOnWrite(Map.of());
    settings.setRejectChangesWhileRunning(false);
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "B.com", "TranscodeConfig", READY_TRANSCODE);
    assertEquals("B.com", call(LiveAction.DESCRIBE_CASTER_CONFIG, "acct", "CasterId", id).get("DomainName").asText());
  }

  @Test
  void deleteRefusesARunningCaster() {
    String id = create("acct", "c");
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", READY_TRANSCODE);
    call(LiveAction.START_CASTER, "acct", "CasterId", id);
    assertEquals(ApiError.INCORRECT_CASTER_STATUS_INUSE, refusal(LiveAction.DELETE_CASTER, "acct", "CasterId", id));
    call(LiveAction.STOP_CASTER, "acct", "CasterId", id);
    call(LiveAction.DELETE_CASTER, "acct", "CasterId", id);
    assertEquals(ApiError.INVALID_CASTER_NOT_FOUND, refusal(LiveAction.DESCRIBE_CASTER_CONFIG, "acct", "CasterId", id));
  }

  @Test
  void rejectChangesWhileRunningRefusesOnlyRealChanges() {
    String id = create("acct", "c");
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", READY_TRANSCODE);
    call(LiveAction.START_CASTER, "acct", "CasterId", id);
    settings.setRejectChangesWhileRunning(true);
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "a.com", "TranscodeConfig", "{ \"CasterTemplate\" : \"lp_hd\" }");
    assertEquals(ApiError.INCORRECT_CASTER_STATUS_INUSE,
        refusal(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "DomainName", "b.com", "TranscodeConfig", READY_TRANSCODE));
    assertEquals(ApiError.INCORRECT_CASTER_STATUS_INUSE,
        refusal(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id, "CasterName", "new", "DomainName", "a.com",
            "TranscodeConfig", READY_TRANSCODE));
  }

  @Test
  void idsAreCheckedAndScopedToTheAccount() {
    String id = create("acct", "c");
    assertEquals(ApiError.INVALID_CASTER_NOT_FOUND, refusal(LiveAction.DESCRIBE_CASTER_CONFIG, "other", "CasterId", id));
    assertEquals(ApiError.INVALID_CASTER_ID_MALFORMED, refusal(LiveAction.STOP_CASTER, "acct", "CasterId", "nope"));
    assertEquals(ApiError.MISSING_PARAMETER, refusal(LiveAction.DELETE_CASTER, "acct"));
    assertEquals(0, call(LiveAction.DESCRIBE_CASTERS, "acct", "CasterId", "a2b8e671-2fe5-4642-a2ec-bf93880e0000").get("Total").asInt());
  }

  @Test
  void describeCastersFiltersAndPages() {
    for (int i = 0; i < 25; i++) {
      create("acct", "studio-" + i);
    }
    create("other", "studio-x");
    ObjectNode page = call(LiveAction.DESCRIBE_CASTERS, "acct");
    assertEquals(25, page.get("Total").asInt());
    assertEquals(10, page.at("/CasterList/Caster").size());
    assertEquals("studio-24", page.at("/CasterList/Caster/0/CasterName").asText(), "newest first");
    ObjectNode last = call(LiveAction.DESCRIBE_CASTERS, "acct", "PageNum", "3", "PageSize", "10");
    assertEquals(5, last.at("/CasterList/Caster").size());
    assertEquals(11, call(LiveAction.DESCRIBE_CASTERS, "acct", "CasterName", "studio-1", "PageSize", "100").get("Total").asInt());
    assertEquals(0, call(LiveAction.DESCRIBE_CASTERS, "acct", "Status", "1").get("Total").asInt());
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(LiveAction.DESCRIBE_CASTERS, "acct", "PageSize", "101"));
    assertEquals(ApiError.INVALID_PARAMETER_MALFORMED, refusal(LiveAction.DESCRIBE_CASTERS, "acct", "Status", "2"));
  }

  @Test
  void describeConfigShapesJsonParametersForTheSdk() {
    String id = create("acct", "c");
    call(LiveAction.SET_CASTER_CONFIG, "acct", "CasterId", id,
        "TranscodeConfig", "{\"casterTemplate\":\"lp_sd\",\"liveTemplateIds\":[\"t1\"],\"customParams\":{\"video\":{\"fps\":25}}}",
        "RecordConfig", "{\"endpoint\":\"e\",\"ossBucket\":\"b\",\"videoFormat\":[{\"Format\":\"flv\",\"CycleDuration\":60}],\"interval\":5000}",
        "SyncGroupsConfig", "[{\"mode\":1,\"resourceIds\":[\"r1\"]}]",
        "SideOutputUrlList", "[\"rtmp://a/b/c\"]",
        "AutoSwitchUrgentOn", "TRUE");
    ObjectNode out = call(LiveAction.DESCRIBE_CASTER_CONFIG, "acct", "CasterId", id);
    assertEquals("lp_sd", out.at("/TranscodeConfig/CasterTemplate").asText());
    assertEquals("t1", out.at("/TranscodeConfig/LiveTemplateIds/LocationId/0").asText());
    assertEquals(25, out.at("/TranscodeConfig/CustomParams/video/fps").asInt());
    assertEquals("e", out.at("/RecordConfig/OssEndpoint").asText());
    assertEquals("flv", out.at("/RecordConfig/RecordFormat/RecordFormat/0/Format").asText());
    assertTrue(out.at("/RecordConfig/Interval").isMissingNode() && out.at("/RecordConfig/interval").isMissingNode());
    assertEquals(1, out.at("/SyncGroupsConfig/SyncGroup/0/Mode").asInt());
    assertEquals("r1", out.at("/SyncGroupsConfig/SyncGroup/0/ResourceIds/ResourceId/0").asText());
    assertEquals("[\"rtmp://a/b/c\"]", out.get("SideOutputUrlList").asText());
    assertEquals("true", out.get("AutoSwitchUrgentOn").asText());
    assertTrue(out.get("ChannelEnable").isInt());
    assertTrue(out.get("Delay").isNumber());
    assertFalse(out.has("DomainName"));
  }
}
