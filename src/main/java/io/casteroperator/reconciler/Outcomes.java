package io.casteroperator.reconciler;

import static io.casteroperator.api.ConditionStatus.False;
import static io.casteroperator.api.ConditionStatus.True;

import io.casteroperator.api.Conditions.Reason;
import io.casteroperator.api.DriftCorrection;
import io.casteroperator.api.DriftEntry;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.Violation;
import io.casteroperator.live.ErrorClass;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * What each outcome of a reconcile looks like to the user: conditions, status fields, events, and
 * when to look again. The one place that decides how the operator reports.
 */
final class Outcomes {

  private static final String RAM_POLICY_HINT =
      " The operator's credentials need the RAM policy in deploy/ram-policy.json.";

  private final ReconcilerSettings settings;

  Outcomes(ReconcilerSettings settings) {
    this.settings = settings;
  }

  void invalidSpec(Reconciliation r, List<Violation> violations) {
    String message = violations.stream().limit(5).map(Violation::message).collect(Collectors.joining("; "))
        + (violations.size() > 5 ? "; and " + (violations.size() - 5) + " more" : "");
    r.draft.ready(False, Reason.INVALID_SPEC, message);
    r.draft.synced(False, Reason.INVALID_SPEC, "no Live API call is made until the spec is fixed");
  }

  void blocked(Reconciliation r, String reason, String message) {
    r.draft.ready(False, reason, message);
    r.draft.synced(False, reason, message);
  }

  void paused(Reconciliation r) {
    r.draft.synced(False, Reason.PAUSED, "the annotation live.caster-operator.io/paused is \"true\": no Live API calls are made");
  }

  void pending(Reconciliation r, LiveAction action, Duration retryAfter) {
    if (!isReadyForThisGeneration(r)) {
      // One message for every action: a Caster moving from its read to its write is still just waiting.
      r.draft.ready(False, Reason.PENDING, "waiting for a slot in the account's Live API budget");
      r.draft.synced(False, Reason.PENDING, "waiting for a slot in the account's Live API budget");
    }
    r.wakeUpIn(retryAfter);
  }

  void deleting(Reconciliation r, String message) {
    r.draft.ready(False, Reason.DELETING, message);
  }

  /** The spec is applied and the cloud matches it. */
  void ready(Reconciliation r) {
    String message = r.observeOnly() ? "the caster matches the spec" : "the caster matches the spec (generation "
        + r.status().getAppliedGeneration() + ")";
    r.draft.ready(True, r.observeOnly() ? Reason.OBSERVED : Reason.APPLIED, message);
    r.draft.synced(True, r.observeOnly() ? Reason.OBSERVED : Reason.APPLIED,
        r.observeOnly() ? "read back at " + r.status().getLastObservedTime() : "applied at " + r.status().getLastAppliedTime());
    clearError(r);
  }

  /** ObserveOnly found differences: reported by {@link #driftObserved}; the read itself succeeded. */
  void observedWithDrift(Reconciliation r) {
    r.draft.synced(True, Reason.OBSERVED, "read back at " + r.status().getLastObservedTime());
    clearError(r);
  }

  void channelEnablePending(Reconciliation r) {
    String message = "channels can only be enabled while the caster is stopped: stop caster " + r.casterId
        + " (StopCaster, or in the console) and the operator enables them; everything else is applied."
        + " Enabling channels discards the caster's existing layouts.";
    r.draft.ready(False, Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER, message);
    r.draft.synced(True, Reason.APPLIED, "applied at " + r.status().getLastAppliedTime() + ", except channelEnable");
    clearError(r);
    r.wakeUpIn(settings.preconditionPoll());
  }

  void channelDisableUnsupported(Reconciliation r) {
    String message = "spec.channelEnable is false or unset, but channels are enabled on caster " + r.casterId
        + " and the Live API can never disable them: the operator keeps sending ChannelEnable=1."
        + " Set spec.channelEnable: true.";
    r.draft.ready(False, Reason.CHANNEL_DISABLE_UNSUPPORTED, message);
    r.draft.synced(True, Reason.APPLIED, "applied at " + r.status().getLastAppliedTime() + " with ChannelEnable=1");
    clearError(r);
  }

  void driftObserved(Reconciliation r, List<FieldDifference> drift) {
    List<DriftEntry> previous = r.status().getDrift() == null ? List.of() : r.status().getDrift();
    Map<String, String> since = previous.stream().collect(Collectors.toMap(DriftEntry::getField,
        e -> e.getDetectedAt() == null ? r.now.toString() : e.getDetectedAt(), (a, b) -> a));
    r.status().setDrift(drift.isEmpty() ? null : drift.stream()
        .map(d -> new DriftEntry(d.field(), truncate(d.desiredJson()), truncate(d.observedJson()),
            since.getOrDefault(d.field(), r.now.toString())))
        .toList());
    if (drift.isEmpty()) {
      r.draft.drifted(False, Reason.NO_DRIFT, "the caster matches the spec as of " + r.now);
    } else {
      String fields = fields(drift);
      r.draft.drifted(True, Reason.DRIFT_DETECTED, "changed outside the operator: " + fields);
      if (r.observeOnly()) {
        r.draft.ready(False, Reason.DRIFT_DETECTED,
            "ObserveOnly: the caster differs from the spec in " + fields + " (see status.drift)");
      }
    }
  }

