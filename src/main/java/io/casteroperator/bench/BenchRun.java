package io.casteroperator.bench;

import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.SecretReference;
import io.casteroperator.emulator.LiveAction;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** What the phases of one run share: the servers, the accounts, the Casters, the operator and the CPU meter. */
final class BenchRun implements AutoCloseable {

  static final String NAMESPACE = "default";

  final BenchOptions options;
  final BenchAccounts accounts;
  final Servers servers;
  final EmulatorControl emulator;
  final KubernetesClient client;
  final ComponentCpu cpu;
  final OperatorUnderTest.Settings operatorSettings;
  private final List<String> casterIds = new ArrayList<>();
  private OperatorUnderTest operator;

  /** Calls of the operator's accounts, summed: SetCasterConfig calls, Throttling answers, all calls. */
  record CallTotals(long writes, long throttled, long all) {
    CallTotals minus(CallTotals o) {
      return new CallTotals(writes - o.writes, throttled - o.throttled, all - o.all);
    }
  }

  BenchRun(BenchOptions options, BenchAccounts accounts, Servers servers, ComponentCpu cpu) {
    this.options = options;
    this.accounts = accounts;
    this.servers = servers;
    this.emulator = servers.emulator();
    this.client = servers.newClient();
    this.cpu = cpu;
    this.operatorSettings = new OperatorUnderTest.Settings(options.qps(), Duration.ofMinutes(10),
        options.throttleRecovery());
  }

  /** N casters in the emulator, spread over the accounts as their Casters will be. */
  void createCasters() throws InterruptedException {
    String[] ids = new String[options.casters()];
    parallel(options.casters(), i -> ids[i] = emulator.createCaster(accounts.forCaster(i).accountId(), "bench " + i));
    casterIds.addAll(List.of(ids));
  }

  List<String> casterIds() {
    return casterIds;
  }

  int casters() {
    return options.casters();
  }

  /** Starts the operator (stopping one that runs) with these settings, and waits until it is ready. */
  void startOperator(OperatorUnderTest.Settings settings) throws Exception {
    stopOperator();
    operator = OperatorUnderTest.start(servers, accounts, settings);
  }

  void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  OperatorUnderTest operator() {
    return operator;
  }

  /** CPU of every part so far, in this JVM and (split) in the servers JVM. */
  CpuSeconds cpuNow() {
    return cpu.totals().plus(servers.outsideCpu());
  }

  /** The calls of every account the operator uses (its co-tenant's included: see {@link CoTenantBurst#tally()}). */
  CallTotals calls() {
    long writes = 0;
    long throttled = 0;
    long all = 0;
    for (BenchAccounts.Account account : accounts.all()) {
      Map<String, Map<String, Long>> calls = emulator.calls(account.accountId());
      writes += calls.getOrDefault("SetCasterConfig", Map.of()).values().stream().mapToLong(Long::longValue).sum();
      for (Map<String, Long> byCode : calls.values()) {
        for (Map.Entry<String, Long> e : byCode.entrySet()) {
          all += e.getValue();
          throttled += e.getKey().startsWith("Throttling") ? e.getValue() : 0;
        }
      }
    }
    return new CallTotals(writes, throttled, all);
  }

  /** The operator's accounts' calls by action, every answer counted (the co-tenant's included, as in {@link #calls()}). */
  Map<String, Long> callsByAction() {
    Map<String, Long> byAction = new TreeMap<>();
    for (BenchAccounts.Account account : accounts.all()) {
      emulator.calls(account.accountId()).forEach((action, byCode) ->
          byAction.merge(action, byCode.values().stream().mapToLong(Long::longValue).sum(), Long::sum));
    }
    return byAction;
  }

  /** Each action's quota per account, as the emulator enforces it and the operator budgets it: Q for every one. */
  Map<String, Integer> quotas() {
    Map<String, Integer> quotas = new TreeMap<>();
    for (LiveAction action : LiveAction.values()) {
      quotas.put(action.actionName(), options.qps());
    }
    return quotas;
  }

  static String name(int i) {
    return "bench-" + i;
  }

  /**
   * The Caster adopting caster {@code casterId}, with its account's credentials when there are
   * several, and with {@code --studio} the small studio.
   */
  Caster caster(int i, String casterId) {
    Caster caster = new Caster();
    caster.setMetadata(new ObjectMetaBuilder().withName(name(i)).withNamespace(NAMESPACE).build());
    CasterSpec spec = new CasterSpec();
    spec.setCasterId(casterId);
    spec.setCasterName("bench " + i);
    spec.setDelay(1.0);
    if (!accounts.useDefaultCredentials()) {
      SecretReference ref = new SecretReference();
      ref.setName(accounts.forCaster(i).secretName());
      spec.setCredentialsSecretRef(ref);
    }
    if (options.studio()) {
      SmallStudio.addTo(spec);
    }
    caster.setSpec(spec);
    return caster;
  }

  /** Runs {@code task} for 0..n-1 on {@code --submitters} threads at once; the first failure is thrown. */
  void parallel(int n, IntConsumer task) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(options.submitters());
    CountDownLatch done = new CountDownLatch(n);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      pool.submit(() -> {
        try {
          task.accept(index);
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    pool.shutdown();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  @Override
  public void close() {
    try {
      stopOperator();
    } finally {
      client.close();
    }
  }
}
