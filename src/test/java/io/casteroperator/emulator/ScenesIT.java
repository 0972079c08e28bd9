package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.AddCasterComponentRequest;
import com.aliyuncs.live.model.v20161101.AddCasterLayoutRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterScenesRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterScenesResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterStreamUrlRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterStreamUrlResponse;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.SetCasterSceneConfigRequest;
import com.aliyuncs.live.model.v20161101.StartCasterRequest;
import com.aliyuncs.live.model.v20161101.StartCasterResponse;
import com.aliyuncs.live.model.v20161101.StartCasterSceneRequest;
import com.aliyuncs.live.model.v20161101.StopCasterRequest;
import com.aliyuncs.live.model.v20161101.StopCasterSceneRequest;
import com.aliyuncs.live.model.v20161101.UpdateCasterSceneConfigRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Run state, scenes and outputs (studio-api-notes §1, §2) through the real SDK over HTTP. */
class ScenesIT extends EmulatorFixture {
  private static final Pattern SIGNED =
      Pattern.compile("(rtmp|http)://example\\.com(/caster/[0-9a-f]{32}(_lhd)?(\\.flv|\\.m3u8)?)\\?auth_key=(\\d+)-([0-9a-f]{32})-0-([0-9a-f]{32})");

  @Test
  void firstStartCreatesPreviewAndProgrammeScenesWithSignedUrls() throws ClientException {
    String id = readyCaster("on air");
    long before = CLOCK.instant().getEpochSecond();
    StartCasterResponse started = start(id);

    assertEquals(1, started.getPvwSceneInfos().size());
    assertEquals(1, started.getPgmSceneInfos().size());
    StartCasterResponse.SceneInfo1 pvw = started.getPvwSceneInfos().get(0);
    StartCasterResponse.SceneInfo pgm = started.getPgmSceneInfos().get(0);
    assertNotEquals(pvw.getSceneId(), pgm.getSceneId());
    assertTrue(CasterParameters.isWellFormedCasterId(pvw.getSceneId()), "scene ids are UUIDs: " + pvw.getSceneId());
    assertSigned(pvw.getStreamUrl(), "http", before);
    assertTrue(pvw.getStreamUrl().contains("/caster/" + pvw.getSceneId().replace("-", "") + ".flv?"), pvw.getStreamUrl());
    assertEquals(List.of("flv", "m3u8", "rtmp"), pgm.getStreamInfos().stream().map(StartCasterResponse.SceneInfo.StreamInfo::getVideoFormat).toList());
    for (StartCasterResponse.SceneInfo.StreamInfo info : pgm.getStreamInfos()) {
      assertEquals("lhd", info.getTranscodeConfig(), "lp_hd");
      assertSigned(info.getOutputStreamUrl(), info.getVideoFormat().equals("rtmp") ? "rtmp" : "http", before);
    }

    DescribeCastersRequest listed = new DescribeCastersRequest();
    listed.setCasterId(id);
    assertEquals(1, call(listed).getCasterList().get(0).getStatus());
  }

  @Test
  void scenesKeepTheirIdsAcrossStopAndStartAndUrlsStayUntilTheNextStart() throws ClientException {
    String id = readyCaster("restart");
    StartCasterResponse first = start(id);
    assertEquals(first.getPgmSceneInfos().get(0).getStreamUrl(), start(id).getPgmSceneInfos().get(0).getStreamUrl(),
        "a start of a running caster is idempotent: same scenes, same URLs");
    DescribeCasterStreamUrlResponse described = streams(id);
    assertEquals(first.getPgmSceneInfos().get(0).getStreamUrl(), described.getCasterStreams().get(1).getStreamUrl());

    stop(id);
    CLOCK.advance(java.time.Duration.ofMinutes(1));
    StartCasterResponse second = start(id);
    assertEquals(first.getPvwSceneInfos().get(0).getSceneId(), second.getPvwSceneInfos().get(0).getSceneId());
    assertEquals(first.getPgmSceneInfos().get(0).getSceneId(), second.getPgmSceneInfos().get(0).getSceneId());
    assertNotEquals(first.getPgmSceneInfos().get(0).getStreamUrl(), second.getPgmSceneInfos().get(0).getStreamUrl(),
        "each start signs the URLs anew");
  }

