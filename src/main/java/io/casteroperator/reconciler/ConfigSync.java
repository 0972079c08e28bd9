package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.DescribeCasterConfig;
import static io.casteroperator.live.LiveAction.SetCasterConfig;

import io.casteroperator.api.CasterOrigin;
import io.casteroperator.api.ChannelEnablePolicy;
import io.casteroperator.config.ConfigHash;
import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.ObservableConfig;
import io.casteroperator.config.SpecMapper;
import io.casteroperator.live.ObservedConfig;
import io.casteroperator.reconciler.CloudCalls.Answer;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The caster's configuration: written (Full) or only read (ObserveOnly), with as few calls as
 * possible. A write happens only on a real difference: a new spec (its hash), drift found by a
 * read, or a first write that the caster's current configuration does not already satisfy.
 */
final class ConfigSync {

  /** What to send, and whether channels wait for the caster to stop. */
  private record Plan(DesiredConfig config, boolean channelsPending) {}

  private final ReconcilerSettings settings;
  private final CloudCalls calls;
  private final Outcomes outcomes;
  private final DriftSchedule drift;
  private final StateReads states;
  private final RunState runState;

  ConfigSync(ReconcilerSettings settings, CloudCalls calls, Outcomes outcomes, DriftSchedule drift, StateReads states,
      RunState runState) {
    this.settings = settings;
    this.calls = calls;
    this.outcomes = outcomes;
    this.drift = drift;
    this.states = states;
    this.runState = runState;
  }

  /**
   * Full management: make the caster match the spec. Returns whether its configuration is applied
   * (channels waiting for a stopped caster count as applied: everything else is).
   */
  boolean apply(Reconciliation r) {
    DesiredConfig desired = SpecMapper.toDesired(r.spec());
    boolean firstWrite = r.status().getAppliedConfigHash() == null;
    // SetCasterConfig replaces everything: know what is there before the first write.
    if (firstWrite && r.memory.observed == null && !readConfig(r, Purpose.CONVERGE)) {
      return false;
    }
    Optional<Plan> plan = plan(r, desired);
    if (plan.isEmpty()) {
      return false;
    }
    DesiredConfig effective = plan.get().config();
    String hash = ConfigHash.of(effective);
    boolean inSync = hash.equals(r.status().getAppliedConfigHash());
    List<FieldDifference> drifted = List.of();
    if (inSync && checkDue(r)) {
      Optional<List<FieldDifference>> found = checkDrift(r, effective);
      if (found.isEmpty()) {
        return false;
      }
      drifted = found.get();
      inSync = drifted.isEmpty();
    } else if (firstWrite) {
      inSync = satisfiedBeforeFirstWrite(r, effective, hash);
    }
    if (!inSync && !write(r, effective, hash, drifted)) {
      return false;
    }
    report(r, desired, plan.get());
    drift.keep(r);
    return true;
  }

  /** ObserveOnly: read the caster, report it and its drift, never write. */
  void observe(Reconciliation r) {
    boolean neverRead = r.status().getLastObservedTime() == null;
    boolean specChangedSinceRestart = r.memory.observed == null && !Long.valueOf(r.generation()).equals(
        r.base == null ? null : r.base.getObservedGeneration());
    if (neverRead || specChangedSinceRestart || checkDue(r)) {
      Purpose purpose = neverRead ? Purpose.CONVERGE : Purpose.CHECK;
      if (!readConfig(r, purpose)) {
        return;
      }
      states.forDriftCheck(r, purpose);
      drift.checked(r);
      r.driftRead = true;
    }
    if (r.memory.observed != null) {
      DesiredConfig desired = SpecMapper.toDesired(r.spec());
      List<FieldDifference> differences = r.memory.observed.config().observable().differencesFrom(desired.observable());
      outcomes.driftObserved(r, differences);
      if (differences.isEmpty()) {
        outcomes.ready(r);
      } else {
        outcomes.observedWithDrift(r);
      }
    }
    drift.keep(r);
  }

  /**
   * A read is due: the drift interval has passed, or where the caster lives is not recorded yet (a
   * caster reached before the operator recorded locations: one read records it).
   */
  private boolean checkDue(Reconciliation r) {
    return drift.due(r) || r.recorded() == null;
  }

