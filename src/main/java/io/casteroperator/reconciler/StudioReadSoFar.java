package io.casteroperator.reconciler;

import io.casteroperator.api.CasterState;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import java.util.List;
import java.util.Objects;

/**
 * The lists of a studio read read so far (null: not yet), kept in {@link CasterMemory} while the
 * read waits for the slot of its next Describe call, and begun again when the operator changed the
 * caster meanwhile.
 */
final class StudioReadSoFar {

  private final boolean channelMode;
  private final CasterState state;
  List<CloudItem<InputValue>> inputs;
  List<ChannelValue> channels;
  List<CloudItem<LayoutValue>> layouts;
  List<CloudItem<ComponentValue>> components;

  StudioReadSoFar(boolean channelMode, CasterState state) {
    this.channelMode = channelMode;
    this.state = state;
  }

  boolean beganUnder(boolean channelMode, CasterState state) {
    return this.channelMode == channelMode && Objects.equals(this.state, state);
  }
}
