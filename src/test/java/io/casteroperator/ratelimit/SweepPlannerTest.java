package io.casteroperator.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Background reads planned on a grid of slots at a share of the read quota. */
class SweepPlannerTest {

  private static final BudgetKey READS = new BudgetKey("acct", "DescribeCasterConfig");
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  /** 10 reads per second at share 1 and no margin: one slot each 100 ms. */
  private final SweepPlanner planner = new SweepPlanner(
      new BudgetSettings(Map.of("DescribeCasterConfig", 10), 10, 0.0, Duration.ZERO, Duration.ofSeconds(10),
          Duration.ofSeconds(16)), 1.0);

  @Test
  void callersDueAtOnceGetConsecutiveSlotsAtTheQuotasPace() {
    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      slots.add(planner.plan("c" + i, READS, NOW, NOW));
    }
    assertEquals(NOW, slots.get(0));
    assertEquals(NOW.plusMillis(4_900), slots.get(49), "50 reads at 10/s: 4.9 s after the first");
    assertEquals(50, new HashSet<>(slots).size(), "no two callers share a slot");
  }

  @Test
  void aSlotIsNeverBeforeTheTimeAskedForNorInThePast() {
    assertEquals(NOW.plusSeconds(600), planner.plan("later", READS, NOW.plusSeconds(600), NOW));
    assertEquals(NOW, planner.plan("overdue", READS, NOW.minusSeconds(60), NOW), "an overdue read goes now, not in the past");
    assertEquals(NOW.plusMillis(100), planner.plan("next", READS, NOW, NOW));
  }

  @Test
  void askingAgainGivesUpTheSlotHeldBefore() {
    planner.plan("a", READS, NOW, NOW);
    planner.plan("a", READS, NOW.plusSeconds(5), NOW);
    assertEquals(1, planner.callers(READS));
    planner.release("a");
    assertEquals(0, planner.callers(READS));
  }

  @Test
  void theSweepStretchesWhenTheCallersNeedMoreThanTheInterval() {
    for (int i = 0; i < 100; i++) {
      planner.plan("c" + i, READS, NOW, NOW);
    }
    assertEquals(Duration.ofMinutes(10), planner.sweep(READS, Duration.ofMinutes(10)), "100 reads fit in 10 minutes");
    assertEquals(Duration.ofSeconds(10), planner.sweep(READS, Duration.ofSeconds(5)), "100 reads need 10 s at 10/s");
  }

  @Test
  void tenThousandCallersDueAtOnceTakeTheQuotasTime() {
    Instant last = NOW;
    for (int i = 0; i < 10_000; i++) {
      last = planner.plan("c" + i, READS, NOW, NOW);
    }
    assertEquals(NOW.plusMillis(999_900), last);
    assertEquals(Duration.ofSeconds(1000), planner.sweep(READS, Duration.ofMinutes(10)));
  }
}