  @Test
  void describeStreamUrlAndScenesHaveTheDocumentedShapes() throws ClientException {
    String id = startedCaster("shapes");
    DescribeCasterStreamUrlResponse streams = streams(id);
    assertEquals(id, streams.getCasterId());
    assertEquals(2, streams.getTotal());
    DescribeCasterStreamUrlResponse.CasterStream pvw = streams.getCasterStreams().get(0);
    DescribeCasterStreamUrlResponse.CasterStream pgm = streams.getCasterStreams().get(1);
    assertEquals(0, pvw.getOutputType());
    assertEquals(1, pgm.getOutputType());
    assertTrue(pvw.getStreamInfos().isEmpty(), "the preview entry has no transcoded outputs (old doc example)");
    assertEquals(3, pgm.getStreamInfos().size());
    assertTrue(pgm.getRtmpUrl().startsWith("rtmp://example.com/caster/" + pgm.getSceneId().replace("-", "") + "?auth_key="));
    assertTrue(pvw.getRtmpUrl().startsWith("rtmp://"), "preview has an RTMP URL too");
    assertNull(pgm.getRtsUrl(), "no RTS: the domain has no ultra-low latency here");

    DescribeCasterScenesRequest all = new DescribeCasterScenesRequest();
    all.setCasterId(id);
    DescribeCasterScenesResponse scenes = call(all);
    assertEquals(2, scenes.getTotal());
    DescribeCasterScenesResponse.Scene preview = scenes.getSceneList().get(0);
    assertEquals("0", preview.getOutputType(), "a string here, an integer in DescribeCasterStreamUrl");
    assertEquals("PVW", preview.getSceneName());
    assertEquals(1, preview.getStatus());
    assertEquals(pvw.getStreamUrl(), preview.getStreamUrl());
    assertTrue(preview.getComponentIds().isEmpty());
    assertEquals("1", scenes.getSceneList().get(1).getOutputType());
    assertEquals(3, scenes.getSceneList().get(1).getStreamInfos().size());

    DescribeCasterScenesRequest one = new DescribeCasterScenesRequest();
    one.setCasterId(id);
    one.setSceneId(pgm.getSceneId());
    assertEquals(List.of(pgm.getSceneId()), call(one).getSceneList().stream().map(DescribeCasterScenesResponse.Scene::getSceneId).toList());
    one.setSceneId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
    assertEquals("InvalidScene.NotFound", code(one));
    one.setSceneId("not/an id");
    assertEquals("InvalidSceneId.Malformed", code(one));
  }

  @Test
  void beforeTheFirstStartThereAreNoScenes() throws Exception {
    String id = readyCaster("never started");
    DescribeCasterStreamUrlRequest streams = new DescribeCasterStreamUrlRequest();
    streams.setCasterId(id);
    assertEquals("InvalidScene.NotFound", failure(streams).getErrCode());
    assertEquals(404, httpStatus("DescribeCasterStreamUrl", java.util.Map.of("CasterId", id)));
    DescribeCasterScenesRequest scenes = new DescribeCasterScenesRequest();
    scenes.setCasterId(id);
    assertEquals("InvalidScene.NotFound", code(scenes));
    StopCasterRequest stop = new StopCasterRequest();
    stop.setCasterId(id);
    assertEquals("InvalidScene.NotFound", code(stop), "stopping a never-started studio: no scenes to stop");
  }

  @Test
  void startAndStopPreconditionsAndSwitches() throws ClientException {
    String bare = createCaster("bare");
    StartCasterRequest start = new StartCasterRequest();
    start.setCasterId(bare);
    assertEquals("InvalidDomainName.NotFound", code(start));

    String id = startedCaster("switches");
    emulator.setRejectStartWhileRunning(true);
    StartCasterRequest again = new StartCasterRequest();
    again.setCasterId(id);
    assertEquals("IncorrectCasterStatus", code(again));

    DeleteCasterRequest delete = new DeleteCasterRequest();
    delete.setCasterId(id);
    assertEquals("IncorrectCasterStatus.Inuse", code(delete));

    stop(id);
    StopCasterRequest stop = new StopCasterRequest();
    stop.setCasterId(id);
    assertEquals("IncorrectSceneStatus", code(stop), "by default stopping an idle studio fails");
    emulator.setRejectStopWhileIdle(false);
    assertEquals("OK", code(stop));
    assertEquals("OK", code(delete));
  }

