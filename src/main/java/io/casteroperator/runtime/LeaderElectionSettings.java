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
 * @param exitOnLostLease on losing the lease (other than by shutting down): end the process, so
 *     Kubernetes restarts it as a standby; {@code false} only stops this instance (tests)
 */
public record LeaderElectionSettings(
    String leaseName,
    String leaseNamespace,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    boolean exitOnLostLease) {

  public static LeaderElectionSettings of(String leaseName, String leaseNamespace, String identity) {
    return new LeaderElectionSettings(leaseName, leaseNamespace, identity,
        Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), true);
  }

  public LeaderElectionSettings withDurations(Duration lease, Duration renew, Duration retry) {
    return new LeaderElectionSettings(leaseName, leaseNamespace, identity, lease, renew, retry, exitOnLostLease);
  }

  public LeaderElectionSettings withExitOnLostLease(boolean value) {
    return new LeaderElectionSettings(leaseName, leaseNamespace, identity, leaseDuration, renewDeadline, retryPeriod, value);
  }
}