  /** ChannelEnable can never go back to 0, and goes to 1 only while the caster is stopped. */
  private Optional<Plan> plan(Reconciliation r, DesiredConfig desired) {
    boolean channelsOn = Boolean.TRUE.equals(r.status().getChannelsEnabled());
    if (channelsOn && !desired.wantsChannels()) {
      return Optional.of(new Plan(desired.withChannelEnable(true), false));
    }
    if (channelsOn || !desired.wantsChannels()) {
      return Optional.of(new Plan(desired, false));
    }
    if (stateOlderThan(r, settings.preconditionPoll())
        && !states.read(r, r.memory.state == null ? Purpose.CONVERGE : Purpose.POLL)) {
      return Optional.empty();
    }
    if (!r.memory.state.running()) {
      return Optional.of(new Plan(desired, false));
    }
    if (r.spec().getChannelEnablePolicy() == ChannelEnablePolicy.RestartCaster) {
      // Stop it now, enable channels, and start it again once they are on (RunState).
      return runState.stopForChannels(r) ? Optional.of(new Plan(desired, false)) : Optional.empty();
    }
    // Running: apply the rest now; channels once it is stopped.
    return Optional.of(new Plan(desired.withChannelEnable(false), true));
  }

  private Optional<List<FieldDifference>> checkDrift(Reconciliation r, DesiredConfig effective) {
    if (!readConfig(r, Purpose.CHECK)) {
      return Optional.empty();
    }
    states.forDriftCheck(r, Purpose.CHECK);
    drift.checked(r);
    r.driftRead = true;
    List<FieldDifference> drifted = r.memory.observed.config().observable().differencesFrom(effective.observable());
    outcomes.driftObserved(r, drifted);
    return Optional.of(outcomes.correctable(r, drifted));
  }

  /**
   * Before the first write: an adopted caster that already matches is not written at all (unless
   * the spec sets what no read can show: then only a write makes sure).
   */
  private boolean satisfiedBeforeFirstWrite(Reconciliation r, DesiredConfig effective, String hash) {
    List<FieldDifference> differences = r.memory.observed.config().observable().differencesFrom(effective.observable());
    List<String> notReadBack = ObservableConfig.notReadBack(effective);
    if (differences.isEmpty() && notReadBack.isEmpty()) {
      outcomes.alreadyInSync(r, effective, hash);
      drift.checked(r);
      return true;
    }
    if (r.status().getOrigin() == CasterOrigin.Adopted && !r.memory.adoptionAnnounced) {
      outcomes.adoptionChanges(r, differences, notReadBack);
      r.memory.adoptionAnnounced = true;
    }
    return false;
  }

  private boolean write(Reconciliation r, DesiredConfig effective, String hash, List<FieldDifference> drifted) {
    Optional<Answer<Void>> answer = calls.call(r, SetCasterConfig, Purpose.CONVERGE, c -> c.update(r.casterId, effective));
    if (answer.isEmpty()) {
      return false;
    }
    outcomes.applied(r, effective, hash, answer.get().requestId());
    r.memory.observed = new ObservedConfig(r.casterId, effective);
    drift.checked(r);
    if (!drifted.isEmpty()) {
      outcomes.driftCorrected(r, drifted);
    }
    return true;
  }

  private void report(Reconciliation r, DesiredConfig desired, Plan plan) {
    if (plan.channelsPending()) {
      outcomes.channelEnablePending(r);
    } else if (plan.config().wantsChannels() && !desired.wantsChannels()) {
      outcomes.channelDisableUnsupported(r);
    } else {
      outcomes.ready(r);
    }
  }

  private boolean readConfig(Reconciliation r, Purpose purpose) {
    Optional<Answer<ObservedConfig>> answer =
        calls.call(r, DescribeCasterConfig, purpose, c -> c.observeConfig(r.casterId));
    answer.ifPresent(a -> {
      r.memory.observed = a.value();
      r.memory.observedAt = r.now;
      outcomes.configObserved(r, a.value());
    });
    return answer.isPresent();
  }

  private static boolean stateOlderThan(Reconciliation r, Duration age) {
    return r.memory.state == null || !r.memory.stateAt.plus(age).isAfter(r.now);
  }
}
