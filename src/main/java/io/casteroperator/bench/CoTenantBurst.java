package io.casteroperator.bench;

import io.casteroperator.config.DesiredConfig;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.live.SdkLiveClientFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Another tool of the first account, with its own key, draining the account's SetCasterConfig
 * quota for a while in the middle of the rollout (phase 1), as {@code ThrottlingIT} does in the
 * tests: the operator is throttled, halves its rate, and grows back once the burst is over.
 *
 * <p>The burst begins once the operator has written a tenth of the account's Casters (the rollout
 * runs at full rate by then, and most of it is still to come, so the recovery can be seen) and
 * calls at four times the quota, spread evenly, so the quota is always taken before the operator's
 * call arrives; it calls through the operator's own Live client, on a caster no Caster names.
 */
final class CoTenantBurst {

  /** The co-tenant calls at this many times the quota. */
  private static final int DRAIN_FACTOR = 4;
  private static final int THREADS = 4;
  /** The operator's rate counts as recovered when its calls arrive at 95 % of the quota… */
  private static final double RECOVERED = 0.95;
  /** …over a window of 50 calls at the quota: long enough that one call more or less cannot tip it. */
  private static final int WINDOW_CALLS = 50;
  /** The emulator's default region, where the admin API creates casters. */
  private static final String REGION = "cn-shanghai";

  private final BenchRun run;
  private final BenchAccounts.Account account;
  private final Duration length;
  private final String casterId;
  private final int trigger;
  private Thread burster;
  private volatile long startMillis;
  private volatile long endMillis;
  private volatile Exception failure;

  /**
   * The burst's figures.
   *
   * @param burstAccount the account it drained
   * @param burstSeconds how long it drained it
   * @param coTenantCalls the co-tenant's calls (all codes)
   * @param throttledAnswers Throttling answers the operator got from the burst's start to the end of phase 1
   * @param recoverySeconds from the burst's end until the operator's calls of that account arrive at
   *     95 % of the quota or more (over 50 calls' worth of time); null if they never did before the
   *     rollout ended
   * @param bestRateAfterBurstPercent the operator's best rate after the burst, over such a window, in
   *     percent of the quota: how close a "never" came
   * @param throttleRecoverySeconds the operator's recovery interval the run used ({@code --throttle-recovery})
   */
  record Figures(String burstAccount, double burstSeconds, long coTenantCalls, long throttledAnswers, Double recoverySeconds,
      double bestRateAfterBurstPercent, double throttleRecoverySeconds) {}

  private CoTenantBurst(BenchRun run, Duration length, String casterId) {
    this.run = run;
    this.account = run.accounts.all().get(BenchAccounts.BURST_ACCOUNT);
    this.length = length;
    this.casterId = casterId;
    int casters = (int) IntStream.range(0, run.casters())
        .filter(i -> run.accounts.forCaster(i) == account).count();
    this.trigger = Math.max(1, casters / 10);
  }

  /** Prepares the co-tenant's own caster (before anything is measured). */
  static CoTenantBurst prepare(BenchRun run, Duration length) {
    String casterId = run.emulator.createCaster(run.accounts.coTenant().accountId(), "co-tenant");
    return new CoTenantBurst(run, length, casterId);
  }

  /** Starts watching the rollout; the burst begins by itself once a tenth of the account is written. */
  void arm() {
    burster = new Thread(this::burst, "co-tenant-burst");
    burster.setDaemon(true);
    burster.start();
  }

  private void burst() {
    try {
      long before = operatorWrites();
      while (operatorWrites() - before < trigger) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      LiveClient client = new SdkLiveClientFactory(LiveSettings.defaults()
          .withEndpoint(URI.create("http://" + run.emulator.endpoint()))).client(run.accounts.coTenant().credentials(), REGION);
      startMillis = System.currentTimeMillis();
      drain(client, System.nanoTime() + length.toNanos());
      endMillis = System.currentTimeMillis();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e;
    }
  }

  private long operatorWrites() {
    return run.emulator.calls(account.accountId()).getOrDefault("SetCasterConfig", Map.of()).values().stream()
        .mapToLong(Long::longValue).sum();
  }

