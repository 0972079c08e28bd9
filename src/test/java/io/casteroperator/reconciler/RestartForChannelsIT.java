package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** channelEnablePolicy RestartCaster: stop, enable channels, start again; and never a loop of stops and starts. */
class RestartForChannelsIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  private static String runningCaster() {
    String id = fixture.cloudCaster();
    fixture.emulator().changeConfig(id, Map.of("DomainName", "live.example.com", "TranscodeConfig", "{\"CasterTemplate\":\"lp_ld\"}"));
    fixture.emulator().setRunning(id, true);
    return id;
  }

  private static String spec(String id) {
    return "casterId: %s\ndomainName: live.example.com\ntranscodeConfig: {casterTemplate: lp_ld}\nrunning: true\n"
        .formatted(id) + "channelEnable: true\nchannelEnablePolicy: RestartCaster";
  }

  @Test
  void channelsAreEnabledByStoppingAndStartingTheCaster() {
    String id = runningCaster();
    String name = OperatorFixture.uniqueName("restart");

    fixture.apply(name, spec(id));

    fixture.awaitReady(name);
    var started = fixture.awaitCondition(name, Conditions.RUNNING, "True", Conditions.Reason.STARTED);
    String message = OperatorFixture.condition(started, Conditions.RUNNING).getMessage();
    assertTrue(message.contains("broadcast was interrupted") && message.contains("layouts were discarded"), message);
    assertEquals(1, fixture.emulator().caster(id).orElseThrow().channelEnable());
    assertTrue(fixture.emulator().caster(id).orElseThrow().running());
    List<String> order = fixture.emulator().callLog(null, id, null, 50).stream().map(CallRecord::action)
        .filter(a -> a.equals("StopCaster") || a.equals("SetCasterConfig") || a.equals("StartCaster")).toList();
    assertEquals(List.of("StopCaster", "SetCasterConfig", "StartCaster"), order);
    assertTrue(fixture.events(name).stream().anyMatch(e -> "StoppedForChannels".equals(e.getReason())
        && e.getMessage().contains("interrupted") && e.getMessage().contains("layouts")), "the interruption is an event");
    assertTrue(fixture.events(name).stream().anyMatch(e -> "Started".equals(e.getReason())), "the start is an event");
    assertEquals(null, fixture.status(name).getStoppedForChannels());
  }

  @Test
  void aFailedWriteAfterTheStopLeavesTheCasterStoppedAndSaysSo() {
    String id = runningCaster();
    String name = OperatorFixture.uniqueName("halfway");
    fixture.emulator().faults(FaultSettings.builder().errorRate(1.0).errorActions("SetCasterConfig")
        .errorCodes("InvalidParameter.Malformed").build());
    try {
      fixture.apply(name, spec(id));

      var failed = fixture.awaitReady(name, "False", Conditions.Reason.CLOUD_ERROR);
      assertNotNull(failed.getStoppedForChannels(), "status says the operator stopped it for channels");
      assertTrue(condition(failed, Conditions.READY).getMessage().contains("InvalidParameter.Malformed"));
      assertFalse(fixture.emulator().caster(id).orElseThrow().running(), "left stopped");
      String running = condition(failed, Conditions.RUNNING).getMessage();
      assertTrue(running.contains("the broadcast is interrupted"), running);
      // No loop of stops and starts: the caster stays stopped while the write keeps failing.
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
          fixture.callCount(id, "StopCaster") == 1 && fixture.callCount(id, "StartCaster") == 0);
    } finally {
      fixture.emulator().clearFaults();
    }
    // Fixed (here: the fault is gone and the spec changes): channels go on, then it starts again.
    fixture.apply(name, spec(id) + "\ndelay: 1");
    var started = fixture.awaitCondition(name, Conditions.RUNNING, "True", Conditions.Reason.STARTED);
    String message = OperatorFixture.condition(started, Conditions.RUNNING).getMessage();
    assertTrue(message.contains("broadcast was interrupted") && message.contains("layouts were discarded"), message);
    assertEquals(1, fixture.emulator().caster(id).orElseThrow().channelEnable());
    assertEquals(1, fixture.callCount(id, "StopCaster"));
    assertEquals(1, fixture.callCount(id, "StartCaster"));
  }
}
