package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Apply only when needed: one SetCasterConfig per generation, none for no-ops and restarts. */
class ConvergenceIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void applyingACasterWritesItOnceAndReportsReady() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("apply");

    fixture.apply(name, """
        casterId: %s
        casterName: News
        domainName: live.example.com
        delay: 2.5
        transcodeConfig: {casterTemplate: lp_hd}
        """.formatted(id));

    CasterStatus status = fixture.awaitReady(name);
    assertEquals(1, fixture.callCount(id, "SetCasterConfig"));
    assertEquals(1L, status.getAppliedGeneration());
    assertEquals(id, status.getCasterId());
    assertNotNull(status.getAppliedConfigHash());
    assertNotNull(status.getLastRequestId());
    assertNull(status.getLastErrorCode());
    assertEquals("True", condition(status, Conditions.SYNCED).getStatus().name());
    var cloud = fixture.emulator().caster(id).orElseThrow();
    Map<String, String> config = cloud.config();
    assertEquals("News", cloud.casterName());
    assertEquals("2.5", config.get("Delay"));
    assertEquals("{\"CasterTemplate\":\"lp_hd\"}", config.get("TranscodeConfig"));
  }

  @Test
  void aSpecChangeCostsExactlyOneMoreCall() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("change");
    fixture.apply(name, "casterId: %s\ndelay: 1".formatted(id));
    fixture.awaitReady(name);

    fixture.apply(name, "casterId: %s\ndelay: 7".formatted(id));

    CasterStatus status = fixture.awaitStatus(name, s -> Long.valueOf(2).equals(s.getAppliedGeneration()), "generation 2 applied");
    assertEquals(2, fixture.callCount(id, "SetCasterConfig"));
    assertEquals("7.0", fixture.emulator().caster(id).orElseThrow().config().get("Delay"));
    assertEquals(2L, status.getObservedGeneration());
  }

  @Test
  void aReconcileWithNothingToDoAndARestartCostNoWrite() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("noop");
    fixture.apply(name, "casterId: %s\ncasterName: Quiet".formatted(id));
    fixture.awaitReady(name);
    int describes = fixture.callCount(id, "DescribeCasterConfig");

    // A metadata change triggers a reconcile; nothing in the spec changed.
    fixture.setAnnotation(name, "example.com/note", "touched");
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> fixture.callCount(id, "SetCasterConfig") == 1);

    fixture.restartOperator();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> fixture.callCount(id, "SetCasterConfig") == 1
            && fixture.callCount(id, "DescribeCasterConfig") == describes);
    assertEquals("True", condition(fixture.status(name), Conditions.READY).getStatus().name());
  }

  @Test
  void anAdoptedCasterThatAlreadyMatchesIsNotWritten() {
    String id = fixture.cloudCaster();
    fixture.emulator().changeConfig(id, Map.of("CasterName", "Already", "DomainName", "live.example.com"));
    String name = OperatorFixture.uniqueName("match");

    fixture.apply(name, "casterId: %s\ncasterName: Already\ndomainName: live.example.com".formatted(id));

    fixture.awaitReady(name);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> fixture.callCount(id, "SetCasterConfig") == 0);
    assertTrue(fixture.events(name).stream().anyMatch(e -> "InSync".equals(e.getReason())));
  }

  @Test
  void pausedCastersMakeNoCallsUntilResumed() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("paused");
    fixture.apply("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata:
          name: %s
          annotations: {"live.caster-operator.io/paused": "true"}
        spec:
          casterId: %s
          delay: 3
        """.formatted(name, id));

    fixture.awaitCondition(name, Conditions.SYNCED, "False", Conditions.Reason.PAUSED);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> fixture.emulator().callLog("SetCasterConfig", id, null, 10).isEmpty()
            && fixture.emulator().callLog("DescribeCasterConfig", id, null, 10).isEmpty());

    fixture.setAnnotation(name, Annotations.PAUSED, null);
    fixture.awaitReady(name);
    assertEquals(1, fixture.callCount(id, "SetCasterConfig"));
  }
}
