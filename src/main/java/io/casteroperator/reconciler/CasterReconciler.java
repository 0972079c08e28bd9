package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.CreateCaster;
import static io.casteroperator.live.LiveAction.DeleteCaster;
import static io.casteroperator.live.LiveAction.DescribeCasterConfig;
import static io.casteroperator.live.LiveAction.DescribeCasters;
import static io.casteroperator.live.LiveAction.SetCasterConfig;
import static io.casteroperator.live.LiveAction.StopCaster;
import static io.casteroperator.ratelimit.Priority.BACKGROUND;
import static io.casteroperator.ratelimit.Priority.USER_CHANGE;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterOrigin;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.CasterState;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.api.Conditions.Reason;
import io.casteroperator.api.DeletionPolicy;
import io.casteroperator.api.NormType;
import io.casteroperator.api.Patterns;
import io.casteroperator.api.Tag;
import io.casteroperator.api.UnreadableSpec;
import io.casteroperator.config.ConfigHash;
import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.SpecMapper;
import io.casteroperator.config.SpecValidator;
import io.casteroperator.config.Violation;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.ErrorClass;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.live.LiveError;
import io.casteroperator.live.LiveRegions;
import io.casteroperator.live.NewCaster;
import io.casteroperator.live.ObservedConfig;
import io.casteroperator.ratelimit.Priority;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges each Caster with its cloud caster. Per reconcile: validate the spec, resolve the target
 * caster, its single owner and the credentials, respect any backoff, then observe only what is
 * needed, write only on a real difference, and report exactly what the Live API answered.
 *
 * <p>Every Live API call goes through the account's budget ({@link CloudCalls}); when it has no slot
 * now, the reconcile ends and comes back when the slot is due, so no thread waits for the quota.
 */
public final class CasterReconciler implements Reconciler<Caster> {

  private static final Pattern CASTER_ID = Pattern.compile(Patterns.CASTER_ID.replace("$", "\\z"));

  /** Casters by the cloud caster they manage, to give each caster one owner. */
  static final String CASTER_ID_INDEX = "casterId";
  /** Casters by namespace/name of their credentials Secret, to react to Secret changes. */
  static final String SECRET_INDEX = "credentialsSecret";

  private static final Logger LOG = LoggerFactory.getLogger(CasterReconciler.class);

  private final ReconcilerSettings settings;
  private final LiveClientFactory clients;
  private final CloudCalls calls;
  private final Outcomes outcomes;
  private final DriftSchedule drift;
  private final MemoryStore memory = new MemoryStore();
  private final Ownership ownership = new Ownership();
  private final StatusWriter statusWriter = new StatusWriter();
  private final EventRecorder events;
  private final ReconcilerMetrics metrics;
  private final Clock clock;

  private volatile InformerEventSource<Secret, Caster> secrets;
  private final SimpleInboundEventSource<Caster> ownershipChanges = new SimpleInboundEventSource<>("ownership");

