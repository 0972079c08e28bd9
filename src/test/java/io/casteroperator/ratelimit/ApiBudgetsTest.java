package io.casteroperator.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Budget arithmetic on a virtual clock: no wall-clock timing. */
class ApiBudgetsTest {

  private static final long MS = 1_000_000L;
  private static final BudgetKey SET = new BudgetKey("acct", "SetCasterConfig");

  private final AtomicLong now = new AtomicLong(1_000 * MS);

  private ApiBudgets budgets(double margin) {
    return new ApiBudgets(new BudgetSettings(Map.of("SetCasterConfig", 10), 15, margin, Duration.ZERO,
        Duration.ofSeconds(10), Duration.ofSeconds(16)), now::get);
  }

  @Test
  void callsLeaveEvenlySpacedFirstComeFirstServed() {
    ApiBudgets budgets = budgets(0.0);
    assertTrue(budgets.acquire("a", SET, Priority.USER_CHANGE).granted());
    assertEquals(Duration.ofMillis(100), budgets.acquire("b", SET, Priority.USER_CHANGE).retryAfter());
    assertEquals(Duration.ofMillis(200), budgets.acquire("c", SET, Priority.USER_CHANGE).retryAfter());
    // Asking again does not lose the place in the queue.
    assertEquals(Duration.ofMillis(200), budgets.acquire("c", SET, Priority.USER_CHANGE).retryAfter());

    now.addAndGet(100 * MS);
    assertTrue(budgets.acquire("b", SET, Priority.USER_CHANGE).granted());
    assertFalse(budgets.acquire("c", SET, Priority.USER_CHANGE).granted());
    now.addAndGet(100 * MS);
    assertTrue(budgets.acquire("c", SET, Priority.USER_CHANGE).granted());
  }

  @Test
  void keysOfOtherAccountsOrActionsDoNotShareASlot() {
    ApiBudgets budgets = budgets(0.0);
    assertTrue(budgets.acquire("a", SET, Priority.USER_CHANGE).granted());
    assertTrue(budgets.acquire("b", new BudgetKey("other", "SetCasterConfig"), Priority.USER_CHANGE).granted());
    assertTrue(budgets.acquire("c", new BudgetKey("acct", "DescribeCasterConfig"), Priority.USER_CHANGE).granted());
  }

  @Test
  void fiftyCallersNeverPutMoreThanTheQuotaIntoAnySecond() {
    List<Long> sent = simulate(budgets(0.03), 50, 0, i -> 0L);
    assertEquals(50, sent.size());
    assertTrue(maxInAnySecond(sent) <= 10, "peak " + maxInAnySecond(sent));
    // ...and use the quota: 50 calls in about 5 s at 97% of 10/s.
    long span = sent.get(sent.size() - 1) - sent.get(0);
    assertTrue(span < 5_100 * MS, "span " + span / MS + " ms");
  }

  @Test
  void lateCallersCannotBunchIntoOneSecond() {
    // Every other caller comes back 450 ms after its slot (a busy thread pool) and lands among
    // callers that are on time: the send window guard still keeps every second within the quota.
    List<Long> sent = simulate(budgets(0.0), 40, 450 * MS, i -> 0L);
    assertEquals(40, sent.size());
    assertTrue(maxInAnySecond(sent) <= 10, "peak " + maxInAnySecond(sent));
  }

  @Test
  void callersWokenLateDoNotPushBackTheSlotsOfThoseBehindThem() {
    // Every caller comes back 0-9 ms after it was told (a timer's and a thread pool's delay). The
    // slots follow the schedule, not the late grants: 41 calls take 4 s at 10/s, not 4 s plus
    // every delay, and nobody is told to come back again for a slot that moved by a few ms.
    AtomicLong visits = new AtomicLong();
    List<Long> sent = simulate(budgets(0.0), 41, caller -> visits.incrementAndGet() * 7 % 10 * MS, i -> 0L);
    assertEquals(41, sent.size());
    long span = sent.get(sent.size() - 1) - sent.get(0);
    assertTrue(span <= 4_010 * MS, "span " + span / MS + " ms");
    assertTrue(maxInAnySecond(sent) <= 10, "peak " + maxInAnySecond(sent));
    assertTrue(visits.get() <= 40 + 4, "told to come back again: " + (visits.get() - 40) + " times");
  }

