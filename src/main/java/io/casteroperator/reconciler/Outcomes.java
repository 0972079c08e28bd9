package io.casteroperator.reconciler;

import static io.casteroperator.api.ConditionStatus.False;
import static io.casteroperator.api.ConditionStatus.True;

import io.casteroperator.api.CasterOrigin;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterState;
import io.casteroperator.api.ConditionStatus;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.api.Conditions.Reason;
import io.casteroperator.api.DeletionPolicy;
import io.casteroperator.api.DriftCorrection;
import io.casteroperator.api.DriftEntry;
import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.Violation;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.ErrorClass;
import io.casteroperator.live.ErrorMeaning;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveError;
import io.casteroperator.live.ObservedConfig;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each outcome of a reconcile looks like to the user: status fields, conditions, events, and
 * when to look again. The reconciler tells it what happened; this is the one class that writes
 * status, records events and decides retry timing.
 */
final class Outcomes {

  private static final String RAM_POLICY_HINT =
      " The operator's credentials need the RAM policy in deploy/ram-policy.json.";

  private final ReconcilerSettings settings;
  private final Backoff backoff;
  private final ReconcilerMetrics metrics;

  Outcomes(ReconcilerSettings settings, ReconcilerMetrics metrics) {
    this.settings = settings;
    this.backoff = new Backoff(settings);
    this.metrics = metrics;
  }

  // ---------------------------------------------------------------- before any call

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

  /** Which caster the Caster manages, and the deletion policy that follows. */
  void claimed(Reconciliation r, boolean adopted) {
    if (r.status().getOrigin() == null) {
      r.status().setOrigin(adopted ? CasterOrigin.Adopted : CasterOrigin.Created);
    }
    r.status().setDeletionPolicy(r.observeOnly() ? DeletionPolicy.Orphan : r.deletionPolicy());
  }

  void invalidAnnotation(Reconciliation r, String message) {
    r.warning("InvalidAnnotation", message);
  }

  /** A bug in the operator: an honest status and a slow retry, not a stale "Pending" and a crash loop. */
  void operatorError(Reconciliation r, RuntimeException e) {
    blocked(r, Reason.OPERATOR_ERROR, "the operator failed on this Caster (" + e.getClass().getSimpleName()
        + "); it tries again in " + Durations.format(settings.slowProbe()) + "; please report it with the operator's log");
    r.wakeUpIn(settings.slowProbe());
  }

  // ---------------------------------------------------------------- timing

  /** Whether the Caster still backs off from a failure (it then only asks to be woken when the hold ends). */
  boolean heldBack(Reconciliation r) {
    return backoff.holding(r);
  }

  /** A call waits for its slot in the account's budget. */
  void waiting(Reconciliation r, boolean affectsReadiness, Duration retryAfter) {
    if (affectsReadiness && !isReadyForThisGeneration(r)) {
      // One message for every action: a Caster moving from its read to its write is still just waiting.
      r.draft.ready(False, Reason.PENDING, "waiting for a slot in the account's Live API budget");
      r.draft.synced(False, Reason.PENDING, "waiting for a slot in the account's Live API budget");
    }
    r.wakeUpIn(retryAfter);
  }

  // ---------------------------------------------------------------- answers

  /**
   * A call was answered. {@code reachedCaster}: the answer proves the caster lives where the call
   * went, so that is recorded (the region once and for all; the account and Secret as last seen).
   */
  void answered(Reconciliation r, String requestId, boolean reachedCaster) {
    if (requestId != null) {
      r.status().setLastRequestId(requestId);
    }
    if (reachedCaster) {
      located(r);
    }
  }

  void created(Reconciliation r, String casterId, String requestId) {
    CasterStatus s = r.status();
    s.setCasterId(casterId);
    s.setOrigin(CasterOrigin.Created);
    s.setCasterState(CasterState.Idle);
    s.setChannelsEnabled(false);
    located(r);
    r.event("Created", "created caster " + casterId + " in " + r.target.regionId() + " (RequestId " + requestId + ")");
  }

  void configObserved(Reconciliation r, ObservedConfig observed) {
    r.status().setCasterId(r.casterId);
    r.status().setLastObservedTime(r.now.toString());
    r.status().setChannelsEnabled(observed.channelsEnabled());
  }

  void stateObserved(Reconciliation r, CasterInfo info) {
    located(r);
    r.status().setCasterState(info.running() ? CasterState.Running : CasterState.Idle);
    r.status().setChannelsEnabled(info.channelsEnabled());
  }

