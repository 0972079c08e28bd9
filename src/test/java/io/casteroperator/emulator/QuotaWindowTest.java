package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sliding one-second windows, driven by a hand-moved nanosecond ticker. */
class QuotaWindowTest {
  private static final long MS = 1_000_000L;

  @Test
  void allowsQCallsRefusesTheNextAndAllowsAgainOnceTheWindowHasPassed() {
    QuotaWindow w = new QuotaWindow();
    for (int i = 0; i < 10; i++) {
      assertTrue(w.tryAcquire(i * MS, 10), "call " + i);
    }
    assertFalse(w.tryAcquire(10 * MS, 10));
    assertFalse(w.tryAcquire(999 * MS, 10));
    // (t - 1 s, t]: at t = 1000 ms the call made at 0 ms is out of the window, the others are not.
    assertTrue(w.tryAcquire(1000 * MS, 10));
    assertFalse(w.tryAcquire(1000 * MS, 10));
    assertTrue(w.tryAcquire(1001 * MS, 10));
  }

  @Test
  void refusedCallsDoNotUseTheQuota() {
    QuotaWindow w = new QuotaWindow();
    assertTrue(w.tryAcquire(0, 2));
    assertTrue(w.tryAcquire(100 * MS, 2));
    for (int i = 0; i < 50; i++) {
      assertFalse(w.tryAcquire((500 + i) * MS, 2));
    }
    assertTrue(w.tryAcquire(1050 * MS, 2), "only the allowed call at 0 ms has left the window");
    assertFalse(w.tryAcquire(1060 * MS, 2));
    assertEquals(2, w.allowedInWindow(1060 * MS));
  }

  @Test
  void aZeroQuotaRefusesEverything() {
    assertFalse(new QuotaWindow().tryAcquire(0, 0));
  }

  @Test
  void peakCountsAttemptsInTheBusiestSecond() {
    QuotaWindow w = new QuotaWindow();
    w.recordAttempt(0);
    w.recordAttempt(200 * MS);
    w.recordAttempt(400 * MS);
    assertEquals(3, w.peakAttempted());
    w.recordAttempt(1300 * MS); // window (300, 1300]: 400 and 1300
    w.recordAttempt(1350 * MS);
    assertEquals(3, w.peakAttempted());
    w.recordAttempt(1390 * MS);
    w.recordAttempt(1399 * MS); // 400, 1300, 1350, 1390, 1399
    assertEquals(5, w.peakAttempted());
  }

  @Test
  void keysOfOneAccountShareItsQuotaAndAccountsDoNot() {
    AtomicLong now = new AtomicLong();
    EmulatorSettings settings = new EmulatorSettings();
    settings.setQuota("StartCaster", 2);
    Quotas quotas = new Quotas(settings, now::get);
    assertTrue(quotas.tryAcquire("a", LiveAction.START_CASTER));
    assertTrue(quotas.tryAcquire("a", LiveAction.START_CASTER));
    assertFalse(quotas.tryAcquire("a", LiveAction.START_CASTER));
    assertTrue(quotas.tryAcquire("b", LiveAction.START_CASTER));
    assertTrue(quotas.tryAcquire("a", LiveAction.STOP_CASTER), "each action has its own quota");
    now.set(1_000 * MS);
    assertTrue(quotas.tryAcquire("a", LiveAction.START_CASTER));
  }

  @Test
  void quotaChangesApplyAtOnce() {
    AtomicLong now = new AtomicLong();
    EmulatorSettings settings = new EmulatorSettings();
    Quotas quotas = new Quotas(settings, now::get);
    settings.setAllQuotas(1);
    assertTrue(quotas.tryAcquire("a", LiveAction.DESCRIBE_CASTERS));
    assertFalse(quotas.tryAcquire("a", LiveAction.DESCRIBE_CASTERS));
    settings.setQuota("DescribeCasters", 3);
    assertTrue(quotas.tryAcquire("a", LiveAction.DESCRIBE_CASTERS));
  }

  @Test
  void documentedDefaults() {
    EmulatorSettings settings = new EmulatorSettings();
    Map<String, Integer> quotas = settings.quotas();
    assertEquals(27, quotas.size());
    assertEquals(
        Map.of("CreateCaster", 10, "DescribeCasters", 15, "DescribeCasterConfig", 15, "SetCasterConfig", 10,
            "StartCaster", 10, "StopCaster", 10, "DeleteCaster", 10),
        Map.copyOf(new java.util.LinkedHashMap<>(quotas) {{ keySet().retainAll(List.of("CreateCaster", "DescribeCasters",
            "DescribeCasterConfig", "SetCasterConfig", "StartCaster", "StopCaster", "DeleteCaster")); }}));
    // studio-api-notes §0.4: 5/s for the stream URLs, 15/s for the studio's Describe calls, 10/s for its writes.
    assertEquals(5, quotas.get("DescribeCasterStreamUrl"));
    quotas.forEach((action, quota) -> {
      if (!action.equals("DescribeCasterStreamUrl")) {
        assertEquals(action.startsWith("Describe") ? 15 : 10, quota, action);
      }
    });
  }

  @Test
  void peaksPerAccountAndOverAllAccounts() {
    AtomicLong now = new AtomicLong();
    Quotas quotas = new Quotas(new EmulatorSettings(), now::get);
    quotas.recordAttempt("a", LiveAction.SET_CASTER_CONFIG);
    quotas.recordAttempt("a", LiveAction.SET_CASTER_CONFIG);
    quotas.recordAttempt("b", LiveAction.SET_CASTER_CONFIG);
    now.set(5_000 * MS);
    quotas.recordAttempt("b", LiveAction.SET_CASTER_CONFIG);
    assertEquals(Map.of("SetCasterConfig", 2), quotas.peaks("a"));
    assertEquals(Map.of("SetCasterConfig", 1), quotas.peaks("b"));
    assertEquals(Map.of("SetCasterConfig", 3), quotas.peaks(null));
  }
}
