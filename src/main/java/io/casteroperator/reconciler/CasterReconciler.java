package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.DeletionPolicy;
import io.casteroperator.config.SpecValidator;
import io.casteroperator.config.Violation;
import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.ratelimit.ApiBudgets;
import io.casteroperator.ratelimit.SweepPlanner;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges each Caster with its cloud caster. One reconcile reads top to bottom:
 *
 * <ol>
 *   <li>validate the spec (bad: InvalidSpec, no call);
 *   <li>resolve the caster ({@link Claims}: one owner, no id change) and where its calls go
 *       ({@link CloudAccess}: credentials, the recorded region and account);
 *   <li>respect any backoff;
 *   <li>create the caster if there is none ({@link Creation});
 *   <li>observe only what is needed and write only on a real difference ({@link ConfigSync});
 *   <li>report: one status patch, only if it changed, and Events ({@link Outcomes}).
 * </ol>
 *
 * A Caster being deleted goes to {@link Deletion} instead. Every Live API call goes through the
 * account's budget ({@link CloudCalls}); with no slot free now, the reconcile ends and comes back
 * when its slot is due, so no thread waits for the quota.
 */
public final class CasterReconciler implements Reconciler<Caster> {

  /** Casters by the cloud caster they manage, to give each caster one owner. */
  static final String CASTER_ID_INDEX = "casterId";
  private static final Logger LOG = LoggerFactory.getLogger(CasterReconciler.class);
  /**
   * The share of each read quota that drift checks are planned at; the rest is left to users, so a
   * user's change rarely pushes a planned check back. 0.95 keeps a sweep within 1.10 of N / Q
   * (1 / (0.98 × 0.95) = 1.074, plus the timers' delays).
   */
  private static final double BACKGROUND_SHARE = 0.95;

  private final MemoryStore memory = new MemoryStore();
  private final ApiBudgets budgets;
  private final StatusWriter statusWriter = new StatusWriter();
  private final EventRecorder events;
  private final ReconcilerMetrics metrics;
  private final Clock clock;
  private final Outcomes outcomes;
  private final CloudCalls calls;
  private final Claims claims;
  private final CloudAccess access;
  private final Creation creation;
  private final ConfigSync configSync;
  private final RunState runState;
  private final StudioSync studio;
  private final Deletion deletion;

  private final SecretChanges secretChanges = new SecretChanges();
  private final SecretSource secrets;
  /** Wakes a Caster before its scheduled time: its claim became free, or its budget slot came earlier. */
  private final SimpleInboundEventSource<Caster> wakeUps = new SimpleInboundEventSource<>("wake-ups");
  private final DriftSchedule drift;

  public CasterReconciler(
      ReconcilerSettings settings, LiveClientFactory clients, ApiBudgets budgets, ReconcilerMetrics metrics, Clock clock) {
    this(settings, clients, budgets, metrics, clock, null);
  }

  /** With {@code secretSource} instead of reading the Secrets from the API server: for tests. */
  CasterReconciler(ReconcilerSettings settings, LiveClientFactory clients, ApiBudgets budgets, ReconcilerMetrics metrics,
      Clock clock, SecretSource secretSource) {
    this.metrics = metrics;
    this.budgets = budgets;
    this.clock = clock;
    this.events = new EventRecorder(clock);
    this.outcomes = new Outcomes(settings, metrics);
    this.drift = new DriftSchedule(settings.driftInterval(), outcomes, new SweepPlanner(budgets.settings(), BACKGROUND_SHARE), metrics);
    this.calls = new CloudCalls(budgets, metrics, outcomes, drift);
    this.claims = new Claims(outcomes);
    this.secrets = secretSource != null ? secretSource : secretChanges::secret;
    this.access = new CloudAccess(settings, clients, new CredentialsResolver(settings.defaultCredentials(), secrets), outcomes);
    this.creation = new Creation(calls, outcomes);
    StateReads states = new StateReads(calls, outcomes, new CasterStates(), drift);
    this.runState = new RunState(calls, outcomes, states, new Outputs(calls, outcomes, secrets));
    this.configSync = new ConfigSync(settings, calls, outcomes, drift, states, runState);
    this.deletion = new Deletion(calls, outcomes, access, claims);
    StudioOutcomes studioOutcomes = new StudioOutcomes(outcomes);
    StudioCalls studioCalls = new StudioCalls(calls, settings);
    this.studio = new StudioSync(studioCalls, new StudioReads(calls), new ItemSync(studioCalls, studioOutcomes), studioOutcomes);
  }

  @Override
  public List<EventSource<?, Caster>> prepareEventSources(EventSourceContext<Caster> context) {
    context.getPrimaryCache().addIndexer(CASTER_ID_INDEX, c -> {
      String id = Claims.managedCasterId(c);
      return id == null ? List.of() : List.of(id);
    });
    secretChanges.connect(context.getClient());
    metrics.secretsWatched(secretChanges::size);
    budgets.onEarlierSlot(uid -> memory.idOf(uid).ifPresent(wakeUps::propagateEvent));
    return List.of(secretChanges, wakeUps);
  }

