package io.casteroperator.testing;

import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.SceneValue;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.CasterPage;
import io.casteroperator.live.CasterStream;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveResult;
import io.casteroperator.live.NewCaster;
import io.casteroperator.live.ObservedConfig;
import java.util.List;

/** A {@link LiveClient} that passes every call on: tests override the calls they meddle with. */
public class ForwardingLiveClient implements LiveClient {

  protected final LiveClient delegate;

  public ForwardingLiveClient(LiveClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public LiveResult<ObservedConfig> observeConfig(String casterId) {
    return delegate.observeConfig(casterId);
  }

  @Override
  public LiveResult<CasterInfo> observeState(String casterId) {
    return delegate.observeState(casterId);
  }

  @Override
  public LiveResult<CasterPage> listCasters(int pageNum, int pageSize) {
    return delegate.listCasters(pageNum, pageSize);
  }

  @Override
  public LiveResult<String> create(NewCaster caster) {
    return delegate.create(caster);
  }

  @Override
  public LiveResult<Void> update(String casterId, DesiredConfig config) {
    return delegate.update(casterId, config);
  }

  @Override
  public LiveResult<List<CasterStream>> start(String casterId) {
    return delegate.start(casterId);
  }

  @Override
  public LiveResult<Void> stop(String casterId) {
    return delegate.stop(casterId);
  }

  @Override
  public LiveResult<List<CasterStream>> streams(String casterId) {
    return delegate.streams(casterId);
  }

  @Override
  public LiveResult<Void> delete(String casterId) {
    return delegate.delete(casterId);
  }

  @Override
  public LiveResult<List<CloudItem<InputValue>>> inputs(String casterId) {
    return delegate.inputs(casterId);
  }

  @Override
  public LiveResult<String> addInput(String casterId, InputValue input) {
    return delegate.addInput(casterId, input);
  }

  @Override
  public LiveResult<Void> modifyInput(String casterId, String resourceId, InputValue input) {
    return delegate.modifyInput(casterId, resourceId, input);
  }

  @Override
  public LiveResult<Void> deleteInput(String casterId, String resourceId) {
    return delegate.deleteInput(casterId, resourceId);
  }

  @Override
  public LiveResult<List<ChannelValue>> channels(String casterId) {
    return delegate.channels(casterId);
  }

  @Override
  public LiveResult<Void> setChannel(String casterId, String channelId, String resourceId) {
    return delegate.setChannel(casterId, channelId, resourceId);
  }

  @Override
  public LiveResult<List<CloudItem<LayoutValue>>> layouts(String casterId) {
    return delegate.layouts(casterId);
  }

  @Override
  public LiveResult<String> addLayout(String casterId, LayoutValue layout) {
    return delegate.addLayout(casterId, layout);
  }

  @Override
  public LiveResult<Void> modifyLayout(String casterId, String layoutId, LayoutValue layout) {
    return delegate.modifyLayout(casterId, layoutId, layout);
  }

  @Override
  public LiveResult<Void> deleteLayout(String casterId, String layoutId) {
    return delegate.deleteLayout(casterId, layoutId);
  }

  @Override
  public LiveResult<List<CloudItem<ComponentValue>>> components(String casterId) {
    return delegate.components(casterId);
  }

  @Override
  public LiveResult<String> addComponent(String casterId, ComponentValue component) {
    return delegate.addComponent(casterId, component);
  }

  @Override
  public LiveResult<Void> modifyComponent(String casterId, String componentId, ComponentValue component) {
    return delegate.modifyComponent(casterId, componentId, component);
  }

  @Override
  public LiveResult<Void> deleteComponent(String casterId, String componentId) {
    return delegate.deleteComponent(casterId, componentId);
  }

  @Override
  public LiveResult<List<SceneValue>> scenes(String casterId) {
    return delegate.scenes(casterId);
  }

  @Override
  public LiveResult<Void> setScene(String casterId, SceneValue scene) {
    return delegate.setScene(casterId, scene);
  }
}
