package io.casteroperator.reconciler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterOrigin;
import io.casteroperator.api.Conditions;
import io.casteroperator.api.DeletionPolicy;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.testing.OperatorFixture;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create, adopt and delete casters from Git, without ever leaking or duplicating a billed studio. */
class LifecycleIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  private static long castersNamed(String name) {
    return fixture.emulator().casters().stream().filter(c -> name.equals(c.casterName())).count();
  }

  private static List<CallRecord> creates(String name) {
    return fixture.emulator().callLog("CreateCaster", null, null, 1000).stream()
        .filter(c -> name.equals(c.params().get("CasterName"))).toList();
  }

  @Test
  void aCasterWithoutIdIsCreatedOnceThenConfigured() {
    String name = OperatorFixture.uniqueName("created");

    fixture.apply(name, "casterName: %s\nnormType: VirtualStudio\ndelay: 2\ntags: [{key: team, value: events}]".formatted(name));

    var status = fixture.awaitReady(name);
    assertEquals(1, creates(name).size());
    assertEquals("caster-operator-" + fixture.get(name).getMetadata().getUid(), creates(name).get(0).params().get("ClientToken"));
    assertEquals("4", creates(name).get(0).params().get("NormType"));
    assertEquals("PostPaid", creates(name).get(0).params().get("ChargeType"));
    assertEquals(CasterOrigin.Created, status.getOrigin());
    assertEquals(DeletionPolicy.Delete, status.getDeletionPolicy());
    assertEquals(status.getCasterId(), fixture.get(name).getMetadata().getAnnotations().get(Annotations.CASTER_ID));
    assertTrue(fixture.get(name).hasFinalizer(Annotations.FINALIZER), "Delete policy: the finalizer guards the caster");
    assertEquals(1, fixture.callCount(status.getCasterId(), "SetCasterConfig"));
    assertEquals(0, fixture.callCount(status.getCasterId(), "DescribeCasterConfig"), "a new caster needs no read first");
  }

  @Test
  void aMangledCasterIdAnnotationIsReportedAndTheCreatedCasterIsStillCleanedUp() {
    String name = OperatorFixture.uniqueName("mangled");
    fixture.apply(name, "casterName: %s".formatted(name));
    String id = fixture.awaitReady(name).getCasterId();

    fixture.setAnnotation(name, Annotations.CASTER_ID, "not/a caster id");
    String message = OperatorFixture.condition(
        fixture.awaitReady(name, "False", Conditions.Reason.INVALID_SPEC), Conditions.READY).getMessage();
    assertTrue(message.contains(Annotations.CASTER_ID) && message.contains("not a caster id"), message);

    // The claim recorded in status still holds: deleting the Caster deletes the caster it created.
    fixture.delete(name);
    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertEquals(0, castersNamed(name));
    assertEquals(1, fixture.callCount(id, "DeleteCaster"));
  }

  @Test
  void anOperatorStoppedRightAfterCreateCasterNeverMakesASecondCaster() {
    String name = OperatorFixture.uniqueName("crash");
    // The caster is created, but the answer never arrives: the operator cannot know its id.
    fixture.emulator().faults(FaultSettings.builder().dropAfterRate(1.0).errorActions("CreateCaster").build());
    fixture.apply(name, "casterName: %s".formatted(name));
    await().atMost(OperatorFixture.TIMEOUT).until(() -> !creates(name).isEmpty());
    fixture.stopOperator();
    fixture.emulator().clearFaults();

    fixture.startOperator();

    fixture.awaitReady(name);
    assertEquals(1, castersNamed(name));
    assertTrue(creates(name).size() >= 2, "the retry went out with the same client token");
    assertEquals(1, creates(name).stream().map(c -> c.params().get("ClientToken")).distinct().count());
  }

  @Test
  void aCasterRestoredFromABackupAdoptsItsCasterInsteadOfCreatingOne() {
    String name = OperatorFixture.uniqueName("restored");
    fixture.apply(name, "casterName: %s\ndeletionPolicy: Orphan".formatted(name));
    String id = fixture.awaitReady(name).getCasterId();
    Caster backup = fixture.get(name);
    fixture.delete(name);
    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);

    // A backup tool restores metadata and spec; uid, resourceVersion and status are new or gone.
    Caster restored = new Caster();
    restored.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(OperatorFixture.NAMESPACE)
        .withAnnotations(backup.getMetadata().getAnnotations()).build());
    restored.setSpec(backup.getSpec());
    fixture.kube().resource(restored).create();

    var status = fixture.awaitReady(name);
    assertEquals(id, status.getCasterId());
    assertEquals(1, creates(name).size());
    assertEquals(1, castersNamed(name));
  }

  @Test
  void deletingACreatedCasterDeletesItsCaster() {
    String name = OperatorFixture.uniqueName("gone");
    fixture.apply(name, "casterName: %s".formatted(name));
    String id = fixture.awaitReady(name).getCasterId();

    fixture.delete(name);

    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isEmpty());
  }

  @Test
  void deletingAnAdoptedCasterLeavesItsCasterAndNeverBlocks() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("orphan");
    fixture.apply(name, "casterId: %s\ndelay: 1".formatted(id));
    var status = fixture.awaitReady(name);
    assertEquals(DeletionPolicy.Orphan, status.getDeletionPolicy());
    assertFalse(fixture.get(name).hasFinalizer(Annotations.FINALIZER), "an orphan never blocks a namespace");

    fixture.delete(name);

    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isPresent());
    assertEquals(0, fixture.callCount(id, "DeleteCaster") + fixture.callCount(id, "StopCaster"));
  }

  @Test
  void aRunningCasterIsStoppedThenDeleted() {
    String id = fixture.cloudCaster();
    fixture.emulator().setRunning(id, true);
    String name = OperatorFixture.uniqueName("running");
    fixture.apply(name, "casterId: %s\ndeletionPolicy: Delete\ndelay: 1".formatted(id));
    fixture.awaitReady(name);

    fixture.delete(name);

    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isEmpty());
    List<String> order = fixture.emulator().callLog(null, id, null, 100).stream()
        .filter(c -> c.action().equals("StopCaster") || c.action().equals("DeleteCaster"))
        .map(c -> c.action() + ":" + c.code()).toList();
    assertEquals(List.of("StopCaster:OK", "DeleteCaster:OK"), order);
  }

  @Test
  void aCasterAlreadyGoneDoesNotHoldTheFinalizer() {
    String name = OperatorFixture.uniqueName("vanished");
    fixture.apply(name, "casterName: %s".formatted(name));
    String id = fixture.awaitReady(name).getCasterId();
    fixture.emulator().deleteCaster(id); // someone deleted it in the console

    fixture.delete(name);

    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertEquals(0, fixture.callCount(id, "DeleteCaster"), "nothing to delete");
  }

  @Test
  void switchingToOrphanRemovesTheFinalizer() {
    String name = OperatorFixture.uniqueName("switch");
    fixture.apply(name, "casterName: %s".formatted(name));
    fixture.awaitReady(name);
    assertTrue(fixture.get(name).hasFinalizer(Annotations.FINALIZER));

    fixture.apply(name, "casterName: %s\ndeletionPolicy: Orphan".formatted(name));

    await().atMost(OperatorFixture.TIMEOUT).until(() -> !fixture.get(name).hasFinalizer(Annotations.FINALIZER));
    fixture.awaitStatus(name, s -> s.getDeletionPolicy() == DeletionPolicy.Orphan, "deletion policy Orphan");
  }

  @Test
  void aPausedCasterIsNotDeletedInTheCloud() {
    String name = OperatorFixture.uniqueName("pausedelete");
    fixture.apply(name, "casterName: %s".formatted(name));
    String id = fixture.awaitReady(name).getCasterId();
    fixture.setAnnotation(name, Annotations.PAUSED, "true");
    fixture.awaitCondition(name, Conditions.SYNCED, "False", Conditions.Reason.PAUSED);

    fixture.delete(name);

    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isPresent());
    assertNull(fixture.emulator().callLog("DeleteCaster", id, null, 10).stream().findFirst().orElse(null));
  }

  @Test
  void changingTheCasterIdIsRefusedWithoutACall() {
    String id = fixture.cloudCaster();
    String other = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("moved");
    fixture.apply(name, "casterId: %s\ndelay: 1".formatted(id));
    fixture.awaitReady(name);

    // The CRD's transition rule refuses it at the API server, as on a cluster (ErrorHandlingIT shows
    // the operator refusing it too where the API server does not check).
    KubernetesClientException refused = assertThrows(KubernetesClientException.class,
        () -> fixture.apply(name, "casterId: %s\ndelay: 2".formatted(other)));
    assertEquals(422, refused.getCode());
    assertEquals("spec.casterId", refused.getStatus().getDetails().getCauses().get(0).getField());

    assertEquals(id, fixture.get(name).getSpec().getCasterId());
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
        .until(() -> fixture.emulator().callLog(null, other, null, 10).isEmpty());
  }
}
