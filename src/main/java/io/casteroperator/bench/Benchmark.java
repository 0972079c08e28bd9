package io.casteroperator.bench;

import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.LiveEmulator;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveCredentials;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.playground.MockKubernetes;
import io.casteroperator.reconciler.ReconcilerSettings;
import io.casteroperator.runtime.CasterOperator;
import io.casteroperator.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Quota-bound convergence, measured: N casters in the emulator, the operator started and ready,
 * then N Casters adopting them submitted at once. Everything runs in this process, as in the
 * playground; the emulator enforces the quota exactly as the service does.
 */
public final class Benchmark {

  private static final String KEY = "LTAIbenchmark";
  private static final String SECRET = "benchmark-secret";
  private static final String ACCOUNT = "bench";
  private static final String NAMESPACE = "default";

  private final BenchOptions options;
  private final Map<String, CallRecord> lastWrite = new ConcurrentHashMap<>();
  private LiveEmulator emulator;
  private MockKubernetes kube;
  private CasterOperator operator;
  private SimpleMeterRegistry registry;

  private Benchmark(BenchOptions options) {
    this.options = options;
  }

  public static BenchReport run(BenchOptions options) throws Exception {
    return new Benchmark(options).measure();
  }

  private BenchReport measure() throws Exception {
    int n = options.casters();
    int q = options.qps();
    double ideal = (double) n / q;
    emulator = LiveEmulator.builder().port(0).account(KEY, SECRET, ACCOUNT).allQuotas(q)
        .maxCastersPerAccount(Math.max(1000, n + 1)).callLogCapacity(Math.max(100_000, 8 * n))
        .callListener(call -> {
          if ("SetCasterConfig".equals(call.action()) && call.casterId() != null) {
            lastWrite.put(call.casterId(), call);
          }
        })
        .build().start();
    kube = MockKubernetes.start(0, false);
    try (KubernetesClient client = kube.newClient()) {
      createUnrelatedSecrets(client);
      startOperator();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ids.add(emulator.createCaster(ACCOUNT, null, "bench " + i));
      }
      long cpuStart = processCpuNanos();
      ThreadCpu reconcileCpu = ThreadCpu.sample("ReconcilerExecutor");
      if (options.warmUp()) {
        warmUp(client);
      }
      try (ReadyTracker tracker = new ReadyTracker(kube.newClient())) {
        // Phase 1: N Casters at once.
        Map<String, Long> before = writesAndThrottles();
        long start = System.nanoTime();
        parallel(n, i -> client.resource(caster(i, ids.get(i))).create());
        awaitReady(tracker, n, ideal);
        List<Long> ready = tracker.readyTimes();
        double elapsed = seconds(ready.get(ready.size() - 1) - start);
        Map<String, Long> afterPhase1 = writesAndThrottles();
        long writes1 = afterPhase1.get("writes") - before.get("writes");
        long throttled1 = afterPhase1.get("throttled") - before.get("throttled");
        List<Double> readySeconds = ready.stream().map(t -> seconds(t - start)).toList();

        // Phase 2: every spec changed once.
        tracker.expectGeneration(2);
        long changeStart = System.nanoTime();
        parallel(n, i -> client.resources(Caster.class).inNamespace(NAMESPACE).withName(name(i))
            .edit(c -> {
              c.getSpec().setDelay(2.0);
              return c;
            }));
        awaitReady(tracker, n, ideal);
        List<Long> ready2 = tracker.readyTimes();
        double changeElapsed = seconds(ready2.get(ready2.size() - 1) - changeStart);
        Map<String, Long> afterPhase2 = writesAndThrottles();
        long writes2 = afterPhase2.get("writes") - afterPhase1.get("writes");
        long throttled2 = afterPhase2.get("throttled") - afterPhase1.get("throttled");
        int peak = emulator.peaks(KEY).getOrDefault("SetCasterConfig", 0);

        // Phase 3: restart the operator; it must find nothing to write.
        long callsBeforeRestart = allCalls();
        long writesBeforeRestart = afterPhase2.get("writes");
        operator.close();
        startOperator();
        awaitCondition(() -> reconciles() >= n, Duration.ofSeconds(60 + n / 50));
        TimeUnit.SECONDS.sleep(2); // let any straggler reconcile that would call do so
        long restartWrites = writesAndThrottles().get("writes") - writesBeforeRestart;
        long restartOther = allCalls() - callsBeforeRestart - restartWrites;

        // Change-to-call latency with a free budget.
        List<Double> latencies = latencies(client, ids);
        double reconcileSeconds = reconcileCpu.stop();
        double processCpu = (processCpuNanos() - cpuStart) / 1e9;

        // Heap the operator holds: with it, minus without it (the emulator and API server stay).
        long withOperator = usedHeapAfterGc();
        operator.close();
        operator = null;
        long withoutOperator = usedHeapAfterGc();
        double heapMiB = Math.max(0, withOperator - withoutOperator) / (1024.0 * 1024.0);

        return new BenchReport(n, q, options.submitters(), options.warmUp(), ideal, elapsed, elapsed / ideal, (double) writes1 / n, throttled1, peak,
            writes1 / (q * elapsed), changeElapsed, changeElapsed / ideal, (double) writes2 / n, throttled2,
            restartWrites, restartOther, percentile(latencies, 50), percentile(latencies, 99), heapMiB,
            heapMiB * 1024 / n, processCpu, reconcileSeconds, readySeconds, options.unrelatedSecrets());
      }
    } finally {
      if (operator != null) {
        operator.close();
      }
      kube.close();
      emulator.close();
    }
  }

  private void startOperator() throws InterruptedException, TimeoutException {
    Map<String, Integer> quotas = Arrays.stream(LiveAction.values())
        .collect(Collectors.toMap(LiveAction::name, a -> options.qps()));
    OperatorSettings defaults = OperatorSettings.defaults();
    OperatorSettings settings = defaults
        .withLive(LiveSettings.defaults().withEndpoint(URI.create("http://" + emulator.endpoint())))
        .withReconciler(ReconcilerSettings.defaults().withDefaultCredentials(new LiveCredentials.AccessKey(KEY, SECRET, null, ACCOUNT)))
        .withBudgets(defaults.budgets().withQuotas(quotas));
    registry = new SimpleMeterRegistry();
    operator = CasterOperator.start(kube.newClient(), settings, registry);
    awaitCondition(operator::ready, Duration.ofSeconds(60));
  }

  /** What a real cluster's namespace holds besides Casters' keys: Secrets the operator must not take in. */
  private void createUnrelatedSecrets(KubernetesClient client) throws InterruptedException {
    byte[] payload = new byte[64 * 1024];
    new java.util.Random(42).nextBytes(payload);
    String data = java.util.Base64.getEncoder().encodeToString(payload);
    parallel(options.unrelatedSecrets(), i -> client.resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
        .withNewMetadata().withName("unrelated-" + i).withNamespace(NAMESPACE).endMetadata()
        .addToData("release", data).build()).create());
  }

  private static String name(int i) {
    return "bench-" + i;
  }

  private static Caster caster(int i, String casterId) {
    Caster caster = new Caster();
    caster.setMetadata(new ObjectMetaBuilder().withName(name(i)).withNamespace(NAMESPACE).build());
    CasterSpec spec = new CasterSpec();
    spec.setCasterId(casterId);
    spec.setCasterName("bench " + i);
    spec.setDelay(1.0);
    caster.setSpec(spec);
    return caster;
  }

  private List<Double> latencies(KubernetesClient client, List<String> ids) throws Exception {
    List<Double> latencies = new ArrayList<>();
    for (int k = 0; k < options.latencySamples(); k++) {
      int i = k % ids.size();
      String id = ids.get(i);
      String delay = Double.toString(10.0 + k);
      // Wait a moment first so that no earlier call still holds the budget: the latency of a free budget.
      TimeUnit.MILLISECONDS.sleep(Math.max(150, 2000 / options.qps()));
      long changed = System.currentTimeMillis();
      client.resources(Caster.class).inNamespace(NAMESPACE).withName(name(i)).edit(c -> {
        c.getSpec().setDelay(Double.parseDouble(delay));
        return c;
      });
      awaitCondition(() -> {
        CallRecord last = lastWrite.get(id);
        return last != null && delay.equals(last.params().get("Delay"));
      }, Duration.ofSeconds(30));
      latencies.add((double) (lastWrite.get(id).timeMillis() - changed));
    }
    return latencies;
  }

  private Map<String, Long> writesAndThrottles() {
    Map<String, Map<String, Long>> calls = emulator.calls(KEY);
    long writes = calls.getOrDefault("SetCasterConfig", Map.of()).values().stream().mapToLong(Long::longValue).sum();
    long throttled = calls.values().stream().flatMap(byCode -> byCode.entrySet().stream())
        .filter(e -> e.getKey().startsWith("Throttling")).mapToLong(Map.Entry::getValue).sum();
    return Map.of("writes", writes, "throttled", throttled);
  }

  private long allCalls() {
    return emulator.calls(KEY).values().stream().flatMap(byCode -> byCode.values().stream()).mapToLong(Long::longValue).sum();
  }

  private double reconciles() {
    return registry.find("caster_reconciles").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private void awaitReady(ReadyTracker tracker, int n, double ideal) throws InterruptedException, TimeoutException {
    awaitCondition(() -> tracker.readyCount() >= n, Duration.ofSeconds((long) (ideal * 3) + 120));
  }

  /**
   * One Caster applied, Ready and deleted before anything is measured: the operator is already
   * running, so neither it nor the in-process API server should pay inside the figures for the first
   * request they ever serve (about two seconds here; {@code --no-warm-up} shows it).
   */
  private void warmUp(KubernetesClient client) throws InterruptedException, TimeoutException {
    Caster warm = caster(-1, emulator.createCaster(ACCOUNT, null, "warm-up"));
    warm.getMetadata().setName("warm-up");
    client.resource(warm).create();
    awaitCondition(() -> {
      Caster c = client.resource(warm).get();
      return c != null && c.getStatus() != null && c.getStatus().getAppliedGeneration() != null;
    }, Duration.ofSeconds(60));
    client.resource(warm).delete();
    awaitCondition(() -> client.resource(warm).get() == null, Duration.ofSeconds(60));
    TimeUnit.SECONDS.sleep(1); // its calls leave the quota's one-second window before phase 1 starts
  }

  private static void awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("not reached within " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private void parallel(int n, IntConsumer task) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(options.submitters());
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      int index = i;
      pool.submit(() -> {
        try {
          task.accept(index);
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    pool.shutdown();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double percentile(List<Double> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }


}
