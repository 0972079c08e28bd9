package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.live.model.v20161101.AddCasterLayoutRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterLayoutRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterLayoutResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterLayoutsRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterLayoutsResponse;
import com.aliyuncs.live.model.v20161101.ModifyCasterLayoutRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Add/Modify/Delete/DescribeCasterLayout(s) (studio-api-notes §5) through the real SDK. */
class LayoutsIT extends EmulatorFixture {

  static AddCasterLayoutRequest.VideoLayer video(String fillMode, Float height, Float width, List<Float> position, String refer) {
    AddCasterLayoutRequest.VideoLayer v = new AddCasterLayoutRequest.VideoLayer();
    v.setFillMode(fillMode);
    v.setHeightNormalized(height);
    v.setWidthNormalized(width);
    v.setPositionNormalizeds(position);
    v.setPositionRefer(refer);
    return v;
  }

  static AddCasterLayoutRequest.AudioLayer audio(Float volume, String channel) {
    AddCasterLayoutRequest.AudioLayer a = new AddCasterLayoutRequest.AudioLayer();
    a.setVolumeRate(volume);
    a.setValidChannel(channel);
    return a;
  }

  /** A request with the lists given; the SDK cannot unset a list once set, so each case builds its own. */
  static AddCasterLayoutRequest layout(String casterId, List<String> blend, List<String> mix,
      List<AddCasterLayoutRequest.VideoLayer> video, List<AddCasterLayoutRequest.AudioLayer> audio) {
    AddCasterLayoutRequest r = new AddCasterLayoutRequest();
    r.setCasterId(casterId);
    if (blend != null) {
      r.setBlendLists(blend);
    }
    if (mix != null) {
      r.setMixLists(mix);
    }
    if (video != null) {
      r.setVideoLayers(video);
    }
    if (audio != null) {
      r.setAudioLayers(audio);
    }
    return r;
  }

  static AddCasterLayoutRequest.VideoLayer plain() {
    return video("none", null, null, null, null);
  }

  /** Picture in picture: RV01 full screen, RV02 small in the corner; the sound of RV01. */
  static AddCasterLayoutRequest pictureInPicture(String casterId) {
    AddCasterLayoutRequest.VideoLayer main = video("fit", 1f, 1f, List.of(0f, 0f), null);
    main.setFixedDelayDuration(200);
    AddCasterLayoutRequest.AudioLayer sound = audio(1.5f, "leftChannel");
    sound.setFixedDelayDuration(100);
    return layout(casterId, List.of("RV01", "RV02"), List.of("RV01"),
        List.of(main, video("none", 0.3f, 0.3f, List.of(0.95f, 0.05f), "topRight")), List.of(sound));
  }

  static List<DescribeCasterLayoutsResponse.Layout> layouts(String casterId) throws ClientException {
    DescribeCasterLayoutsRequest r = new DescribeCasterLayoutsRequest();
    r.setCasterId(casterId);
    DescribeCasterLayoutsResponse response = call(r);
    assertEquals(response.getLayouts().size(), response.getTotal());
    return response.getLayouts();
  }

  @Test
  void addReadBackModifyDelete() throws ClientException {
    String id = createCaster("layouts");
    String pip = call(pictureInPicture(id)).getLayoutId();
    assertTrue(CasterParameters.isWellFormedCasterId(pip), pip);

    DescribeCasterLayoutsResponse.Layout layout = layouts(id).get(0);
    assertEquals(pip, layout.getLayoutId());
    assertEquals(List.of("RV01", "RV02"), layout.getBlendList());
    assertEquals(List.of("RV01"), layout.getMixList());
    DescribeCasterLayoutsResponse.Layout.VideoLayer main = layout.getVideoLayers().get(0);
    assertEquals("fit", main.getFillMode());
    assertEquals(1f, main.getHeightNormalized());
    assertEquals("topLeft", main.getPositionRefer(), "the default anchor");
    assertEquals(200, main.getFixedDelayDuration());
    DescribeCasterLayoutsResponse.Layout.VideoLayer small = layout.getVideoLayers().get(1);
    assertEquals(0.3f, small.getWidthNormalized());
    assertEquals(List.of(0.95f, 0.05f), small.getPositionNormalizeds());
    assertEquals("topRight", small.getPositionRefer());
    assertEquals(0, small.getFixedDelayDuration());
    DescribeCasterLayoutsResponse.Layout.AudioLayer sound = layout.getAudioLayers().get(0);
    assertEquals(1.5f, sound.getVolumeRate());
    assertEquals("leftChannel", sound.getValidChannel());
    assertEquals(100, sound.getFixedDelayDuration());

    // Modify replaces each list it sends and keeps the others.
    ModifyCasterLayoutRequest modify = new ModifyCasterLayoutRequest();
    modify.setCasterId(id);
    modify.setLayoutId(pip);
    modify.setMixLists(List.of("RV02"));
    ModifyCasterLayoutRequest.AudioLayer quiet = new ModifyCasterLayoutRequest.AudioLayer();
    quiet.setVolumeRate(0.5f);
    modify.setAudioLayers(List.of(quiet));
    assertEquals(pip, call(modify).getLayoutId());
    DescribeCasterLayoutsResponse.Layout modified = layouts(id).get(0);
    assertEquals(List.of("RV02"), modified.getMixList());
    assertEquals("all", modified.getAudioLayers().get(0).getValidChannel(), "the default channel");
    assertEquals(List.of("RV01", "RV02"), modified.getBlendList(), "not sent: kept");

    String second = call(pictureInPicture(id)).getLayoutId();
    DescribeCasterLayoutsRequest one = new DescribeCasterLayoutsRequest();
    one.setCasterId(id);
    one.setLayoutId(second);
    assertEquals(List.of(second), call(one).getLayouts().stream().map(DescribeCasterLayoutsResponse.Layout::getLayoutId).toList());

    DeleteCasterLayoutRequest delete = new DeleteCasterLayoutRequest();
    delete.setCasterId(id);
    delete.setLayoutId(pip);
    DeleteCasterLayoutResponse deleted = call(delete);
    assertEquals(id, deleted.getCasterId());
    assertEquals(pip, deleted.getLayoutId());
    assertEquals(List.of(second), layouts(id).stream().map(DescribeCasterLayoutsResponse.Layout::getLayoutId).toList());
    assertEquals("InvalidLayout.NotFound", code(delete));
    modify.setLayoutId(pip);
    assertEquals("InvalidLayout.NotFound", code(modify));
    one.setLayoutId(pip);
    assertEquals("InvalidLayout.NotFound", code(one));
  }