  @Test
  void previewSceneStartsAndStopsAloneOnARunningStudio() throws ClientException {
    String id = startedCaster("preview");
    StartCasterResponse scenes = start(id);
    String pvw = scenes.getPvwSceneInfos().get(0).getSceneId();
    String pgm = scenes.getPgmSceneInfos().get(0).getSceneId();

    StartCasterSceneRequest startPvw = new StartCasterSceneRequest();
    startPvw.setCasterId(id);
    startPvw.setSceneId(pvw);
    assertEquals("IncorrectSceneStatus.Inuse", code(startPvw), "started with the studio");
    StopCasterSceneRequest stopPvw = new StopCasterSceneRequest();
    stopPvw.setCasterId(id);
    stopPvw.setSceneId(pvw);
    assertEquals("OK", code(stopPvw));
    assertEquals("IncorrectSceneStatus.Idle", code(stopPvw));
    assertEquals(scenes.getPvwSceneInfos().get(0).getStreamUrl(), call(startPvw).getStreamUrl());

    StopCasterSceneRequest stopPgm = new StopCasterSceneRequest();
    stopPgm.setCasterId(id);
    stopPgm.setSceneId(pgm);
    assertEquals("IncorrectSceneStatus", code(stopPgm), "only preview scenes stop alone");
    StartCasterSceneRequest unknown = new StartCasterSceneRequest();
    unknown.setCasterId(id);
    unknown.setSceneId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
    assertEquals("InvalidScene.NotFound", code(unknown));
    StartCasterSceneRequest noScene = new StartCasterSceneRequest();
    noScene.setCasterId(id);
    assertEquals("MissingParameter", code(noScene));

    stop(id);
    assertEquals("IncorrectCasterStatus.Idle", code(startPvw));
    assertEquals("IncorrectSceneStatus.Idle", code(stopPvw), "the studio stopped its scenes");
  }

  @Test
  void sceneConfigurationNeedsAStartedSceneAndExistingItems() throws ClientException {
    String id = startedCaster("scene config");
    String pgm = start(id).getPgmSceneInfos().get(0).getSceneId();
    String layout = addLayout(id);
    String text = addText(id, "RC01");
    String logo = addText(id, "RC02");

    SetCasterSceneConfigRequest set = new SetCasterSceneConfigRequest();
    set.setCasterId(id);
    set.setSceneId(pgm);
    set.setLayoutId(layout);
    set.setComponentIds(List.of(text, logo));
    call(set);
    DescribeCasterScenesResponse.Scene scene = scene(id, pgm);
    assertEquals(layout, scene.getLayoutId());
    assertEquals(List.of(text, logo), scene.getComponentIds());

    UpdateCasterSceneConfigRequest update = new UpdateCasterSceneConfigRequest();
    update.setCasterId(id);
    update.setSceneId(pgm);
    assertEquals("MissingParameter", code(update), "UpdateCasterSceneConfig needs a LayoutId");
    update.setLayoutId(layout);
    call(update);
    assertEquals(List.of(text, logo), scene(id, pgm).getComponentIds(), "no ComponentId: the components are kept");
    update.setComponentIds(List.of(logo));
    call(update);
    assertEquals(List.of(logo), scene(id, pgm).getComponentIds());

    SetCasterSceneConfigRequest clear = new SetCasterSceneConfigRequest();
    clear.setCasterId(id);
    clear.setSceneId(pgm);
    call(clear);
    assertNull(scene(id, pgm).getLayoutId(), "a full replace: nothing given, nothing shown");
    assertTrue(scene(id, pgm).getComponentIds().isEmpty());

    set.setLayoutId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
    assertEquals("InvalidLayout.NotFound", code(set));
    set.setLayoutId(layout);
    set.setComponentIds(List.of("no-such-component"));
    assertEquals("InvalidComponent.NotFound", code(set));
    set.setSceneId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
    assertEquals("InvalidScene.NotFound", code(set));

    stop(id);
    set.setSceneId(pgm);
    set.setComponentIds(List.of(text));
    assertEquals("IncorrectSceneStatus", code(set), "Scene is not started.");
    assertEquals("IncorrectSceneStatus", code(update));
  }