  void applied(Reconciliation r, DesiredConfig effective, String hash, String requestId) {
    boolean channelsNow = effective.wantsChannels() && !Boolean.TRUE.equals(r.status().getChannelsEnabled());
    recordApplied(r, effective, hash);
    r.event("Applied", "applied generation " + r.generation() + " to caster " + r.casterId + " (RequestId " + requestId + ")");
    if (channelsNow) {
      r.event("ChannelsEnabled", "channels enabled on caster " + r.casterId + ": its existing layouts were discarded");
    }
  }

  /** The caster already matched the spec before the first write: nothing was written. */
  void alreadyInSync(Reconciliation r, DesiredConfig effective, String hash) {
    recordApplied(r, effective, hash);
    r.event("InSync", "caster " + r.casterId + " already matches generation " + r.generation() + ": no write needed");
  }

  private void recordApplied(Reconciliation r, DesiredConfig effective, String hash) {
    CasterStatus s = r.status();
    s.setCasterId(r.casterId);
    s.setAppliedGeneration(r.generation());
    s.setAppliedConfigHash(hash);
    s.setLastAppliedTime(r.now.toString());
    s.setChannelsEnabled(effective.wantsChannels());
  }

  /** Where the caster lives, as the call that just reached it proves. The region never moves. */
  private static void located(Reconciliation r) {
    CasterStatus s = r.status();
    if (s.getRegionId() == null) {
      s.setRegionId(r.target.regionId());
    }
    s.setAccountId(r.target.accountId());
    s.setCredentialsSecretName(r.target.credentialsSecretName());
  }

