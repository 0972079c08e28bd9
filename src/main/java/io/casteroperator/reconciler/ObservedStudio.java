package io.casteroperator.reconciler;

import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.SceneValue;
import java.util.List;

/**
 * A studio as one full read saw it (the five Describe calls). {@code scenes} is empty for a caster
 * that has never run: scenes appear at the first start.
 */
record ObservedStudio(List<CloudItem<InputValue>> inputs, List<ChannelValue> channels, List<CloudItem<LayoutValue>> layouts,
    List<CloudItem<ComponentValue>> components, List<SceneValue> scenes) {}