  @Test
  void listsAndLayersMustMatch() throws ClientException {
    String id = createCaster("mismatch");
    List<String> two = List.of("RV01", "RV02");
    List<String> one = List.of("RV01");
    List<AddCasterLayoutRequest.AudioLayer> sound = List.of(audio(1f, null));
    assertEquals("InvalidVideoLayersAndBlendListSize.Mismatch", code(layout(id, two, one, List.of(plain()), sound)));
    assertEquals("InvalidVideoLayersAndBlendListSize.Mismatch", code(layout(id, two, one, List.of(plain(), plain()), null)),
        "the same code for the audio check");
    assertEquals("InvalidVideoLayersAndBlendListSize.Mismatch", code(layout(id, one, one, List.of(plain()), List.of())),
        "an audio layer with no field set does not exist on the wire");

    assertEquals("InvalidPositionNormalized.Malformed",
        code(layout(id, one, one, List.of(video("none", null, null, List.of(0.5f), null)), sound)));
    assertEquals("InvalidPositionNormalized.Malformed",
        code(layout(id, one, one, List.of(video("none", null, null, List.of(0.5f, 1.5f), null)), sound)));
    assertEquals("InvalidPositionNormalized.Malformed",
        code(layout(id, one, one, List.of(video("none", null, null, List.of(0.1f, 0.2f, 0.3f), null)), sound)));
    assertEquals("InvalidParameter.Malformed", code(layout(id, one, one, List.of(video("fit", 0f, 0f, null, null)), sound)),
        "fit needs a box");
    assertEquals("InvalidParameter.Malformed", code(layout(id, one, one, List.of(video("none", null, null, null, "middle")), sound)));
    assertEquals("InvalidParameter.Malformed", code(layout(id, one, one, List.of(video("stretch", null, null, null, null)), sound)));
    assertEquals("InvalidParameter.Malformed", code(layout(id, one, one, List.of(plain()), List.of(audio(10.5f, null)))));
    assertEquals("InvalidParameter.Malformed", code(layout(id, one, one, List.of(plain()), List.of(audio(null, "both")))));

    assertEquals("MissingParameter", code(layout(id, null, one, null, sound)));
    assertEquals("MissingParameter", code(layout(id, one, null, List.of(plain()), null)));
    assertEquals("InvalidParameter.Malformed", code(layout(id, List.of("RV01", "camera"), one, List.of(plain(), plain()), sound)));
    assertTrue(layouts(id).isEmpty(), "refused calls add nothing");
  }

  @Test
  void repeatedParametersAreFlattenedOneBasedInQueryOrFormBody() throws Exception {
    String id = createCaster("flattened");
    Map<String, String> p = Map.of("CasterId", id, "BlendList.1", "RV03", "MixList.1", "RV03",
        "VideoLayer.1.PositionNormalized.1", "0.25", "VideoLayer.1.PositionNormalized.2", "0.75",
        "AudioLayer.1.ValidChannel", "rightChannel");
    assertEquals(200, common(clientA, commonRequest("AddCasterLayout", MethodType.POST, Map.of(), p)).getHttpStatus());
    DescribeCasterLayoutsResponse.Layout layout = layouts(id).get(0);
    assertEquals(List.of(0.25f, 0.75f), layout.getVideoLayers().get(0).getPositionNormalizeds());
    assertEquals("none", layout.getVideoLayers().get(0).getFillMode());
    assertEquals(1f, layout.getAudioLayers().get(0).getVolumeRate(), "the default gain");

    Map<String, String> gap = Map.of("CasterId", id, "BlendList.1", "RV01", "BlendList.3", "RV03", "MixList.1", "RV01",
        "VideoLayer.1.FillMode", "none", "VideoLayer.3.FillMode", "none", "AudioLayer.1.VolumeRate", "1");
    ClientException e = org.junit.jupiter.api.Assertions.assertThrows(ClientException.class,
        () -> common(clientA, commonRequest("AddCasterLayout", MethodType.GET, gap, Map.of())));
    assertEquals("InvalidParameter.Malformed", e.getErrCode());
  }
}
