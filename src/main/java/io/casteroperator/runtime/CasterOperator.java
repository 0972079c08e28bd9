package io.casteroperator.runtime;

import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.live.SdkLiveClientFactory;
import io.casteroperator.ratelimit.ApiBudgets;
import io.casteroperator.reconciler.CasterReconciler;
import io.casteroperator.reconciler.MeaningfulChange;
import io.casteroperator.reconciler.ReconcilerMetrics;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator, wired: the JOSDK operator with the Caster reconciler, the account budgets, the
 * metrics and, when configured, leader election. The same wiring serves production ({@code run}),
 * the tests, the playground and the benchmark.
 */
public final class CasterOperator implements AutoCloseable {

  public static final String CONTROLLER_NAME = "caster";

  private static final Logger LOG = LoggerFactory.getLogger(CasterOperator.class);

  private final KubernetesClient client;
  private final OperatorSettings settings;
  private final ApiBudgets budgets;
  private final MeterRegistry registry;
  private final AtomicBoolean leading;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private Operator operator;

  private CasterOperator(KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
    this.client = client;
    this.settings = settings;
    this.registry = registry;
    this.budgets = new ApiBudgets(settings.budgets());
    this.leading = new AtomicBoolean(settings.leaderElection() == null);
  }

  /** Builds and starts the operator against the Live API the settings name. */
  public static CasterOperator start(KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
    return start(client, settings, registry, new SdkLiveClientFactory(settings.live()));
  }

  public static CasterOperator start(
      KubernetesClient client, OperatorSettings settings, MeterRegistry registry, LiveClientFactory clients) {
    CasterOperator caster = new CasterOperator(client, settings, registry);
    caster.start(clients);
    return caster;
  }

  private void start(LiveClientFactory clients) {
    clients.warmUp();
    ReconcilerMetrics metrics = new ReconcilerMetrics(registry, budgets);
    CasterReconciler reconciler =
        new CasterReconciler(settings.reconciler(), clients, budgets, metrics, Clock.systemUTC());
    Gauge.builder("caster_operator_leader", leading, l -> l.get() ? 1 : 0)
        .description("1 while this instance leads (or runs without leader election)").register(registry);
    operator = new Operator(o -> {
      o.withKubernetesClient(client)
          // The mock API server of tests and the playground has no server-side apply.
          .withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(settings.maxConcurrentReconciles())
          .withCloseClientOnStop(false)
          // Per-resource meters would be a few series per Caster: thousands of Casters, a cardinality
          // (and heap) problem for every Prometheus that scrapes us. Totals per controller suffice.
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
      if (settings.leaderElection() != null) {
        LeaderElectionSettings le = settings.leaderElection();
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(le.leaseName())
            .withLeaseNamespace(le.leaseNamespace())
            .withIdentity(le.identity())
            .withLeaseDuration(le.leaseDuration())
            .withRenewDeadline(le.renewDeadline())
            .withRetryPeriod(le.retryPeriod())
            // JOSDK would System.exit from the elector's thread, even during a shutdown hook.
            .withExitOnStopLeading(false)
            .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading,
                leader -> LOG.info("Lease {}/{} is held by {}", le.leaseNamespace(), le.leaseName(), leader)))
            .build());
      }
    });
    operator.register(reconciler, c -> {
      c.withName(CONTROLLER_NAME)
          .withGenerationAware(false)
          .withOnUpdateFilter(new MeaningfulChange())
          .withTriggerReconcilerOnAllEvents(true)
          // Failures of the Kubernetes API itself (the Live API's are handled by the reconciler):
          // keep retrying, never give up on a Caster.
          .withRetry(new GenericRetry().setInitialInterval(500).setIntervalMultiplier(2)
              .setMaxInterval(Duration.ofMinutes(1).toMillis()).withoutMaxAttempts());
      if (settings.labelSelector() != null) {
        c.withLabelSelector(settings.labelSelector());
      }
      if (settings.namespaces().isEmpty()) {
        c.watchingAllNamespaces();
      } else {
        c.settingNamespaces(settings.namespaces());
      }
    });
    operator.start();
  }

  public ApiBudgets budgets() {
    return budgets;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Whether this instance leads (always, without leader election). */
  public boolean leading() {
    return leading.get();
  }

  /**
   * Ready: started, with healthy informers. With leader election a standby is ready too: it has
   * nothing to do until the lease comes to it.
   */
  public boolean ready() {
    return !stopping.get() && operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** Alive until stopped. */
  public boolean alive() {
    return !stopping.get();
  }

  private void startedLeading() {
    budgets.pauseForOneWindow();
    leading.set(true);
    LOG.info("Leading: this instance reconciles Casters now");
  }

  private void stoppedLeading() {
    leading.set(false);
    if (stopping.get()) {
      return;
    }
    // Another instance holds the lease now; carrying on would mean two writers per caster.
    LOG.error("Lost the lease {}: stopping", settings.leaderElection().leaseName());
    if (settings.leaderElection().exitOnLostLease()) {
      new Thread(() -> System.exit(1), "lost-lease-exit").start();
    } else {
      new Thread(this::close, "lost-lease-stop").start();
    }
  }

  /**
   * Stops taking work, lets reconciles in flight finish (their API calls complete or time out,
   * and each result is recorded), then hands the lease over at once instead of letting it expire.
   */
  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    operator.stop();
    releaseLease();
  }

  /**
   * Stops as a killed process would, as far as the others can see: the Lease is not handed over, so
   * a standby takes over only when it expires. For fault tests.
   */
  public void stopWithoutHandingOver() {
    if (stopping.compareAndSet(false, true)) {
      operator.stop();
    }
  }

  private void releaseLease() {
    LeaderElectionSettings le = settings.leaderElection();
    if (le == null || !leading.get()) {
      return;
    }
    try {
      client.leases().inNamespace(le.leaseNamespace()).withName(le.leaseName()).edit((Lease lease) -> {
        if (lease.getSpec() != null && le.identity().equals(lease.getSpec().getHolderIdentity())) {
          lease.getSpec().setHolderIdentity(null);
          lease.getSpec().setLeaseDurationSeconds(1);
          lease.getSpec().setRenewTime(ZonedDateTime.now());
        }
        return lease;
      });
      leading.set(false);
      LOG.info("Released the lease {}/{}", le.leaseNamespace(), le.leaseName());
    } catch (KubernetesClientException e) {
      LOG.warn("Could not release the lease {}/{}: {}; it expires in {}", le.leaseNamespace(), le.leaseName(),
          e.getMessage(), le.leaseDuration());
    }
  }
}
