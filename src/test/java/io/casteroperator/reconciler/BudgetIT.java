package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Conditions;
import io.casteroperator.ratelimit.BudgetKey;
import io.casteroperator.testing.CoTenant;
import io.casteroperator.testing.OperatorFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account's quota as a shared budget: never exceeded by the operator, and shared politely. */
class BudgetIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void fiftyCastersAtOnceConvergeWithinTheQuotaWithoutAThrottle() {
    fixture.emulator().reset();
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(fixture.cloudCaster());
      names.add(OperatorFixture.uniqueName("fleet"));
    }
    for (int i = 0; i < 50; i++) {
      fixture.apply(names.get(i), "casterId: %s\ndelay: %d".formatted(ids.get(i), 1 + i % 30));
    }

    names.forEach(fixture::awaitReady);

    Map<String, Map<String, Long>> calls = fixture.emulator().calls(OperatorFixture.DEFAULT_KEY);
    for (Map<String, Long> byCode : calls.values()) {
      assertTrue(byCode.keySet().stream().noneMatch(code -> code.startsWith("Throttling")), "throttled: " + calls);
    }
    Map<String, Integer> peaks = fixture.emulator().peaks(OperatorFixture.DEFAULT_KEY);
    assertTrue(peaks.get("SetCasterConfig") <= 10, "SetCasterConfig peak " + peaks);
    assertTrue(peaks.get("DescribeCasterConfig") <= 15, "DescribeCasterConfig peak " + peaks);
    for (String id : ids) {
      assertEquals(1, fixture.callCount(id, "SetCasterConfig"), "calls for " + id);
    }
  }

  @Test
  void aCoTenantDrainingTheQuotaShowsAsThrottledThenTheCasterConverges() throws Exception {
    String theirs = fixture.cloudCaster();
    String ours = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("cotenant");
    try (CoTenant coTenant = CoTenant.drain(fixture.emulator(), theirs)) {
      fixture.apply(name, "casterId: %s\ndelay: 4".formatted(ours));

      var throttled = fixture.awaitCondition(name, Conditions.SYNCED, "False", Conditions.Reason.THROTTLED);
      assertTrue(throttled.getLastErrorCode().startsWith("Throttling"), throttled.getLastErrorCode());
      assertTrue(throttled.getNextRetryTime() != null, "the next retry time is shown");
      assertTrue(fixture.operator().budgets().rateFactor(new BudgetKey(OperatorFixture.ACCOUNT, "SetCasterConfig")) < 1.0,
          "the operator slowed down for the account");
    }
    fixture.awaitReady(name);
    // Backing off, not hammering: a handful of attempts, not hundreds.
    assertTrue(fixture.callCount(ours, "SetCasterConfig") <= 12, "attempts " + fixture.callCount(ours, "SetCasterConfig"));
  }
}
