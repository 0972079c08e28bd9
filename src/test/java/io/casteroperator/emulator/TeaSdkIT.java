package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.live20161101.Client;
import com.aliyun.live20161101.models.AddCasterComponentRequest;
import com.aliyun.live20161101.models.AddCasterLayoutRequest;
import com.aliyun.live20161101.models.AddCasterVideoResourceRequest;
import com.aliyun.live20161101.models.CreateCasterRequest;
import com.aliyun.live20161101.models.DescribeCasterChannelsRequest;
import com.aliyun.live20161101.models.DescribeCasterChannelsResponseBody;
import com.aliyun.live20161101.models.DescribeCasterComponentsRequest;
import com.aliyun.live20161101.models.DescribeCasterComponentsResponseBody;
import com.aliyun.live20161101.models.DescribeCasterLayoutsRequest;
import com.aliyun.live20161101.models.DescribeCasterLayoutsResponseBody;
import com.aliyun.live20161101.models.DescribeCasterScenesRequest;
import com.aliyun.live20161101.models.DescribeCasterScenesResponseBody;
import com.aliyun.live20161101.models.DescribeCasterStreamUrlRequest;
import com.aliyun.live20161101.models.DescribeCasterStreamUrlResponseBody;
import com.aliyun.live20161101.models.DescribeCasterVideoResourcesRequest;
import com.aliyun.live20161101.models.DescribeCasterVideoResourcesResponseBody;
import com.aliyun.live20161101.models.DescribeCastersRequest;
import com.aliyun.live20161101.models.DescribeCastersResponseBody;
import com.aliyun.live20161101.models.SetCasterChannelRequest;
import com.aliyun.live20161101.models.SetCasterConfigRequest;
import com.aliyun.live20161101.models.SetCasterSceneConfigRequest;
import com.aliyun.live20161101.models.StartCasterRequest;
import com.aliyun.live20161101.models.StartCasterResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaModel;
import com.aliyun.teaopenapi.models.Config;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The other SDK family: Alibaba's generated Tea SDK ({@code com.aliyun:live20161101:1.0.1}) sends
 * every API parameter in a form body, no RegionId, and parses answers into models that need the
 * wrapped lists' inner keys (studio-api-notes §0.2). Driven end to end over HTTP, and its models also
 * built straight from the emulator's JSON with {@link TeaModel#toModel}.
 */
class TeaSdkIT extends EmulatorFixture {
  private Client tea;

  @BeforeEach
  void teaClient() throws Exception {
    tea = new Client(new Config().setAccessKeyId(KEY_A).setAccessKeySecret(SECRET_A).setRegionId(REGION)
        .setEndpoint(emulator.endpoint()).setProtocol("HTTP"));
  }

