package io.casteroperator.reconciler;

import io.casteroperator.live.LiveCredentials;
import java.time.Duration;

/**
 * Everything the reconciler waits for or falls back on; every interval is configurable so tests
 * run in seconds.
 *
 * @param defaultRegion region of Casters without spec.regionId
 * @param defaultCredentials credentials of Casters without spec.credentialsSecretRef; {@code null}
 *     when the operator has none (such Casters then report CredentialsError)
 * @param driftInterval how often a caster is read back to look for drift
 * @param backoffBase first delay after a throttled or transient failure; doubles per failure
 * @param backoffCap longest delay after a throttled or transient failure
 * @param slowProbe how often a request the Live API refused is tried again when nothing changed
 * @param preconditionPoll how often the caster's state is read while a change waits for it to stop
 */
public record ReconcilerSettings(
    String defaultRegion,
    LiveCredentials defaultCredentials,
    Duration driftInterval,
    Duration backoffBase,
    Duration backoffCap,
    Duration slowProbe,
    Duration preconditionPoll) {

  public static ReconcilerSettings defaults() {
    return new ReconcilerSettings("cn-shanghai", null, Duration.ofMinutes(10), Duration.ofSeconds(1),
        Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(30));
  }

  public ReconcilerSettings withDefaultCredentials(LiveCredentials value) {
    return new ReconcilerSettings(defaultRegion, value, driftInterval, backoffBase, backoffCap, slowProbe, preconditionPoll);
  }

  public ReconcilerSettings withDefaultRegion(String value) {
    return new ReconcilerSettings(value, defaultCredentials, driftInterval, backoffBase, backoffCap, slowProbe, preconditionPoll);
  }

  public ReconcilerSettings withDriftInterval(Duration value) {
    return new ReconcilerSettings(defaultRegion, defaultCredentials, value, backoffBase, backoffCap, slowProbe, preconditionPoll);
  }

  public ReconcilerSettings withBackoff(Duration base, Duration cap) {
    return new ReconcilerSettings(defaultRegion, defaultCredentials, driftInterval, base, cap, slowProbe, preconditionPoll);
  }

  public ReconcilerSettings withSlowProbe(Duration value) {
    return new ReconcilerSettings(defaultRegion, defaultCredentials, driftInterval, backoffBase, backoffCap, value, preconditionPoll);
  }

  public ReconcilerSettings withPreconditionPoll(Duration value) {
    return new ReconcilerSettings(defaultRegion, defaultCredentials, driftInterval, backoffBase, backoffCap, slowProbe, value);
  }
}
