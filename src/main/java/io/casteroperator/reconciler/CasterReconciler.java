package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.DeletionPolicy;
import io.casteroperator.api.UnreadableSpec;
import io.casteroperator.config.SpecValidator;
import io.casteroperator.config.Violation;
import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.ratelimit.ApiBudgets;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
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
  /** Casters by namespace/name of their credentials Secret, to react to Secret changes. */
  static final String SECRET_INDEX = "credentialsSecret";

  private static final Logger LOG = LoggerFactory.getLogger(CasterReconciler.class);

  private final MemoryStore memory = new MemoryStore();
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
  private final Deletion deletion;

  private volatile InformerEventSource<Secret, Caster> secrets;
  private final SimpleInboundEventSource<Caster> ownershipChanges = new SimpleInboundEventSource<>("ownership");

  public CasterReconciler(
      ReconcilerSettings settings, LiveClientFactory clients, ApiBudgets budgets, ReconcilerMetrics metrics, Clock clock) {
    this(settings, clients, budgets, metrics, clock, null);
  }

  /** With {@code secretLookup} (namespace, name to Secret) instead of the informer's cache: for tests. */
  CasterReconciler(ReconcilerSettings settings, LiveClientFactory clients, ApiBudgets budgets, ReconcilerMetrics metrics,
      Clock clock, BiFunction<String, String, Secret> secretLookup) {
    this.metrics = metrics;
    this.clock = clock;
    this.events = new EventRecorder(clock);
    this.outcomes = new Outcomes(settings, metrics);
    this.calls = new CloudCalls(budgets, metrics, outcomes);
    this.claims = new Claims(outcomes);
    this.access = new CloudAccess(settings, clients, new CredentialsResolver(settings.defaultCredentials(),
        secretLookup != null ? secretLookup : this::secret), outcomes);
    this.creation = new Creation(calls, outcomes);
    this.configSync = new ConfigSync(settings, calls, outcomes, new DriftSchedule(settings.driftInterval(), outcomes));
    this.deletion = new Deletion(calls, outcomes, access, claims);
  }

  @Override
  public List<EventSource<?, Caster>> prepareEventSources(EventSourceContext<Caster> context) {
    context.getPrimaryCache().addIndexer(CASTER_ID_INDEX, c -> {
      String id = Claims.managedCasterId(c);
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
    Duration wakeUp = reconcile(caster, new JosdkKube(context, statusWriter, events));
    return wakeUp == null ? UpdateControl.noUpdate() : UpdateControl.<Caster>noUpdate().rescheduleAfter(wakeUp);
  }

  /** One reconcile against any {@link Kube}; returns when to look again ({@code null}: on the next event). */
  Duration reconcile(Caster caster, Kube kube) {
    long started = System.nanoTime();
    Reconciliation r = new Reconciliation(caster, kube, memory.of(caster.getMetadata().getUid()), clock.instant());
    boolean finalizerRemoved = decide(r);
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
    } else {
      configSync.apply(r);
    }
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
    calls.cancel(uid);
    metrics.forget(uid);
    // Another Caster may have been waiting for this one's caster.
    String id = Claims.managedCasterId(caster);
    if (id != null) {
      claims.release(id, uid);
      context.getPrimaryCache().byIndex(CASTER_ID_INDEX, id).stream()
          .filter(c -> !uid.equals(c.getMetadata().getUid()))
          .forEach(c -> ownershipChanges.propagateEvent(ResourceID.fromResource(c)));
    }
  }

  private Secret secret(String namespace, String name) {
    return secrets == null ? null : secrets.get(new ResourceID(name, namespace)).orElse(null);
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