  @Override
  public UpdateControl<Caster> reconcile(Caster caster, Context<Caster> context) {
    if (context.isPrimaryResourceDeleted()) {
      forget(caster, context);
      return UpdateControl.noUpdate();
    }
    Duration wakeUp = reconcile(caster, new JosdkKube(context, statusWriter, events));
    return wakeUp == null ? UpdateControl.noUpdate() : UpdateControl.<Caster>noUpdate().rescheduleAfter(wakeUp);
  }

  /** One reconcile against any {@link Kube}; returns when to look again ({@code null}: on the next event). */
  Duration reconcile(Caster caster, Kube kube) {
    long started = System.nanoTime();
    Reconciliation r = new Reconciliation(caster, kube, memory.of(caster), clock.instant());
    boolean finalizerRemoved = decide(r);
    secretChanges.reconciled(caster);
    outcomes.publish(r, finalizerRemoved);
    metrics.reconciled(Outcomes.readyReason(r), Duration.ofNanos(System.nanoTime() - started));
    return r.wakeUp();
  }

  /** Returns whether the finalizer was removed. */
  private boolean decide(Reconciliation r) {
    try {
      if (r.caster.isMarkedForDeletion()) {
        return deletion.delete(r);
      }
      converge(r);
      return false;
    } catch (RuntimeException e) {
      if (e instanceof OperatorException || causedByTheApiServer(e)) {
        throw e; // JOSDK retries these with its backoff
      }
      LOG.error("{} reconcile failed", r.ref(), e);
      outcomes.operatorError(r, e);
      return false;
    }
  }

  private void converge(Reconciliation r) {
    List<Violation> violations = SpecValidator.validate(r.caster.getSpec());
    if (!violations.isEmpty()) {
      outcomes.invalidSpec(r, violations);
      return;
    }
    if (r.paused()) {
      outcomes.paused(r);
      return;
    }
    if (!claims.resolve(r) || !access.forConvergence(r) || outcomes.heldBack(r)) {
      return;
    }
    syncFinalizer(r);
    if (r.casterId == null && !creation.create(r)) {
      return;
    }
    if (r.observeOnly()) {
      configSync.observe(r);
      runState.observe(r);
      studio.converge(r, true);
    } else {
      boolean configured = configSync.apply(r);
      studio.converge(r, configured);
      runState.converge(r, configured);
    }
    studio.finish(r);
  }

  /** The finalizer is there exactly while deletion would call the API; an orphan never blocks. */
  private static void syncFinalizer(Reconciliation r) {
    boolean wanted = !r.observeOnly() && r.deletionPolicy() == DeletionPolicy.Delete;
    if (wanted && !r.caster.hasFinalizer(Annotations.FINALIZER)) {
      r.kube.addFinalizer(r.caster);
    } else if (!wanted && r.caster.hasFinalizer(Annotations.FINALIZER)) {
      r.kube.removeFinalizer(r.caster);
    }
  }

  private void forget(Caster caster, Context<Caster> context) {
    String uid = caster.getMetadata().getUid();
    memory.forget(uid);
    secretChanges.forget(ResourceID.fromResource(caster));
    calls.cancel(uid);
    drift.forget(uid);
    metrics.forget(uid);
    // Another Caster may have been waiting for this one's caster.
    String id = Claims.managedCasterId(caster);
    if (id != null) {
      claims.release(id, uid);
      context.getPrimaryCache().byIndex(CASTER_ID_INDEX, id).stream()
          .filter(c -> !uid.equals(c.getMetadata().getUid()))
          .forEach(c -> wakeUps.propagateEvent(ResourceID.fromResource(c)));
    }
  }

  /**
   * Reconciles a Caster when a Secret it names changes. The Secrets themselves are read and watched
   * one by one, by name ({@link ReferencedSecrets}), never listed.
   */
  private static final class SecretChanges extends SimpleInboundEventSource<Caster> {
    private volatile ReferencedSecrets referenced;

    SecretChanges() {
      super("credentials");
    }

    void connect(KubernetesClient client) {
      referenced = new ReferencedSecrets(client, this::propagateEvent);
    }

    Secret secret(Caster user, String namespace, String name) {
      return referenced == null ? null : referenced.secret(user, namespace, name);
    }

    int size() {
      return referenced == null ? 0 : referenced.size();
    }

    void reconciled(Caster user) {
      if (referenced != null) {
        referenced.reconciled(user);
      }
    }

    void forget(ResourceID user) {
      if (referenced != null) {
        referenced.forget(user);
      }
    }

    @Override
    public void stop() {
      if (referenced != null) {
        referenced.close();
      }
      super.stop();
    }
  }

  private static boolean causedByTheApiServer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException) {
        return true;
      }
    }
    return false;
  }
}
