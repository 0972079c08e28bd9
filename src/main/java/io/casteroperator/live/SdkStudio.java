package io.casteroperator.live;

import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.SceneValue;
import java.time.Duration;
import java.util.List;

/** The studio's calls over the SDK (to be written: each answers "not implemented" for now). */
final class SdkStudio {

  private final SdkLiveClient sdk;

  SdkStudio(SdkLiveClient sdk) {
    this.sdk = sdk;
  }

  private static <T> LiveResult<T> todo() {
    return LiveResult.failed(ErrorClassifier.error("Operator.NotImplemented", null, "not implemented yet", null, false), Duration.ZERO);
  }

  LiveResult<List<CloudItem<InputValue>>> inputs(String casterId) {
    return todo();
  }

  LiveResult<String> addInput(String casterId, InputValue input) {
    return todo();
  }

  LiveResult<Void> modifyInput(String casterId, String resourceId, InputValue input) {
    return todo();
  }

  LiveResult<Void> deleteInput(String casterId, String resourceId) {
    return todo();
  }

  LiveResult<List<ChannelValue>> channels(String casterId) {
    return todo();
  }

  LiveResult<Void> setChannel(String casterId, String channelId, String resourceId) {
    return todo();
  }

  LiveResult<List<CloudItem<LayoutValue>>> layouts(String casterId) {
    return todo();
  }

  LiveResult<String> addLayout(String casterId, LayoutValue layout) {
    return todo();
  }

  LiveResult<Void> modifyLayout(String casterId, String layoutId, LayoutValue layout) {
    return todo();
  }

  LiveResult<Void> deleteLayout(String casterId, String layoutId) {
    return todo();
  }

  LiveResult<List<CloudItem<ComponentValue>>> components(String casterId) {
    return todo();
  }

  LiveResult<String> addComponent(String casterId, ComponentValue component) {
    return todo();
  }

  LiveResult<Void> modifyComponent(String casterId, String componentId, ComponentValue component) {
    return todo();
  }

  LiveResult<Void> deleteComponent(String casterId, String componentId) {
    return todo();
  }

  LiveResult<List<SceneValue>> scenes(String casterId) {
    return todo();
  }

  LiveResult<Void> setScene(String casterId, SceneValue scene) {
    return todo();
  }
}
