package io.casteroperator.bench;

import io.casteroperator.api.Caster;
import io.casteroperator.api.ConditionStatus;
import io.casteroperator.api.Conditions;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Quota-bound convergence, measured: N casters in the emulator over K accounts, the operator started
 * and ready, then N Casters adopting them submitted at once (phase 1, with a co-tenant burst if
 * asked), every spec changed once (phase 2), an idle spell, an operator restart (phase 3), single
 * changes timed, the operator's heap, and a drift sweep if asked. The API server and the emulator
 * run in this process, as in the playground, or in a second JVM ({@code --split}); the emulator
 * enforces the quota exactly as the service does. CPU is told apart per part by thread group
 * ({@link Component}).
 */
public final class Benchmark {

  /** Below this ratio the quota, not anything else, sets phase 1's pace (the goal of issue 8); with a studio, its ideal's ratio. */
  private static final double QUOTA_BOUND = 1.05;
  /** Above this share of all cores busy, the run was short of CPU. */
  private static final double CPU_BOUND = 0.85;

  private final BenchOptions options;

  private Benchmark(BenchOptions options) {
    this.options = options;
  }

  public static BenchReport run(BenchOptions options) throws Exception {
    List<String> problems = options.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new Benchmark(options).measure();
  }

  private BenchReport measure() throws Exception {
    BenchAccounts accounts = BenchAccounts.of(options.accounts());
    try (ComponentCpu cpu = ComponentCpu.start();
        Servers servers = Servers.start(ServersConfig.of(accounts, options.qps(), options.casters(), options.studio()), options.split());
        BenchRun run = new BenchRun(options, accounts, servers, cpu)) {
      createUnrelatedSecrets(run);
      for (BenchAccounts.Account account : accounts.all()) {
        if (account.secretName() != null) {
          run.client.resource(account.secret(BenchRun.NAMESPACE)).create();
        }
      }
      run.startOperator(run.operatorSettings);
      run.createCasters();
      CoTenantBurst burst = options.coTenantBurst() ? CoTenantBurst.prepare(run, options.burst()) : null;
      return measurePhases(run, burst);
    }
  }

  private BenchReport measurePhases(BenchRun run, CoTenantBurst burst) throws Exception {
    int n = options.casters();
    double ideal = options.idealSeconds();
    CpuSeconds cpuStart = run.cpuNow();
    double reconcileStart = run.cpu.reconcileThreadSeconds();
    if (options.warmUp()) {
      warmUp(run);
    }
    try (ReadyTracker tracker = new ReadyTracker(run.servers.newClient())) {
      ConvergencePhase.Result phase1 = ConvergencePhase.rollout(run, tracker, burst);
      SmallStudio.Figures studio = options.studio() ? SmallStudio.figures(phase1.callsByAction(), run.quotas(), n,
          options.accounts(), phase1.elapsedSeconds(), run.accounts.all().stream().map(a -> run.emulator.peaks(a.accountId()))
              .toList()) : null;
      CoTenantBurst.Figures burstFigures = burst == null ? null : burst.figures();
      ConvergencePhase.Result phase2 = ConvergencePhase.change(run, tracker);
      int peak = peakWrites(run, burst);
      IdlePhase.Figures idle = IdlePhase.measure(run, options.idle());
      RestartPhase.Result restart = RestartPhase.measure(run);
      List<Double> latencies = LatencyPhase.measure(run);
      double reconcileSeconds = run.cpu.reconcileThreadSeconds() - reconcileStart;
      double processCpu = run.cpuNow().minus(cpuStart).total();
      double heapMiB = operatorHeapMiB(run);
      DriftPhase.Figures drift = options.drift() ? DriftPhase.measure(run) : null;

      double operatorCpuMsPerApply = 1000 * (phase1.cpu().operator() + phase2.cpu().operator()) / (2.0 * n);
      return new BenchReport(n, options.qps(), options.accounts(), options.split(), options.submitters(), options.warmUp(),
          ideal, phase1.elapsedSeconds(), phase1.elapsedSeconds() / ideal, (double) phase1.writes() / n, phase1.throttled(),
          peak, phase1.writes() / ((double) options.accounts() * options.qps() * phase1.elapsedSeconds()),
          phase2.elapsedSeconds(), phase2.elapsedSeconds() / ideal, (double) phase2.writes() / n, phase2.throttled(),
          restart.setCasterConfigCalls(), restart.otherCalls(), LatencyPhase.percentile(latencies, 50),
          LatencyPhase.percentile(latencies, 99), heapMiB, heapMiB * 1024 / n, processCpu, reconcileSeconds,
          operatorCpuMsPerApply, (phase1.reconciles() + phase2.reconciles()) / (2.0 * n), phase1.cpu(), phase2.cpu(),
          phase1.machineBusy(), phase2.machineBusy(), limitedBy(phase1, studio == null ? ideal : studio.studioIdealSeconds()),
          idle, drift, burstFigures, options.studio(), studio, Runtime.getRuntime().availableProcessors(), run.cpu.byFamily(),
          phase1.readySeconds(), options.unrelatedSecrets());
    }
  }

