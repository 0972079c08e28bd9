package io.casteroperator.live;

import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.SceneValue;
import java.util.List;

/**
 * The cloud seam: the Live API calls the operator makes for casters, one method per API call, in
 * the spirit of Crossplane's external clients (observe, create, update, delete). Bound to one set of
 * credentials and one region. Never throws for an API failure: every outcome is a {@link
 * LiveResult}, classified by {@link ErrorClassifier}.
 */
public interface LiveClient {

  /** DescribeCasterConfig: the caster's configuration as the service reports it. */
  LiveResult<ObservedConfig> observeConfig(String casterId);

  /**
   * DescribeCasters filtered by id: whether the caster runs and has channels. A caster the answer
   * does not list fails as not found ({@link ErrorMeaning#NOT_FOUND}, code InvalidCaster.NotFound,
   * as every other caster action answers); an answer without a list fails as incomplete.
   */
  LiveResult<CasterInfo> observeState(String casterId);

  /**
   * DescribeCasters without a filter, one page ({@code pageNum} from 1, up to 100 casters): the
   * state of many casters for one call.
   */
  LiveResult<CasterPage> listCasters(int pageNum, int pageSize);

  /** CreateCaster: the id of the new caster (the same id again for the same client token). */
  LiveResult<String> create(NewCaster caster);

  /** SetCasterConfig: replaces the caster's whole configuration with {@code config}. */
  LiveResult<Void> update(String casterId, DesiredConfig config);

  /** StartCaster: the scenes it started (created at the first start), with their playback URLs. */
  LiveResult<java.util.List<CasterStream>> start(String casterId);

  /** StopCaster. */
  LiveResult<Void> stop(String casterId);

  /** DescribeCasterStreamUrl: what each scene outputs (only after the caster's first start). */
  LiveResult<java.util.List<CasterStream>> streams(String casterId);

  /** DeleteCaster. */
  LiveResult<Void> delete(String casterId);

  // ---- the studio (studio-api-notes §2-6): every list as the cloud holds it, values in config.studio

  /** DescribeCasterVideoResources: the inputs (fixedDelayDuration cannot be read: null). */
  LiveResult<List<CloudItem<InputValue>>> inputs(String casterId);

  /** AddCasterVideoResource: the new input's ResourceId. */
  LiveResult<String> addInput(String casterId, InputValue input);

  /** ModifyCasterVideoResource: everything but locationId and fixedDelayDuration, which only an add sets. */
  LiveResult<Void> modifyInput(String casterId, String resourceId, InputValue input);

  /** DeleteCasterVideoResource. */
  LiveResult<Void> deleteInput(String casterId, String resourceId);

  /** DescribeCasterChannels. */
  LiveResult<List<ChannelValue>> channels(String casterId);

  /** SetCasterChannel: the channel plays resourceId; null empties it. */
  LiveResult<Void> setChannel(String casterId, String channelId, String resourceId);

  /** DescribeCasterLayouts: every layout. */
  LiveResult<List<CloudItem<LayoutValue>>> layouts(String casterId);

  /** AddCasterLayout: the new layout's LayoutId. */
  LiveResult<String> addLayout(String casterId, LayoutValue layout);

  /** ModifyCasterLayout: the whole layout, all four lists. */
  LiveResult<Void> modifyLayout(String casterId, String layoutId, LayoutValue layout);

  /** DeleteCasterLayout. */
  LiveResult<Void> deleteLayout(String casterId, String layoutId);

  /** DescribeCasterComponents: every overlay (layerOrder and some caption fields cannot be read: absent). */
  LiveResult<List<CloudItem<ComponentValue>>> components(String casterId);

  /** AddCasterComponent: the new overlay's ComponentId. */
  LiveResult<String> addComponent(String casterId, ComponentValue component);

  /** ModifyCasterComponent: everything but locationId and layerOrder, which only an add sets. */
  LiveResult<Void> modifyComponent(String casterId, String componentId, ComponentValue component);

  /** DeleteCasterComponent. */
  LiveResult<Void> deleteComponent(String casterId, String componentId);

  /** DescribeCasterScenes: the scenes (none before the caster's first start). */
  LiveResult<List<SceneValue>> scenes(String casterId);

  /** SetCasterSceneConfig: replaces what the scene shows (needs the caster running). */
  LiveResult<Void> setScene(String casterId, SceneValue scene);
}
