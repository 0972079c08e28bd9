package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.testing.CoTenant;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cloud misbehaves: 5xx answers, answers that come after the client gave up, dropped
 * connections, throttling. Every Caster still converges, no generation is written twice, and no
 * older generation is written after a newer one.
 */
class CloudFaultsIT {

  /** The client gives up after 1 s; the emulator's latency goes beyond that, so some outcomes are unknown. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  private static final int CASTERS = 12;

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass(s -> s
      .withLive(s.live().withTimeouts(Duration.ofMillis(500), READ_TIMEOUT)));

  @AfterEach
  void calm() {
    fixture.emulator().clearFaults();
  }

  @Test
  void everyCasterConvergesThroughErrorsTimeoutsDropsAndThrottling() {
    fixture.emulator().reset(); // peaks count per account; the co-tenant test shares the account
    fixture.emulator().faults(FaultSettings.builder()
        .errorRate(0.2).errorCodes("InternalError", "ServiceUnavailable")
        .latency(0, 1200)
        .dropBeforeRate(0.05).dropAfterRate(0.05)
        .throttleRate(0.05)
        .seed(42L)
        .build());
    List<String> ids = IntStream.range(0, CASTERS).mapToObj(i -> fixture.cloudCaster()).toList();
    List<String> names = IntStream.range(0, CASTERS).mapToObj(i -> OperatorFixture.uniqueName("faulty")).toList();

    // Generation 1, left alone until it is applied: it lived long enough, so it must be applied.
    apply(names, ids, 1);
    names.forEach(n -> fixture.awaitStatus(n, s -> Long.valueOf(1).equals(s.getAppliedGeneration()), "generation 1 applied"));
    // Generations 2 and 3 in quick succession: 2 may be skipped, 3 must be applied.
    apply(names, ids, 2);
    apply(names, ids, 3);
    names.forEach(n -> fixture.awaitReady(n));

    for (String id : ids) {
      List<CallRecord> writes = fixture.calls(id, "SetCasterConfig");
      assertEquals("3.0", fixture.emulator().caster(id).orElseThrow().config().get("Delay"));
      assertNoOlderGenerationAfterANewerOne(id, writes);
      Map<String, Long> received = writes.stream().filter(CloudFaultsIT::answeredInTime)
          .collect(Collectors.groupingBy(w -> w.params().get("Delay"), Collectors.counting()));
      assertEquals(1L, received.get("1.0"), id + ": generation 1 written and answered once: " + describe(writes));
      assertEquals(1L, received.get("3.0"), id + ": generation 3 written and answered once: " + describe(writes));
      assertTrue(received.getOrDefault("2.0", 0L) <= 1, id + ": generation 2 at most once: " + describe(writes));
      // Every other call for a generation failed or has an unknown outcome.
      long unanswered = writes.stream().filter(w -> !answeredInTime(w)).count();
      assertEquals(writes.size(), received.values().stream().mapToLong(Long::longValue).sum() + unanswered);
    }
    // The operator was the account's only client: it never sent more than the quota in a second.
    Map<String, Integer> peaks = fixture.emulator().peaks(OperatorFixture.DEFAULT_KEY);
    assertTrue(peaks.getOrDefault("SetCasterConfig", 0) <= 10, "SetCasterConfig peak " + peaks);
    assertTrue(peaks.getOrDefault("DescribeCasterConfig", 0) <= 15, "DescribeCasterConfig peak " + peaks);
    assertTrue(peaks.getOrDefault("DescribeCasters", 0) <= 15, "DescribeCasters peak " + peaks);
  }

  @Test
  void burstsOfACoTenantDrainingTheQuotaDoNotStopConvergence() throws Exception {
    String theirs = fixture.cloudCaster();
    List<String> ids = IntStream.range(0, 8).mapToObj(i -> fixture.cloudCaster()).toList();
    List<String> names = IntStream.range(0, 8).mapToObj(i -> OperatorFixture.uniqueName("crowded")).toList();

    try (CoTenant coTenant = CoTenant.drain(fixture.emulator(), theirs)) {
      apply(names, ids, 5);
      // The co-tenant hogs the quota until at least one of ours has been throttled.
      org.awaitility.Awaitility.await().atMost(OperatorFixture.TIMEOUT).until(() -> ids.stream()
          .anyMatch(id -> fixture.calls(id, "SetCasterConfig").stream().anyMatch(w -> w.code().startsWith("Throttling"))
              || fixture.calls(id, "DescribeCasterConfig").stream().anyMatch(w -> w.code().startsWith("Throttling"))));
    }

    names.forEach(n -> fixture.awaitReady(n));
    for (String id : ids) {
      assertEquals(1, fixture.calls(id, "SetCasterConfig").stream().filter(CloudFaultsIT::answeredInTime).count());
    }
  }

  private static void apply(List<String> names, List<String> ids, int generation) {
    for (int i = 0; i < names.size(); i++) {
      fixture.apply(names.get(i), "casterId: %s\ndelay: %d".formatted(ids.get(i), generation));
    }
  }

  /** The operator got the answer: the call was applied, answered, and the answer came before its timeout. */
  private static boolean answeredInTime(CallRecord write) {
    return "OK".equals(write.code()) && CallRecord.APPLIED.equals(write.outcome())
        && write.latencyMs() < READ_TIMEOUT.toMillis();
  }

  /** Once a call for a newer generation was sent, none for an older one: delays only grow. */
  private static void assertNoOlderGenerationAfterANewerOne(String id, List<CallRecord> writes) {
    List<Double> delays = new ArrayList<>();
    writes.stream().sorted((a, b) -> Long.compare(a.timeMillis(), b.timeMillis()))
        .forEach(w -> delays.add(Double.parseDouble(w.params().get("Delay"))));
    for (int i = 1; i < delays.size(); i++) {
      assertTrue(delays.get(i) >= delays.get(i - 1), id + ": generations went back: " + delays);
    }
  }

  private static String describe(List<CallRecord> writes) {
    return writes.stream().map(w -> w.params().get("Delay") + ":" + w.code() + "/" + w.outcome() + "/" + w.latencyMs() + "ms")
        .collect(Collectors.joining(", "));
  }
}
