package io.casteroperator.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.testing.OperatorFixture;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two replicas: one leader reconciles and spends the budget; the other takes over when it stops. */
class LeaderElectionIT {

  private static LeaderElectionSettings lease(String identity) {
    return LeaderElectionSettings.of("caster-operator", OperatorFixture.NAMESPACE, identity)
        .withDurations(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(300))
        .withExitOnLostLease(false);
  }

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass(s -> s.withLeaderElection(lease("replica-a")));

  private Lease currentLease() {
    return fixture.kube().leases().inNamespace(OperatorFixture.NAMESPACE).withName("caster-operator").get();
  }

  @Test
  void oneLeaderReconcilesAndTheStandbyTakesOverWhenItStops() {
    CasterOperator a = fixture.operator();
    await().atMost(OperatorFixture.TIMEOUT).until(a::leading);
    CasterOperator b = fixture.anotherOperator(s -> s.withLeaderElection(lease("replica-b")));
    await().atMost(OperatorFixture.TIMEOUT).until(b::ready);
    assertTrue(!b.leading(), "the standby waits");
    assertEquals("replica-a", currentLease().getSpec().getHolderIdentity());

    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("ha");
    fixture.apply(name, "casterId: %s\ndelay: 1".formatted(id));
    fixture.awaitReady(name);

    // The leader goes away (a rolling update): it hands the lease over instead of letting it expire.
    fixture.stopOperator();
    await().atMost(OperatorFixture.TIMEOUT).until(b::leading);
    assertEquals("replica-b", currentLease().getSpec().getHolderIdentity());

    fixture.apply(name, "casterId: %s\ndelay: 2".formatted(id));
    fixture.awaitStatus(name, s -> Long.valueOf(2).equals(s.getAppliedGeneration()), "generation 2 applied by the new leader");
    assertEquals(2, fixture.callCount(id, "SetCasterConfig"), "exactly one write per generation across the hand-over");
    assertNotEquals(0, b.registry().find("caster_live_api_calls").counters().size(), "the new leader made the call");
  }
}
