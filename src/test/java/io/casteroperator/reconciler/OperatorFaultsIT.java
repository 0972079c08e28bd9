package io.casteroperator.reconciler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.emulator.CallRecord;
import io.casteroperator.runtime.CasterOperator;
import io.casteroperator.runtime.LeaderElectionSettings;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator itself fails: stopped mid-way and restarted, or its leader killed. Nothing is lost or doubled. */
class OperatorFaultsIT {

  private static LeaderElectionSettings lease(String identity) {
    return LeaderElectionSettings.of("faults", OperatorFixture.NAMESPACE, identity)
        .withDurations(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(300))
        .withExitOnLostLease(false);
  }

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass(s -> s.withLeaderElection(lease("first")));

  /** Casters without casterId: each must end with exactly one caster in the cloud. */
  private static List<String> createCasters(String prefix, int count) {
    List<String> names = IntStream.range(0, count).mapToObj(i -> OperatorFixture.uniqueName(prefix)).toList();
    names.forEach(n -> fixture.apply(n, "casterName: %s\ndelay: 2".formatted(n)));
    return names;
  }

  private static void assertOneCasterEach(List<String> names) {
    Map<String, Long> castersByName = fixture.emulator().casters().stream()
        .collect(Collectors.groupingBy(c -> c.casterName(), Collectors.counting()));
    for (String name : names) {
      assertEquals(1L, castersByName.get(name), "casters named " + name);
      String id = fixture.status(name).getCasterId();
      long answeredWrites = fixture.calls(id, "SetCasterConfig").stream()
          .filter(w -> "OK".equals(w.code()) && CallRecord.APPLIED.equals(w.outcome())).count();
      assertEquals(1, answeredWrites, "one applied write for " + name);
    }
  }

  private static long ready(List<String> names) {
    return names.stream().filter(n -> {
      var s = fixture.status(n);
      return s != null && Long.valueOf(1).equals(s.getAppliedGeneration());
    }).count();
  }

  @Test
  void anOperatorStoppedMidConvergenceFinishesAfterARestart() {
    await().atMost(OperatorFixture.TIMEOUT).until(fixture.operator()::leading);
    List<String> names = createCasters("restart", 30);
    await().atMost(OperatorFixture.TIMEOUT).until(() -> ready(names) >= 5);

    fixture.stopOperator();
    assertTrue(ready(names) < names.size(), "stopped mid-way");
    fixture.startOperator();

    names.forEach(fixture::awaitReady);
    assertOneCasterEach(names);
  }

  @Test
  void aKilledLeaderIsReplacedWithoutDuplicatesOrExceedingTheQuota() {
    fixture.emulator().reset();
    await().atMost(OperatorFixture.TIMEOUT).until(fixture.operator()::leading);
    CasterOperator standby = fixture.anotherOperator(s -> s.withLeaderElection(lease("second")));
    await().atMost(OperatorFixture.TIMEOUT).until(standby::ready);
    List<String> names = createCasters("handover", 30);
    await().atMost(OperatorFixture.TIMEOUT).until(() -> ready(names) >= 5);

    fixture.operator().stopWithoutHandingOver();
    await().atMost(OperatorFixture.TIMEOUT).until(standby::leading);

    names.forEach(fixture::awaitReady);
    assertOneCasterEach(names);
    Map<String, Integer> peaks = fixture.emulator().peaks(OperatorFixture.DEFAULT_KEY);
    for (Map.Entry<String, Integer> peak : peaks.entrySet()) {
      int quota = peak.getKey().startsWith("Describe") ? 15 : 10;
      assertTrue(peak.getValue() <= quota, "peak " + peaks);
    }
    fixture.startOperator(); // the fixture's own operator, for the next test and for closing
  }
}
