package io.casteroperator.reconciler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.emulator.CallRecord;
import io.casteroperator.testing.CapturedLogs;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * More casters than the read quota can check in one drift interval: the sweep is planned over the
 * time the quota needs, each Caster sleeps until its slot, and the reads stay within the quota.
 */
class SweepPlanningIT {

  /** A read quota of 5/s: planned at 5 x 0.98 x 0.95 = 4.655 reads/s. */
  private static final int READS_PER_SECOND = 5;

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass(s -> s.withBudgets(s.budgets().withQuotas(
      Map.of("DescribeCasterConfig", READS_PER_SECOND, "DescribeCasters", READS_PER_SECOND, "SetCasterConfig", 10,
          "CreateCaster", 10, "StopCaster", 10, "DeleteCaster", 10, "StartCaster", 10))));

  private static final Pattern RECONCILES = Pattern.compile("(?m)^caster_reconciles_total\\{[^}]*\\} ([0-9.E]+)");
  private static final Pattern SWEEP = Pattern.compile("(?m)^caster_drift_sweep_seconds\\{account=\"demo\"\\} ([0-9.E]+)");

  @Test
  void aSweepLongerThanTheIntervalIsPlannedAndNobodyPollsForSlots() {
    fixture.emulator().setQuota("DescribeCasterConfig", READS_PER_SECOND);
    fixture.emulator().setQuota("DescribeCasters", READS_PER_SECOND);
    int n = 40;
    CapturedLogs logs = new CapturedLogs();
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(fixture.cloudCaster());
      names.add(OperatorFixture.uniqueName("swept"));
      fixture.apply("""
          apiVersion: live.caster-operator.io/v1alpha1
          kind: Caster
          metadata:
            name: %s
            annotations: {"live.caster-operator.io/drift-interval": "2s"}
          spec: {casterId: %s, delay: 1}
          """.formatted(names.get(i), ids.get(i)));
    }
    names.forEach(fixture::awaitReady);
    String stretched;
    try (logs) {
      stretched = logs.messages().stream().filter(l -> l.contains("drift checks of account demo stretched to every"))
          .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no log line says the sweep stretched"));
    }
    // A person reads it: "stretched to every 8600ms", not "PT8.59237S".
    assertTrue(stretched.matches(".*stretched to every \\d+ms: \\d+ casters at [0-9.]+ reads/s of DescribeCasterConfig.*"),
        stretched);

    // 40 casters at 4.655 reads/s: a sweep takes about 8.6 s, not the 2 s the annotation asks for.
    double sweep = metric(SWEEP);
    assertEquals(n / (READS_PER_SECOND * 0.98 * 0.95), sweep, 1.0, "caster_drift_sweep_seconds");

    double reconcilesBefore = metric(RECONCILES);
    long start = System.currentTimeMillis();
    await().atMost(Duration.ofSeconds(60)).until(() -> everyOneCheckedTwiceSince(ids, start));
    double reconciles = metric(RECONCILES) - reconcilesBefore;
    long elapsed = System.currentTimeMillis() - start;

    // Polling for free slots would be about 10 reconciles a second for each waiting Caster (thousands
    // here); planned, it is about one per check.
    assertTrue(reconciles <= 4.0 * n * 2, reconciles + " reconciles in " + elapsed + " ms for " + 2 * n + " checks");
    Map<String, Integer> peaks = fixture.emulator().peaks(OperatorFixture.DEFAULT_KEY);
    assertTrue(peaks.get("DescribeCasterConfig") <= READS_PER_SECOND, "peaks " + peaks);
    assertTrue(elapsed >= (long) (sweep * 1000), "two checks of each took " + elapsed + " ms: the sweep is not faster than the quota");
    // One page of DescribeCasters serves the state of all 40 per sweep.
    long stateReads = fixture.emulator().callLog("DescribeCasters", null, null, Integer.MAX_VALUE).stream()
        .filter(c -> c.timeMillis() >= start).count();
    assertTrue(stateReads <= 10, stateReads + " DescribeCasters for " + 2 * n + " checks");
  }

  private static boolean everyOneCheckedTwiceSince(List<String> ids, long since) {
    Map<String, Integer> reads = new HashMap<>();
    for (CallRecord call : fixture.emulator().callLog("DescribeCasterConfig", null, null, Integer.MAX_VALUE)) {
      if (call.timeMillis() >= since && call.casterId() != null) {
        reads.merge(call.casterId(), 1, Integer::sum);
      }
    }
    return ids.stream().allMatch(id -> reads.getOrDefault(id, 0) >= 2);
  }

  private static double metric(Pattern pattern) {
    Matcher m = pattern.matcher(fixture.scrapeMetrics());
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
      found = true;
    }
    assertTrue(found, "metric " + pattern);
    return sum;
  }
}
