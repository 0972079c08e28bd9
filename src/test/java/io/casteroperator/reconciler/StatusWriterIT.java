package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.playground.MockKubernetes;
import io.casteroperator.testing.Examples;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status write, against an API server, when the operator's copy of the Caster is stale. */
class StatusWriterIT {

  private static MockKubernetes kube;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    kube = MockKubernetes.start(0);
    client = kube.client();
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  @Test
  void aWriteFromAStaleCopyStillRemovesWhatTheServerHolds() {
    Caster created = client.resource(Examples.parse("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: stale, namespace: default}
        spec: {delay: 1}
        """)).create();
    Caster stale = Serialization.clone(created);
    // Someone else (an earlier leader) records a failure after this copy was taken.
    client.resource(created).editStatus(c -> {
      CasterStatus failed = new CasterStatus();
      failed.setLastErrorCode("InternalError");
      failed.setNextRetryTime("2030-01-01T00:00:00Z");
      failed.setObservedGeneration(1L);
      c.setStatus(failed);
      return c;
    });

    CasterStatus success = new CasterStatus();
    success.setObservedGeneration(1L);
    success.setAppliedGeneration(1L);
    StatusWriter.Written written = new StatusWriter().write(client, stale, success);

    assertEquals(StatusWriter.Result.WRITTEN, written.result());
    CasterStatus held = client.resource(created).get().getStatus();
    assertNull(held.getLastErrorCode(), Serialization.asJson(held));
    assertNull(held.getNextRetryTime(), Serialization.asJson(held));
    assertEquals(1L, held.getAppliedGeneration());
  }
}
