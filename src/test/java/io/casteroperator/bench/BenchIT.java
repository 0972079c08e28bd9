package io.casteroperator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench command, small: it runs every phase, and the figures that are exact at any size hold
 * (the timing ones need a real N and a quiet machine).
 */
class BenchIT {

  @TempDir Path temp;

  @Test
  void aSmallRunReportsOneWritePerCasterAnIdleOperatorAndASweepWithinTheReadQuota() throws Exception {
    Path png = temp.resolve("bench.png");

    JsonNode figures = run("--casters=40", "--qps=20", "--latency-samples=3", "--idle-seconds=2", "--drift", "--plot=" + png);

    assertEquals(1.0, figures.get("setCasterConfigCallsPerCaster").asDouble());
    assertEquals(0, figures.get("throttled").asLong());
    assertTrue(figures.get("peakCallsPerSecond").asInt() <= 20, figures.toString());
    assertEquals(1.0, figures.get("changeCallsPerCaster").asDouble());
    assertEquals(0, figures.get("restartSetCasterConfigCalls").asLong());
    assertEquals(40, figures.get("readySeconds").size());
    assertTrue(figures.get("warmUp").asBoolean(), "the default run is measured after a warm-up Caster");
    // Never faster than the quota allows (that would mean calls beyond it); the upper bound is only
    // a sanity check: with a 2 s ideal, start-up dominates.
    assertTrue(figures.get("ratioToIdeal").asDouble() >= 1.0, figures.toString());
    assertTrue(figures.get("elapsedSeconds").asDouble() < 30, figures.toString());
    byte[] header = Files.readAllBytes(png);
    assertEquals((byte) 0x89, header[0]);
    assertEquals('P', header[1]);

    // Idle: every Caster converged, none due for 10 minutes: nothing runs.
    assertTrue(figures.get("idleSeconds").asDouble() >= 2.0, figures.toString());
    assertTrue(figures.get("idleOperatorCpuPercent").asDouble() < 2.0, figures.toString());
    assertEquals(0, figures.get("idleLiveApiCalls").asLong());

    // The sweep: every caster read, never more reads in a second than the quota, so never faster
    // than 20 of the 40 reads in the first second and the other 20 at least a second later.
    assertEquals(1.0, figures.get("driftIntervalSeconds").asDouble());
    assertEquals(2.0, figures.get("driftIdealSeconds").asDouble());
    assertTrue(figures.get("driftReadsPerCaster").asDouble() >= 1.0, figures.toString());
    assertTrue(figures.get("driftPeakDescribePerSecond").asInt() <= 20, figures.toString());
    assertTrue(figures.get("driftSweepSeconds").asDouble() >= 1.0, figures.toString());
    assertEquals(figures.get("driftSweepSeconds").asDouble() / 2.0, figures.get("driftRatioToIdeal").asDouble(), 1e-9);
    assertTrue(figures.get("driftPageReads").asLong() >= 1, "caster state comes by the page: " + figures);
    assertTrue(figures.get("driftOperatorCpuMsPerCaster").asDouble() > 0, figures.toString());
    assertFalse(figures.has("throttledAnswers"), "no burst, no burst figures");

    assertOperatorCpuIsItsOwn(figures);
    JsonNode families = figures.get("cpuSecondsByThreadFamily");
    assertTrue(families.get("API_SERVER").has("vert.x-eventloop-thread-N"), families.toString());
    assertTrue(families.get("EMULATOR").has("live-emulator-http-N"), families.toString());
    assertTrue(figures.get("phase1Cpu").get("apiServer").asDouble() > 0, figures.toString());
    assertTrue(figures.get("phase1Cpu").get("emulator").asDouble() > 0, figures.toString());
  }

  @Test
  void aCoTenantBurstIsMetWithFewThrottledAnswersAndTheRateGrowsBack() throws Exception {
    JsonNode figures = run("--casters=120", "--qps=20", "--co-tenant-burst", "--burst-seconds=1", "--throttle-recovery=200ms",
        "--idle-seconds=1", "--latency-samples=1");

    long throttled = figures.get("throttledAnswers").asLong();
    assertTrue(throttled >= 1, "the co-tenant took the quota: " + figures);
    // The rate halves once per throttled second, to a tenth: a 1 s burst cannot cost many answers.
    assertTrue(throttled <= 20, throttled + " throttled answers");
    assertEquals(throttled, figures.get("throttled").asLong(), "phase 1's throttled answers are the burst's");
    // Every throttled write is made again, and each Caster is written exactly once with success.
    assertEquals((120.0 + throttled) / 120, figures.get("setCasterConfigCallsPerCaster").asDouble(), 1e-9);
    assertTrue(figures.get("peakCallsPerSecond").asInt() <= 20, "the operator's own calls stay within the quota: " + figures);
    assertTrue(figures.get("coTenantCalls").asLong() >= 60, figures.toString());
    assertEquals(0.2, figures.get("throttleRecoverySeconds").asDouble());
    // Nine recovery steps of 0.2 s bring it back; 95 % of Q needs a quiet machine (README), so here
    // only that it comes close, and if it does get there, within the steps and one window.
    assertTrue(figures.get("bestRateAfterBurstPercent").asDouble() >= 80, figures.toString());
    JsonNode recovery = figures.get("recoverySeconds");
    assertTrue(recovery.isNull() || recovery.asDouble() <= 9 * 0.2 + 2.5 + 1, figures.toString());
    assertEquals(0, figures.get("changeThrottled").asLong());
    assertOperatorCpuIsItsOwn(figures);
  }

