package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.testing.OperatorFixture;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Status is what the API server holds, not what the operator remembers: an edit from outside, or a
 * failure an earlier leader recorded, is gone after the next successful reconcile.
 */
class StatusFromServerIT {

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void aStatusEditedFromOutsideIsSetRightByTheNextReconcile() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("edited");
    fixture.apply(name, "casterId: %s\ndelay: 1".formatted(id));
    fixture.awaitReady(name);

    // As `kubectl edit --subresource=status` would: a bogus error code.
    fixture.kube().resources(Caster.class).inNamespace(OperatorFixture.NAMESPACE).withName(name).editStatus(c -> {
      c.getStatus().setLastErrorCode("Bogus.Code");
      c.getStatus().setNextRetryTime("2030-01-01T00:00:00Z");
      return c;
    });
    assertEquals("Bogus.Code", fixture.status(name).getLastErrorCode());

    fixture.apply(name, "casterId: %s\ndelay: 2".formatted(id));
    CasterStatus status = fixture.awaitStatus(name, s -> Long.valueOf(2).equals(s.getAppliedGeneration()), "generation 2 applied");
    assertNull(status.getLastErrorCode(), Serialization.asJson(status));
    assertNull(status.getNextRetryTime(), Serialization.asJson(status));
  }

  /**
   * A hand-over: the instance that recorded the failure goes away, and a new one, which remembers
   * nothing, takes over from what the API server holds.
   */
  @Test
  void aNewInstancesFirstSuccessLeavesNothingOfTheOldInstancesLastFailure() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("handover");
    fixture.emulator().faults(FaultSettings.builder().errorRate(1.0).errorActions("SetCasterConfig")
        .errorCodes("InternalError").build());
    try {
      fixture.apply(name, "casterId: %s\ndelay: 3".formatted(id));
      CasterStatus failed = fixture.awaitReady(name, "False", Conditions.Reason.RETRYING);
      assertEquals("InternalError", failed.getLastErrorCode());
      fixture.stopOperator();
    } finally {
      fixture.emulator().clearFaults();
    }

    fixture.startOperator();

    CasterStatus applied = fixture.awaitReady(name);
    assertNull(applied.getLastErrorCode(), Serialization.asJson(applied));
    assertNull(applied.getNextRetryTime(), Serialization.asJson(applied));
  }
}