  /** A studio built with the Tea client: two inputs, a layout, a caption and a text, started. */
  private String studio() throws Exception {
    String id = tea.createCaster(new CreateCasterRequest().setCasterName("tea").setNormType(1).setChargeType("PostPaid"))
        .getBody().getCasterId();
    tea.setCasterConfig(new SetCasterConfigRequest().setCasterId(id).setDomainName("example.com").setTranscodeConfig(READY_TRANSCODE));
    tea.addCasterVideoResource(new AddCasterVideoResourceRequest().setCasterId(id).setResourceName("camera")
        .setLocationId("RV01").setLiveStreamUrl("rtmp://push.example.com/app/cam").setStreamId("ignored"));
    tea.addCasterVideoResource(new AddCasterVideoResourceRequest().setCasterId(id).setResourceName("clip")
        .setLocationId("RV02").setVodUrl("https://vod.example.com/clip.mp4").setRepeatNum(-1).setBeginOffset(500));
    AddCasterLayoutRequest.AddCasterLayoutRequestVideoLayer main = new AddCasterLayoutRequest.AddCasterLayoutRequestVideoLayer()
        .setFillMode("fit").setHeightNormalized(1f).setWidthNormalized(1f).setPositionNormalized(List.of(0, 0));
    AddCasterLayoutRequest.AddCasterLayoutRequestVideoLayer inset = new AddCasterLayoutRequest.AddCasterLayoutRequestVideoLayer()
        .setHeightNormalized(0.25f).setPositionNormalized(List.of(0.7, 0.05)).setPositionRefer("topRight").setFixedDelayDuration(40);
    tea.addCasterLayout(new AddCasterLayoutRequest().setCasterId(id).setBlendList(List.of("RV01", "RV02"))
        .setMixList(List.of("RV01")).setVideoLayer(List.of(main, inset))
        .setAudioLayer(List.of(new AddCasterLayoutRequest.AddCasterLayoutRequestAudioLayer().setVolumeRate(0.9f).setValidChannel("all"))));
    tea.addCasterComponent(new AddCasterComponentRequest().setCasterId(id).setLocationId("RC01").setComponentType("text")
        .setComponentLayer("{\"HeightNormalized\":\"0.1\",\"PositionNormalized\":[\"0.05\",\"0.9\"]}")
        .setTextLayerContent("{\"Text\":\"tea\",\"SizeNormalized\":\"0.05\"}"));
    tea.addCasterComponent(new AddCasterComponentRequest().setCasterId(id).setLocationId("RV01").setComponentType("caption")
        .setComponentLayer("{\"PositionNormalized\":[0.1,0.8]}")
        .setCaptionLayerContent("{\"LocationId\":\"RV01\",\"SourceLan\":\"en\",\"ShowSourceLan\":\"true\",\"WordsCount\":\"20\"}"));
    tea.startCaster(new StartCasterRequest().setCasterId(id));
    return id;
  }

  @Test
  void aWholeStudioThroughTheTeaClient() throws Exception {
    String id = studio();
    assertEquals(REGION, emulator.caster(id).orElseThrow().regionId(), "no RegionId: the default region");

    StartCasterResponseBody started = tea.startCaster(new StartCasterRequest().setCasterId(id)).getBody();
    String pvw = started.getPvwSceneInfos().getSceneInfo().get(0).getSceneId();
    StartCasterResponseBody.StartCasterResponseBodyPgmSceneInfosSceneInfo pgm = started.getPgmSceneInfos().getSceneInfo().get(0);
    assertNotNull(pvw);
    assertEquals(3, pgm.getStreamInfos().getStreamInfo().size());
    assertEquals("lhd", pgm.getStreamInfos().getStreamInfo().get(0).getTranscodeConfig());

    DescribeCasterComponentsResponseBody components =
        tea.describeCasterComponents(new DescribeCasterComponentsRequest().setCasterId(id)).getBody();
    assertEquals(2, components.getTotal());
    var text = components.getComponents().getComponent().get(0);
    assertEquals(List.of(0.05f, 0.9f), text.getComponentLayer().getPositionNormalizeds().getPosition());
    assertEquals(0.1f, text.getComponentLayer().getHeightNormalized());
    assertEquals(255, text.getComponentLayer().getTransparency());
    assertEquals(0.05f, text.getTextLayerContent().getSizeNormalized());
    var caption = components.getComponents().getComponent().get(1).getCaptionLayerContent();
    assertEquals(true, caption.getShowSourceLan());
    assertEquals(20, caption.getWordsCount());
    String textId = text.getComponentId();

    DescribeCasterLayoutsResponseBody layouts = tea.describeCasterLayouts(new DescribeCasterLayoutsRequest().setCasterId(id)).getBody();
    var layout = layouts.getLayouts().getLayout().get(0);
    assertEquals(List.of("RV01", "RV02"), layout.getBlendList().getLocationId());
    assertEquals(List.of("RV01"), layout.getMixList().getLocationId());
    var insetRead = layout.getVideoLayers().getVideoLayer().get(1);
    assertEquals(List.of(0.7f, 0.05f), insetRead.getPositionNormalizeds().getPosition());
    assertEquals(40, insetRead.getFixedDelayDuration());
    assertEquals(0.9f, layout.getAudioLayers().getAudioLayer().get(0).getVolumeRate());

    tea.setCasterSceneConfig(new SetCasterSceneConfigRequest().setCasterId(id).setSceneId(pgm.getSceneId())
        .setLayoutId(layout.getLayoutId()).setComponentId(List.of(textId)));
    DescribeCasterScenesResponseBody scenes = tea.describeCasterScenes(new DescribeCasterScenesRequest().setCasterId(id)).getBody();
    var programme = scenes.getSceneList().getScene().get(1);
    assertEquals(List.of(textId), programme.getComponentIds().getComponentId(), "componentId with a lower-case c");
    assertEquals(layout.getLayoutId(), programme.getLayoutId());
    assertEquals("1", programme.getOutputType());
    assertEquals(3, programme.getStreamInfos().getStreamInfo().size());

    DescribeCasterStreamUrlResponseBody streams = tea.describeCasterStreamUrl(new DescribeCasterStreamUrlRequest().setCasterId(id)).getBody();
    assertEquals(2, streams.getTotal());
    var programmeStream = streams.getCasterStreams().getCasterStream().get(1);
    assertEquals(1, programmeStream.getOutputType());
    assertEquals(pgm.getStreamUrl(), programmeStream.getStreamUrl());
    assertEquals("m3u8", programmeStream.getStreamInfos().getStreamInfo().get(1).getVideoFormat());

    DescribeCasterVideoResourcesResponseBody resources =
        tea.describeCasterVideoResources(new DescribeCasterVideoResourcesRequest().setCasterId(id)).getBody();
    var clip = resources.getVideoResources().getVideoResource().get(1);
    assertEquals("https://vod.example.com/clip.mp4", clip.getVodUrl());
    assertEquals(-1, clip.getRepeatNum());
    assertEquals(500, clip.getBeginOffset());

    DescribeCastersResponseBody casters = tea.describeCasters(new DescribeCastersRequest().setCasterId(id)).getBody();
    assertEquals(1, casters.getCasterList().getCaster().get(0).getStatus());
  }

