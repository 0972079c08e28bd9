package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.DescribeCasterChannels;
import static io.casteroperator.live.LiveAction.DescribeCasterComponents;
import static io.casteroperator.live.LiveAction.DescribeCasterLayouts;
import static io.casteroperator.live.LiveAction.DescribeCasterScenes;
import static io.casteroperator.live.LiveAction.DescribeCasterVideoResources;

import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.SceneValue;
import io.casteroperator.live.ErrorMeaning;
import io.casteroperator.reconciler.CloudCalls.Answer;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.util.List;
import java.util.Optional;

/**
 * One full read of a studio: inputs, channels, layouts, overlays and scenes, five Describe calls
 * (each on its own quota). Channels are read only in channel mode, scenes only once the caster has
 * run: before, the answers could say nothing.
 */
final class StudioReads {

  private final CloudCalls calls;

  StudioReads(CloudCalls calls) {
    this.calls = calls;
  }

  /** The whole studio; empty when a read waits for its slot or failed (reported by CloudCalls). */
  Optional<ObservedStudio> read(Reconciliation r, Purpose purpose, boolean channelMode, boolean mayHaveScenes) {
    var inputs = calls.call(r, DescribeCasterVideoResources, purpose, c -> c.inputs(r.casterId));
    if (inputs.isEmpty()) {
      return Optional.empty();
    }
    Optional<Answer<List<ChannelValue>>> channels = channelMode
        ? calls.call(r, DescribeCasterChannels, purpose, c -> c.channels(r.casterId))
        : Optional.of(new Answer<>(List.of(), null));
    if (channels.isEmpty()) {
      return Optional.empty();
    }
    var layouts = calls.call(r, DescribeCasterLayouts, purpose, c -> c.layouts(r.casterId));
    if (layouts.isEmpty()) {
      return Optional.empty();
    }
    var components = calls.call(r, DescribeCasterComponents, purpose, c -> c.components(r.casterId));
    if (components.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<SceneValue>> scenes = mayHaveScenes ? scenes(r, purpose) : Optional.of(List.of());
    return scenes.map(s -> new ObservedStudio(inputs.get().value(), channels.get().value(), layouts.get().value(),
        components.get().value(), s));
  }

  /** DescribeCasterScenes; a caster that never ran has none (InvalidScene.NotFound says so). */
  private Optional<List<SceneValue>> scenes(Reconciliation r, Purpose purpose) {
    boolean[] none = {false};
    var answer = calls.call(r, DescribeCasterScenes, purpose, c -> c.scenes(r.casterId), error -> {
      none[0] = error.means(ErrorMeaning.NO_SCENES);
      return none[0];
    });
    return none[0] ? Optional.of(List.of()) : answer.map(Answer::value);
  }
}
