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

  /**
   * The whole studio; empty when a read waits for its slot or failed (reported by CloudCalls). The
   * lists already read are kept until the next attempt: each Describe action has its own budget, so
   * a read that waits for one slot would otherwise repeat the calls before it every time it resumes
   * (4.7 DescribeCasterVideoResources per Caster in a 100-Caster studio rollout, where one will do).
   */
  Optional<ObservedStudio> read(Reconciliation r, Purpose purpose, boolean channelMode, boolean mayHaveScenes) {
    StudioReadSoFar soFar = r.memory.studioReadSoFar(channelMode, r.status().getCasterState());
    if (soFar.inputs == null) {
      var inputs = calls.call(r, DescribeCasterVideoResources, purpose, c -> c.inputs(r.casterId));
      if (inputs.isEmpty()) {
        return Optional.empty();
      }
      soFar.inputs = inputs.get().value();
    }
    if (soFar.channels == null) {
      if (channelMode) {
        var channels = calls.call(r, DescribeCasterChannels, purpose, c -> c.channels(r.casterId));
        if (channels.isEmpty()) {
          return Optional.empty();
        }
        soFar.channels = channels.get().value();
      } else {
        soFar.channels = List.of();
      }
    }
    if (soFar.layouts == null) {
      var layouts = calls.call(r, DescribeCasterLayouts, purpose, c -> c.layouts(r.casterId));
      if (layouts.isEmpty()) {
        return Optional.empty();
      }
      soFar.layouts = layouts.get().value();
    }
    if (soFar.components == null) {
      var components = calls.call(r, DescribeCasterComponents, purpose, c -> c.components(r.casterId));
      if (components.isEmpty()) {
        return Optional.empty();
      }
      soFar.components = components.get().value();
    }
    Optional<List<SceneValue>> scenes = mayHaveScenes ? scenes(r, purpose) : Optional.of(List.of());
    if (scenes.isEmpty()) {
      return Optional.empty();
    }
    r.memory.studioReadDone();
    return Optional.of(new ObservedStudio(soFar.inputs, soFar.channels, soFar.layouts, soFar.components, scenes.get()));
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