  /** THREADS callers, each at its share of DRAIN_FACTOR × the quota, until {@code endNanos}. */
  private void drain(LiveClient client, long endNanos) throws InterruptedException {
    long period = TimeUnit.SECONDS.toNanos(1) * THREADS / ((long) DRAIN_FACTOR * run.options.qps());
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long offset = period * t / THREADS;
      Thread caller = new Thread(() -> {
        for (long next = System.nanoTime() + offset; next < endNanos; next += period) {
          long wait = next - System.nanoTime();
          if (wait > 0) {
            try {
              TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
              return;
            }
          }
          client.update(casterId, DesiredConfig.EMPTY); // throttled or not: a co-tenant does not care
        }
      }, "co-tenant-" + t);
      caller.start();
      callers.add(caller);
    }
    for (Thread caller : callers) {
      caller.join();
    }
  }

  /** Waits until the burst is over (it may outlast a short rollout). */
  void awaitEnd() throws Exception {
    burster.join(length.toMillis() + TimeUnit.MINUTES.toMillis(5));
    if (failure != null) {
      throw new IllegalStateException("the co-tenant burst failed", failure);
    }
    if (endMillis == 0) {
      throw new IllegalStateException("the co-tenant burst never began: the operator wrote fewer than " + trigger
          + " Casters of " + account.accountId());
    }
  }

  /** How long a throttled rollout may take beyond the quota's time: ten recovery intervals, and the burst. */
  long allowanceSeconds() {
    return length.toSeconds() + 10 * run.options.throttleRecovery().toSeconds() + 10;
  }

  /** The co-tenant's own calls, as the emulator logged them. */
  BenchRun.CallTotals tally() {
    List<EmulatorCall> theirs = run.emulator.log("SetCasterConfig", account.accountId()).stream()
        .filter(c -> run.accounts.coTenant().accessKeyId().equals(c.accessKeyId())).toList();
    long throttled = theirs.stream().filter(EmulatorCall::throttled).count();
    return new BenchRun.CallTotals(theirs.size(), throttled, theirs.size());
  }

  /** After phase 1: what the burst did to the operator, from the emulator's log. */
  Figures figures() {
    List<Long> calls = new ArrayList<>();
    long throttled = 0;
    for (EmulatorCall c : run.emulator.log("SetCasterConfig", account.accountId())) {
      if (run.accounts.isOperatorKey(c.accessKeyId()) && c.timeMillis() >= startMillis) {
        calls.add(c.timeMillis());
        throttled += c.throttled() ? 1 : 0;
      }
    }
    calls.sort(Long::compare);
    Recovery recovery = recovery(calls);
    return new Figures(account.accountId(), (endMillis - startMillis) / 1000.0, tally().all(), throttled,
        recovery.at() == null ? null : (recovery.at() - endMillis) / 1000.0, 100 * recovery.bestRate() / run.options.qps(),
        run.options.throttleRecovery().toMillis() / 1000.0);
  }

  /** When the rate was first back at 95 % of the quota (null: never), and the best rate after the burst. */
  private record Recovery(Long at, double bestRate) {}

  /**
   * Slides a window of 50 calls' time at the quota over the operator's calls after the burst,
   * from each call on: its rate is (calls in it − 1) / width, which neither counts a call more nor
   * one less than the intervals it holds. A window the rollout ended inside is left out.
   */
  private Recovery recovery(List<Long> calls) {
    int q = run.options.qps();
    double widthMillis = 1000.0 * WINDOW_CALLS / q;
    Long at = null;
    double best = 0;
    int j = 0;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i) < endMillis) {
        continue;
      }
      j = Math.max(j, i);
      while (j < calls.size() && calls.get(j) < calls.get(i) + widthMillis) {
        j++;
      }
      if (j == calls.size()) {
        break; // the rollout ended inside this window
      }
      double rate = (j - i - 1) * 1000.0 / widthMillis;
      best = Math.max(best, rate);
      if (at == null && rate >= RECOVERED * q) {
        at = calls.get(i);
      }
    }
    return new Recovery(at, best);
  }

  /**
   * The most SetCasterConfig calls of the operator's own that arrived in any one second (by the
   * log's milliseconds): the emulator's peak for the account counts the co-tenant's calls too.
   */
  int operatorPeak() {
    List<Long> times = run.emulator.log("SetCasterConfig", account.accountId()).stream()
        .filter(c -> run.accounts.isOperatorKey(c.accessKeyId())).map(EmulatorCall::timeMillis).sorted().toList();
    int peak = 0;
    for (int i = 0, j = 0; j < times.size(); j++) {
      while (times.get(i) <= times.get(j) - 1000) {
        i++;
      }
      peak = Math.max(peak, j - i + 1);
    }
    return peak;
  }

  /** The account the co-tenant drains. */
  BenchAccounts.Account account() {
    return account;
  }


}
