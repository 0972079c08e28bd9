package io.casteroperator.live;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.live.model.v20161101.AddCasterComponentRequest;
import com.aliyuncs.live.model.v20161101.AddCasterComponentResponse;
import com.aliyuncs.live.model.v20161101.AddCasterLayoutRequest;
import com.aliyuncs.live.model.v20161101.AddCasterLayoutResponse;
import com.aliyuncs.live.model.v20161101.AddCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.AddCasterVideoResourceResponse;
import com.aliyuncs.live.model.v20161101.DeleteCasterComponentRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterComponentResponse;
import com.aliyuncs.live.model.v20161101.DeleteCasterLayoutRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterLayoutResponse;
import com.aliyuncs.live.model.v20161101.DeleteCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterVideoResourceResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterChannelsRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterChannelsResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterComponentsRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterComponentsResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterLayoutsRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterLayoutsResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterScenesRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterScenesResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterVideoResourcesRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterVideoResourcesResponse;
import com.aliyuncs.live.model.v20161101.ModifyCasterComponentRequest;
import com.aliyuncs.live.model.v20161101.ModifyCasterComponentResponse;
import com.aliyuncs.live.model.v20161101.ModifyCasterLayoutRequest;
import com.aliyuncs.live.model.v20161101.ModifyCasterLayoutResponse;
import com.aliyuncs.live.model.v20161101.ModifyCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.ModifyCasterVideoResourceResponse;
import com.aliyuncs.live.model.v20161101.SetCasterChannelRequest;
import com.aliyuncs.live.model.v20161101.SetCasterChannelResponse;
import com.aliyuncs.live.model.v20161101.SetCasterSceneConfigRequest;
import com.aliyuncs.live.model.v20161101.SetCasterSceneConfigResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.InputValue.Source;
import io.casteroperator.config.studio.InputValue.SourceKind;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.LayoutValue.AudioLayerValue;
import io.casteroperator.config.studio.LayoutValue.VideoLayerValue;
import io.casteroperator.config.studio.SceneValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The studio's calls (studio-api-notes §2-§6) over the v1 SDK's typed requests and responses: the
 * values of {@code config.studio} become parameters exactly as they say, and answers become values
 * that compare equal to what was sent.
 *
 * <p>Two properties of the v1 SDK shape this class. It reads a list the answer lacks as an empty
 * list, so every Describe is checked against its {@code Total}: an answer whose list is shorter
 * fails as {@link LiveError#INCOMPLETE_ANSWER}, never passes for "nothing there". And it types the
 * normalized sizes and positions as 32-bit floats, both in the layout requests and in every answer:
 * a float is widened through its shortest decimal form ({@code 0.3f} is read as {@code 0.3}, not
 * {@code 0.30000001192092896}), so a value of up to 7 significant digits reads back as it was sent.
 */
final class SdkStudio {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SdkLiveClient sdk;

  SdkStudio(SdkLiveClient sdk) {
    this.sdk = sdk;
  }

  // ---- inputs (video resources) ----

  LiveResult<List<CloudItem<InputValue>>> inputs(String casterId) {
    DescribeCasterVideoResourcesRequest request = new DescribeCasterVideoResourcesRequest();
    request.setCasterId(casterId);
    return listed(request, "DescribeCasterVideoResources", DescribeCasterVideoResourcesResponse::getRequestId,
        DescribeCasterVideoResourcesResponse::getTotal, DescribeCasterVideoResourcesResponse::getVideoResources,
        r -> new CloudItem<>(r.getResourceId(), new InputValue(r.getResourceName(), r.getLocationId(), source(r),
            zero(r.getBeginOffset()), zero(r.getEndOffset()), zero(r.getRepeatNum()), zero(r.getPtsCallbackInterval()),
            null)));
  }

  /** The source the answer names; the first in the order of {@link SourceKind} when it names several. */
  private static Source source(DescribeCasterVideoResourcesResponse.VideoResource r) {
    for (SourceKind kind : SourceKind.values()) {
      String value = switch (kind) {
        case LiveStreamUrl -> r.getLiveStreamUrl();
        case MaterialId -> r.getMaterialId();
        case VodUrl -> r.getVodUrl();
        case ImageId -> r.getImageId();
        case ImageUrl -> r.getImageUrl();
      };
      if (value != null && !value.isEmpty()) {
        return new Source(kind, value);
      }
    }
    return null;
  }

  LiveResult<String> addInput(String casterId, InputValue input) {
    AddCasterVideoResourceRequest request = new AddCasterVideoResourceRequest();
    request.setCasterId(casterId);
    request.setResourceName(input.name());
    request.setLocationId(input.locationId());
    if (input.source() != null) {
      String value = input.source().value();
      switch (input.source().kind()) {
        case LiveStreamUrl -> request.setLiveStreamUrl(value);
        case MaterialId -> request.setMaterialId(value);
        case VodUrl -> request.setVodUrl(value);
        case ImageId -> request.setImageId(value);
        case ImageUrl -> request.setImageUrl(value);
      }
    }
    request.setBeginOffset(Math.toIntExact(input.beginOffset()));
    request.setEndOffset(Math.toIntExact(input.endOffset()));
    request.setRepeatNum(Math.toIntExact(input.repeatNum()));
    request.setPtsCallbackInterval(Math.toIntExact(input.ptsCallbackInterval()));
    if (input.fixedDelayDuration() != null) {
      request.setFixedDelayDuration(Math.toIntExact(input.fixedDelayDuration()));
    }
    return sdk.call(request, AddCasterVideoResourceResponse::getRequestId, AddCasterVideoResourceResponse::getResourceId);
  }

  /** The whole modifiable description, source included (the old pages want one on every call). */
  LiveResult<Void> modifyInput(String casterId, String resourceId, InputValue input) {
    ModifyCasterVideoResourceRequest request = new ModifyCasterVideoResourceRequest();
    request.setCasterId(casterId);
    request.setResourceId(resourceId);
    request.setResourceName(input.name());
    if (input.source() != null) {
      String value = input.source().value();
      switch (input.source().kind()) {
        case LiveStreamUrl -> request.setLiveStreamUrl(value);
        case MaterialId -> request.setMaterialId(value);
        case VodUrl -> request.setVodUrl(value);
        case ImageId -> request.setImageId(value);
        case ImageUrl -> request.setImageUrl(value);
      }
    }
    request.setBeginOffset(Math.toIntExact(input.beginOffset()));
    request.setEndOffset(Math.toIntExact(input.endOffset()));
    request.setRepeatNum(Math.toIntExact(input.repeatNum()));
    request.setPtsCallbackInterval(Math.toIntExact(input.ptsCallbackInterval()));
    return sdk.call(request, ModifyCasterVideoResourceResponse::getRequestId, r -> null);
  }

  LiveResult<Void> deleteInput(String casterId, String resourceId) {
    DeleteCasterVideoResourceRequest request = new DeleteCasterVideoResourceRequest();
    request.setCasterId(casterId);
    request.setResourceId(resourceId);
    return sdk.call(request, DeleteCasterVideoResourceResponse::getRequestId, r -> null);
  }

  // ---- channels ----

  LiveResult<List<ChannelValue>> channels(String casterId) {
    DescribeCasterChannelsRequest request = new DescribeCasterChannelsRequest();
    request.setCasterId(casterId);
    return listed(request, "DescribeCasterChannels", DescribeCasterChannelsResponse::getRequestId,
        DescribeCasterChannelsResponse::getTotal, DescribeCasterChannelsResponse::getChannels,
        c -> new ChannelValue(c.getChannelId(), emptyToNull(c.getResourceId())));
  }

  /** Without a ResourceId the call empties the channel. */
  LiveResult<Void> setChannel(String casterId, String channelId, String resourceId) {
    SetCasterChannelRequest request = new SetCasterChannelRequest();
    request.setCasterId(casterId);
    request.setChannelId(channelId);
    if (resourceId != null) {
      request.setResourceId(resourceId);
    }
    return sdk.call(request, SetCasterChannelResponse::getRequestId, r -> null);
  }

  // ---- layouts ----

  LiveResult<List<CloudItem<LayoutValue>>> layouts(String casterId) {
    DescribeCasterLayoutsRequest request = new DescribeCasterLayoutsRequest();
    request.setCasterId(casterId);
    return listed(request, "DescribeCasterLayouts", DescribeCasterLayoutsResponse::getRequestId,
        DescribeCasterLayoutsResponse::getTotal, DescribeCasterLayoutsResponse::getLayouts,
        l -> new CloudItem<>(l.getLayoutId(), layout(l)));
  }

  /**
   * Response VideoLayers.VideoLayer[] and PositionNormalizeds.Position[] are the request's
   * VideoLayer.N and PositionNormalized.M. A field the answer leaves out has the documented default.
   */
  private static LayoutValue layout(DescribeCasterLayoutsResponse.Layout l) {
    List<VideoLayerValue> video = new ArrayList<>();
    for (DescribeCasterLayoutsResponse.Layout.VideoLayer v : orEmpty(l.getVideoLayers())) {
      video.add(new VideoLayerValue(orElse(v.getFillMode(), "none"), widen(v.getHeightNormalized(), 0),
          widen(v.getWidthNormalized(), 0), position(v.getPositionNormalizeds()), orElse(v.getPositionRefer(), "topLeft"),
          zero(v.getFixedDelayDuration())));
    }
    List<AudioLayerValue> audio = new ArrayList<>();
    for (DescribeCasterLayoutsResponse.Layout.AudioLayer a : orEmpty(l.getAudioLayers())) {
      audio.add(new AudioLayerValue(widen(a.getVolumeRate(), 1.0), orElse(a.getValidChannel(), "all"),
          zero(a.getFixedDelayDuration())));
    }
    return new LayoutValue(orEmpty(l.getBlendList()), orEmpty(l.getMixList()), video, audio);
  }

  /** Always the complete layout: all four lists, every layer with every field. */
  LiveResult<String> addLayout(String casterId, LayoutValue layout) {
    AddCasterLayoutRequest request = new AddCasterLayoutRequest();
    request.setCasterId(casterId);
    request.setBlendLists(layout.blendList());
    request.setMixLists(layout.mixList());
    List<AddCasterLayoutRequest.VideoLayer> video = new ArrayList<>();
    for (VideoLayerValue v : layout.videoLayers()) {
      AddCasterLayoutRequest.VideoLayer layer = new AddCasterLayoutRequest.VideoLayer();
      layer.setFillMode(v.fillMode());
      layer.setHeightNormalized((float) v.heightNormalized());
      layer.setWidthNormalized((float) v.widthNormalized());
      layer.setPositionNormalizeds(floats(v.positionNormalized()));
      layer.setPositionRefer(v.positionRefer());
      layer.setFixedDelayDuration(Math.toIntExact(v.fixedDelayDuration()));
      video.add(layer);
    }
    request.setVideoLayers(video);
    List<AddCasterLayoutRequest.AudioLayer> audio = new ArrayList<>();
    for (AudioLayerValue a : layout.audioLayers()) {
      AddCasterLayoutRequest.AudioLayer layer = new AddCasterLayoutRequest.AudioLayer();
      layer.setVolumeRate((float) a.volumeRate());
      layer.setValidChannel(a.validChannel());
      layer.setFixedDelayDuration(Math.toIntExact(a.fixedDelayDuration()));
      audio.add(layer);
    }
    request.setAudioLayers(audio);
    return sdk.call(request, AddCasterLayoutResponse::getRequestId, AddCasterLayoutResponse::getLayoutId);
  }

  /** The same complete layout as an add sends: the API replaces each list it is given. */
  LiveResult<Void> modifyLayout(String casterId, String layoutId, LayoutValue layout) {
    ModifyCasterLayoutRequest request = new ModifyCasterLayoutRequest();
    request.setCasterId(casterId);
    request.setLayoutId(layoutId);
    request.setBlendLists(layout.blendList());
    request.setMixLists(layout.mixList());
    List<ModifyCasterLayoutRequest.VideoLayer> video = new ArrayList<>();
    for (VideoLayerValue v : layout.videoLayers()) {
      ModifyCasterLayoutRequest.VideoLayer layer = new ModifyCasterLayoutRequest.VideoLayer();
      layer.setFillMode(v.fillMode());
      layer.setHeightNormalized((float) v.heightNormalized());
      layer.setWidthNormalized((float) v.widthNormalized());
      layer.setPositionNormalizeds(floats(v.positionNormalized()));
      layer.setPositionRefer(v.positionRefer());
      layer.setFixedDelayDuration(Math.toIntExact(v.fixedDelayDuration()));
      video.add(layer);
    }
    request.setVideoLayers(video);
    List<ModifyCasterLayoutRequest.AudioLayer> audio = new ArrayList<>();
    for (AudioLayerValue a : layout.audioLayers()) {
      ModifyCasterLayoutRequest.AudioLayer layer = new ModifyCasterLayoutRequest.AudioLayer();
      layer.setVolumeRate((float) a.volumeRate());
      layer.setValidChannel(a.validChannel());
      layer.setFixedDelayDuration(Math.toIntExact(a.fixedDelayDuration()));
      audio.add(layer);
    }
    request.setAudioLayers(audio);
    return sdk.call(request, ModifyCasterLayoutResponse::getRequestId, r -> null);
  }

  LiveResult<Void> deleteLayout(String casterId, String layoutId) {
    DeleteCasterLayoutRequest request = new DeleteCasterLayoutRequest();
    request.setCasterId(casterId);
    request.setLayoutId(layoutId);
    return sdk.call(request, DeleteCasterLayoutResponse::getRequestId, r -> null);
  }

  // ---- components (overlays) ----

  LiveResult<List<CloudItem<ComponentValue>>> components(String casterId) {
    DescribeCasterComponentsRequest request = new DescribeCasterComponentsRequest();
    request.setCasterId(casterId);
    return listed(request, "DescribeCasterComponents", DescribeCasterComponentsResponse::getRequestId,
        DescribeCasterComponentsResponse::getTotal, DescribeCasterComponentsResponse::getComponents,
        c -> new CloudItem<>(c.getComponentId(), component(c)));
  }

  /**
   * The answer's objects as the maps the values use, under the request's keys: PositionNormalizeds
   * becomes PositionNormalized. The layer has every field, with the documented default for one the
   * answer leaves out (as layouts have); not its Transparency, which no request can set. Only the
   * content of the overlay's own type is read, and only the fields the answer has.
   */
  private static ComponentValue component(DescribeCasterComponentsResponse.Component c) {
    Map<String, Object> layer = new LinkedHashMap<>();
    DescribeCasterComponentsResponse.Component.ComponentLayer l = c.getComponentLayer();
    layer.put("HeightNormalized", widen(l == null ? null : l.getHeightNormalized(), 0));
    layer.put("WidthNormalized", widen(l == null ? null : l.getWidthNormalized(), 0));
    layer.put("PositionNormalized", position(l == null ? null : l.getPositionNormalizeds()));
    layer.put("PositionRefer", orElse(l == null ? null : l.getPositionRefer(), "topLeft"));
    Map<String, Object> content = new LinkedHashMap<>();
    String type = c.getComponentType();
    if ("text".equals(type) && c.getTextLayerContent() != null) {
      DescribeCasterComponentsResponse.Component.TextLayerContent t = c.getTextLayerContent();
      put(content, "Text", t.getText());
      font(content, t.getColor(), t.getFontName(), t.getSizeNormalized(), t.getBorderWidthNormalized(), t.getBorderColor());
    } else if ("image".equals(type) && c.getImageLayerContent() != null) {
      put(content, "MaterialId", c.getImageLayerContent().getMaterialId());
    } else if ("caption".equals(type) && c.getCaptionLayerContent() != null) {
      DescribeCasterComponentsResponse.Component.CaptionLayerContent t = c.getCaptionLayerContent();
      put(content, "LocationId", t.getLocationId());
      put(content, "SourceLan", t.getSourceLan());
      put(content, "TargetLan", t.getTargetLan());
      put(content, "ShowSourceLan", t.getShowSourceLan());
      put(content, "PtsOffset", wide(t.getPtsOffset()));
      put(content, "WordsCount", wide(t.getWordsCount()));
      put(content, "WordCountPerLine", wide(t.getWordCountPerLine()));
      font(content, t.getColor(), t.getFontName(), t.getSizeNormalized(), t.getBorderWidthNormalized(), t.getBorderColor());
      put(content, "LineSpaceNormalized", widen(t.getLineSpaceNormalized()));
      put(content, "WordSpaceNormalized", widen(t.getWordSpaceNormalized()));
    }
    return new ComponentValue(c.getComponentName(), c.getLocationId(), type, orElse(c.getEffect(), "none"), null, layer, content);
  }

  private static void font(Map<String, Object> content, String color, String font, Float size, Float border, String borderColor) {
    put(content, "Color", color);
    put(content, "FontName", font);
    put(content, "SizeNormalized", widen(size));
    put(content, "BorderWidthNormalized", widen(border));
    put(content, "BorderColor", borderColor);
  }

  LiveResult<String> addComponent(String casterId, ComponentValue component) {
    AddCasterComponentRequest request = new AddCasterComponentRequest();
    request.setCasterId(casterId);
    request.setComponentName(component.name());
    request.setLocationId(component.locationId());
    request.setComponentType(component.type());
    request.setEffect(component.effect());
    request.setLayerOrder(component.layerOrder());
    request.setComponentLayer(json(component.layer()));
    String content = json(component.content());
    switch (component.contentParameter()) {
      case "TextLayerContent" -> request.setTextLayerContent(content);
      case "ImageLayerContent" -> request.setImageLayerContent(content);
      default -> request.setCaptionLayerContent(content);
    }
    return sdk.call(request, AddCasterComponentResponse::getRequestId, AddCasterComponentResponse::getComponentId);
  }

  /** Everything but LocationId and LayerOrder, which the API lets only an add set. */
  LiveResult<Void> modifyComponent(String casterId, String componentId, ComponentValue component) {
    ModifyCasterComponentRequest request = new ModifyCasterComponentRequest();
    request.setCasterId(casterId);
    request.setComponentId(componentId);
    request.setComponentName(component.name());
    request.setComponentType(component.type());
    request.setEffect(component.effect());
    request.setComponentLayer(json(component.layer()));
    String content = json(component.content());
    switch (component.contentParameter()) {
      case "TextLayerContent" -> request.setTextLayerContent(content);
      case "ImageLayerContent" -> request.setImageLayerContent(content);
      default -> request.setCaptionLayerContent(content);
    }
    return sdk.call(request, ModifyCasterComponentResponse::getRequestId, r -> null);
  }

  LiveResult<Void> deleteComponent(String casterId, String componentId) {
    DeleteCasterComponentRequest request = new DeleteCasterComponentRequest();
    request.setCasterId(casterId);
    request.setComponentId(componentId);
    return sdk.call(request, DeleteCasterComponentResponse::getRequestId, r -> null);
  }

  // ---- scenes ----

  /** Before the caster's first start the service answers InvalidScene.NotFound ({@link ErrorMeaning#NO_SCENES}). */
  LiveResult<List<SceneValue>> scenes(String casterId) {
    DescribeCasterScenesRequest request = new DescribeCasterScenesRequest();
    request.setCasterId(casterId);
    return listed(request, "DescribeCasterScenes", DescribeCasterScenesResponse::getRequestId,
        DescribeCasterScenesResponse::getTotal, DescribeCasterScenesResponse::getSceneList,
        s -> new SceneValue(s.getSceneId(), "1".equals(s.getOutputType()), emptyToNull(s.getLayoutId()),
            orEmpty(s.getComponentIds())));
  }

  /** A full replace: the layout (none when null) and the overlays, bottom-most first. */
  LiveResult<Void> setScene(String casterId, SceneValue scene) {
    SetCasterSceneConfigRequest request = new SetCasterSceneConfigRequest();
    request.setCasterId(casterId);
    request.setSceneId(scene.sceneId());
    if (scene.layoutId() != null) {
      request.setLayoutId(scene.layoutId());
    }
    request.setComponentIds(scene.componentIds());
    return sdk.call(request, SetCasterSceneConfigResponse::getRequestId, r -> null);
  }

  // ---- helpers ----

  /**
   * A Describe call whose list must be complete: the v1 SDK reads a missing (or unwrapped) list as
   * an empty one, so an answer without Total, or with fewer items than its Total, is incomplete.
   */
  private <R extends AcsResponse, E, T> LiveResult<List<T>> listed(AcsRequest<R> request, String action,
      Function<R, String> requestId, Function<R, Integer> total, Function<R, List<E>> items, Function<E, T> item) {
    LiveResult<R> answer = sdk.call(request, requestId, r -> r);
    if (!answer.isOk()) {
      return LiveResult.failed(answer.error(), answer.latency());
    }
    R r = answer.value();
    Integer expected = total.apply(r);
    List<E> listed = items.apply(r);
    if (expected == null || listed == null || listed.size() < expected) {
      return LiveResult.failed(ErrorClassifier.error(LiveError.INCOMPLETE_ANSWER, 200,
          action + " answered " + (listed == null ? "no" : listed.size()) + " items of a Total of " + expected,
          requestId.apply(r), false), answer.latency());
    }
    List<T> values = new ArrayList<>(listed.size());
    for (E e : listed) {
      values.add(item.apply(e));
    }
    return LiveResult.ok(List.copyOf(values), requestId.apply(r), answer.latency());
  }

  /** The map as the JSON-string parameter: keys as they are, numbers and booleans as JSON values. */
  private static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a component's layer or content is plain data", e);
    }
  }

  private static List<Float> floats(List<Double> values) {
    List<Float> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(v == null ? null : v.floatValue()));
    return out;
  }

  /** [x, y] as doubles; the documented default [0, 0] when the answer has none. */
  private static List<Double> position(List<Float> values) {
    if (values == null || values.isEmpty()) {
      return List.of(0.0, 0.0);
    }
    List<Double> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(widen(v, 0)));
    return List.copyOf(out);
  }

  /** A float as the decimal it was written as: 0.3f is 0.3, not 0.30000001192092896. */
  static Double widen(Float value) {
    return value == null ? null : Double.parseDouble(value.toString());
  }

  private static double widen(Float value, double otherwise) {
    return value == null ? otherwise : widen(value);
  }

  private static Long wide(Integer value) {
    return value == null ? null : value.longValue();
  }

  private static long zero(Integer value) {
    return value == null ? 0 : value;
  }

  private static String orElse(String value, String otherwise) {
    return value == null || value.isEmpty() ? otherwise : value;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
