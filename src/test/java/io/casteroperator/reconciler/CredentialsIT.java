package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.testing.CapturedLogs;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.casteroperator.testing.OperatorFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials from a Secret: read on every change, never shown. */
class CredentialsIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void aRotatedSecretIsUsedForTheNextCall() {
    String id = fixture.cloudCaster();
    String secret = OperatorFixture.uniqueName("keys");
    fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY,
        "accessKeySecret", OperatorFixture.DEFAULT_SECRET, "accountId", OperatorFixture.ACCOUNT));
    String name = OperatorFixture.uniqueName("rotate");
    fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}\ndelay: 1".formatted(id, secret));
    fixture.awaitReady(name);
    assertEquals(OperatorFixture.DEFAULT_KEY, fixture.calls(id, "SetCasterConfig").get(0).accessKeyId());

    fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.SECOND_KEY,
        "accessKeySecret", OperatorFixture.SECOND_SECRET, "accountId", OperatorFixture.ACCOUNT));
    fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}\ndelay: 2".formatted(id, secret));

    fixture.awaitStatus(name, s -> Long.valueOf(2).equals(s.getAppliedGeneration()), "generation 2 applied");
    var writes = fixture.calls(id, "SetCasterConfig");
    assertEquals(OperatorFixture.SECOND_KEY, writes.get(writes.size() - 1).accessKeyId());
  }

  @Test
  void aWrongSecretIsReportedAndItsFixIsPickedUpAtOnce() {
    String id = fixture.cloudCaster();
    String secret = OperatorFixture.uniqueName("wrong");
    String wrongSecret = "not-the-secret-" + secret;
    fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY, "accessKeySecret", wrongSecret));
    String name = OperatorFixture.uniqueName("wrongkey");

    CasterStatus failed;
    String logs;
    try (CapturedLogs captured = new CapturedLogs()) {
      fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}".formatted(id, secret));
      failed = fixture.awaitReady(name, "False", Conditions.Reason.CLOUD_ERROR);
      logs = captured.json();
      assertTrue(captured.lines() > 0 && logs.contains("SDK.InvalidAccessKeySecret"), "the failed call is logged");
    }
    assertEquals("SDK.InvalidAccessKeySecret", failed.getLastErrorCode());
    // Everything a user or a log shipper sees, as the JSON it is written in.
    String shown = Serialization.asJson(fixture.get(name)) + Serialization.asJson(fixture.events(name)) + logs;
    assertFalse(shown.contains(wrongSecret), "the secret is never shown");

    // Fixing the Secret is a reason to try again at once, without waiting for the slow probe.
    fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY, "accessKeySecret", OperatorFixture.DEFAULT_SECRET));
    fixture.awaitReady(name);
  }

  @Test
  void aMissingSecretOrKeyIsReportedWithoutACall() {
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("nosecret");
    String secret = OperatorFixture.uniqueName("later");

    fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}".formatted(id, secret));

    var missing = fixture.awaitReady(name, "False", Conditions.Reason.CREDENTIALS_ERROR);
    assertTrue(condition(missing, Conditions.READY).getMessage().contains("not found"));

    fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY));
    await().atMost(OperatorFixture.TIMEOUT).until(() -> condition(fixture.status(name), Conditions.READY)
        .getMessage().contains("lacks key accessKeySecret"));
    assertTrue(fixture.emulator().callLog(null, id, null, 10).isEmpty());

    fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY, "accessKeySecret", OperatorFixture.DEFAULT_SECRET));
    fixture.awaitReady(name);
  }

  @Test
  void metricsNeverCarryAnAccessKeyId() {
    String id = fixture.cloudCaster();
    String secret = OperatorFixture.uniqueName("noaccount");
    // A Secret without accountId: a stand-in for the account must name the budget, never the key.
    fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.SECOND_KEY, "accessKeySecret", OperatorFixture.SECOND_SECRET));
    String name = OperatorFixture.uniqueName("metrics");
    fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}\ndelay: 3".formatted(id, secret));
    fixture.awaitReady(name);

    String metrics = fixture.scrapeMetrics();
    assertTrue(metrics.contains("caster_budget_wait_seconds_count{account=\"ak-"), metrics);
    assertFalse(metrics.contains(OperatorFixture.SECOND_KEY), "an AccessKeyId in the metrics");
    String account = fixture.status(name).getAccountId();
    assertTrue(account.matches("ak-[0-9a-f]{8}"), account);
    assertTrue(metrics.contains("account=\"" + account + "\""), "status and metrics name the account alike");
  }
}
