package io.casteroperator.runtime;

import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.ratelimit.BudgetSettings;
import io.casteroperator.reconciler.ReconcilerSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the operator runs with. The {@code run} command fills it from flags and environment;
 * tests, the playground and the benchmark build it in code.
 *
 * @param namespaces watched namespaces; empty for all
 * @param labelSelector only Casters with these labels (for splitting Casters between deployments); null for all
 * @param live how to reach the Live API
 * @param reconciler regions, default credentials and every interval of the reconciler
 * @param budgets the per-account quotas
 * @param maxConcurrentReconciles reconcile threads
 * @param leaderElection {@code null} to run without leader election
 */
public record OperatorSettings(
    Set<String> namespaces,
    String labelSelector,
    LiveSettings live,
    ReconcilerSettings reconciler,
    BudgetSettings budgets,
    int maxConcurrentReconciles,
    LeaderElectionSettings leaderElection) {

  /** The documented quotas: 10/s per write action, 15/s per Describe action, per account. */
  public static Map<String, Integer> documentedQuotas() {
    return Arrays.stream(LiveAction.values()).collect(Collectors.toMap(LiveAction::name, LiveAction::documentedQuota));
  }

  public static OperatorSettings defaults() {
    return new OperatorSettings(Set.of(), null, LiveSettings.defaults(), ReconcilerSettings.defaults(),
        new BudgetSettings(documentedQuotas(), 10, 0.02, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(16)),
        16, null);
  }

  public OperatorSettings withNamespaces(Set<String> value) {
    return new OperatorSettings(value, labelSelector, live, reconciler, budgets, maxConcurrentReconciles, leaderElection);
  }

  public OperatorSettings withLabelSelector(String value) {
    return new OperatorSettings(namespaces, value, live, reconciler, budgets, maxConcurrentReconciles, leaderElection);
  }

  public OperatorSettings withLive(LiveSettings value) {
    return new OperatorSettings(namespaces, labelSelector, value, reconciler, budgets, maxConcurrentReconciles, leaderElection);
  }

  public OperatorSettings withReconciler(ReconcilerSettings value) {
    return new OperatorSettings(namespaces, labelSelector, live, value, budgets, maxConcurrentReconciles, leaderElection);
  }

  public OperatorSettings withBudgets(BudgetSettings value) {
    return new OperatorSettings(namespaces, labelSelector, live, reconciler, value, maxConcurrentReconciles, leaderElection);
  }

  public OperatorSettings withMaxConcurrentReconciles(int value) {
    return new OperatorSettings(namespaces, labelSelector, live, reconciler, budgets, value, leaderElection);
  }

  public OperatorSettings withLeaderElection(LeaderElectionSettings value) {
    return new OperatorSettings(namespaces, labelSelector, live, reconciler, budgets, maxConcurrentReconciles, value);
  }
}