  @Test
  void adminShowsRunStateScenesAndUrlsAndStartsLikeTheConsole() throws Exception {
    String id = readyCaster("admin");
    JsonNode idle = adminGet("casters/" + id);
    assertEquals(0, idle.get("status").asInt());
    assertFalse(idle.get("running").asBoolean());
    assertEquals(0, idle.get("scenes").size());

    JsonNode running = adminPost("casters/" + id + "/state", "{\"status\":1}");
    assertTrue(running.get("running").asBoolean());
    assertEquals(2, running.get("scenes").size());
    JsonNode pgm = running.at("/scenes/1");
    assertEquals("1", pgm.get("OutputType").asText());
    assertTrue(pgm.get("RtmpUrl").asText().startsWith("rtmp://example.com/caster/"));
    assertEquals(3, pgm.at("/StreamInfos/StreamInfo").size());
    // The console's start is the API's: the SDK sees the same scenes.
    assertEquals(pgm.get("SceneId").asText(), streams(id).getCasterStreams().get(1).getSceneId());

    adminPost("casters/" + id + "/state", "{\"status\":0}");
    assertEquals(0, adminGet("casters/" + id).at("/scenes/0/Status").asInt());
    assertEquals(pgm.get("SceneId").asText(), adminGet("casters").at("/casters/0/scenes/1/SceneId").asText());
  }

  @Test
  void documentedQuotaOfStreamUrlsIsFivePerSecond() throws Exception {
    String id = startedCaster("quota");
    restoreDocumentedQuotas();
    List<String> codes = burst(8, () -> {
      DescribeCasterStreamUrlRequest r = new DescribeCasterStreamUrlRequest();
      r.setCasterId(id);
      return r;
    });
    assertEquals(5, codes.stream().filter("OK"::equals).count(), codes.toString());
    assertEquals(3, codes.stream().filter("Throttling.User"::equals).count(), codes.toString());
  }

  // ---- helpers ----

  private static void assertSigned(String url, String scheme, long notBefore) {
    Matcher m = SIGNED.matcher(url);
    assertTrue(m.matches(), url);
    assertEquals(scheme, m.group(1));
    long expires = Long.parseLong(m.group(5));
    assertTrue(expires >= notBefore + 86_400 && expires <= notBefore + 86_400 + 60, "expires a day after the start: " + url);
  }

  static DescribeCasterStreamUrlResponse streams(String id) throws ClientException {
    DescribeCasterStreamUrlRequest r = new DescribeCasterStreamUrlRequest();
    r.setCasterId(id);
    return call(r);
  }

  private static DescribeCasterScenesResponse.Scene scene(String id, String sceneId) throws ClientException {
    DescribeCasterScenesRequest r = new DescribeCasterScenesRequest();
    r.setCasterId(id);
    r.setSceneId(sceneId);
    return call(r).getSceneList().get(0);
  }

  private static String addLayout(String id) throws ClientException {
    AddCasterLayoutRequest r = new AddCasterLayoutRequest();
    r.setCasterId(id);
    r.setBlendLists(List.of("RV01"));
    r.setMixLists(List.of("RV01"));
    AddCasterLayoutRequest.VideoLayer video = new AddCasterLayoutRequest.VideoLayer();
    video.setFillMode("none");
    r.setVideoLayers(List.of(video));
    AddCasterLayoutRequest.AudioLayer audio = new AddCasterLayoutRequest.AudioLayer();
    audio.setVolumeRate(1f);
    r.setAudioLayers(List.of(audio));
    return call(r).getLayoutId();
  }

  private static String addText(String id, String location) throws ClientException {
    AddCasterComponentRequest r = new AddCasterComponentRequest();
    r.setCasterId(id);
    r.setLocationId(location);
    r.setComponentType("text");
    r.setComponentLayer("{\"HeightNormalized\":\"0.1\",\"PositionNormalized\":[\"0.1\",\"0.8\"]}");
    r.setTextLayerContent("{\"Text\":\"hello\"}");
    return call(r).getComponentId();
  }
}
