package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.testing.OperatorFixture;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each class of failure ends in its own status and retry behaviour; no hot loop. */
class ErrorHandlingIT {

  // Invalid specs must reach the operator: an API server without the CRD's schema checks.
  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass().withoutSchemaValidation();

  @AfterEach
  void noFaults() {
    fixture.emulator().clearFaults();
  }

  @Test
  void aCasterIdChangedPastAnApiServerWithoutTheRuleIsRefusedWithoutACall() {
    String id = fixture.cloudCaster();
    String other = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("moved");
    fixture.apply(name, "casterId: %s\ndelay: 1".formatted(id));
    fixture.awaitReady(name);

    // The CRD's transition rule refuses this on a validating API server (LifecycleIT); this one lets it through.
    fixture.apply(name, "casterId: %s\ndelay: 2".formatted(other));

    fixture.awaitReady(name, "False", Conditions.Reason.CASTER_ID_IMMUTABLE);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
        .until(() -> fixture.emulator().callLog(null, other, null, 10).isEmpty());
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUntilTheyPass() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("transient");
    fixture.emulator().faults(FaultSettings.builder().errorRate(1.0).errorCodes("ServiceUnavailable")
        .errorActions("SetCasterConfig").build());

    fixture.apply(name, "casterId: %s\ndelay: 9".formatted(id));

    var status = fixture.awaitReady(name, "False", Conditions.Reason.RETRYING);
    assertEquals("ServiceUnavailable", status.getLastErrorCode());
    assertTrue(condition(status, Conditions.READY).getMessage().contains("ServiceUnavailable"));
    // Backoff from 200 ms doubling to 2 s: far fewer attempts in 3 s than a hot loop would make.
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
    int attempts = fixture.callCount(id, "SetCasterConfig");
    assertTrue(attempts >= 2 && attempts <= 8, "attempts in 3 s: " + attempts);

    fixture.emulator().clearFaults();
    var ready = fixture.awaitReady(name);
    assertNull(ready.getLastErrorCode(), "a success clears the error");
    assertNull(ready.getNextRetryTime());
  }

  @Test
  void aRefusedRequestIsNotRetriedUntilSomethingChanges() {
    String unknown = OperatorFixture.randomCasterId();
    String name = OperatorFixture.uniqueName("notfound");

    fixture.apply(name, "casterId: %s\ndelay: 1".formatted(unknown));

    var status = fixture.awaitReady(name, "False", Conditions.Reason.CLOUD_ERROR);
    assertEquals("InvalidCaster.NotFound", status.getLastErrorCode());
    String message = condition(status, Conditions.READY).getMessage();
    assertTrue(message.contains("InvalidCaster.NotFound") && message.contains("RequestId"), message);
    assertTrue(fixture.events(name).stream().anyMatch(e -> "Warning".equals(e.getType())
        && e.getMessage().contains("InvalidCaster.NotFound")), "a Warning event names the code");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
        .until(() -> fixture.callCount(unknown, "DescribeCasterConfig") == 1);

    // A new generation is a reason to try again at once.
    fixture.apply(name, "casterId: %s\ndelay: 2".formatted(unknown));
    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.callCount(unknown, "DescribeCasterConfig") == 2);
    fixture.awaitReady(name, "False", Conditions.Reason.CLOUD_ERROR);
  }

  @Test
  void anInvalidSpecIsReportedWithoutAnyCall() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("invalid");

    fixture.apply(name, "casterId: %s\ndelay: 301\nsideOutputUrl: http://not-rtmp".formatted(id));

    var status = fixture.awaitReady(name, "False", Conditions.Reason.INVALID_SPEC);
    String message = condition(status, Conditions.READY).getMessage();
    assertTrue(message.contains("spec.delay") && message.contains("spec.sideOutputUrl"), message);
    assertEquals(1L, status.getObservedGeneration());
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
        .until(() -> fixture.emulator().callLog(null, id, null, 10).isEmpty());
  }

  @Test
  void aWronglyTypedCasterDoesNotStopTheOthers() {
    String broken = OperatorFixture.uniqueName("broken");
    GenericKubernetesResource raw = Serialization.unmarshal("""
        {"apiVersion":"live.caster-operator.io/v1alpha1","kind":"Caster",
         "metadata":{"name":"%s","namespace":"default"},
         "spec":{"casterId":"%s","delay":"abc","transcodeConfig":[1,2]}}""".formatted(broken, fixture.cloudCaster()),
        GenericKubernetesResource.class);
    fixture.kube().genericKubernetesResources("live.caster-operator.io/v1alpha1", "Caster")
        .inNamespace(OperatorFixture.NAMESPACE).resource(raw).create();
    String good = OperatorFixture.uniqueName("good");
    String id = fixture.cloudCaster();

    fixture.apply(good, "casterId: %s\ndelay: 3".formatted(id));

    fixture.awaitReady(good);
    var status = fixture.awaitReady(broken, "False", Conditions.Reason.INVALID_SPEC);
    assertTrue(condition(status, Conditions.READY).getMessage().contains("spec.delay"));
  }

  /** Where the API server does not run the CRD's rules, the operator refuses a region change itself. */
  @Test
  void aChangedRegionIsRefusedWithoutACallAndDeletionStillDeletesTheCaster() {
    String name = OperatorFixture.uniqueName("region");
    fixture.apply(name, "regionId: cn-shanghai\ncasterName: %s\ndelay: 1".formatted(name));
    String id = fixture.awaitReady(name).getCasterId();
    int calls = fixture.emulator().callLog(null, id, null, Integer.MAX_VALUE).size();

    fixture.apply(name, "regionId: cn-beijing\ncasterName: %s\ndelay: 2".formatted(name));

    var refused = fixture.awaitReady(name, "False", Conditions.Reason.REGION_IMMUTABLE);
    String message = OperatorFixture.condition(refused, Conditions.READY).getMessage();
    assertTrue(message.contains("cn-beijing") && message.contains("cn-shanghai"), message);
    assertEquals(calls, fixture.emulator().callLog(null, id, null, Integer.MAX_VALUE).size(), "no call after the change");

    fixture.delete(name);
    org.awaitility.Awaitility.await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isEmpty(), "the caster was deleted in the region it lives in");
    assertTrue(fixture.calls(id, "DeleteCaster").stream().allMatch(c -> "cn-shanghai".equals(c.regionId())));
  }
}