  // ---------------------------------------------------------------- where the caster stands

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
    r.draft.ready(False, Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER, channelEnableMessage(r));
    r.draft.synced(True, Reason.APPLIED, "applied at " + r.status().getLastAppliedTime() + ", except channelEnable");
    clearError(r);
    r.wakeUpIn(settings.preconditionPoll());
  }

  void channelDisableUnsupported(Reconciliation r) {
    r.draft.ready(False, Reason.CHANNEL_DISABLE_UNSUPPORTED, channelDisableMessage(r));
    r.draft.synced(True, Reason.APPLIED, "applied at " + r.status().getLastAppliedTime() + " with ChannelEnable=1");
    clearError(r);
  }

  private static String channelEnableMessage(Reconciliation r) {
    return "channels can only be enabled while the caster is stopped: stop caster " + r.casterId
        + " (StopCaster, or in the console) and the operator enables them; everything else is applied."
        + " Enabling channels discards the caster's existing layouts.";
  }

  private static String channelDisableMessage(Reconciliation r) {
    return "spec.channelEnable is false or unset, but channels are enabled on caster " + r.casterId
        + " and the Live API can never disable them: the operator keeps sending ChannelEnable=1."
        + " Set spec.channelEnable: true.";
  }

  // ---------------------------------------------------------------- drift

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

  /**
   * Of the fields found drifted, those a write may set back: not those whose correction for this
   * spec already did not take (the next read still differed), which are reported instead.
   */
  List<FieldDifference> correctable(Reconciliation r, List<FieldDifference> drift) {
    DriftCorrection last = r.status().getLastDriftCorrection();
    if (drift.isEmpty() || last == null || !Long.valueOf(r.generation()).equals(last.getGeneration())) {
      return drift;
    }
    java.util.Set<String> givenUp = new java.util.TreeSet<>(last.getDidNotTake() == null ? List.of() : last.getDidNotTake());
    List<FieldDifference> kept = drift.stream()
        .filter(d -> givenUp.contains(d.field()) || (last.getFields() != null && last.getFields().contains(d.field())))
        .toList();
    if (kept.isEmpty()) {
      return drift;
    }
    boolean news = kept.stream().anyMatch(d -> !givenUp.contains(d.field()));
    kept.forEach(d -> givenUp.add(d.field()));
    last.setDidNotTake(List.copyOf(givenUp));
    String values = kept.stream().map(d -> d.field() + " = " + truncate(d.observedJson()) + " (spec: " + truncate(d.desiredJson()) + ")")
        .collect(Collectors.joining(", "));
    String message = "corrected at " + last.getCorrectedAt() + ", but the cloud keeps its own values: " + values
        + "; not corrected again until the spec changes";
    r.draft.drifted(True, Reason.CORRECTION_DID_NOT_TAKE, message);
    if (news) {
      r.warning(Reason.CORRECTION_DID_NOT_TAKE, "caster " + r.casterId + ": " + message);
    }
    return drift.stream().filter(d -> !givenUp.contains(d.field())).toList();
  }

  void driftCorrected(Reconciliation r, List<FieldDifference> drift) {
    String fields = fields(drift);
    DriftCorrection last = r.status().getLastDriftCorrection();
    List<String> givenUp = last != null && Long.valueOf(r.generation()).equals(last.getGeneration()) ? last.getDidNotTake() : null;
    // What is still drifted, though not corrected, stays visible.
    r.status().setDrift(r.status().getDrift() == null ? null : nullIfEmpty(r.status().getDrift().stream()
        .filter(e -> givenUp != null && givenUp.contains(e.getField())).toList()));
    r.status().setLastDriftCorrection(new DriftCorrection(drift.stream().map(FieldDifference::field).toList(), r.now.toString(),
        r.generation(), givenUp));
    if (givenUp == null) {
      r.draft.drifted(False, Reason.CORRECTED, "set back to the spec at " + r.now + ": " + fields);
    }
    r.event("DriftCorrected", "caster " + r.casterId + " was changed outside the operator; set back: " + fields);
    metrics.driftCorrected();
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  /**
   * The caster is about to be written for the first time: say everything the write will change or
   * clear, and what it sets that no read can show.
   */
  void adoptionChanges(Reconciliation r, List<FieldDifference> differences, List<String> notReadBack) {
    String changes = differences.stream()
        .map(d -> d.field() + (d.desired() == null ? " (cleared)" : " (changed)"))
        .collect(Collectors.joining(", "));
    r.event("AdoptionChanges", "SetCasterConfig replaces the whole configuration of caster " + r.casterId
        + "; the first write changes: " + (changes.isEmpty() ? "nothing the service reports" : changes)
        + (notReadBack.isEmpty() ? "" : "; will be set, cannot be read back: " + String.join(", ", notReadBack)));
  }

  // ---------------------------------------------------------------- run state and outputs

  /** spec.running is not set: the state is shown, never changed. */
  void runningNotManaged(Reconciliation r, boolean running) {
    r.status().setCasterState(running ? CasterState.Running : CasterState.Idle);
    r.draft.running(running ? True : False, Reason.NOT_MANAGED, "the caster is " + (running ? "running" : "idle")
        + "; spec.running is not set, so the operator never starts or stops it");
  }

  /** The caster runs or is stopped as spec.running asks. */
  void runningHolds(Reconciliation r, boolean running) {
    r.status().setCasterState(running ? CasterState.Running : CasterState.Idle);
    r.draft.running(running ? True : False, running ? Reason.STARTED : Reason.STOPPED,
        "the caster is " + (running ? "running" : "stopped") + ", as spec.running asks");
  }

  /** The caster is to start or stop, and has not yet: Ready waits for it too. */
  void runningPending(Reconciliation r, boolean toRun, String why) {
    String reason = toRun ? Reason.STARTING : Reason.STOPPING;
    String message = (toRun ? "starting the caster: " : "stopping the caster: ") + why;
    r.draft.running(lastSeenRunning(r), reason, message);
    if (isReadyForThisGeneration(r) || r.draft.condition(Conditions.READY) == null) {
      r.draft.ready(False, reason, message);
    }
  }

  /** Whether the caster runs, as this process saw it or, before it has looked, as status says. */
  private static ConditionStatus lastSeenRunning(Reconciliation r) {
    if (r.memory.state != null) {
      return r.memory.state.running() ? True : False;
    }
    CasterState seen = r.status().getCasterState();
    return seen == null ? ConditionStatus.Unknown : seen == CasterState.Running ? True : False;
  }

  void started(Reconciliation r, String requestId) {
    String stoppedForChannels = r.status().getStoppedForChannels();
    r.status().setCasterState(CasterState.Running);
    r.status().setStoppedForChannels(null);
    r.draft.running(True, Reason.STARTED, stoppedForChannels == null ? "started at " + r.now + ", as spec.running asks"
        : "started again at " + r.now + " with channels on (channelEnablePolicy RestartCaster): the broadcast was"
            + " interrupted from " + stoppedForChannels + " and the caster's layouts were discarded");
    r.event("Started", "started caster " + r.casterId + " (RequestId " + requestId + ")");
  }

  void stopped(Reconciliation r, String requestId) {
    r.status().setCasterState(CasterState.Idle);
    r.draft.running(False, Reason.STOPPED, "stopped at " + r.now + ", as spec.running asks");
    r.event("Stopped", "stopped caster " + r.casterId + " (RequestId " + requestId + ")");
  }

  /** channelEnablePolicy RestartCaster: the caster was stopped so that channels can be enabled. */
  void stoppedForChannels(Reconciliation r, String requestId) {
    r.status().setCasterState(CasterState.Idle);
    r.status().setStoppedForChannels(r.now.toString());
    r.draft.running(False, Reason.STARTING, "stopped at " + r.now + " to enable channels (channelEnablePolicy"
        + " RestartCaster): the broadcast is interrupted and the caster's layouts are discarded; it starts again"
        + " once channels are on");
    r.warning("StoppedForChannels", "stopped caster " + r.casterId + " to enable channels (channelEnablePolicy"
        + " RestartCaster; RequestId " + requestId + "): the broadcast is interrupted and the caster's layouts are"
        + " discarded; it starts again once channels are on");
  }

  /** The restart for channels is over without a start (spec.running is false now). */
  void restartForChannelsDropped(Reconciliation r) {
    r.status().setStoppedForChannels(null);
  }

  /** Someone started or stopped the caster behind the operator's back. */
  void runningDrifted(Reconciliation r, boolean wanted, boolean seen) {
    List<DriftEntry> drift = new ArrayList<>(r.status().getDrift() == null ? List.of() : r.status().getDrift());
    drift.removeIf(e -> "running".equals(e.getField()));
    drift.add(new DriftEntry("running", String.valueOf(wanted), String.valueOf(seen), r.now.toString()));
    r.status().setDrift(drift);
    r.draft.drifted(True, Reason.DRIFT_DETECTED, "changed outside the operator: running");
    if (r.observeOnly()) {
      r.draft.ready(False, Reason.DRIFT_DETECTED, "ObserveOnly: the caster is " + (seen ? "running" : "stopped")
          + " but spec.running is " + wanted + " (see status.drift)");
    }
  }

  void runningDriftCorrected(Reconciliation r) {
    List<DriftEntry> drift = r.status().getDrift() == null ? List.of() : r.status().getDrift();
    r.status().setDrift(nullIfEmpty(drift.stream().filter(e -> !"running".equals(e.getField())).toList()));
    r.draft.drifted(False, Reason.CORRECTED, "set back to the spec at " + r.now + ": running");
    r.event("DriftCorrected", "caster " + r.casterId + " was started or stopped outside the operator; set back: running");
    metrics.driftCorrected();
  }

  /** What the caster outputs, as just read: shown in status, every auth_key masked. */
  void outputsRead(Reconciliation r, List<io.casteroperator.live.CasterStream> streams) {
    r.status().setOutputs(streams.isEmpty() ? null : streams.stream().map(Outcomes::masked).toList());
    r.status().setOutputsReadAt(r.now.toString());
  }

  private static io.casteroperator.api.SceneOutput masked(io.casteroperator.live.CasterStream stream) {
    io.casteroperator.api.SceneOutput output = new io.casteroperator.api.SceneOutput();
    output.setScene(stream.program() ? "program" : "preview");
    output.setSceneId(stream.sceneId());
    output.setPlaybackUrl(mask(stream.playbackUrl()));
    output.setRtmpUrl(mask(stream.rtmpUrl()));
    output.setStreams(stream.streams().isEmpty() ? null : stream.streams().stream()
        .map(o -> new io.casteroperator.api.StreamOutput(o.format(), o.transcode(), mask(o.url()))).toList());
    return output;
  }

  private static String mask(String url) {
    return url == null ? null : io.casteroperator.config.Redaction.maskUrls(url);
  }

  void outputsSecretWritten(Reconciliation r, String name, boolean created) {
    r.event("OutputsSecret", (created ? "created" : "updated") + " Secret " + r.namespace() + "/" + name
        + " with the output URLs of caster " + r.casterId);
  }

  /** The outputs Secret exists and is someone else's: it is never overwritten. */
  void outputsSecretConflict(Reconciliation r, String name) {
    String message = "Secret " + r.namespace() + "/" + name + " (spec.outputsSecretRef) exists and is not owned by this"
        + " Caster: the operator does not overwrite it. Name another Secret, or delete that one";
    r.draft.ready(False, Reason.OUTPUTS_SECRET_CONFLICT, message);
    r.warning(Reason.OUTPUTS_SECRET_CONFLICT, message);
  }

  // ---------------------------------------------------------------- deletion

  void deleting(Reconciliation r, String message) {
    r.draft.ready(False, Reason.DELETING, message);
  }

  /** Deletion cannot go ahead or cannot be confirmed: the finalizer stays; say what to fix. */
  void deletionUnconfirmed(Reconciliation r, String why) {
    String message = "deletion of caster " + r.casterId + " waits: " + why + ". Fix that, or remove the finalizer "
        + io.casteroperator.api.Annotations.FINALIZER + " by hand to leave the caster in the cloud";
    r.draft.ready(False, Reason.DELETION_UNCONFIRMED, message);
    r.warning(Reason.DELETION_UNCONFIRMED, message);
    r.status().setNextRetryTime(backoff.hold(r, settings.slowProbe()).toString());
  }

  void leftInCloudWhilePaused(Reconciliation r, String casterId) {
    r.warning("NotDeleted", "the Caster is paused: caster " + casterId + " is left in the cloud");
  }

  void stoppedForDeletion(Reconciliation r, String requestId) {
    r.event("Stopped", "stopped caster " + r.casterId + " before deleting it (RequestId " + requestId + ")");
  }

  void deleted(Reconciliation r, String requestId) {
    r.event("Deleted", "deleted caster " + r.casterId + " (RequestId " + requestId + ")");
  }

  /** A call to the caster's own region and account found no caster: it is gone. */
  void gone(Reconciliation r, LiveError notFound) {
    r.event("Deleted", "caster " + r.casterId + " no longer exists in " + r.target.regionId() + " (" + notFound.describe() + ")");
  }

  // ---------------------------------------------------------------- failures

  /**
   * A failed call. Throttled and transient failures, and answers about the caster's state, back off
   * exponentially with jitter; a request the API refused is tried again only when the spec or the
   * credentials change, or by the slow probe.
   */
  void failed(Reconciliation r, LiveAction action, Purpose purpose, LiveError error) {
    Failure failure = purpose == Purpose.DELETE ? deletionFailure(r, action, error) : failure(r, action, error);
    r.status().setLastErrorCode(error.code());
    Instant next = backoff.hold(r, failure.delay());
    String message = failure.message() + "; next attempt at " + next;
    r.warning(failure.eventReason(), message);
    // A refused read means the cloud is not what the spec expects (a caster deleted in the
    // console): that is not background noise.
    if (purpose.affectsReadiness || error.errorClass() == ErrorClass.TERMINAL) {
      r.draft.ready(False, failure.reason(), message);
      r.draft.synced(False, failure.reason(), message);
    }
    r.status().setNextRetryTime(next.toString());
    if (action == LiveAction.StartCaster) {
      r.draft.running(False, error.errorClass() == ErrorClass.TERMINAL ? Reason.START_FAILED : Reason.STARTING, message);
    } else if (action == LiveAction.StopCaster && purpose != Purpose.DELETE) {
      r.draft.running(True, error.errorClass() == ErrorClass.TERMINAL ? Reason.STOP_FAILED : Reason.STOPPING, message);
    }
  }

  private record Failure(String reason, String eventReason, String message, Duration delay) {}

  private Failure failure(Reconciliation r, LiveAction action, LiveError error) {
    String what = action + " failed: " + error.describe();
    if (error.errorClass() == ErrorClass.THROTTLED) {
      return new Failure(Reason.THROTTLED, Reason.THROTTLED, action + " was throttled: " + error.describe(), backoff.next(r));
    }
    switch (error.meaning()) {
      case CHANNELS_NEED_STOPPED_CASTER -> {
        // The answer tells the caster's state: the next attempt applies the rest without channels.
        r.memory.state = new CasterInfo(r.casterId, null, true, false);
        r.memory.stateAt = r.now;
        r.status().setCasterState(CasterState.Running);
        return new Failure(Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER, Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER,
            what + "; " + channelEnableMessage(r), backoff.next(r));
      }
      case CHANNELS_CANNOT_BE_DISABLED -> {
        r.status().setChannelsEnabled(true);
        return new Failure(Reason.CHANNEL_DISABLE_UNSUPPORTED, Reason.CHANNEL_DISABLE_UNSUPPORTED,
            what + "; " + channelDisableMessage(r), backoff.next(r));
      }
      case NOT_FOUND -> {
        if (!r.accountConfirmed) {
          return new Failure(Reason.ACCOUNT_MISMATCH, Reason.ACCOUNT_MISMATCH, what + "; " + accountMismatch(r),
              settings.slowProbe());
        }
      }
      default -> { }
    }
    return switch (error.errorClass()) {
      case RETRYABLE -> new Failure(Reason.RETRYING, "CallFailed",
          what + (error.outcomeUnknown() ? " (it may have been applied)" : ""), backoff.next(r));
      case PRECONDITION -> new Failure(Reason.RETRYING, "CallFailed",
          what + "; the caster's state does not allow it yet", settings.preconditionPoll());
      default -> new Failure(Reason.CLOUD_ERROR, Reason.CLOUD_ERROR,
          what + (error.means(ErrorMeaning.ACCESS_DENIED) ? "." + RAM_POLICY_HINT : ""), settings.slowProbe());
    };
  }

  private Failure deletionFailure(Reconciliation r, LiveAction action, LiveError error) {
    String what = "deletion of caster " + r.casterId + " waits: " + action + " failed: " + error.describe();
    if (error.errorClass() == ErrorClass.THROTTLED) {
      return new Failure(Reason.THROTTLED, Reason.THROTTLED, action + " was throttled: " + error.describe(), backoff.next(r));
    }
    if (error.means(ErrorMeaning.ACCESS_DENIED)) {
      what = what + "." + RAM_POLICY_HINT;
    }
    Duration delay = error.errorClass() == ErrorClass.TERMINAL ? settings.slowProbe() : backoff.next(r);
    return new Failure(Reason.DELETION_UNCONFIRMED, Reason.DELETION_UNCONFIRMED, what, delay);
  }

  /** Why "not found" from other credentials than the caster's account says nothing. */
  static String accountMismatch(Reconciliation r) {
    CasterLocation recorded = r.recorded();
    return "caster " + r.casterId + " lives in account " + (recorded == null ? "?" : recorded.accountId())
        + " (status.accountId), but " + r.target.credentialsDescription(r.namespace()) + " belong to account "
        + r.target.accountId() + ", which cannot see it: that does not mean it is gone. Use credentials of account "
        + (recorded == null ? "?" : recorded.accountId()) + " (if they are the same account under another name, set"
        + " accountId in the Secret to that value)";
  }

  /** A success clears every earlier error. */
  private void clearError(Reconciliation r) {
    r.status().setLastErrorCode(null);
    r.status().setNextRetryTime(null);
    backoff.reset(r);
  }

  // ---------------------------------------------------------------- publishing

  /** Records the events and writes the status (only if it changed); nothing is written once the Caster goes away. */
  void publish(Reconciliation r, boolean finalizerRemoved) {
    for (Reconciliation.Note note : r.notes) {
      r.kube.recordEvent(r.caster, note.warning(), note.reason(), note.message());
    }
    if (finalizerRemoved) {
      return; // the Caster is going away: nobody reads its status any more
    }
    // Kept until the API server holds it: if the write fails, the next reconcile still knows what was applied.
    r.memory.unwritten = r.status();
    StatusWriter.Written written = r.kube.writeStatus(r.latest(), r.status());
    if (written.result() != StatusWriter.Result.DEFERRED) {
      r.memory.unwritten = null;
    }
    if (written.result() == StatusWriter.Result.WRITTEN && written.caster() != null) {
      r.memory.written = r.status();
      r.memory.writtenVersion = written.caster().getMetadata().getResourceVersion();
    }
    metrics.readyReason(r.uid(), readyReason(r));
  }

  /**
   * Writes, in the middle of a reconcile, the studio's records into the status the API server
   * holds, and nothing else: what the cloud just created (a studio item's id) must survive a crash,
   * while conditions wait for the reconcile's end (Ready is not True while items are still added).
   */
  void checkpoint(Reconciliation r, io.casteroperator.api.StudioStatus studio) {
    Caster latest = r.latest();
    CasterStatus held = latest.getStatus() == null ? new CasterStatus()
        : io.fabric8.kubernetes.client.utils.Serialization.clone(latest.getStatus());
    held.setStudio(studio);
    StatusWriter.Written written = r.kube.writeStatus(latest, held);
    if (written.result() == StatusWriter.Result.WRITTEN && written.caster() != null) {
      r.written = written.caster();
    }
  }

  static String readyReason(Reconciliation r) {
    var ready = r.draft.condition(Conditions.READY);
    return ready == null ? "Unknown" : ready.getReason();
  }

  private static boolean isReadyForThisGeneration(Reconciliation r) {
    var ready = r.draft.condition(Conditions.READY);
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
