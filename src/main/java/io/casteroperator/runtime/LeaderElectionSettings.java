package io.casteroperator.runtime;

import java.time.Duration;

/**
 * Leader election with a Kubernetes Lease: only the leader reconciles and spends the API budget.
 *
 * @param leaseName name of the Lease
 * @param leaseNamespace namespace of the Lease
 * @param identity this instance's name in the Lease (the pod name)
 * @param leaseDuration how long a lease holds without renewal
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
 * @param retryPeriod how often candidates try to acquire or renew
 */
public record LeaderElectionSettings(
    String leaseName,
    String leaseNamespace,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public static LeaderElectionSettings of(String leaseName, String leaseNamespace, String identity) {
    return new LeaderElectionSettings(leaseName, leaseNamespace, identity,
        Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
  }
}
