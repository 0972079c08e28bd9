package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.StartCaster;
import static io.casteroperator.live.LiveAction.StopCaster;

import io.casteroperator.api.Condition;
import io.casteroperator.api.Conditions;
import io.casteroperator.api.Conditions.Reason;
import io.casteroperator.live.CasterStream;
import io.casteroperator.live.ErrorMeaning;
import io.casteroperator.reconciler.CloudCalls.Answer;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.util.List;
import java.util.Optional;

/**
 * Whether the caster is on air (spec.running): started once its configuration is applied, stopped
 * when the spec says so, and set back when someone starts or stops it from the console. Left alone
 * when spec.running is not set, except to finish a restart the operator began to enable channels.
 */
final class RunState {

  private final CloudCalls calls;
  private final Outcomes outcomes;
  private final StateReads states;
  private final Outputs outputs;

  RunState(CloudCalls calls, Outcomes outcomes, StateReads states, Outputs outputs) {
    this.calls = calls;
    this.outcomes = outcomes;
    this.states = states;
    this.outputs = outputs;
  }

  /** After the configuration step: start or stop as the spec asks, then keep the outputs. */
  void converge(Reconciliation r, boolean configApplied) {
    Boolean wanted = r.spec().getRunning();
    boolean restarting = r.status().getStoppedForChannels() != null;
    if (wanted == null && !restarting) {
      if (r.memory.state != null) {
        outcomes.runningNotManaged(r, r.memory.state.running());
      }
      outputs.keep(r, false);
      return;
    }
    // Unset, a restart for channels brings the caster back to what it was: running.
    boolean toRun = wanted == null || wanted;
    if (r.memory.state == null && toRun && !configApplied) {
      // Nothing can be started before the configuration holds: reading the state now would spend
      // a read on every retry of a failing configuration.
      outcomes.runningPending(r, true, "its configuration is not applied yet");
      return;
    }
    if (r.memory.state == null && !states.read(r, Purpose.CONVERGE)) {
      return;
    }
    boolean running = r.memory.state.running();
    if (running == toRun) {
      holds(r, wanted, running);
      return;
    }
    boolean drifted = heldBefore(r, toRun);
    if (drifted) {
      outcomes.runningDrifted(r, toRun, running);
    }
    if (toRun && !configApplied) {
      outcomes.runningPending(r, true, configurationNotApplied(r, restarting));
      return;
    }
    if (toRun ? start(r) : stop(r)) {
      if (drifted) {
        outcomes.runningDriftCorrected(r);
      }
      outputs.keep(r, toRun);
    }
  }

  /** Why a start waits; stopped for channels, what that stop costs the broadcast too. */
  private static String configurationNotApplied(Reconciliation r, boolean restarting) {
    return restarting
        ? "its configuration with channels on is not applied yet (stopped at " + r.status().getStoppedForChannels()
            + " to enable channels, channelEnablePolicy RestartCaster: the broadcast is interrupted and the"
            + " caster's layouts are discarded)"
        : "its configuration is not applied yet";
  }

  /** ObserveOnly: the run state is only reported, drift included. */
  void observe(Reconciliation r) {
    Boolean wanted = r.spec().getRunning();
    // A drift check's state read may have waited for a free slot: what the spec asks about is read.
    if (r.memory.state == null && (wanted == null || !states.read(r, Purpose.CONVERGE))) {
      return;
    }
    boolean running = r.memory.state.running();
    if (wanted == null) {
      outcomes.runningNotManaged(r, running);
    } else if (wanted == running) {
      outcomes.runningHolds(r, running);
    } else {
      outcomes.runningDrifted(r, wanted, running);
    }
  }

  /**
   * channelEnablePolicy RestartCaster: stops the running caster so that channels can be enabled;
   * it is started again once they are on. False when the stop did not happen (yet).
   */
  boolean stopForChannels(Reconciliation r) {
    Optional<Answer<Void>> stop = calls.call(r, StopCaster, Purpose.CONVERGE, c -> c.stop(r.casterId));
    if (stop.isEmpty()) {
      return false;
    }
    states.madeSo(r, false);
    outcomes.stoppedForChannels(r, stop.get().requestId());
    return true;
  }

  private void holds(Reconciliation r, Boolean wanted, boolean running) {
    if (wanted == null) {
      outcomes.runningNotManaged(r, running);
    } else {
      outcomes.runningHolds(r, running);
    }
    // The run state holds: a restart for channels is over, whoever started the caster again.
    outcomes.restartForChannelsDropped(r);
    outputs.keep(r, false);
  }

  /**
   * Whether the run state the spec asks for held before (this generation) and no longer does:
   * someone started or stopped the caster behind the operator's back.
   */
  private static boolean heldBefore(Reconciliation r, boolean toRun) {
    Condition before = r.base == null || r.base.getConditions() == null ? null : r.base.getConditions().stream()
        .filter(c -> Conditions.RUNNING.equals(c.getType())).findFirst().orElse(null);
    return before != null && Long.valueOf(r.generation()).equals(before.getObservedGeneration())
        && (toRun ? Reason.STARTED : Reason.STOPPED).equals(before.getReason());
  }

  private boolean start(Reconciliation r) {
    Optional<Answer<List<CasterStream>>> answer = calls.call(r, StartCaster, Purpose.CONVERGE, c -> c.start(r.casterId));
    if (answer.isEmpty()) {
      return false;
    }
    states.madeSo(r, true);
    outcomes.started(r, answer.get().requestId());
    return true;
  }

  private boolean stop(Reconciliation r) {
    boolean[] alreadyIdle = {false};
    Optional<Answer<Void>> answer = calls.call(r, StopCaster, Purpose.CONVERGE, c -> c.stop(r.casterId), error -> {
      // Stopped meanwhile (or never started): what was asked for holds.
      alreadyIdle[0] = error.means(ErrorMeaning.CASTER_IDLE) || error.means(ErrorMeaning.NO_SCENES);
      return alreadyIdle[0];
    });
    if (answer.isEmpty() && !alreadyIdle[0]) {
      return false;
    }
    states.madeSo(r, false);
    outcomes.stopped(r, answer.map(Answer::requestId).orElse("none: it was stopped already"));
    outcomes.restartForChannelsDropped(r);
    return true;
  }
}