  void driftCorrected(Reconciliation r, List<FieldDifference> drift) {
    String fields = fields(drift);
    r.status().setDrift(null);
    r.status().setLastDriftCorrection(new DriftCorrection(drift.stream().map(FieldDifference::field).toList(), r.now.toString()));
    r.draft.drifted(False, Reason.CORRECTED, "set back to the spec at " + r.now + ": " + fields);
    r.event("DriftCorrected", "caster " + r.casterId + " was changed outside the operator; set back: " + fields);
  }

  /** The caster is about to be written for the first time: say what will change or be cleared. */
  void adoptionChanges(Reconciliation r, List<FieldDifference> differences) {
    String changes = differences.stream()
        .map(d -> d.field() + (d.desired() == null ? " (cleared)" : " (changed)"))
        .collect(Collectors.joining(", "));
    r.event("AdoptionChanges", "SetCasterConfig replaces the whole configuration of caster " + r.casterId
        + "; the first write changes: " + changes);
  }

  /**
   * A failed call. Throttled and transient failures back off exponentially with jitter; a request
   * the API refused is tried again only when the spec or the credentials change, or by the slow probe.
   *
   * @param affectsReadiness whether the call was needed to match the spec (a background read is not)
   */
  void failed(Reconciliation r, LiveAction action, LiveError error, boolean affectsReadiness) {
    String what = action + " failed: " + error.describe();
    Duration delay;
    String reason;
    switch (error.errorClass()) {
      case THROTTLED -> {
        delay = backoff(r);
        reason = Reason.THROTTLED;
        what = action + " was throttled: " + error.describe() + "; next attempt at " + r.now.plus(delay);
        r.warning(Reason.THROTTLED, what);
      }
      case RETRYABLE -> {
        delay = backoff(r);
        reason = Reason.RETRYING;
        what = what + (error.outcomeUnknown() ? " (it may have been applied)" : "") + "; next attempt at " + r.now.plus(delay);
        r.warning("CallFailed", what);
      }
      case PRECONDITION -> {
        delay = settings.preconditionPoll();
        reason = Reason.RETRYING;
        what = what + "; the caster's state does not allow it yet, next attempt at " + r.now.plus(delay);
        r.warning("CallFailed", what);
      }
      default -> {
        delay = settings.slowProbe();
        reason = Reason.CLOUD_ERROR;
        if (error.code().startsWith("Forbidden") || error.code().startsWith("PermissionDenied")) {
          what = what + "." + RAM_POLICY_HINT;
        }
        r.warning(Reason.CLOUD_ERROR, what);
      }
    }
    r.status().setLastErrorCode(error.code());
    // A refused read means the cloud no longer is what the spec expects (a caster deleted in the
    // console): that is not background noise.
    if (affectsReadiness || error.errorClass() == ErrorClass.TERMINAL) {
      r.draft.ready(False, reason, what);
      r.draft.synced(False, reason, what);
    }
    hold(r, delay);
  }

  /** Nothing is tried again before {@code delay} passes, unless the spec or credentials change. */
  void hold(Reconciliation r, Duration delay) {
    Instant until = r.now.plus(delay);
    r.memory.holdUntil = until;
    r.memory.heldFor = r.fingerprint();
    r.status().setNextRetryTime(until.toString());
    r.wakeUpAt(until);
  }

  private Duration backoff(Reconciliation r) {
    int failures = ++r.memory.failures;
    double exponential = settings.backoffBase().toMillis() * Math.pow(2, Math.min(failures - 1, 30));
    double capped = Math.min(exponential, settings.backoffCap().toMillis());
    // Equal jitter: half fixed, half random, so a fleet of casters does not retry in step.
    long millis = (long) (capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2);
    return Duration.ofMillis(Math.max(1, millis));
  }

  /** A success clears every earlier error. */
  void clearError(Reconciliation r) {
    r.status().setLastErrorCode(null);
    r.status().setNextRetryTime(null);
    r.memory.failures = 0;
    r.memory.holdUntil = null;
    r.memory.heldFor = null;
  }

  private static boolean isReadyForThisGeneration(Reconciliation r) {
    var ready = r.draft.condition(io.casteroperator.api.Conditions.READY);
    return ready != null && ready.getStatus() == True && ready.getObservedGeneration() != null
        && ready.getObservedGeneration() == r.generation();
  }

  private static String fields(List<FieldDifference> drift) {
    return drift.stream().map(FieldDifference::field).collect(Collectors.joining(", "));
  }

  private static String truncate(String value) {
    return value == null || value.length() <= 4096 ? value : value.substring(0, 4093) + "...";
  }
}