  @Test
  void castersSpreadOverAccountsWithTheServersInAJvmOfTheirOwn() throws Exception {
    JsonNode figures = run("--casters=60", "--accounts=3", "--qps=20", "--split", "--idle-seconds=1", "--latency-samples=2");

    assertEquals(3, figures.get("accounts").asInt());
    assertTrue(figures.get("split").asBoolean());
    assertEquals(1.0, figures.get("idealSeconds").asDouble(), "N / (K·Q)");
    assertEquals(1.0, figures.get("setCasterConfigCallsPerCaster").asDouble());
    assertEquals(1.0, figures.get("changeCallsPerCaster").asDouble());
    assertEquals(0, figures.get("throttled").asLong());
    assertTrue(figures.get("peakCallsPerSecond").asInt() <= 20, "each account within its own quota: " + figures);
    assertEquals(0, figures.get("restartSetCasterConfigCalls").asLong());
    // The servers' CPU is measured in their JVM; none of their threads is in this one.
    JsonNode phase1 = figures.get("phase1Cpu");
    assertTrue(phase1.get("apiServer").asDouble() > 0 && phase1.get("serversJvm").asDouble() > 0, phase1.toString());
    assertFalse(figures.get("cpuSecondsByThreadFamily").toString().contains("vert.x"), figures.toString());
    assertTrue(figures.has("idleOperatorCpuPercent"), figures.toString());
    assertOperatorCpuIsItsOwn(figures);
  }

  @Test
  void badFlagsAreRefusedBeforeAnythingStarts() {
    assertEquals(2, Main.execute("bench", "--accounts=0"));
    assertEquals(2, Main.execute("bench", "--casters=2", "--accounts=3"));
    assertEquals(2, Main.execute("bench", "--idle-seconds=0"));
    assertEquals(2, Main.execute("bench", "--throttle-recovery=soon"));
  }

  @Test
  void withAStudioEachItemCostsOneCallAndEachListOneRead() throws Exception {
    JsonNode figures = run("--casters=20", "--qps=20", "--latency-samples=3", "--idle-seconds=1", "--studio");

    assertTrue(figures.get("studio").asBoolean());
    JsonNode byAction = figures.get("callsPerCasterByAction");
    // Two inputs, a layout, an overlay, two scenes: one call each; each list read once; one start.
    assertEquals(2.0, byAction.get("AddCasterVideoResource").asDouble(), figures.toString());
    assertEquals(1.0, byAction.get("AddCasterLayout").asDouble(), figures.toString());
    assertEquals(1.0, byAction.get("AddCasterComponent").asDouble(), figures.toString());
    assertEquals(2.0, byAction.get("SetCasterSceneConfig").asDouble(), figures.toString());
    assertEquals(1.0, byAction.get("DescribeCasterVideoResources").asDouble(), figures.toString());
    assertEquals(1.0, byAction.get("DescribeCasterLayouts").asDouble(), figures.toString());
    assertEquals(1.0, byAction.get("StartCaster").asDouble(), figures.toString());
    assertEquals(1.0, figures.get("setCasterConfigCallsPerCaster").asDouble());
    // 9 calls of the studio's own, and rarely a scenes read (a drift check soon after a start).
    double studioCalls = figures.get("studioCallsPerCaster").asDouble();
    assertTrue(studioCalls >= 9.0 && studioCalls < 9.5, figures.toString());
    // The ideal is set by the actions with two calls per Caster: 2 × 20 / 20 = 2 s.
    assertEquals(2.0, figures.get("studioBindingCallsPerCaster").asDouble(), figures.toString());
    assertEquals(2.0, figures.get("studioIdealSeconds").asDouble(), 1e-9);
    assertTrue(figures.get("studioRatioToIdeal").asDouble() >= 1.0, figures.toString());
    assertTrue(figures.get("studioPeakCallsPerSecond").asInt() <= 20, figures.toString());
    assertEquals(0, figures.get("throttled").asLong());
  }

  private JsonNode run(String... flags) throws Exception {
    Path json = temp.resolve("bench-" + System.nanoTime() + ".json");
    List<String> args = new ArrayList<>(List.of("bench", "--out=" + json));
    args.addAll(List.of(flags));
    assertEquals(0, Main.execute(args.toArray(String[]::new)));
    return new ObjectMapper().readTree(json.toFile());
  }

  /** The operator's CPU comes from its own threads: its reconciles, none of the servers' or the bench's. */
  private static void assertOperatorCpuIsItsOwn(JsonNode figures) {
    assertTrue(figures.get("operatorCpuMsPerApply").asDouble() > 0, figures.toString());
    assertTrue(figures.get("phase1Cpu").get("operator").asDouble() > 0, figures.toString());
    JsonNode operator = figures.get("cpuSecondsByThreadFamily").get("OPERATOR");
    assertTrue(operator.has("ReconcilerExecutor-caster-N"), operator.toString());
    operator.fieldNames().forEachRemaining(family -> assertFalse(
        family.startsWith("vert.x") || family.startsWith("live-emulator") || family.startsWith("bench-")
            || family.startsWith("co-tenant") || family.equals("main"),
        family + " is not an operator thread: " + operator));
  }
}
