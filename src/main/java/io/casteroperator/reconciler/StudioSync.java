package io.casteroperator.reconciler;

import io.casteroperator.api.CasterOrigin;
import io.casteroperator.api.CasterState;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.DesiredStudio;
import io.casteroperator.config.studio.DesiredStudio.ChannelWish;
import io.casteroperator.config.studio.DesiredStudio.LayoutWish;
import io.casteroperator.config.studio.DesiredStudio.SceneWish;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.SceneValue;
import io.casteroperator.config.studio.StudioHash;
import io.casteroperator.config.studio.StudioMapper;
import io.casteroperator.live.CasterStream;
import io.casteroperator.live.LiveAction;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import io.casteroperator.reconciler.ItemSync.Wish;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The studio: inputs, channels, layouts and overlays after the configuration (SetCasterConfig
 * decides channel mode and discards layouts when it turns it on) and before the start; the scenes
 * once the caster runs; what the spec no longer asks for last, in reverse order (scenes first stop
 * showing an overlay, then it is deleted). The studio is left alone when the spec describes none.
 */
final class StudioSync {

  private final StudioCalls calls;
  private final StudioReads reads;
  private final ItemSync items;
  private final StudioOutcomes outcomes;

  StudioSync(StudioCalls calls, StudioReads reads, ItemSync items, StudioOutcomes outcomes) {
    this.calls = calls;
    this.reads = reads;
    this.items = items;
    this.outcomes = outcomes;
  }

  /** Inputs, channels, layouts and overlays; in ObserveOnly, only compared with the cloud. */
  void converge(Reconciliation r, boolean configApplied) {
    Optional<DesiredStudio> desired = StudioMapper.toDesired(r.spec());
    if (desired.isEmpty()) {
      if (r.status().getStudio() != null) {
        outcomes.dropped(r);
      }
      return;
    }
    boolean created = r.status().getOrigin() == CasterOrigin.Created;
    StudioPass pass = new StudioPass(desired.get(), StudioBook.of(r.status().getStudio()), !r.observeOnly(),
        desired.get().prune() || created);
    r.studio = pass;
    expectAll(pass);
    if (pass.write && !configApplied) {
      waitForAll(pass, "the configuration to be applied");
      pass.stopped = true;
      return;
    }
    forgetDiscardedLayouts(r, pass);
    if (needsRead(r, pass) && !read(r, pass)) {
      waitForAll(pass, "a read of the studio");
      return;
    }
    items.converge(r, pass, ItemKind.INPUTS, inputWishes(pass), pass.observed == null ? null : pass.observed.inputs());
    channels(r, pass);
    items.converge(r, pass, ItemKind.LAYOUTS, layoutWishes(pass), pass.observed == null ? null : pass.observed.layouts());
    items.converge(r, pass, ItemKind.COMPONENTS, componentWishes(pass),
        pass.observed == null ? null : pass.observed.components());
  }

  /** After the start: the scenes, then deletions, then status. */
  void finish(Reconciliation r) {
    StudioPass pass = r.studio;
    if (pass == null) {
      return;
    }
    if (!pass.stopped) {
      scenes(r, pass);
    }
    if (!pass.stopped) {
      removeUnwanted(r, pass);
    }
    outcomes.finish(r, pass);
  }

  /**
   * A full read when records may be missing (first time in this process, with items to add or an
   * item found gone), for a drift check, and always in ObserveOnly's first pass.
   */
  private static boolean needsRead(Reconciliation r, StudioPass pass) {
    boolean missingIds = pass.desired.inputs().stream().anyMatch(i -> !pass.book.exists(StudioList.INPUTS, i.name()))
        || pass.desired.layouts().stream().anyMatch(l -> !pass.book.exists(StudioList.LAYOUTS, l.name()))
        || pass.desired.components().stream().anyMatch(c -> !pass.book.exists(StudioList.COMPONENTS, c.name()));
    boolean firstTime = pass.book.observedAt == null;
    return r.driftRead || ((missingIds || firstTime) && !r.memory.studioRead);
  }

  private boolean read(Reconciliation r, StudioPass pass) {
    boolean mayHaveScenes = r.status().getCasterState() == CasterState.Running || pass.book.exists(StudioList.SCENES, "program")
        || pass.book.exists(StudioList.SCENES, "preview") || r.memory.streams != null;
    Purpose purpose = r.driftRead && r.memory.studioRead ? Purpose.CHECK : Purpose.CONVERGE;
    Optional<ObservedStudio> seen = reads.read(r, purpose, pass.desired.channelMode(), mayHaveScenes);
    seen.ifPresent(s -> {
      pass.observed = s;
      pass.book.observedAt = r.now.toString();
      r.memory.studioRead = true;
    });
    return seen.isPresent();
  }

