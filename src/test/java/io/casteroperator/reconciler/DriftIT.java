package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.CasterState;
import io.casteroperator.api.Conditions;
import io.casteroperator.api.DriftEntry;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changes made in the console are seen, shown and (with Full management) undone with one write. */
class DriftIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  private static String withDriftInterval(String name, String interval, String spec) {
    return """
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata:
          name: %s
          annotations: {"live.caster-operator.io/drift-interval": "%s"}
        spec:
        %s""".formatted(name, interval, spec.stripTrailing().indent(2));
  }

  @Test
  void anIntervalThatIsNotADurationIsReportedAndTheOperatorsIntervalUsed() {
    String name = OperatorFixture.uniqueName("bad-interval");
    fixture.apply(withDriftInterval(name, "every ten minutes", "casterId: %s".formatted(fixture.cloudCaster())));
    fixture.awaitReady(name);
    await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> assertTrue(fixture.events(name).stream()
        .anyMatch(e -> "InvalidAnnotation".equals(e.getReason()) && e.getMessage().contains("\"every ten minutes\"")
            && e.getMessage().endsWith("using 1h")), fixture.events(name).toString()));
  }

  @Test
  void aConsoleChangeIsShownAndCorrectedWithExactlyOneWrite() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("drift");
    fixture.apply(withDriftInterval(name, "1s", "casterId: %s\ndelay: 2\ndomainName: live.example.com".formatted(id)));
    fixture.awaitReady(name);
    assertEquals(1, fixture.callCount(id, "SetCasterConfig"));

    fixture.emulator().changeConfig(id, Map.of("Delay", "9", "DomainName", "other.example.com"));

    var corrected = fixture.awaitCondition(name, Conditions.DRIFTED, "False", Conditions.Reason.CORRECTED);
    assertEquals(2, fixture.callCount(id, "SetCasterConfig"));
    assertEquals(List.of("delay", "domainName"), corrected.getLastDriftCorrection().getFields());
    assertNull(corrected.getDrift());
    assertEquals("2.0", fixture.emulator().caster(id).orElseThrow().config().get("Delay"));
    assertTrue(fixture.events(name).stream().anyMatch(e -> "DriftCorrected".equals(e.getReason())
        && e.getMessage().contains("delay, domainName")));
    assertEquals("True", condition(corrected, Conditions.READY).getStatus().name());
  }

  @Test
  void severalDriftPeriodsWithoutChangeCostNoWrite() {
    String id = fixture.cloudCaster();
    fixture.emulator().setRunning(id, true);
    String name = OperatorFixture.uniqueName("steady");
    fixture.apply(withDriftInterval(name, "1s", "casterId: %s\ndelay: 3".formatted(id)));
    fixture.awaitReady(name);
    int reads = fixture.callCount(id, "DescribeCasterConfig");

    await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.callCount(id, "DescribeCasterConfig") >= reads + 3);

    assertEquals(1, fixture.callCount(id, "SetCasterConfig"));
    var status = fixture.status(name);
    assertEquals("False", condition(status, Conditions.DRIFTED).getStatus().name());
    assertEquals(Conditions.Reason.NO_DRIFT, condition(status, Conditions.DRIFTED).getReason());
    assertEquals(CasterState.Running, status.getCasterState(), "the running state is read along");
  }

  @Test
  void observeOnlyReportsTheCloudAndNeverWrites() {
    String id = fixture.cloudCaster();
    fixture.emulator().changeConfig(id, Map.of("Delay", "4", "DomainName", "console.example.com",
        "CallbackUrl", "https://hooks.example.com/x?auth_key=1700-0-0-secret"));
    String name = OperatorFixture.uniqueName("observe");

    fixture.apply(name, "casterId: %s\nmanagementPolicy: ObserveOnly\ndelay: 4".formatted(id));

    var status = fixture.awaitReady(name, "False", Conditions.Reason.DRIFT_DETECTED);
    List<String> fields = status.getDrift().stream().map(DriftEntry::getField).toList();
    assertEquals(List.of("callbackUrl", "domainName"), fields);
    DriftEntry callback = status.getDrift().get(0);
    assertNull(callback.getDesired());
    assertEquals("\"https://hooks.example.com/x?auth_key=***\"", callback.getObserved(), "signed URLs are masked");
    assertEquals("True", condition(status, Conditions.DRIFTED).getStatus().name());

    // Copying what the cloud has into the spec makes it Ready, still without a single write.
    fixture.apply(name, """
        casterId: %s
        managementPolicy: ObserveOnly
        delay: 4
        domainName: console.example.com
        callbackUrl: https://hooks.example.com/x?auth_key=1700-0-0-secret""".formatted(id));
    fixture.awaitReady(name, "True", Conditions.Reason.OBSERVED);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() ->
        fixture.emulator().callLog(null, id, null, 100).stream()
            .allMatch(c -> c.action().startsWith("Describe")));
  }

  /**
   * The service may keep its own form of a value (here it lower-cases DomainName): a correction that
   * does not take is made once, reported, and not made again every drift interval.
   */
  @Test
  void aCorrectionThatDoesNotTakeIsMadeOnceAndReported() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("normalised");
    fixture.emulator().setNormalizeOnWrite(Map.of("DomainName", "lowercase"));
    try {
      fixture.apply(withDriftInterval(name, "1s", "casterId: %s\ndomainName: Live.Example.COM".formatted(id)));
      fixture.awaitReady(name);

      var status = fixture.awaitCondition(name, Conditions.DRIFTED, "True", Conditions.Reason.CORRECTION_DID_NOT_TAKE);
      String message = condition(status, Conditions.DRIFTED).getMessage();
      assertTrue(message.contains("domainName") && message.contains("live.example.com"), message);
      assertEquals(List.of("domainName"), status.getLastDriftCorrection().getDidNotTake());
      assertEquals("True", condition(status, Conditions.READY).getStatus().name(), "the spec is applied; the cloud keeps its form");

      // Many drift intervals later: still the first write and the one correction, nothing more.
      int reads = fixture.callCount(id, "DescribeCasterConfig");
      await().atMost(OperatorFixture.TIMEOUT).until(() -> fixture.callCount(id, "DescribeCasterConfig") >= reads + 5);
      assertEquals(2, fixture.callCount(id, "SetCasterConfig"), "one write, one correction");

      // A new spec is a new attempt.
      fixture.apply(withDriftInterval(name, "1s", "casterId: %s\ndomainName: Live.Example.COM\ndelay: 1".formatted(id)));
      fixture.awaitStatus(name, s -> Long.valueOf(2).equals(s.getAppliedGeneration()), "generation 2 applied");
      assertTrue(fixture.callCount(id, "SetCasterConfig") >= 3, "the new spec is written");
    } finally {
      fixture.emulator().setNormalizeOnWrite(Map.of());
    }
  }
}