  @Test
  void channelsThroughTheTeaClient() throws Exception {
    String id = tea.createCaster(new CreateCasterRequest().setCasterName("tea channels")).getBody().getCasterId();
    tea.setCasterConfig(new SetCasterConfigRequest().setCasterId(id).setChannelEnable(1));
    String camera = tea.addCasterVideoResource(new AddCasterVideoResourceRequest().setCasterId(id).setResourceName("cam")
        .setLocationId("RV01").setLiveStreamUrl("rtmp://push.example.com/app/cam")).getBody().getResourceId();
    tea.setCasterChannel(new SetCasterChannelRequest().setCasterId(id).setChannelId("RV01").setResourceId(camera).setPlayStatus(1));
    DescribeCasterChannelsResponseBody channels = tea.describeCasterChannels(new DescribeCasterChannelsRequest().setCasterId(id)).getBody();
    assertEquals(12, channels.getTotal());
    assertEquals(camera, channels.getChannels().getChannel().get(0).getResourceId());
    assertEquals("RV12", channels.getChannels().getChannel().get(11).getChannelId());
  }

  @Test
  void errorsReachTheTeaClientWithTheirCodes() throws Exception {
    TeaException notFound = assertThrows(TeaException.class,
        () -> tea.describeCasterLayouts(new DescribeCasterLayoutsRequest().setCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0000")));
    assertEquals("InvalidCaster.NotFound", notFound.getCode());
    String id = tea.createCaster(new CreateCasterRequest().setCasterName("tea errors")).getBody().getCasterId();
    TeaException mismatch = assertThrows(TeaException.class, () -> tea.addCasterLayout(new AddCasterLayoutRequest().setCasterId(id)
        .setBlendList(List.of("RV01")).setMixList(List.of("RV01"))
        .setAudioLayer(List.of(new AddCasterLayoutRequest.AddCasterLayoutRequestAudioLayer().setVolumeRate(1f)))));
    assertEquals("InvalidVideoLayersAndBlendListSize.Mismatch", mismatch.getCode());
    TeaException noScenes = assertThrows(TeaException.class,
        () -> tea.describeCasterStreamUrl(new DescribeCasterStreamUrlRequest().setCasterId(id)));
    assertEquals("InvalidScene.NotFound", noScenes.getCode());
  }

  /** Each wrapped list shape, built into the Tea models straight from the JSON the emulator answers. */
  @Test
  void everyWrappedListShapeBuildsTheTeaModels() throws Exception {
    String id = studio();
    Map<String, String> casterId = Map.of("CasterId", id);

    var layouts = TeaModel.toModel(answer("DescribeCasterLayouts", casterId), new DescribeCasterLayoutsResponseBody());
    assertEquals(List.of(1f, 1f), List.of(layouts.getLayouts().getLayout().get(0).getVideoLayers().getVideoLayer().get(0).getHeightNormalized(),
        layouts.getLayouts().getLayout().get(0).getVideoLayers().getVideoLayer().get(0).getWidthNormalized()));
    assertEquals(List.of(0.7f, 0.05f),
        layouts.getLayouts().getLayout().get(0).getVideoLayers().getVideoLayer().get(1).getPositionNormalizeds().getPosition());
    assertEquals(List.of("RV01", "RV02"), layouts.getLayouts().getLayout().get(0).getBlendList().getLocationId());
    assertEquals("all", layouts.getLayouts().getLayout().get(0).getAudioLayers().getAudioLayer().get(0).getValidChannel());

    var components = TeaModel.toModel(answer("DescribeCasterComponents", casterId), new DescribeCasterComponentsResponseBody());
    assertEquals(List.of(0.1f, 0.8f),
        components.getComponents().getComponent().get(1).getComponentLayer().getPositionNormalizeds().getPosition());
    assertEquals("en", components.getComponents().getComponent().get(1).getCaptionLayerContent().getSourceLan());

    var scenes = TeaModel.toModel(answer("DescribeCasterScenes", casterId), new DescribeCasterScenesResponseBody());
    assertEquals(2, scenes.getSceneList().getScene().size());
    assertTrue(scenes.getSceneList().getScene().get(0).getComponentIds().getComponentId().isEmpty());
    assertEquals("flv", scenes.getSceneList().getScene().get(1).getStreamInfos().getStreamInfo().get(0).getVideoFormat());

    var streams = TeaModel.toModel(answer("DescribeCasterStreamUrl", casterId), new DescribeCasterStreamUrlResponseBody());
    assertEquals(0, streams.getCasterStreams().getCasterStream().get(0).getOutputType());
    assertEquals(3, streams.getCasterStreams().getCasterStream().get(1).getStreamInfos().getStreamInfo().size());

    var resources = TeaModel.toModel(answer("DescribeCasterVideoResources", casterId), new DescribeCasterVideoResourcesResponseBody());
    assertEquals("RV02", resources.getVideoResources().getVideoResource().get(1).getLocationId());

    var started = TeaModel.toModel(answer("StartCaster", casterId), new StartCasterResponseBody());
    assertEquals(1, started.getPvwSceneInfos().getSceneInfo().size());
    assertEquals("rtmp", started.getPgmSceneInfos().getSceneInfo().get(0).getStreamInfos().getStreamInfo().get(2).getVideoFormat());

    var channels = TeaModel.toModel(answer("DescribeCasterChannels", casterId), new DescribeCasterChannelsResponseBody());
    assertEquals(0, channels.getTotal(), "no channel mode");
    assertTrue(channels.getChannels().getChannel().isEmpty());

    var casters = TeaModel.toModel(answer("DescribeCasters", Map.of()), new DescribeCastersResponseBody());
    assertEquals(id, casters.getCasterList().getCaster().get(0).getCasterId());
  }

  /** The JSON answer of a signed call, as a map of plain Java values. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> answer(String action, Map<String, String> parameters) throws Exception {
    String body = rawGet("/?" + RawSigner.formEncode(RawSigner.signed("GET", action, KEY_A, SECRET_A, parameters))).body();
    JsonNode json = Json.parse(body).orElseThrow();
    assertTrue(json.hasNonNull("RequestId") && !json.has("Code"), body);
    return Json.MAPPER.convertValue(json, Map.class);
  }
}