  public CasterReconciler(
      ReconcilerSettings settings,
      LiveClientFactory clients,
      io.casteroperator.ratelimit.ApiBudgets budgets,
      ReconcilerMetrics metrics,
      Clock clock) {
    this.settings = settings;
    this.clients = clients;
    this.metrics = metrics;
    this.calls = new CloudCalls(budgets, metrics);
    this.outcomes = new Outcomes(settings);
    this.drift = new DriftSchedule(settings.driftInterval());
    this.events = new EventRecorder(clock);
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Caster>> prepareEventSources(EventSourceContext<Caster> context) {
    context.getPrimaryCache().addIndexer(CASTER_ID_INDEX, c -> {
      String id = managedCasterId(c);
      return id == null ? List.of() : List.of(id);
    });
    context.getPrimaryCache().addIndexer(SECRET_INDEX, c -> {
      CasterSpec spec = c.getSpec();
      if (spec == null || spec instanceof UnreadableSpec || spec.getCredentialsSecretRef() == null) {
        return List.of();
      }
      return List.of(c.getMetadata().getNamespace() + "/" + spec.getCredentialsSecretRef().getName());
    });
    secrets = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Secret.class, Caster.class)
            .withName("credentials")
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache()
                .byIndex(SECRET_INDEX, secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName())
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .build(),
        context);
    return List.of(secrets, ownershipChanges);
  }

  @Override
  public UpdateControl<Caster> reconcile(Caster caster, Context<Caster> context) {
    if (context.isPrimaryResourceDeleted()) {
      forget(caster, context);
      return UpdateControl.noUpdate();
    }
    long started = System.nanoTime();
    CasterMemory mem = memory.of(caster.getMetadata().getUid());
    Reconciliation r = new Reconciliation(caster, mem, clock.instant());
    boolean finalizerRemoved;
    try {
      finalizerRemoved = caster.isMarkedForDeletion() ? delete(r, context) : converge(r, context);
    } catch (RuntimeException e) {
      if (e instanceof OperatorException || causedByTheApiServer(e)) {
        throw e; // JOSDK retries these with its backoff
      }
      // A bug must still leave an honest status, not a stale "Pending" and a crash loop.
      LOG.error("{} reconcile failed", r.ref(), e);
      outcomes.blocked(r, Reason.OPERATOR_ERROR, "the operator failed on this Caster (" + e.getClass().getSimpleName()
          + "); it tries again in " + Durations.format(settings.slowProbe()) + "; please report it with the operator's log");
      r.wakeUpIn(settings.slowProbe());
      finalizerRemoved = false;
    }
    finish(r, context.getClient(), finalizerRemoved);
    metrics.reconciled(readyReason(r), Duration.ofNanos(System.nanoTime() - started));
    return r.wakeUp() == null ? UpdateControl.noUpdate() : UpdateControl.<Caster>noUpdate().rescheduleAfter(r.wakeUp());
  }

  // ---------------------------------------------------------------- the decisions

  private boolean converge(Reconciliation r, Context<Caster> context) {
    List<Violation> violations = SpecValidator.validate(r.caster.getSpec());
    if (!violations.isEmpty()) {
      outcomes.invalidSpec(r, violations);
    } else if (r.paused()) {
      outcomes.paused(r);
    } else if (resolveTarget(r, context) && resolveCredentials(r) && !heldBack(r)) {
      syncFinalizer(r, context);
      if (r.casterId != null || create(r, context.getClient())) {
        if (r.observeOnly()) {
          observe(r);
        } else {
          apply(r);
        }
      }
    }
    return false;
  }

  /** Full management: make the caster match the spec, with as few calls as possible. */
  private void apply(Reconciliation r) {
    CasterStatus s = r.status();
    DesiredConfig desired = SpecMapper.toDesired(r.spec());
    boolean firstWrite = s.getAppliedConfigHash() == null;

    // SetCasterConfig replaces everything: know what is there before the first write.
    if (firstWrite && r.memory.observed == null && !observeConfig(r, USER_CHANGE, true)) {
      return;
    }

    boolean channelsOn = Boolean.TRUE.equals(s.getChannelsEnabled());
    DesiredConfig effective = desired;
    boolean channelsPending = false;
    if (channelsOn && !desired.wantsChannels()) {
      effective = desired.withChannelEnable(true); // ChannelEnable can never go back to 0
    } else if (!channelsOn && desired.wantsChannels()) {
      if (stateOlderThan(r, settings.preconditionPoll())
          && !observeState(r, r.memory.state == null ? USER_CHANGE : BACKGROUND, true)) {
        return;
      }
      if (r.memory.state.running()) {
        effective = desired.withChannelEnable(false); // apply the rest now; channels once stopped
        channelsPending = true;
      }
    }

    String hash = ConfigHash.of(effective);
    boolean inSync = hash.equals(s.getAppliedConfigHash());
    List<FieldDifference> drifted = List.of();
    if (inSync && drift.due(r)) {
      if (!observeConfig(r, BACKGROUND, false)) {
        return;
      }
      observeState(r, BACKGROUND, false);
      drift.checked(r);
      drifted = r.memory.observed.config().observable().differencesFrom(effective.observable());
      outcomes.driftObserved(r, drifted);
      inSync = drifted.isEmpty();
    } else if (firstWrite) {
      List<FieldDifference> differences =
          r.memory.observed.config().observable().differencesFrom(effective.observable());
      if (differences.isEmpty()) {
        inSync = true;
        recordApplied(r, effective, hash, null);
      } else if (s.getOrigin() == CasterOrigin.Adopted && !r.memory.adoptionAnnounced) {
        outcomes.adoptionChanges(r, differences);
        r.memory.adoptionAnnounced = true;
      }
    }

    if (!inSync) {
      DesiredConfig toSend = effective;
      var call = calls.call(r, SetCasterConfig, USER_CHANGE, c -> c.update(r.casterId, toSend));
      if (call.waiting()) {
        outcomes.pending(r, SetCasterConfig, call.retryAfter());
        return;
      }
      if (!call.result().isOk()) {
        writeFailed(r, call.result().error());
        return;
      }
      recordApplied(r, effective, hash, call.result().requestId());
      if (!drifted.isEmpty()) {
        outcomes.driftCorrected(r, drifted);
        metrics.driftCorrected();
      }
    }

    if (channelsPending) {
      outcomes.channelEnablePending(r);
    } else if (effective.wantsChannels() && !desired.wantsChannels()) {
      outcomes.channelDisableUnsupported(r);
    } else {
      outcomes.ready(r);
    }
    drift.keep(r);
  }

  /** ObserveOnly: read the caster, report it and its drift, never write. */
  private void observe(Reconciliation r) {
    boolean neverRead = r.status().getLastObservedTime() == null;
    boolean specChangedSinceRestart = r.memory.observed == null && !Long.valueOf(r.generation()).equals(
        r.base == null ? null : r.base.getObservedGeneration());
    if (neverRead || specChangedSinceRestart || drift.due(r)) {
      if (!observeConfig(r, neverRead ? USER_CHANGE : BACKGROUND, neverRead)) {
        return;
      }
      observeState(r, BACKGROUND, false);
      drift.checked(r);
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

  /** No casterId: create the caster. Its id is recorded in metadata at once, before anything else. */
  private boolean create(Reconciliation r, KubernetesClient kube) {
    CasterSpec spec = r.spec();
    Map<String, String> tags = new LinkedHashMap<>();
    if (spec.getTags() != null) {
      spec.getTags().forEach((Tag t) -> tags.put(t.getKey(), t.getValue() == null ? "" : t.getValue()));
    }
    NewCaster request = new NewCaster(
        "caster-operator-" + r.uid(), // the same token on every retry: never a second caster
        spec.getCasterName() != null ? spec.getCasterName() : r.caster.getMetadata().getName(),
        (spec.getNormType() == null ? NormType.General : spec.getNormType()).apiValue(),
        spec.getResourceGroupId(),
        tags);
    var call = calls.call(r, CreateCaster, USER_CHANGE, c -> c.create(request));
    if (call.waiting()) {
      outcomes.pending(r, CreateCaster, call.retryAfter());
      return false;
    }
    if (!call.result().isOk()) {
      outcomes.failed(r, CreateCaster, call.result().error(), true);
      return false;
    }
    String id = call.result().value();
    MergePatch.caster(kube, r.caster, null,
        "{\"metadata\":{\"annotations\":{\"" + Annotations.CASTER_ID + "\":\"" + id + "\"}}}");
    r.casterId = id;
    r.status().setCasterId(id);
    r.status().setOrigin(CasterOrigin.Created);
    r.status().setCasterState(CasterState.Idle);
    r.status().setChannelsEnabled(false);
    r.memory.observed = new ObservedConfig(id, DesiredConfig.EMPTY); // a new caster is empty
    r.event("Created", "created caster " + id + " (RequestId " + call.result().requestId() + ")");
    return true;
  }

  /**
   * Deletion with policy Delete: stop the caster if it runs, then delete it; a caster that is
   * already gone counts as deleted. Returns whether the finalizer was removed.
   */
  private boolean delete(Reconciliation r, Context<Caster> context) {
    if (!r.caster.hasFinalizer(Annotations.FINALIZER)) {
      return false;
    }
    String id = managedCasterId(r.caster);
    if (r.paused()) {
      r.warning("NotDeleted", "the Caster is paused: caster " + id + " is left in the cloud");
      return removeFinalizer(context);
    }
    if (id == null || r.observeOnly() || deletionPolicy(r) == DeletionPolicy.Orphan || !ownedBy(r, id, context)) {
      return removeFinalizer(context);
    }
    r.casterId = id;
    if (!resolveCredentials(r) || heldBack(r)) {
      return false;
    }
    outcomes.deleting(r, "stopping and deleting caster " + id);
    var state = calls.call(r, DescribeCasters, USER_CHANGE, c -> c.observeState(id));
    if (state.waiting()) {
      r.wakeUpIn(state.retryAfter());
      return false;
    }
    if (!state.result().isOk()) {
      outcomes.failed(r, DescribeCasters, state.result().error(), true);
      return false;
    }
    Optional<CasterInfo> info = state.result().value();
    if (info.isEmpty()) {
      r.event("Deleted", "caster " + id + " no longer exists");
      return removeFinalizer(context);
    }
    if (info.get().running()) {
      var stop = calls.call(r, StopCaster, USER_CHANGE, c -> c.stop(id));
      if (stop.waiting()) {
        r.wakeUpIn(stop.retryAfter());
        return false;
      }
      if (!stop.result().isOk()) {
        outcomes.failed(r, StopCaster, stop.result().error(), true);
        return false;
      }
      r.event("Stopped", "stopped caster " + id + " before deleting it (RequestId " + stop.result().requestId() + ")");
    }
    var deletion = calls.call(r, DeleteCaster, USER_CHANGE, c -> c.delete(id));
    if (deletion.waiting()) {
      r.wakeUpIn(deletion.retryAfter());
      return false;
    }
    if (!deletion.result().isOk() && !"InvalidCaster.NotFound".equals(deletion.result().code())) {
      outcomes.failed(r, DeleteCaster, deletion.result().error(), true);
      return false;
    }
    r.event("Deleted", "deleted caster " + id + " (RequestId " + deletion.result().requestId() + ")");
    return removeFinalizer(context);
  }

  // ---------------------------------------------------------------- steps

  /** Which caster this Caster manages, and whether it may: one owner per caster, no id change. */
  private boolean resolveTarget(Reconciliation r, Context<Caster> context) {
    String annotated = r.annotation(Annotations.CASTER_ID);
    if (annotated != null && !isCasterId(annotated)) {
      outcomes.invalidSpec(r, List.of(new Violation("metadata.annotations[" + Annotations.CASTER_ID + "]", "pattern",
          "metadata.annotations[" + Annotations.CASTER_ID + "]: not a caster id; the operator writes it when it"
              + " creates a caster, and a Caster restored from a backup keeps it: remove or correct it")));
      return false;
    }
    String managed = annotated != null ? annotated : r.status().getCasterId();
    String wanted = r.spec().getCasterId();
    if (wanted != null && managed != null && !wanted.equals(managed)) {
      outcomes.blocked(r, Reason.CASTER_ID_IMMUTABLE, "spec.casterId " + wanted + " differs from caster " + managed
          + " that this Caster manages; casterId cannot change: create another Caster for another caster");
      return false;
    }
    r.casterId = wanted != null ? wanted : managed;
    if (r.casterId == null && r.observeOnly()) {
      outcomes.invalidSpec(r, List.of(new Violation("spec.casterId", "required",
          "spec.casterId: required with managementPolicy ObserveOnly (there is nothing to observe)")));
      return false;
    }
    if (r.status().getOrigin() == null) {
      boolean adopted = wanted != null && r.annotation(Annotations.CASTER_ID) == null;
      r.status().setOrigin(adopted ? CasterOrigin.Adopted : CasterOrigin.Created);
    }
    r.status().setDeletionPolicy(r.observeOnly() ? DeletionPolicy.Orphan : deletionPolicy(r));
    if (r.casterId != null && !ownedBy(r, r.casterId, context)) {
      String owner = ownership.ownerOf(r.casterId, r.caster, claimants(r.casterId, context));
      String ownerName = claimants(r.casterId, context).stream().filter(c -> owner.equals(c.getMetadata().getUid()))
          .map(c -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName()).findFirst().orElse(owner);
      outcomes.blocked(r, Reason.CASTER_ID_CONFLICT, "caster " + r.casterId + " is already managed by Caster "
          + ownerName + ", which claimed it first; this Caster makes no Live API calls");
      return false;
    }
    return true;
  }

  private boolean resolveCredentials(Reconciliation r) {
    CredentialsResolver resolver = new CredentialsResolver(settings.defaultCredentials(), this::secret);
    CredentialsResolver.Resolution resolution = resolver.resolve(r.caster);
    if (resolution.problem() != null) {
      outcomes.blocked(r, Reason.CREDENTIALS_ERROR, resolution.problem());
      return false;
    }
    String region = r.spec().getRegionId() != null ? r.spec().getRegionId() : settings.defaultRegion();
    if (!LiveRegions.isKnown(region)) {
      outcomes.invalidSpec(r, List.of(new Violation(r.spec().getRegionId() != null ? "spec.regionId" : "--region",
          "region", (r.spec().getRegionId() != null ? "spec.regionId" : "the operator's default region") + ": "
              + region + " is not a region of the Live API, such as cn-shanghai or ap-southeast-1")));
      return false;
    }
    r.credentialsVersion = resolution.version();
    r.account = resolution.credentials().accountId();
    r.client = clients.client(resolution.credentials(), region);
    return true;
  }

  /**
   * Backing off from a failure: nothing is tried again before the hold ends, unless the spec or
   * the credentials changed since. After a restart the hold is taken from status.nextRetryTime.
   */
  private boolean heldBack(Reconciliation r) {
    CasterMemory m = r.memory;
    CasterStatus s = r.status();
    if (m.holdUntil == null && s.getNextRetryTime() != null && s.getLastErrorCode() != null && r.base != null
        && Long.valueOf(r.generation()).equals(r.base.getObservedGeneration())) {
      m.holdUntil = java.time.Instant.parse(s.getNextRetryTime());
      m.heldFor = r.fingerprint();
    }
    if (m.holdUntil != null && r.now.isBefore(m.holdUntil) && r.fingerprint().equals(m.heldFor)) {
      r.wakeUpAt(m.holdUntil);
      return true;
    }
    if (m.holdUntil != null && !r.fingerprint().equals(m.heldFor)) {
      m.failures = 0; // something changed: try at once, from the start of the backoff
    }
    m.holdUntil = null;
    return false;
  }

  /** The finalizer is there exactly while deletion would call the API; an orphan never blocks. */
  private void syncFinalizer(Reconciliation r, Context<Caster> context) {
    boolean wanted = !r.observeOnly() && deletionPolicy(r) == DeletionPolicy.Delete;
    if (wanted && !r.caster.hasFinalizer(Annotations.FINALIZER)) {
      PrimaryUpdateAndCacheUtils.addFinalizer(context, Annotations.FINALIZER);
    } else if (!wanted && r.caster.hasFinalizer(Annotations.FINALIZER)) {
      PrimaryUpdateAndCacheUtils.removeFinalizer(context, Annotations.FINALIZER);
    }
  }

  private boolean observeConfig(Reconciliation r, Priority priority, boolean affectsReadiness) {
    var call = calls.call(r, DescribeCasterConfig, priority, c -> c.observeConfig(r.casterId));
    if (call.waiting()) {
      if (affectsReadiness) {
        outcomes.pending(r, DescribeCasterConfig, call.retryAfter());
      } else {
        r.wakeUpIn(call.retryAfter());
      }
      return false;
    }
    if (!call.result().isOk()) {
      outcomes.failed(r, DescribeCasterConfig, call.result().error(), affectsReadiness);
      return false;
    }
    ObservedConfig observed = call.result().value();
    r.memory.observed = observed;
    r.memory.observedAt = r.now;
    r.status().setCasterId(r.casterId);
    r.status().setLastObservedTime(r.now.toString());
    r.status().setChannelsEnabled(observed.channelsEnabled());
    return true;
  }

  private boolean observeState(Reconciliation r, Priority priority, boolean affectsReadiness) {
    var call = calls.call(r, DescribeCasters, priority, c -> c.observeState(r.casterId));
    if (call.waiting()) {
      if (affectsReadiness) {
        outcomes.pending(r, DescribeCasters, call.retryAfter());
      } else {
        r.wakeUpIn(call.retryAfter());
      }
      return false;
    }
    if (!call.result().isOk() || call.result().value().isEmpty()) {
      LiveError error = call.result().isOk()
          ? new LiveError("InvalidCaster.NotFound", null, "DescribeCasters does not list caster " + r.casterId,
              call.result().requestId(), ErrorClass.TERMINAL, false)
          : call.result().error();
      outcomes.failed(r, DescribeCasters, error, affectsReadiness);
      return false;
    }
    CasterInfo info = call.result().value().get();
    r.memory.state = info;
    r.memory.stateAt = r.now;
    r.status().setCasterState(info.running() ? CasterState.Running : CasterState.Idle);
    r.status().setChannelsEnabled(info.channelsEnabled());
    return true;
  }

  private void recordApplied(Reconciliation r, DesiredConfig effective, String hash, String requestId) {
    CasterStatus s = r.status();
    boolean channelsNow = effective.wantsChannels() && !Boolean.TRUE.equals(s.getChannelsEnabled());
    s.setCasterId(r.casterId);
    s.setAppliedGeneration(r.generation());
    s.setAppliedConfigHash(hash);
    s.setLastAppliedTime(r.now.toString());
    s.setChannelsEnabled(effective.wantsChannels());
    r.memory.observed = new ObservedConfig(r.casterId, effective);
    drift.checked(r);
    if (requestId == null) {
      r.event("InSync", "caster " + r.casterId + " already matches generation " + r.generation() + ": no write needed");
    } else {
      r.event("Applied", "applied generation " + r.generation() + " to caster " + r.casterId + " (RequestId " + requestId + ")");
    }
    if (channelsNow) {
      r.event("ChannelsEnabled", "channels enabled on caster " + r.casterId + ": its existing layouts were discarded");
    }
  }

  /** The API refused a write; the channel rules teach us the cloud's state, so use it at once. */
  private void writeFailed(Reconciliation r, LiveError error) {
    if ("IncorrectCasterStatus.EnableChannel".equals(error.code())) {
      r.memory.state = new CasterInfo(r.casterId, null, true, false);
      r.memory.stateAt = r.now;
      r.status().setCasterState(CasterState.Running);
      r.warning(Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER, "SetCasterConfig: " + error.describe());
      r.wakeUpIn(Duration.ofMillis(1));
    } else if ("InvalidCaster.ChannelDisableUnsupported".equals(error.code())) {
      r.status().setChannelsEnabled(true);
      r.warning(Reason.CHANNEL_DISABLE_UNSUPPORTED, "SetCasterConfig: " + error.describe());
      r.wakeUpIn(Duration.ofMillis(1));
    } else {
      outcomes.failed(r, SetCasterConfig, error, true);
    }
  }

  private static boolean stateOlderThan(Reconciliation r, Duration age) {
    return r.memory.state == null || !r.memory.stateAt.plus(age).isAfter(r.now);
  }

  // ---------------------------------------------------------------- ownership and policy

  private boolean ownedBy(Reconciliation r, String casterId, Context<Caster> context) {
    return ownership.ownerOf(casterId, r.caster, claimants(casterId, context)).equals(r.uid());
  }

  private static List<Caster> claimants(String casterId, Context<Caster> context) {
    return context.getPrimaryCache().byIndex(CASTER_ID_INDEX, casterId);
  }

  /** The caster a Caster manages: the one it created (annotation), else the one it adopts. */
  static String managedCasterId(Caster caster) {
    Map<String, String> annotations = caster.getMetadata().getAnnotations();
    String created = annotations == null ? null : annotations.get(Annotations.CASTER_ID);
    if (created != null && isCasterId(created)) {
      return created;
    }
    // A mangled annotation must not drop the claim (nor the cleanup) that status still records.
    CasterSpec spec = caster.getSpec();
    if (spec != null && !(spec instanceof UnreadableSpec) && spec.getCasterId() != null) {
      return spec.getCasterId();
    }
    return caster.getStatus() == null ? null : caster.getStatus().getCasterId();
  }

  private static boolean causedByTheApiServer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCasterId(String value) {
    return CASTER_ID.matcher(value).matches();
  }

  private static DeletionPolicy deletionPolicy(Reconciliation r) {
    if (r.spec().getDeletionPolicy() != null) {
      return r.spec().getDeletionPolicy();
    }
    CasterOrigin origin = r.status().getOrigin();
    boolean created = origin == CasterOrigin.Created || (origin == null && r.spec().getCasterId() == null);
    return created ? DeletionPolicy.Delete : DeletionPolicy.Orphan;
  }

  // ---------------------------------------------------------------- bookkeeping

  private boolean removeFinalizer(Context<Caster> context) {
    PrimaryUpdateAndCacheUtils.removeFinalizer(context, Annotations.FINALIZER);
    return true;
  }

  private void finish(Reconciliation r, KubernetesClient kube, boolean finalizerRemoved) {
    for (Reconciliation.Note note : r.notes) {
      if (note.warning()) {
        events.warning(kube, r.caster, note.reason(), note.message());
      } else {
        events.normal(kube, r.caster, note.reason(), note.message());
      }
    }
    if (finalizerRemoved) {
      return; // the Caster is going away: nobody reads its status any more
    }
    CasterStatus written = r.memory.writtenStatus != null ? r.memory.writtenStatus : r.caster.getStatus();
    // Known before it is written: if the write fails, the next reconcile still knows what was applied.
    r.memory.knownStatus = r.status();
    boolean wrote = statusWriter.write(kube, r.caster, written, r.status());
    // What the API server holds: a skipped write leaves it as it was.
    r.memory.writtenStatus = wrote ? r.status() : written;
    metrics.readyReason(r.uid(), readyReason(r));
  }

  private void forget(Caster caster, Context<Caster> context) {
    String uid = caster.getMetadata().getUid();
    memory.forget(uid);
    calls.cancel(uid);
    metrics.forget(uid);
    // Another Caster may have been waiting for this one's caster.
    String id = managedCasterId(caster);
    if (id != null) {
      ownership.release(id, uid);
      context.getPrimaryCache().byIndex(CASTER_ID_INDEX, id).stream()
          .filter(c -> !uid.equals(c.getMetadata().getUid()))
          .forEach(c -> ownershipChanges.propagateEvent(ResourceID.fromResource(c)));
    }
  }

  private Secret secret(String namespace, String name) {
    return secrets == null ? null : secrets.get(new ResourceID(name, namespace)).orElse(null);
  }

  private static String readyReason(Reconciliation r) {
    var ready = r.draft.condition(Conditions.READY);
    return ready == null ? "Unknown" : ready.getReason();
  }
}