  @Test
  void slowAnswersCannotPutOneCallTooManyIntoASecond() {
    // The service counts a call when it arrives: anywhere up to its answer. The first call of a
    // cold client arrives 600 ms after it was sent, later ones at once; every other one takes 80 ms.
    List<Long> arrivals = simulate(budgets(0.0), 40, 0, i -> i == 0 ? 600 * MS : i % 2 == 0 ? 80 * MS : 0L);
    assertEquals(40, arrivals.size());
    assertTrue(maxInAnySecond(arrivals) <= 10, "peak " + maxInAnySecond(arrivals));
  }

  @Test
  void aCallThatNeverReportsItsEndStopsCountingAfterItsLongestDuration() {
    ApiBudgets budgets = new ApiBudgets(new BudgetSettings(Map.of("SetCasterConfig", 1), 1, 0.0, Duration.ZERO,
        Duration.ofSeconds(10), Duration.ofSeconds(3)), now::get);
    assertTrue(budgets.acquire("lost", SET, Priority.USER_CHANGE).granted()); // its answer is never reported
    now.addAndGet(1_000 * MS);
    assertFalse(budgets.acquire("next", SET, Priority.USER_CHANGE).granted());
    now.addAndGet(3_000 * MS);
    assertTrue(budgets.acquire("next", SET, Priority.USER_CHANGE).granted());
  }

  @Test
  void aNewLeaderSpendsNothingForOneWindow() {
    ApiBudgets budgets = budgets(0.0);
    budgets.pauseForOneWindow();
    assertEquals(Duration.ofSeconds(1), budgets.acquire("a", SET, Priority.USER_CHANGE).retryAfter());
    now.addAndGet(1_000 * MS);
    assertTrue(budgets.acquire("a", SET, Priority.USER_CHANGE).granted());
  }

  @Test
  void backgroundWorkNeverTakesAReservedSlot() {
    ApiBudgets budgets = budgets(0.0);
    assertTrue(budgets.acquire("user1", SET, Priority.USER_CHANGE).granted());
    assertFalse(budgets.acquire("user2", SET, Priority.USER_CHANGE).granted());
    now.addAndGet(100 * MS);
    // user2's slot is due: the background reader must not take it.
    assertFalse(budgets.acquire("drift", SET, Priority.BACKGROUND).granted());
    assertTrue(budgets.acquire("user2", SET, Priority.USER_CHANGE).granted());
    now.addAndGet(100 * MS);
    assertTrue(budgets.acquire("drift", SET, Priority.BACKGROUND).granted());
  }

  @Test
  void throttlingHalvesTheRateOncePerWindowAndItRecoversByATenthPerInterval() {
    ApiBudgets budgets = budgets(0.0);
    budgets.throttled(SET);
    budgets.throttled(SET); // a second answer of the same burst says the same again
    assertEquals(0.5, budgets.rateFactor(SET));
    assertTrue(budgets.acquire("a", SET, Priority.USER_CHANGE).granted());
    assertEquals(Duration.ofMillis(200), budgets.acquire("b", SET, Priority.USER_CHANGE).retryAfter());
    budgets.cancel("b");

    now.addAndGet(1_000 * MS);
    budgets.throttled(SET);
    assertEquals(0.25, budgets.rateFactor(SET), "a new window, a new halving");
    for (int i = 0; i < 10; i++) {
      budgets.throttled(SET);
      now.addAndGet(1_000 * MS);
    }
    assertEquals(0.1, budgets.rateFactor(SET), 1e-9, "never below a tenth of the quota");

    now.addAndGet(10_000 * MS);
    budgets.acquire("c", SET, Priority.USER_CHANGE);
    assertEquals(0.2, budgets.rateFactor(SET), 1e-9);
    now.addAndGet(30_000 * MS);
    budgets.acquire("c", SET, Priority.USER_CHANGE);
    assertEquals(0.5, budgets.rateFactor(SET), 1e-9, "three intervals, three tenths");
  }

