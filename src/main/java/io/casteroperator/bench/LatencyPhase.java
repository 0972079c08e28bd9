package io.casteroperator.bench;

import io.casteroperator.api.Caster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** From one spec change to the SetCasterConfig call it causes, while the budget is free. */
final class LatencyPhase {

  private LatencyPhase() {}

  /** Milliseconds from each change to its call's arrival at the emulator. */
  static List<Double> measure(BenchRun run) throws Exception {
    List<Double> latencies = new ArrayList<>();
    List<String> ids = run.casterIds();
    for (int k = 0; k < run.options.latencySamples(); k++) {
      int i = k % ids.size();
      String id = ids.get(i);
      String delay = Double.toString(10.0 + k);
      // Wait a moment first so that no earlier call still holds the budget: the latency of a free budget.
      Waits.sleep(Duration.ofMillis(Math.max(150, 2000 / run.options.qps())));
      long changed = System.currentTimeMillis();
      run.client.resources(Caster.class).inNamespace(BenchRun.NAMESPACE).withName(BenchRun.name(i)).edit(c -> {
        c.getSpec().setDelay(Double.parseDouble(delay));
        return c;
      });
      Waits.until(() -> written(run, id, delay).isPresent(), Duration.ofSeconds(30), "the write of a changed Caster");
      latencies.add((double) (written(run, id, delay).orElseThrow().timeMillis() - changed));
    }
    return latencies;
  }

  private static Optional<EmulatorCall> written(BenchRun run, String casterId, String delay) {
    return run.emulator.lastCall("SetCasterConfig", casterId).filter(c -> delay.equals(c.params().get("Delay")));
  }

  static double percentile(List<Double> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
