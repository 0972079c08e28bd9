package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.awaitility.Awaitility.await;

import io.casteroperator.api.CasterState;
import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Channels can be enabled only on a stopped caster, and never disabled. */
class ChannelPreconditionIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void channelsWaitForTheCasterToStopWhileEverythingElseIsApplied() {
    String id = fixture.cloudCaster();
    fixture.emulator().setRunning(id, true);
    String name = OperatorFixture.uniqueName("channels");

    fixture.apply(name, "casterId: %s\nchannelEnable: true\ndelay: 6".formatted(id));

    var waiting = fixture.awaitReady(name, "False", Conditions.Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER);
    assertTrue(condition(waiting, Conditions.READY).getMessage().contains("stop caster " + id));
    assertEquals(CasterState.Running, waiting.getCasterState());
    Map<String, String> applied = fixture.emulator().caster(id).orElseThrow().config();
    assertEquals("6.0", applied.get("Delay"), "everything else is applied at once");
    assertEquals(0, fixture.emulator().caster(id).orElseThrow().channelEnable());
    assertTrue(fixture.emulator().caster(id).orElseThrow().status() == 1, "the operator never stops a studio itself");

    fixture.emulator().setRunning(id, false);

    fixture.awaitReady(name);
    assertEquals(1, fixture.emulator().caster(id).orElseThrow().channelEnable());
    List<CallRecord> writes = fixture.calls(id, "SetCasterConfig");
    assertEquals(2, writes.size(), "once without channels, once with");
    assertTrue(writes.stream().allMatch(w -> "OK".equals(w.code())), "no call failed on the precondition");
    assertTrue(fixture.events(name).stream().anyMatch(e -> "ChannelsEnabled".equals(e.getReason())
        && e.getMessage().contains("layouts were discarded")));
  }

  @Test
  void channelsStillWaitingForAStoppedCasterCanBeWithdrawn() {
    String id = fixture.cloudCaster();
    fixture.emulator().setRunning(id, true);
    String name = OperatorFixture.uniqueName("withdrawn");
    fixture.apply(name, "casterId: %s\nchannelEnable: true\ndelay: 4".formatted(id));
    fixture.awaitReady(name, "False", Conditions.Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER);

    fixture.apply(name, "casterId: %s\nchannelEnable: false\ndelay: 4".formatted(id));

    var applied = fixture.awaitReady(name);
    assertEquals(false, applied.getChannelsEnabled());
    assertEquals(0, fixture.emulator().caster(id).orElseThrow().channelEnable(), "channels were never turned on");
  }

  @Test
  void channelsOnInTheCloudStayOnAndTheSpecIsToldSo() {
    String id = fixture.cloudCaster();
    fixture.emulator().changeConfig(id, Map.of("ChannelEnable", "1"));
    String name = OperatorFixture.uniqueName("nodisable");

    fixture.apply(name, "casterId: %s\ndelay: 2".formatted(id));

    var status = fixture.awaitReady(name, "False", Conditions.Reason.CHANNEL_DISABLE_UNSUPPORTED);
    assertTrue(condition(status, Conditions.READY).getMessage().contains("Set spec.channelEnable: true"));
    List<CallRecord> writes = fixture.calls(id, "SetCasterConfig");
    assertEquals(1, writes.size());
    assertEquals("1", writes.get(0).params().get("ChannelEnable"));
    assertEquals("OK", writes.get(0).code());
    assertEquals("True", condition(status, Conditions.SYNCED).getStatus().name());
  }

  /**
   * A service that keeps answering with the channel precondition codes must not be called at the
   * quota's rate: those answers back off like every other failure (200 ms doubling to 2 s here).
   * Within 30 s that allows at most 5 attempts in the first 1.5 s and one a second after: 33.
   */
  @Test
  void preconditionAnswersBackOffLikeAnyOtherFailure() {
    String wantsChannels = fixture.cloudCaster();
    String hasChannels = fixture.cloudCaster();
    fixture.emulator().changeConfig(hasChannels, Map.of("ChannelEnable", "1"));
    fixture.emulator().faults(FaultSettings.builder().errorRate(1.0).errorActions("SetCasterConfig")
        .errorCodes("IncorrectCasterStatus.EnableChannel", "InvalidCaster.ChannelDisableUnsupported").build());
    try {
      fixture.apply(OperatorFixture.uniqueName("enable"), "casterId: %s\nchannelEnable: true\ndelay: 1".formatted(wantsChannels));
      fixture.apply(OperatorFixture.uniqueName("disable"), "casterId: %s\ndelay: 1".formatted(hasChannels));
      await().atMost(Duration.ofSeconds(10)).until(() -> fixture.callCount(wantsChannels, "SetCasterConfig") >= 1
          && fixture.callCount(hasChannels, "SetCasterConfig") >= 1);

      await("SetCasterConfig calls bounded by the backoff").during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(35))
          .untilAsserted(() -> {
            int enable = fixture.callCount(wantsChannels, "SetCasterConfig");
            int disable = fixture.callCount(hasChannels, "SetCasterConfig");
            assertTrue(enable <= 33 && disable <= 33, "SetCasterConfig calls so far: " + enable + " and " + disable);
          });
      assertTrue(fixture.callCount(wantsChannels, "SetCasterConfig") >= 5, "it keeps trying");
      assertTrue(fixture.callCount(hasChannels, "SetCasterConfig") >= 5, "it keeps trying");
    } finally {
      fixture.emulator().clearFaults();
    }
  }
}