  @Test
  void slotsAlreadyReservedMoveWithTheRate() {
    ApiBudgets budgets = budgets(0.0);
    assertTrue(budgets.acquire("a", SET, Priority.USER_CHANGE).granted());
    for (String caller : List.of("b", "c", "d")) {
      budgets.acquire(caller, SET, Priority.USER_CHANGE);
    }
    assertEquals(Duration.ofMillis(300), budgets.acquire("d", SET, Priority.USER_CHANGE).retryAfter());

    budgets.throttled(SET);

    // Queued before the throttling, d's slot is now three slots of the halved rate away.
    assertEquals(Duration.ofMillis(600), budgets.acquire("d", SET, Priority.USER_CHANGE).retryAfter());
    now.addAndGet(200 * MS);
    assertFalse(budgets.acquire("c", SET, Priority.USER_CHANGE).granted(), "c's old slot is gone");
    assertTrue(budgets.acquire("b", SET, Priority.USER_CHANGE).granted());
  }

  @Test
  void theRateRecoversWhileCallersAreQueuedAndTheirSlotsComeEarlier() {
    List<String> woken = new ArrayList<>();
    ApiBudgets budgets = budgets(0.0);
    budgets.onEarlierSlot(woken::add);
    budgets.throttled(SET);
    assertTrue(budgets.acquire("first", SET, Priority.USER_CHANGE).granted());
    // 100 callers queued at half the rate: the last is told to come back in 20 s.
    Duration last = Duration.ZERO;
    for (int i = 0; i < 100; i++) {
      last = budgets.acquire("q" + i, SET, Priority.USER_CHANGE).retryAfter();
    }
    assertEquals(Duration.ofSeconds(20), last);

    now.addAndGet(10_000 * MS);
    budgets.acquire("q0", SET, Priority.USER_CHANGE);

    assertEquals(0.6, budgets.rateFactor(SET), 1e-9, "recovered with callers queued");
    // Their slots moved earlier; those now due within the next interval were told too late: woken.
    assertFalse(woken.isEmpty());
    assertTrue(woken.size() < 100, "only those due within the next recovery interval: " + woken.size());
    // 99 callers ahead of q99 now take 99 slots of the recovered rate, not of the halved one.
    Duration q99 = budgets.acquire("q99", SET, Priority.USER_CHANGE).retryAfter();
    assertEquals(99 * 1_000 / 6.0, q99.toNanos() / 1e6, 1.0, "q99 comes back in 99 slots of 1/6 s");
  }

  /**
   * Runs callers that come back when told (every other one {@code lateness} late); the i-th call
   * granted arrives and is answered {@code latency(i)} after its grant. Returns the arrival times.
   */
  private List<Long> simulate(ApiBudgets budgets, int callers, long lateness, java.util.function.IntFunction<Long> latency) {
    return simulate(budgets, callers, caller -> caller.hashCode() % 2 == 0 ? 0 : lateness, latency);
  }

  /** As above; {@code lateOf} says how late a caller comes back each time it is told to. */
  private List<Long> simulate(ApiBudgets budgets, int callers, java.util.function.ToLongFunction<String> lateOf,
      java.util.function.IntFunction<Long> latency) {
    record Visit(long at, String caller, Permit answered) {}
    PriorityQueue<Visit> visits = new PriorityQueue<>((x, y) -> Long.compare(x.at, y.at));
    for (int i = 0; i < callers; i++) {
      visits.add(new Visit(now.get(), "caster-" + i, null));
    }
    List<Long> sent = new ArrayList<>();
    while (!visits.isEmpty()) {
      Visit visit = visits.poll();
      now.set(Math.max(now.get(), visit.at));
      if (visit.answered != null) {
        budgets.answered(SET, visit.answered);
        continue;
      }
      Permit permit = budgets.acquire(visit.caller, SET, Priority.USER_CHANGE);
      if (permit.granted()) {
        long arrival = now.get() + latency.apply(sent.size());
        sent.add(arrival);
        visits.add(new Visit(arrival, visit.caller, permit));
      } else {
        long late = lateOf.applyAsLong(visit.caller);
        visits.add(new Visit(now.get() + permit.retryAfter().toNanos() + late, visit.caller, null));
      }
    }
    return sent;
  }

  /** The largest number of sends in any window (t - 1 s, t], as the service counts. */
  private static int maxInAnySecond(List<Long> sent) {
    int max = 0;
    for (int end = 0; end < sent.size(); end++) {
      int count = 0;
      for (int i = 0; i < sent.size(); i++) {
        if (sent.get(i) <= sent.get(end) && sent.get(i) > sent.get(end) - 1_000 * MS) {
          count++;
        }
      }
      max = Math.max(max, count);
    }
    return max;
  }
}