  /** Turning channel mode on discards the caster's layouts: their ids are gone with them. */
  private static void forgetDiscardedLayouts(Reconciliation r, StudioPass pass) {
    boolean before = r.base != null && Boolean.TRUE.equals(r.base.getChannelsEnabled());
    if (!before && Boolean.TRUE.equals(r.status().getChannelsEnabled())) {
      pass.book.names(StudioList.LAYOUTS).forEach(n -> pass.book.forget(StudioList.LAYOUTS, n));
    }
  }

  private void expectAll(StudioPass pass) {
    DesiredStudio d = pass.desired;
    outcomes.expect(pass, StudioList.INPUTS, d.inputs().stream().map(InputValue::name).toList());
    outcomes.expect(pass, StudioList.CHANNELS, d.channels().stream().map(ChannelWish::channelId).toList());
    outcomes.expect(pass, StudioList.LAYOUTS, d.layouts().stream().map(LayoutWish::name).toList());
    outcomes.expect(pass, StudioList.COMPONENTS, d.components().stream().map(ComponentValue::name).toList());
    List<String> scenes = new ArrayList<>();
    if (d.program() != null) {
      scenes.add("program");
    }
    if (d.preview() != null) {
      scenes.add("preview");
    }
    outcomes.expect(pass, StudioList.SCENES, scenes);
  }

  private static void waitForAll(StudioPass pass, String what) {
    pass.desired.inputs().forEach(i -> pass.book.pending(StudioList.INPUTS, i.name(), "waiting for " + what));
    pass.desired.layouts().forEach(l -> pass.book.pending(StudioList.LAYOUTS, l.name(), "waiting for " + what));
    pass.desired.components().forEach(c -> pass.book.pending(StudioList.COMPONENTS, c.name(), "waiting for " + what));
  }

  // ---- wishes: each item with what it waits for

  private static List<Wish<InputValue>> inputWishes(StudioPass pass) {
    return pass.desired.inputs().stream().map(i -> new Wish<>(i.name(), i, null)).toList();
  }

  private static List<Wish<io.casteroperator.config.studio.LayoutValue>> layoutWishes(StudioPass pass) {
    Map<String, String> locations = pass.desired.inputs().stream().collect(Collectors.toMap(InputValue::name, InputValue::locationId));
    List<Wish<io.casteroperator.config.studio.LayoutValue>> wishes = new ArrayList<>();
    for (LayoutWish layout : pass.desired.layouts()) {
      String missing = pass.desired.channelMode()
          ? firstMissing(pass, StudioList.CHANNELS, layout.blendSources(), layout.mixSources())
          : firstMissing(pass, StudioList.INPUTS, layout.blendSources(), layout.mixSources());
      wishes.add(new Wish<>(layout.name(), layout.resolve(locations), missing));
    }
    return wishes;
  }

  private static List<Wish<ComponentValue>> componentWishes(StudioPass pass) {
    Map<String, String> inputAt = pass.desired.inputs().stream().collect(Collectors.toMap(InputValue::locationId, InputValue::name));
    return pass.desired.components().stream().map(c -> {
      String source = "caption".equals(c.type()) && !pass.desired.channelMode() ? inputAt.get(c.locationId()) : null;
      String waiting = source != null && !pass.book.exists(StudioList.INPUTS, source) ? "input " + source : null;
      return new Wish<>(c.name(), c, waiting);
    }).toList();
  }

