package io.casteroperator.bench;

import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.ratelimit.BudgetSettings;
import io.casteroperator.reconciler.ReconcilerSettings;
import io.casteroperator.runtime.CasterOperator;
import io.casteroperator.runtime.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator as the bench runs it: started, with its own Kubernetes client, on a thread of
 * {@link Component#OPERATOR}, so that every thread it starts is counted as the operator's.
 */
final class OperatorUnderTest implements AutoCloseable {

  /**
   * How it runs.
   *
   * @param qps every action's quota, per account, in its budgets
   * @param driftInterval how often each caster is read back
   * @param throttleRecovery after a throttled answer, how often the rate grows back by a tenth of the quota
   */
  record Settings(int qps, Duration driftInterval, Duration throttleRecovery) {
    Settings withDriftInterval(Duration value) {
      return new Settings(qps, value, throttleRecovery);
    }
  }

  private final KubernetesClient client;
  private final CasterOperator operator;
  private final SimpleMeterRegistry registry;

  private OperatorUnderTest(KubernetesClient client, CasterOperator operator, SimpleMeterRegistry registry) {
    this.client = client;
    this.operator = operator;
    this.registry = registry;
  }

  /** Starts the operator and waits until it is ready. */
  static OperatorUnderTest start(Servers servers, BenchAccounts accounts, Settings settings) throws Exception {
    OperatorSettings operatorSettings = operatorSettings(servers, accounts, settings);
    return Component.OPERATOR.run(() -> {
      KubernetesClient client = servers.newClient();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      CasterOperator operator = CasterOperator.start(client, operatorSettings, registry);
      OperatorUnderTest started = new OperatorUnderTest(client, operator, registry);
      try {
        Waits.until(operator::ready, Duration.ofSeconds(60), "the operator to be ready");
      } catch (Exception e) {
        started.close();
        throw e;
      }
      return started;
    });
  }

  private static OperatorSettings operatorSettings(Servers servers, BenchAccounts accounts, Settings settings) {
    Map<String, Integer> quotas = Arrays.stream(LiveAction.values()).collect(Collectors.toMap(LiveAction::name, a -> settings.qps()));
    OperatorSettings defaults = OperatorSettings.defaults();
    BudgetSettings d = defaults.budgets();
    BudgetSettings budgets = new BudgetSettings(quotas, d.defaultQuota(), d.safetyMargin(), d.windowGuard(),
        settings.throttleRecovery(), d.maxCallDuration());
    ReconcilerSettings reconciler = ReconcilerSettings.defaults().withDriftInterval(settings.driftInterval());
    if (accounts.useDefaultCredentials()) {
      reconciler = reconciler.withDefaultCredentials(accounts.all().get(0).credentials());
    }
    return defaults
        .withLive(LiveSettings.defaults().withEndpoint(URI.create("http://" + servers.emulator().endpoint())))
        .withReconciler(reconciler)
        .withBudgets(budgets);
  }

  /** Reconciles since this start. */
  double reconciles() {
    return registry.find("caster_reconciles").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Override
  public void close() {
    try {
      Component.OPERATOR.run(() -> {
        operator.close();
        client.close();
        return null;
      });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the operator did not stop cleanly", e);
    }
  }
}
