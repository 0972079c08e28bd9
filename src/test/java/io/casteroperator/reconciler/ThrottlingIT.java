package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.emulator.CallRecord;
import io.casteroperator.testing.CoTenant;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another tool drains the account's quota in the middle of a bulk rollout. The operator's whole
 * queue slows down (halving per throttled window), its throttled answers stay few, and once the
 * burst ends its rate grows back to the quota while work is still queued: a tenth of the quota per
 * recovery interval (1 s here, 10 s by default).
 */
class ThrottlingIT {

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass(s -> s.withBudgets(
      new io.casteroperator.ratelimit.BudgetSettings(s.budgets().quotas(), s.budgets().defaultQuota(),
          s.budgets().safetyMargin(), s.budgets().windowGuard(), Duration.ofSeconds(1), s.budgets().maxCallDuration())));

  @Test
  void aCoTenantBurstSlowsTheRolloutAndItsRateComesBackAfterwards() throws Exception {
    int n = 150;
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(fixture.cloudCaster());
      names.add(OperatorFixture.uniqueName("rollout"));
    }
    String theirs = fixture.cloudCaster();
    for (int i = 0; i < n; i++) {
      fixture.apply(names.get(i), "casterId: %s\ndelay: 2".formatted(ids.get(i)));
    }
    long burstEnd;
    try (CoTenant burst = startWhenWritesBegin(theirs)) {
      // The burst lasts until the operator has met it: three throttled answers.
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> throttled(ids) >= 3);
      burstEnd = System.currentTimeMillis();
    }
    names.forEach(fixture::awaitReady);

    List<Long> writes = operatorWrites(ids);
    long throttled = throttled(ids);
    assertTrue(throttled <= 20, throttled + " throttled answers during the burst");
    for (String id : ids) {
      assertEquals(1, fixture.calls(id, "SetCasterConfig").stream().filter(c -> "OK".equals(c.code())).count());
    }
    // Back to 95 % of the quota (9.5 calls/s, i.e. 19 in 2 s) within 9 recovery intervals and a second.
    long recovered = firstWindowAtRate(writes, burstEnd, 2_000, 19);
    assertTrue(recovered >= 0, "never back to the quota's rate after the burst; writes " + writes.size());
    assertTrue(recovered - burstEnd <= 10_000, "back to the quota's rate " + (recovered - burstEnd) + " ms after the burst");
  }

  private static CoTenant startWhenWritesBegin(String theirs) {
    awaitOperatorWrites(fixture.emulator().casters().stream().map(c -> c.casterId()).toList(), 30);
    return CoTenant.drain(fixture.emulator(), theirs);
  }

  private static void awaitOperatorWrites(List<String> ids, int count) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> operatorWrites(ids).size() >= count);
  }

  private static long throttled(List<String> ids) {
    return fixture.emulator().callLog("SetCasterConfig", null, OperatorFixture.DEFAULT_KEY, Integer.MAX_VALUE)
        .stream().filter(c -> ids.contains(c.casterId()) && c.code().startsWith("Throttling")).count();
  }

  /** When the operator's answered writes (OK) arrived, in order. */
  private static List<Long> operatorWrites(List<String> ids) {
    return fixture.emulator().callLog("SetCasterConfig", null, OperatorFixture.DEFAULT_KEY, Integer.MAX_VALUE).stream()
        .filter(c -> "OK".equals(c.code()) && ids.contains(c.casterId())).map(CallRecord::timeMillis).sorted().toList();
  }

  /** The start of the first window of {@code width} ms after {@code from} holding at least {@code count} writes; -1 if none. */
  private static long firstWindowAtRate(List<Long> writes, long from, long width, int count) {
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i) < from) {
        continue;
      }
      int j = i;
      while (j < writes.size() && writes.get(j) < writes.get(i) + width) {
        j++;
      }
      if (j - i >= count) {
        return writes.get(i);
      }
    }
    return -1;
  }
}