  /**
   * The highest SetCasterConfig peak of any one account (each has its own quota), as the emulator
   * reports it; for the account a co-tenant drained, the operator's own calls' peak.
   */
  private static int peakWrites(BenchRun run, CoTenantBurst burst) {
    return run.accounts.all().stream()
        .mapToInt(a -> burst != null && burst.account() == a ? burst.operatorPeak()
            : run.emulator.peaks(a.accountId()).getOrDefault("SetCasterConfig", 0))
        .max().orElse(0);
  }

  /**
   * What set phase 1's pace: the quota when the ratio meets the goal; else the CPU when the cores
   * were busy (and then the part that used most of it, GC and JIT aside); else neither (time spent
   * waiting).
   */
  private static String limitedBy(ConvergencePhase.Result phase1, double ideal) {
    if (phase1.elapsedSeconds() / ideal <= QUOTA_BOUND) {
      return "quota";
    }
    if (phase1.machineBusy() < CPU_BOUND) {
      return "neither";
    }
    // GC and JIT work for every part alike (and JIT fades as a run goes on): not a part to blame.
    CpuSeconds c = phase1.cpu();
    Map<String, Double> parts = Map.of("operator", c.operator(), "apiServer", c.apiServer(), "emulator", c.emulator(),
        "bench", c.bench());
    return "cpu:" + parts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** What a real cluster's namespace holds besides Casters' keys: Secrets the operator must not take in. */
  private void createUnrelatedSecrets(BenchRun run) throws InterruptedException {
    byte[] payload = new byte[64 * 1024];
    new Random(42).nextBytes(payload);
    String data = Base64.getEncoder().encodeToString(payload);
    run.parallel(options.unrelatedSecrets(), i -> run.client.resource(new SecretBuilder()
        .withNewMetadata().withName("unrelated-" + i).withNamespace(BenchRun.NAMESPACE).endMetadata()
        .addToData("release", data).build()).create());
  }

  /**
   * One Caster applied, Ready and deleted before anything is measured: the operator is already
   * running, so neither it nor the in-process API server should pay inside the figures for the first
   * request they ever serve (about two seconds here; {@code --no-warm-up} shows it).
   */
  private static void warmUp(BenchRun run) throws Exception {
    KubernetesClient client = run.client;
    Caster warm = run.caster(0, run.emulator.createCaster(run.accounts.forCaster(0).accountId(), "warm-up"));
    warm.getMetadata().setName("warm-up");
    client.resource(warm).create();
    // With a studio, applied is not the end: it is Ready once every item is (and its calls are made).
    boolean studio = run.options.studio();
    Waits.until(() -> {
      Caster c = client.resource(warm).get();
      return c != null && c.getStatus() != null && c.getStatus().getAppliedGeneration() != null
          && (!studio || ready(c));
    }, Duration.ofSeconds(60), "the warm-up Caster to be applied");
    client.resource(warm).delete();
    Waits.until(() -> client.resource(warm).get() == null, Duration.ofSeconds(60), "the warm-up Caster to be deleted");
    Waits.sleep(Duration.ofSeconds(1)); // its calls leave the quota's one-second window before phase 1 starts
  }

  private static boolean ready(Caster caster) {
    return caster.getStatus().getConditions() != null && caster.getStatus().getConditions().stream()
        .anyMatch(c -> Conditions.READY.equals(c.getType()) && c.getStatus() == ConditionStatus.True);
  }

  /** Heap the operator holds: with it, minus without it (in-process, the emulator and API server stay). */
  private static double operatorHeapMiB(BenchRun run) throws InterruptedException {
    long withOperator = usedHeapAfterGc();
    run.stopOperator();
    long withoutOperator = usedHeapAfterGc();
    return Math.max(0, withOperator - withoutOperator) / (1024.0 * 1024.0);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Waits.sleep(Duration.ofMillis(200));
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
