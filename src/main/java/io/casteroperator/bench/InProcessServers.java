package io.casteroperator.bench;

import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.LiveEmulator;
import io.casteroperator.playground.MockKubernetes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API server and the emulator in this JVM, each started on a thread of its own {@link
 * Component} so that their threads, and their CPU, are told apart from the operator's.
 */
final class InProcessServers implements Servers {

  private final LiveEmulator emulator;
  private final MockKubernetes kube;
  private final Control control;

  private InProcessServers(LiveEmulator emulator, MockKubernetes kube, Map<String, CallRecord> lastWrites) {
    this.emulator = emulator;
    this.kube = kube;
    this.control = new Control(emulator, lastWrites);
  }

  static InProcessServers start(ServersConfig config) throws Exception {
    // The latency figure needs each caster's newest write at once; scanning the log for it on every
    // poll would cost the emulator more than the call it looks for.
    Map<String, CallRecord> lastWrites = new ConcurrentHashMap<>();
    LiveEmulator emulator = Component.EMULATOR.run(() -> {
      LiveEmulator.Builder builder = LiveEmulator.builder().port(0).allQuotas(config.qps())
          .maxCastersPerAccount(config.maxCastersPerAccount()).callLogCapacity(config.callLogCapacity())
          .callListener(call -> {
            if ("SetCasterConfig".equals(call.action()) && call.casterId() != null) {
              lastWrites.put(call.casterId(), call);
            }
          });
      config.keys().forEach(k -> builder.account(k.accessKeyId(), k.accessKeySecret(), k.account()));
      return builder.build().start();
    });
    try {
      // Events acknowledged, not stored: thousands of them would slow every later request of the mock.
      MockKubernetes kube = Component.API_SERVER.run(() -> MockKubernetes.start(0, false));
      return new InProcessServers(emulator, kube, lastWrites);
    } catch (Exception | Error e) {
      emulator.close();
      throw e;
    }
  }

  @Override
  public String kubeUrl() {
    return kube.url();
  }

  @Override
  public EmulatorControl emulator() {
    return control;
  }

  @Override
  public CpuSeconds outsideCpu() {
    return CpuSeconds.ZERO;
  }

  @Override
  public boolean split() {
    return false;
  }

  @Override
  public void close() {
    kube.close();
    emulator.close();
  }

  /** The emulator's Java API. */
  private record Control(LiveEmulator emulator, Map<String, CallRecord> lastWrites) implements EmulatorControl {

    @Override
    public String endpoint() {
      return emulator.endpoint();
    }

    @Override
    public String createCaster(String account, String name) {
      return emulator.createCaster(account, null, name);
    }

    @Override
    public Map<String, Map<String, Long>> calls(String account) {
      return emulator.calls(account);
    }

    @Override
    public Map<String, Integer> peaks(String account) {
      return emulator.peaks(account);
    }

    @Override
    public List<EmulatorCall> log(String action, String account) {
      return emulator.callLog(action, null, account, Integer.MAX_VALUE).stream().map(Control::call).toList();
    }

    @Override
    public Optional<EmulatorCall> lastCall(String action, String casterId) {
      CallRecord last = "SetCasterConfig".equals(action) ? lastWrites.get(casterId)
          : emulator.callLog(action, casterId, null, 1).stream().findFirst().orElse(null);
      return Optional.ofNullable(last).map(Control::call);
    }

    private static EmulatorCall call(CallRecord c) {
      return new EmulatorCall(c.timeMillis(), c.accessKeyId(), c.account(), c.action(), c.casterId(), c.code(), c.params());
    }
  }
}
