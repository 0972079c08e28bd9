package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.DeleteCasterComponentRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterLayoutRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterScenesRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterScenesResponse;
import com.aliyuncs.live.model.v20161101.ModifyCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.SetCasterSceneConfigRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * A studio as the console sees and changes it (admin API and {@link StudioConsole}), and the
 * switches for what the pages do not document, seen through the real SDK.
 */
class StudioAdminIT extends EmulatorFixture {

  private static HttpResponse<String> adminDelete(String path) throws Exception {
    return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.adminUrl() + path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void consoleBuildsAStudioTheSdkSees() throws Exception {
    String id = startedCaster("console studio");
    JsonNode camera = adminPost("casters/" + id + "/videoResources",
        "{\"ResourceName\":\"camera\",\"LocationId\":\"RV01\",\"LiveStreamUrl\":\"rtmp://push.example.com/app/cam\",\"FixedDelayDuration\":120}");
    String cameraId = camera.get("ResourceId").asText();
    assertEquals(120, camera.at("/writeOnly/FixedDelayDuration").asInt(), "the admin API shows what Describe does not");
    assertEquals("camera", VideoResourcesIT.resources(id).get(0).getResourceName());

    JsonNode layout = adminPost("casters/" + id + "/layouts",
        "{\"BlendList\":[\"RV01\"],\"MixList\":[\"RV01\"],\"VideoLayer\":[{\"FillMode\":\"fit\",\"HeightNormalized\":1,\"WidthNormalized\":1,"
            + "\"PositionNormalized\":[0,0]}],\"AudioLayer\":[{\"VolumeRate\":0.8}]}");
    String layoutId = layout.get("LayoutId").asText();
    assertEquals(0.8f, LayoutsIT.layouts(id).get(0).getAudioLayers().get(0).getVolumeRate());

    JsonNode text = adminPost("casters/" + id + "/components",
        "{\"LocationId\":\"RC01\",\"ComponentType\":\"text\",\"ComponentLayer\":{\"HeightNormalized\":0.1,\"PositionNormalized\":[0.1,0.9]},"
            + "\"TextLayerContent\":{\"Text\":\"live\"},\"LayerOrder\":\"cover\"}");
    String textId = text.get("ComponentId").asText();
    assertEquals("cover", text.at("/writeOnly/LayerOrder").asText());
    assertEquals("live", ComponentsIT.components(id).get(0).getTextLayerContent().getText());

    String pgm = adminGet("casters/" + id + "/scenes").get(1).get("SceneId").asText();
    adminPost("casters/" + id + "/scenes/" + pgm, "{\"LayoutId\":\"" + layoutId + "\",\"ComponentId\":[\"" + textId + "\"]}");
    DescribeCasterScenesRequest scenes = new DescribeCasterScenesRequest();
    scenes.setCasterId(id);
    DescribeCasterScenesResponse.Scene programme = call(scenes).getSceneList().get(1);
    assertEquals(layoutId, programme.getLayoutId());
    assertEquals(List.of(textId), programme.getComponentIds());
    String pvw = adminGet("casters/" + id + "/scenes").get(0).get("SceneId").asText();
    assertEquals(0, adminPost("casters/" + id + "/scenes/" + pvw, "{\"status\":0}").get("Status").asInt());

    // Console edits: a merge, the location kept.
    adminPost("casters/" + id + "/videoResources/" + cameraId, "{\"ResourceName\":\"camera 1\"}");
    assertEquals("camera 1", VideoResourcesIT.resources(id).get(0).getResourceName());
    assertEquals("rtmp://push.example.com/app/cam", VideoResourcesIT.resources(id).get(0).getLiveStreamUrl(), "no source given: kept");
    adminPost("casters/" + id + "/components/" + textId, "{\"TextLayerContent\":{\"Text\":\"on air\"}}");
    assertEquals("on air", ComponentsIT.components(id).get(0).getTextLayerContent().getText());

    JsonNode studio = adminGet("casters/" + id + "/studio");
    assertEquals(1, studio.get("videoResources").size());
    assertEquals(1, studio.get("layouts").size());
    assertEquals(1, studio.get("components").size());
    assertEquals(2, studio.get("scenes").size());
    assertEquals(REGION, studio.get("regionId").asText());
    assertEquals(layoutId, adminGet("casters/" + id + "/layouts/" + layoutId).get("LayoutId").asText());

    // Deleted behind the operator's back: the scene keeps the dangling layout id.
    assertEquals(200, adminDelete("casters/" + id + "/layouts/" + layoutId).statusCode());
    assertEquals(404, adminDelete("casters/" + id + "/layouts/" + layoutId).statusCode());
    assertTrue(LayoutsIT.layouts(id).isEmpty());
    assertEquals(layoutId, call(scenes).getSceneList().get(1).getLayoutId());
  }

  @Test
  void adminRefusesWhatTheConsoleWouldRefuse() throws Exception {
    String id = createCaster("refusals");
    HttpResponse<String> bad = rawPost(LiveEmulator.ADMIN_PATH + "casters/" + id + "/videoResources", "application/json",
        "{\"ResourceName\":\"x\",\"LocationId\":\"RV01\"}");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("InvalidParameter.Malformed"), bad.body());
    assertEquals(404, rawPost(LiveEmulator.ADMIN_PATH + "casters/" + id + "/layouts/nope", "application/json", "{}").statusCode());
    assertEquals(404, rawGet(LiveEmulator.ADMIN_PATH + "casters/a2b8e671-2fe5-4642-a2ec-bf93880e0000/studio").statusCode());
    assertEquals(404, rawPost(LiveEmulator.ADMIN_PATH + "casters/" + id + "/scenes/none", "application/json", "{\"status\":1}").statusCode(),
        "no scenes before the first start");
    assertEquals(405, rawPost(LiveEmulator.ADMIN_PATH + "casters/" + id + "/studio", "application/json", "{}").statusCode());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "casters/" + id + "/channels/RV01", "application/json", "{}").statusCode(),
        "channels are not enabled");

    StudioConsole console = emulator.studioConsole();
    assertThrows(NoSuchElementException.class, () -> console.deleteLayout("a2b8e671-2fe5-4642-a2ec-bf93880e0000", "x"));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> console.addLayout(id, Map.of("BlendList.1", "RV01", "MixList.1", "RV01", "VideoLayer.1.FillMode", "none")));
    assertTrue(refused.getMessage().startsWith("InvalidVideoLayersAndBlendListSize.Mismatch"), refused.getMessage());
    assertFalse(console.deleteVideoResource(id, "nope"));
  }

  @Test
  void studioChangesWhileRunningAreAllowedUnlessSwitched() throws Exception {
    String id = startedCaster("running studio");
    String camera = VideoResourcesIT.addLive(id, "RV01");
    adminPost("settings", "{\"rejectStudioChangesWhileRunning\":true}");
    assertEquals("IncorrectCasterStatus.Inuse", code(VideoResourcesIT.add(id, "RV02", r -> r.setLiveStreamUrl(VideoResourcesIT.LIVE))));
    assertEquals("IncorrectCasterStatus.Inuse", code(LayoutsIT.pictureInPicture(id)));
    assertEquals("IncorrectCasterStatus.Inuse", code(ComponentsIT.text(id, "RC01", r -> {})));
    ModifyCasterVideoResourceRequest modify = new ModifyCasterVideoResourceRequest();
    modify.setCasterId(id);
    modify.setResourceId(camera);
    modify.setMaterialId("m");
    assertEquals("IncorrectCasterStatus.Inuse", code(modify));
    emulator.studioConsole().modifyVideoResource(id, camera, Map.of("ResourceName", "the console may"));
    // Scene configuration is what a running studio is for: never refused by this switch.
    String pgm = start(id).getPgmSceneInfos().get(0).getSceneId();
    SetCasterSceneConfigRequest scene = new SetCasterSceneConfigRequest();
    scene.setCasterId(id);
    scene.setSceneId(pgm);
    assertEquals("OK", code(scene));
    stop(id);
    assertEquals("OK", code(modify));
    assertTrue(adminGet("settings").get("rejectStudioChangesWhileRunning").asBoolean());
  }

  @Test
  void strictReferencesRefuseDanglingOnes() throws Exception {
    String id = startedCaster("strict");
    String camera = VideoResourcesIT.addLive(id, "RV01");
    String pip = call(LayoutsIT.pictureInPicture(id)).getLayoutId(); // names RV02, which has no resource: allowed by default
    String text = call(ComponentsIT.text(id, "RC01", r -> {})).getComponentId();
    String pgm = start(id).getPgmSceneInfos().get(0).getSceneId();
    SetCasterSceneConfigRequest scene = new SetCasterSceneConfigRequest();
    scene.setCasterId(id);
    scene.setSceneId(pgm);
    scene.setLayoutId(pip);
    scene.setComponentIds(List.of(text));
    call(scene);

    adminPost("settings", "{\"strictReferences\":true}");
    assertEquals("InvalidResource.NotFound", code(LayoutsIT.pictureInPicture(id)), "RV02 has no resource");
    DeleteCasterVideoResourceRequest deleteCamera = new DeleteCasterVideoResourceRequest();
    deleteCamera.setCasterId(id);
    deleteCamera.setResourceId(camera);
    assertEquals("IncorrectResourceStatus.Inuse", code(deleteCamera), "the layout uses RV01");
    DeleteCasterLayoutRequest deleteLayout = new DeleteCasterLayoutRequest();
    deleteLayout.setCasterId(id);
    deleteLayout.setLayoutId(pip);
    assertEquals("IncorrectLayoutStatus.Inuse", code(deleteLayout), "the PGM scene shows it");
    DeleteCasterComponentRequest deleteText = new DeleteCasterComponentRequest();
    deleteText.setCasterId(id);
    deleteText.setComponentId(text);
    assertEquals("IncorrectComponentStatus.Inuse", code(deleteText));

    SetCasterSceneConfigRequest clear = new SetCasterSceneConfigRequest();
    clear.setCasterId(id);
    clear.setSceneId(pgm);
    call(clear);
    assertEquals("OK", code(deleteText));
    assertEquals("OK", code(deleteLayout));
    assertEquals("OK", code(deleteCamera));

    adminPost("settings", "{\"strictReferences\":false}");
    String again = VideoResourcesIT.addLive(id, "RV01");
    call(LayoutsIT.pictureInPicture(id));
    deleteCamera.setResourceId(again);
    assertEquals("OK", code(deleteCamera), "by default a delete leaves dangling references");
  }

  @Test
  void settingsRoundTrip() throws Exception {
    JsonNode settings = adminPost("settings",
        "{\"studioInputs\":4,\"rejectStartWhileRunning\":true,\"rejectStopWhileIdle\":false}");
    assertEquals(4, settings.get("studioInputs").asInt());
    assertTrue(settings.get("rejectStartWhileRunning").asBoolean());
    assertFalse(settings.get("rejectStopWhileIdle").asBoolean());
    assertFalse(settings.get("strictReferences").asBoolean());
    assertEquals(4, emulator.studioInputs());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "settings", "application/json", "{\"studioInputs\":0}").statusCode());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "settings", "application/json", "{\"strictReferences\":\"yes\"}").statusCode());
    assertTrue(adminGet("").toString().contains("casters/<id>/studio"));
  }

  @Test
  void javaApiSnapshotShowsEverything() throws ClientException {
    String id = startedCaster("snapshot");
    String camera = VideoResourcesIT.addLive(id, "RV01");
    StudioSnapshot studio = emulator.studio(id).orElseThrow();
    assertEquals(id, studio.casterId());
    assertTrue(studio.running());
    assertEquals(camera, studio.videoResources().get(0).resourceId());
    assertEquals(List.of(Scene.PREVIEW, Scene.PROGRAM), studio.scenes().stream().map(Scene::outputType).toList());
    assertTrue(studio.scenes().get(1).program());
    assertEquals(3, studio.scenes().get(1).streamInfos().size());
    assertTrue(emulator.studio("a2b8e671-2fe5-4642-a2ec-bf93880e0000").isEmpty());
  }
}