  private static String firstMissing(StudioPass pass, StudioList list, List<String> a, List<String> b) {
    for (String name : concat(a, b)) {
      boolean there = list == StudioList.CHANNELS
          ? pass.book.get(list, name) != null && pass.book.get(list, name).getAppliedHash() != null
          : pass.book.exists(list, name);
      if (!there) {
        return list.noun + " " + name;
      }
    }
    return null;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  // ---- channels: a set per channel, no ids of their own

  private void channels(Reconciliation r, StudioPass pass) {
    if (!pass.desired.channelMode() || pass.stopped) {
      return;
    }
    Map<String, String> seen = new HashMap<>();
    if (pass.observed != null) {
      pass.observed.channels().forEach(c -> seen.put(c.channelId(), c.resourceId()));
    }
    for (ChannelWish wish : pass.desired.channels()) {
      Optional<ChannelValue> value = wish.resolve(n -> pass.book.id(StudioList.INPUTS, n));
      if (value.isEmpty()) {
        outcomes.pending(pass, StudioList.CHANNELS, wish.channelId(), "waiting for input " + wish.input());
        continue;
      }
      String hash = StudioHash.of(value.get());
      List<FieldDifference> drift = channelDrift(pass, wish, value.get(), seen, hash);
      if (!pass.write || (hash.equals(appliedHash(pass, StudioList.CHANNELS, wish.channelId())) && drift.isEmpty())) {
        if (pass.write) {
          outcomes.holds(pass, StudioList.CHANNELS, wish.channelId());
        }
        continue;
      }
      set(r, pass, StudioList.CHANNELS, wish.channelId(), value.get().resourceId(), hash, drift, LiveAction.SetCasterChannel,
          () -> calls.call(r, pass, LiveAction.SetCasterChannel, c -> c.setChannel(r.casterId, wish.channelId(),
              value.get().resourceId())));
      if (pass.stopped) {
        return;
      }
    }
  }

  private List<FieldDifference> channelDrift(StudioPass pass, ChannelWish wish, ChannelValue value, Map<String, String> seen,
      String hash) {
    if (pass.observed == null || !hash.equals(appliedHash(pass, StudioList.CHANNELS, wish.channelId()))) {
      return List.of();
    }
    String actual = seen.get(wish.channelId());
    List<FieldDifference> drift = java.util.Objects.equals(actual, value.resourceId()) ? List.of()
        : List.of(new FieldDifference(StudioList.CHANNELS.path(wish.channelId()) + ".videoResource", wish.input(),
            actual == null ? null : pass.book.namesById(StudioList.INPUTS).getOrDefault(actual, actual)));
    outcomes.drift(pass, StudioList.CHANNELS, wish.channelId(), drift);
    return drift;
  }

  /** One set call (SetCasterChannel, SetCasterSceneConfig) and what it means for the item. */
  private void set(Reconciliation r, StudioPass pass, StudioList list, String name, String id, String hash,
      List<FieldDifference> drift, LiveAction action, java.util.function.Supplier<Optional<StudioCalls.Result<Void>>> call) {
    if (calls.heldBack(r, list, name, hash)) {
      return;
    }
    call.get().ifPresent(result -> {
      if (result.ok()) {
        calls.succeeded(r, list, name);
        outcomes.set(pass, list, name, id, hash, drift);
      } else {
        calls.refused(r, list, name, hash, result.itemError());
        outcomes.refused(r, pass, list, name, action, result.itemError());
      }
    });
  }

  private static String appliedHash(StudioPass pass, StudioList list, String name) {
    var item = pass.book.get(list, name);
    return item == null ? null : item.getAppliedHash();
  }

  // ---- scenes: exist once the caster runs; found by kind (program, preview), not by name

  private void scenes(Reconciliation r, StudioPass pass) {
    boolean running = r.memory.state != null ? r.memory.state.running() : r.status().getCasterState() == CasterState.Running;
    for (String name : List.of("program", "preview")) {
      SceneWish wish = name.equals("program") ? pass.desired.program() : pass.desired.preview();
      if (wish == null || pass.stopped) {
        continue;
      }
      if (running) {
        scene(r, pass, name, wish);
      } else {
        outcomes.pending(pass, StudioList.SCENES, name, "waiting for the caster to run");
      }
    }
  }

  private void scene(Reconciliation r, StudioPass pass, String name, SceneWish wish) {
    boolean program = name.equals("program");
    String sceneId = sceneId(r, pass, name, program);
    if (sceneId == null) {
      outcomes.pending(pass, StudioList.SCENES, name, "waiting for the caster's scenes to be known");
      return;
    }
    Optional<SceneValue> value = wish.resolve(sceneId, program, l -> pass.book.id(StudioList.LAYOUTS, l),
        c -> pass.book.id(StudioList.COMPONENTS, c));
    if (value.isEmpty()) {
      outcomes.pending(pass, StudioList.SCENES, name, "waiting for " + missingForScene(pass, wish));
      return;
    }
    String hash = StudioHash.of(value.get().content());
    List<FieldDifference> drift = sceneDrift(pass, name, value.get(), hash);
    if (!pass.write || (hash.equals(appliedHash(pass, StudioList.SCENES, name)) && drift.isEmpty())) {
      if (pass.write) {
        outcomes.holds(pass, StudioList.SCENES, name, sceneId); // under the id the caster has now
      }
      return;
    }
    set(r, pass, StudioList.SCENES, name, sceneId, hash, drift, LiveAction.SetCasterSceneConfig,
        () -> calls.call(r, pass, LiveAction.SetCasterSceneConfig, c -> c.setScene(r.casterId, value.get())));
  }

  private static String missingForScene(StudioPass pass, SceneWish wish) {
    List<String> missing = new ArrayList<>();
    if (wish.layout() != null && !pass.book.exists(StudioList.LAYOUTS, wish.layout())) {
      missing.add("layout " + wish.layout());
    }
    wish.components().stream().filter(c -> !pass.book.exists(StudioList.COMPONENTS, c)).forEach(c -> missing.add("overlay " + c));
    return String.join(" and ", missing);
  }

  private static String sceneId(Reconciliation r, StudioPass pass, String name, boolean program) {
    String recorded = pass.book.id(StudioList.SCENES, name);
    boolean recordedIsGone = recorded != null && pass.observed != null && !pass.observed.scenes().isEmpty()
        && pass.observed.scenes().stream().noneMatch(s -> s.sceneId().equals(recorded));
    if (recorded != null && !recordedIsGone) {
      return recorded;
    }
    if (pass.observed != null) {
      Optional<String> seen = pass.observed.scenes().stream().filter(s -> s.program() == program).map(SceneValue::sceneId).findFirst();
      if (seen.isPresent()) {
        return seen.get();
      }
    }
    List<CasterStream> streams = r.memory.streams;
    return streams == null ? null : streams.stream().filter(s -> s.program() == program).map(CasterStream::sceneId)
        .findFirst().orElse(null);
  }

  private List<FieldDifference> sceneDrift(StudioPass pass, String name, SceneValue value, String hash) {
    if (pass.observed == null || !hash.equals(appliedHash(pass, StudioList.SCENES, name))) {
      return List.of();
    }
    Optional<SceneValue> seen = pass.observed.scenes().stream().filter(s -> s.sceneId().equals(value.sceneId())).findFirst();
    List<FieldDifference> drift = new ArrayList<>();
    if (seen.isPresent() && !java.util.Objects.equals(seen.get().layoutId(), value.layoutId())) {
      drift.add(new FieldDifference(StudioList.SCENES.path(name) + ".layout", value.layoutId(), seen.get().layoutId()));
    }
    if (seen.isPresent() && !seen.get().componentIds().equals(value.componentIds())) {
      drift.add(new FieldDifference(StudioList.SCENES.path(name) + ".components", value.componentIds(), seen.get().componentIds()));
    }
    outcomes.drift(pass, StudioList.SCENES, name, drift);
    return drift;
  }

  // ---- what the spec no longer asks for, overlays first

  private void removeUnwanted(Reconciliation r, StudioPass pass) {
    List<io.casteroperator.api.UnmanagedStudioItem> unmanaged = new ArrayList<>();
    ObservedStudio seen = pass.observed;
    items.removeUnwanted(r, pass, ItemKind.COMPONENTS, names(pass.desired.components().stream().map(ComponentValue::name)),
        seen == null ? null : seen.components(), unmanaged);
    items.removeUnwanted(r, pass, ItemKind.LAYOUTS, names(pass.desired.layouts().stream().map(LayoutWish::name)),
        seen == null ? null : seen.layouts(), unmanaged);
    unbindChannels(r, pass);
    items.removeUnwanted(r, pass, ItemKind.INPUTS, names(pass.desired.inputs().stream().map(InputValue::name)),
        seen == null ? null : seen.inputs(), unmanaged);
    if (seen != null) {
      pass.book.unmanaged = unmanaged;
    }
  }

  private void unbindChannels(Reconciliation r, StudioPass pass) {
    Set<String> wanted = names(pass.desired.channels().stream().map(ChannelWish::channelId));
    for (String channel : pass.book.names(StudioList.CHANNELS)) {
      if (pass.stopped || wanted.contains(channel) || !pass.write) {
        continue;
      }
      calls.call(r, pass, LiveAction.SetCasterChannel, c -> c.setChannel(r.casterId, channel, null)).ifPresent(result -> {
        pass.book.forget(StudioList.CHANNELS, channel);
        pass.changed("emptied channel " + channel);
      });
    }
  }

  private static Set<String> names(java.util.stream.Stream<String> names) {
    return names.collect(Collectors.toSet());
  }
}
