package io.casteroperator.reconciler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Annotations;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.testing.OperatorFixture;
import io.casteroperator.testing.OperatorProcess;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator killed outright (SIGKILL of its process: no shutdown hook, no lease handed over,
 * nothing finished), mid-convergence and at the worst moment of a creation. Whatever runs next must
 * end with one caster per Caster, one applied write each, and never more calls than the quota.
 */
class OperatorFaultsIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  private static final Map<String, String> LEADER_ELECTION = Map.of("LEADER_ELECTION", "true", "LEASE_NAME", "faults",
      "LEASE_DURATION", "3s", "LEASE_RENEW_DEADLINE", "2s", "LEASE_RETRY_PERIOD", "300ms");

  @BeforeEach
  void instead() {
    fixture.emulator().reset();
    fixture.stopOperator(); // the operators under test run as processes of their own
  }

  @AfterEach
  void back() {
    fixture.startOperator();
  }

  /** Casters without casterId: each must end with exactly one caster in the cloud. */
  private static List<String> createCasters(String prefix, int count) {
    List<String> names = IntStream.range(0, count).mapToObj(i -> OperatorFixture.uniqueName(prefix)).toList();
    names.forEach(n -> fixture.apply(n, "casterName: %s\ndelay: 2".formatted(n)));
    return names;
  }

  private static void assertOneCasterEachWithinTheQuota(List<String> names) {
    Map<String, Long> castersByName = fixture.emulator().casters().stream()
        .collect(Collectors.groupingBy(c -> c.casterName(), Collectors.counting()));
    for (String name : names) {
      assertEquals(1L, castersByName.get(name), "casters named " + name);
      String id = fixture.status(name).getCasterId();
      long answeredWrites = fixture.calls(id, "SetCasterConfig").stream()
          .filter(w -> "OK".equals(w.code()) && CallRecord.APPLIED.equals(w.outcome())).count();
      assertEquals(1, answeredWrites, "one applied write for " + name);
    }
    Map<String, Integer> peaks = fixture.emulator().peaks(OperatorFixture.DEFAULT_KEY);
    for (Map.Entry<String, Integer> peak : peaks.entrySet()) {
      int quota = peak.getKey().startsWith("Describe") ? 15 : 10;
      assertTrue(peak.getValue() <= quota, "calls in one second, through the kill and the start after it: " + peaks);
    }
  }

  private static long ready(List<String> names) {
    return names.stream().filter(n -> {
      var s = fixture.status(n);
      return s != null && Long.valueOf(1).equals(s.getAppliedGeneration());
    }).count();
  }

  @Test
  void anOperatorKilledMidConvergenceFinishesAfterARestart() {
    List<String> names;
    try (OperatorProcess first = OperatorProcess.start(fixture, "first", Map.of())) {
      names = createCasters("killed", 30);
      await().atMost(OperatorFixture.TIMEOUT).until(() -> ready(names) >= 5 || !first.alive());
      assertTrue(first.alive(), first.log());
      first.kill();
    }
    assertTrue(ready(names) < names.size(), "killed mid-way");

    try (OperatorProcess next = OperatorProcess.start(fixture, "next", Map.of())) {
      names.forEach(fixture::awaitReady);
      assertOneCasterEachWithinTheQuota(names);
    }
  }

  @Test
  void killedBetweenCreateCasterAndTheAnnotationTheCasterIsFoundNotDuplicated() {
    String name = OperatorFixture.uniqueName("crash");
    try (OperatorProcess crashing = OperatorProcess.start(fixture, "crashing", Map.of(),
        "-D" + CrashPoint.PROPERTY + "=" + CrashPoint.AFTER_CREATE_CASTER.name())) {
      fixture.apply(name, "casterName: %s\ndelay: 2".formatted(name));
      assertEquals(137, crashing.waitFor(), "halted at the crash point: " + crashing.log());
    }
    assertEquals(1, fixture.emulator().casters().size(), "CreateCaster was answered");
    assertNull(fixture.get(name).getMetadata().getAnnotations() == null ? null
        : fixture.get(name).getMetadata().getAnnotations().get(Annotations.CASTER_ID), "the id never reached the Caster");

    try (OperatorProcess next = OperatorProcess.start(fixture, "next", Map.of())) {
      fixture.awaitReady(name);
      assertEquals(1, fixture.emulator().casters().size(), "the same client token brought the same caster back");
      assertEquals(fixture.emulator().casters().get(0).casterId(), fixture.status(name).getCasterId());
      assertEquals(2, fixture.emulator().callLog("CreateCaster", null, null, 10).size(), "asked twice, created once");
    }
  }

  @Test
  void killedBetweenAnAddAndItsStatusWriteTheInputIsFoundNotAddedTwice() {
    String name = OperatorFixture.uniqueName("studiocrash");
    String studio = StudioIT.STUDIO.replace("running: true\n", "").substring(0, StudioIT.STUDIO.indexOf("scenes:") - "running: true\n".length());
    try (OperatorProcess crashing = OperatorProcess.start(fixture, "crashing", Map.of(),
        "-D" + CrashPoint.PROPERTY + "=" + CrashPoint.AFTER_STUDIO_ADD.name())) {
      fixture.apply(name, "casterName: %s\n%s".formatted(name, studio));
      assertEquals(137, crashing.waitFor(), "halted at the crash point: " + crashing.log());
    }
    String id = fixture.emulator().casters().get(0).casterId();
    assertEquals(1, fixture.emulator().studio(id).orElseThrow().videoResources().size(), "the first input was added");
    var status = fixture.status(name);
    var recorded = status == null ? null : status.getStudio();
    assertTrue(recorded == null || recorded.getVideoResources() == null || recorded.getVideoResources().stream()
        .allMatch(i -> i.getId() == null), "its id never reached status");

    try (OperatorProcess next = OperatorProcess.start(fixture, "next", Map.of())) {
      fixture.awaitReady(name);
      var inputs = fixture.emulator().studio(id).orElseThrow().videoResources();
      assertEquals(List.of("cam1", "cam2"), inputs.stream().map(r -> r.resourceName()).toList(), "no input twice");
      assertEquals(2, fixture.calls(id, "AddCasterVideoResource").size(), "cam1 once before the crash, cam2 after it");
      assertEquals(2, fixture.emulator().studio(id).orElseThrow().components().size(), "no overlay twice");
    }
  }

  @Test
  void aKilledLeaderIsReplacedWithoutDuplicatesOrExceedingTheQuota() {
    // The standby starts once the leader holds the lease: started together, either may win it.
    try (OperatorProcess leader = OperatorProcess.start(fixture, "leader", LEADER_ELECTION)) {
      await().atMost(OperatorFixture.TIMEOUT).until(() -> "leader".equals(holder()) || !leader.alive());
      assertTrue(leader.alive(), leader.log());
      try (OperatorProcess standby = OperatorProcess.start(fixture, "standby", LEADER_ELECTION)) {
        List<String> names = createCasters("handover", 30);
        await().atMost(OperatorFixture.TIMEOUT).until(() -> ready(names) >= 5);

        leader.kill();
        await().atMost(OperatorFixture.TIMEOUT).until(() -> "standby".equals(holder()));

        names.forEach(fixture::awaitReady);
        assertOneCasterEachWithinTheQuota(names);
        assertTrue(standby.alive(), standby.log());
      }
    }
  }

  private static String holder() {
    var lease = fixture.kube().leases().inNamespace(OperatorFixture.NAMESPACE).withName("faults").get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }
}
