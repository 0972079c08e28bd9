package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.testing.OperatorFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where a caster lives is recorded once, and deletion removes the Caster only when its caster is
 * confirmed gone. Against the emulator, whose casters belong to one region and one account.
 */
class CasterLocationIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  /** A Caster that created its caster, Ready; returns the caster's id. */
  private static String created(String name) {
    fixture.apply(name, "regionId: cn-shanghai\ncasterName: %s\ndelay: 1".formatted(name));
    CasterStatus ready = fixture.awaitReady(name);
    assertEquals("cn-shanghai", ready.getRegionId());
    assertEquals(OperatorFixture.ACCOUNT, ready.getAccountId());
    assertEquals("cn-shanghai", fixture.emulator().caster(ready.getCasterId()).orElseThrow().regionId());
    return ready.getCasterId();
  }

  @Test
  void aChangedRegionIsRefusedByTheApiServerAndDeletionStillDeletesTheCaster() {
    String name = OperatorFixture.uniqueName("region");
    String id = created(name);

    // The CRD's root rule sees status.regionId: the API server refuses the update (422).
    var refused = org.junit.jupiter.api.Assertions.assertThrows(io.fabric8.kubernetes.client.KubernetesClientException.class,
        () -> fixture.apply(name, "regionId: cn-beijing\ncasterName: %s\ndelay: 2".formatted(name)));
    assertEquals(422, refused.getCode());
    assertTrue(refused.getMessage().contains("spec.regionId"), refused.getMessage());

    fixture.delete(name);
    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isEmpty(), "the caster was deleted in the region it lives in");
  }

  @Test
  void credentialsOfAnotherAccountAreReportedAndTheRecordedOnesStillDelete() {
    String name = OperatorFixture.uniqueName("account");
    String id = created(name);
    String other = OperatorFixture.uniqueName("other-keys");
    fixture.secret(other, Map.of("accessKeyId", OperatorFixture.OTHER_ACCOUNT_KEY,
        "accessKeySecret", OperatorFixture.OTHER_ACCOUNT_SECRET, "accountId", OperatorFixture.OTHER_ACCOUNT));

    fixture.apply(name, "regionId: cn-shanghai\ncasterName: %s\ncredentialsSecretRef: {name: %s}\ndelay: 2".formatted(name, other));

    CasterStatus mismatch = fixture.awaitReady(name, "False", Conditions.Reason.ACCOUNT_MISMATCH);
    assertEquals("InvalidCaster.NotFound", mismatch.getLastErrorCode());
    assertEquals(OperatorFixture.ACCOUNT, mismatch.getAccountId(), "the record stays");
    assertTrue(condition(mismatch, Conditions.READY).getMessage().contains("does not mean it is gone"));

    // Deletion uses the credentials recorded for the caster (here the operator's default ones).
    fixture.delete(name);
    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isEmpty(), "deleted with credentials of its own account");
  }

  @Test
  void withOnlyAnotherAccountsCredentialsLeftDeletionWaitsAndSaysWhy() {
    String keys = OperatorFixture.uniqueName("keys");
    fixture.secret(keys, Map.of("accessKeyId", OperatorFixture.SECOND_KEY, "accessKeySecret", OperatorFixture.SECOND_SECRET,
        "accountId", OperatorFixture.ACCOUNT));
    String name = OperatorFixture.uniqueName("orphaned");
    fixture.apply(name, "casterName: %s\ncredentialsSecretRef: {name: %s}".formatted(name, keys));
    String id = fixture.awaitReady(name).getCasterId();
    assertEquals(keys, fixture.status(name).getCredentialsSecretName());
    String other = OperatorFixture.uniqueName("other-keys");
    fixture.secret(other, Map.of("accessKeyId", OperatorFixture.OTHER_ACCOUNT_KEY,
        "accessKeySecret", OperatorFixture.OTHER_ACCOUNT_SECRET, "accountId", OperatorFixture.OTHER_ACCOUNT));
    fixture.apply(name, "casterName: %s\ncredentialsSecretRef: {name: %s}".formatted(name, other));
    fixture.kube().secrets().inNamespace(OperatorFixture.NAMESPACE).withName(keys).delete();

    fixture.delete(name);

    CasterStatus waiting = fixture.awaitStatus(name, s -> s.getConditions().stream().anyMatch(c ->
        Conditions.Reason.DELETION_UNCONFIRMED.equals(c.getReason())), "DeletionUnconfirmed");
    String message = condition(waiting, Conditions.READY).getMessage();
    assertTrue(message.contains(OperatorFixture.OTHER_ACCOUNT) && message.contains(OperatorFixture.ACCOUNT), message);
    assertTrue(fixture.emulator().caster(id).isPresent(), "nothing was deleted");
    assertFalse(fixture.get(name).getMetadata().getFinalizers().isEmpty(), "the finalizer stays");

    // Restoring the caster's own credentials lets the deletion finish.
    fixture.secret(keys, Map.of("accessKeyId", OperatorFixture.SECOND_KEY, "accessKeySecret", OperatorFixture.SECOND_SECRET,
        "accountId", OperatorFixture.ACCOUNT));
    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.get(name) == null);
    assertTrue(fixture.emulator().caster(id).isEmpty());
  }
}
