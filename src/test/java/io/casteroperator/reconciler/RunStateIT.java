package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.CasterState;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.api.SceneOutput;
import io.casteroperator.testing.OperatorFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** spec.running: the caster is started and stopped as the spec says, and set back when the console changes it. */
class RunStateIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  private static final String STARTABLE = "domainName: live.example.com\ntranscodeConfig: {casterTemplate: lp_ld}\n";

  private static String withDriftInterval(String name, String spec) {
    return """
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata:
          name: %s
          annotations: {"live.caster-operator.io/drift-interval": "1s"}
        spec:
        %s""".formatted(name, spec.stripTrailing().indent(2));
  }

  @Test
  void aCasterIsStartedAndStoppedAsTheSpecSays() {
    String name = OperatorFixture.uniqueName("onair");
    fixture.apply(name, STARTABLE + "casterName: %s\nrunning: true".formatted(name));

    CasterStatus started = fixture.awaitCondition(name, Conditions.RUNNING, "True", Conditions.Reason.STARTED);
    String id = started.getCasterId();
    assertTrue(fixture.emulator().caster(id).orElseThrow().running(), "the emulator shows it running");
    assertEquals(CasterState.Running, started.getCasterState());
    assertEquals(1, fixture.callCount(id, "StartCaster"));
    assertEquals("True", condition(fixture.awaitReady(name), Conditions.READY).getStatus().name());
    // The outputs, read once after the start: masked in status.
    CasterStatus withOutputs = fixture.awaitStatus(name, s -> s.getOutputs() != null, "outputs in status");
    assertEquals(java.util.Set.of("program", "preview"),
        withOutputs.getOutputs().stream().map(SceneOutput::getScene).collect(java.util.stream.Collectors.toSet()));
    String shown = io.fabric8.kubernetes.client.utils.Serialization.asJson(withOutputs.getOutputs());
    assertTrue(shown.contains("auth_key=***"), shown);
    assertFalse(shown.matches("(?s).*auth_key=[^*].*"), "an auth_key shown unmasked: " + shown);
    assertEquals(1, fixture.callCount(id, "DescribeCasterStreamUrl"));

    fixture.apply(name, STARTABLE + "casterName: %s\nrunning: false".formatted(name));

    fixture.awaitCondition(name, Conditions.RUNNING, "False", Conditions.Reason.STOPPED);
    assertFalse(fixture.emulator().caster(id).orElseThrow().running());
    assertEquals(1, fixture.callCount(id, "StopCaster"), "one StopCaster");
    assertEquals(1, fixture.callCount(id, "StartCaster"));
  }

  @Test
  void aCasterStartedWithoutItsConfigurationWaitsForIt() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("waits");
    fixture.emulator().faults(io.casteroperator.emulator.FaultSettings.builder().errorRate(1.0)
        .errorActions("SetCasterConfig").errorCodes("InternalError").build());
    try {
      fixture.apply(name, STARTABLE + "casterId: %s\nrunning: true".formatted(id));
      fixture.awaitReady(name, "False", Conditions.Reason.RETRYING);
      assertEquals(0, fixture.callCount(id, "StartCaster"), "no start before the configuration is applied");
    } finally {
      fixture.emulator().clearFaults();
    }
    fixture.awaitCondition(name, Conditions.RUNNING, "True", Conditions.Reason.STARTED);
  }

  @Test
  void aStartTheServiceRefusesIsStartFailedAndNotTriedInALoop() {
    String name = OperatorFixture.uniqueName("refused-start");
    fixture.emulator().faults(io.casteroperator.emulator.FaultSettings.builder().errorRate(1.0)
        .errorActions("StartCaster").errorCodes("IllegalOperation").build());
    try {
      fixture.apply(name, STARTABLE + "casterName: %s\nrunning: true".formatted(name));

      CasterStatus refused = fixture.awaitCondition(name, Conditions.RUNNING, "False", Conditions.Reason.START_FAILED);
      String message = condition(refused, Conditions.RUNNING).getMessage();
      assertTrue(message.contains("StartCaster failed") && message.contains("IllegalOperation"), message);
      assertEquals("False", condition(refused, Conditions.READY).getStatus().name());
      assertEquals("IllegalOperation", refused.getLastErrorCode());
      String id = refused.getCasterId();
      // A refusal is tried again when the spec or the credentials change, or by the slow probe (an
      // hour here): not on every reconcile.
      await().during(java.time.Duration.ofSeconds(3)).atMost(java.time.Duration.ofSeconds(5))
          .until(() -> fixture.callCount(id, "StartCaster") == 1);
    } finally {
      fixture.emulator().clearFaults();
    }
  }

  @Test
  void aCasterStoppedInTheConsoleIsDriftAndStartedAgain() {
    String name = OperatorFixture.uniqueName("console");
    fixture.apply(withDriftInterval(name, STARTABLE + "casterName: %s\nrunning: true".formatted(name)));
    String id = fixture.awaitCondition(name, Conditions.RUNNING, "True", Conditions.Reason.STARTED).getCasterId();

    fixture.emulator().setRunning(id, false);

    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.callCount(id, "StartCaster") == 2);
    var corrected = fixture.awaitCondition(name, Conditions.DRIFTED, "False", Conditions.Reason.CORRECTED);
    assertTrue(condition(corrected, Conditions.DRIFTED).getMessage().contains("running"));
    assertTrue(fixture.emulator().caster(id).orElseThrow().running());
    assertTrue(fixture.events(name).stream().anyMatch(e -> "DriftCorrected".equals(e.getReason())
        && e.getMessage().contains("running")), "a DriftCorrected event names running");
  }

  @Test
  void anObserveOnlyCasterStartedInTheConsoleIsReportedNotStopped() {
    String id = fixture.cloudCaster();
    fixture.emulator().changeConfig(id, Map.of("DomainName", "live.example.com", "TranscodeConfig", "{\"CasterTemplate\":\"lp_ld\"}"));
    fixture.emulator().setRunning(id, true);
    String name = OperatorFixture.uniqueName("observed");

    fixture.apply(name, STARTABLE + "casterId: %s\nmanagementPolicy: ObserveOnly\nrunning: false".formatted(id));

    CasterStatus drifted = fixture.awaitReady(name, "False", Conditions.Reason.DRIFT_DETECTED);
    assertNotNull(drifted.getDrift());
    assertTrue(drifted.getDrift().stream().anyMatch(d -> "running".equals(d.getField()) && "true".equals(d.getObserved())));
    assertEquals(0, fixture.callCount(id, "StopCaster"));
    assertTrue(fixture.emulator().caster(id).orElseThrow().running());
  }

  @Test
  void withoutSpecRunningTheCasterIsNeverStartedOrStopped() {
    String id = fixture.cloudCaster();
    fixture.emulator().changeConfig(id, Map.of("DomainName", "live.example.com", "TranscodeConfig", "{\"CasterTemplate\":\"lp_ld\"}"));
    fixture.emulator().setRunning(id, true);
    String name = OperatorFixture.uniqueName("unmanaged");

    fixture.apply(name, STARTABLE + "casterId: %s\ndelay: 1".formatted(id));

    fixture.awaitReady(name);
    assertEquals(0, fixture.callCount(id, "StopCaster") + fixture.callCount(id, "StartCaster")
        + fixture.callCount(id, "DescribeCasterStreamUrl"), "no start, stop or outputs read");
  }
}
