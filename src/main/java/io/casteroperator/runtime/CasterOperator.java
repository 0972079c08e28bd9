package io.casteroperator.runtime;

import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.live.SdkLiveClientFactory;
import io.casteroperator.ratelimit.ApiBudgets;
import io.casteroperator.reconciler.CasterReconciler;
import io.casteroperator.reconciler.MeaningfulChange;
import io.casteroperator.reconciler.ReconcilerMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The operator, wired: the JOSDK operator with the Caster reconciler, the account budgets and the
 * metrics. The same wiring serves production ({@code run}), the tests, the playground and the
 * benchmark.
 */
public final class CasterOperator implements AutoCloseable {

  public static final String CONTROLLER_NAME = "caster";

  private final Operator operator;
  private final ApiBudgets budgets;
  private final MeterRegistry registry;
  private final RegisteredController<?> controller;

  private CasterOperator(Operator operator, ApiBudgets budgets, MeterRegistry registry, RegisteredController<?> controller) {
    this.operator = operator;
    this.budgets = budgets;
    this.registry = registry;
    this.controller = controller;
  }

  /** Builds and starts the operator against the Live API the settings name. */
  public static CasterOperator start(KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
    return start(client, settings, registry, new SdkLiveClientFactory(settings.live()));
  }

  public static CasterOperator start(
      KubernetesClient client, OperatorSettings settings, MeterRegistry registry, LiveClientFactory clients) {
    ApiBudgets budgets = new ApiBudgets(settings.budgets());
    ReconcilerMetrics metrics = new ReconcilerMetrics(registry, budgets);
    CasterReconciler reconciler = new CasterReconciler(settings.reconciler(), clients, budgets, metrics, Clock.systemUTC());
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          // The mock API server of tests and the playground has no server-side apply.
          .withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(settings.maxConcurrentReconciles())
          .withCloseClientOnStop(false)
          .withMetrics(MicrometerMetrics.newMicrometerMetricsBuilder(registry).build());
      if (settings.leaderElection() != null) {
        LeaderElectionSettings le = settings.leaderElection();
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(le.leaseName())
            .withLeaseNamespace(le.leaseNamespace())
            .withIdentity(le.identity())
            .withLeaseDuration(le.leaseDuration())
            .withRenewDeadline(le.renewDeadline())
            .withRetryPeriod(le.retryPeriod())
            .build());
      }
    });
    RegisteredController<?> controller = operator.register(reconciler, c -> {
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
    return new CasterOperator(operator, budgets, registry, controller);
  }

  public ApiBudgets budgets() {
    return budgets;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Whether the informers are synced and healthy. */
  public boolean ready() {
    return operator.getRuntimeInfo().allEventSourcesAreHealthy() && operator.getRuntimeInfo().isStarted();
  }

  /** Stops taking work, lets reconciles in flight finish, releases the lease. */
  @Override
  public void close() {
    operator.stop();
  }
}
