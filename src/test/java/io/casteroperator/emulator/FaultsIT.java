package io.casteroperator.emulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a bad day in the cloud looks like to the SDK. */
class FaultsIT extends EmulatorFixture {

  private static SetCasterConfigRequest setDomain(String casterId, String domain) {
    SetCasterConfigRequest request = new SetCasterConfigRequest();
    request.setCasterId(casterId);
    request.setDomainName(domain);
    return request;
  }

  private static String domainOf(String casterId) {
    return emulator.caster(casterId).orElseThrow().config().get("DomainName");
  }

  private static CallRecord lastCall(String action) {
    List<CallRecord> calls = emulator.callLog(action, null, null, 1);
    return calls.get(calls.size() - 1);
  }

  @Test
  void injectedErrorsHitOnlyTheChosenActionsAndChangeNothing() throws ClientException {
    String id = createCaster("errors");
    emulator.faults(FaultSettings.builder().errorRate(1.0).errorActions("SetCasterConfig").build());
    ClientException e = failure(setDomain(id, "example.com"));
    assertInstanceOf(ServerException.class, e);
    assertTrue(List.of("InternalError", "ServiceUnavailable").contains(e.getErrCode()), e.getErrCode());
    assertNull(domainOf(id));
    assertEquals(CallRecord.INJECTED_ERROR, lastCall("SetCasterConfig").outcome());
    call(new DescribeCastersRequest());
  }

  @Test
  void lateAnswerAfterTheChangeWasAppliedIsAReadTimeout() throws ClientException {
    String id = createCaster("slow");
    emulator.faults(FaultSettings.builder().latency(1500, 1500).build());
    SetCasterConfigRequest request = setDomain(id, "late.example.com");
    request.setSysReadTimeout(300);
    assertEquals("SDK.ReadTimeout", failure(request).getErrCode());
    assertEquals("late.example.com", domainOf(id), "the change took effect when the call arrived");
    CallRecord logged = lastCall("SetCasterConfig");
    assertEquals(CallRecord.APPLIED, logged.outcome());
    assertTrue(logged.latencyMs() >= 1500, "latency " + logged.latencyMs());
  }

  @Test
  void latencyDoesNotHoldUpOtherCalls() throws Exception {
    String id = createCaster("parallel");
    emulator.faults(FaultSettings.builder().latency(2000, 2000).build());
    CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
      try {
        call(setDomain(id, "slow.example.com"));
      } catch (ClientException e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(2)).until(() -> "slow.example.com".equals(domainOf(id)));
    emulator.clearFaults();
    call(new DescribeCastersRequest());
    assertFalse(slow.isDone(), "the fast call returned while the slow one still waits for its answer");
    slow.get();
  }

  @Test
  void dropBeforeApplyingChangesNothing() throws ClientException {
    String id = createCaster("drop before");
    emulator.faults(FaultSettings.builder().dropBeforeRate(1.0).build());
    ClientException e = failure(setDomain(id, "never.example.com"));
    assertEquals("SDK.ServerUnreachable", e.getErrCode(), e.getErrMsg());
    assertNull(domainOf(id));
    assertEquals(CallRecord.DROPPED_BEFORE, lastCall("SetCasterConfig").outcome());
    assertEquals(Map.of("dropped-before", 1L), emulator.calls(KEY_A).get("SetCasterConfig"));
  }

  @Test
  void dropAfterApplyingLeavesTheChangeInPlace() throws ClientException {
    String id = createCaster("drop after");
    emulator.faults(FaultSettings.builder().dropAfterRate(1.0).build());
    ClientException e = failure(setDomain(id, "applied.example.com"));
    assertEquals("SDK.ServerUnreachable", e.getErrCode(), e.getErrMsg());
    assertEquals("applied.example.com", domainOf(id));
    assertEquals(CallRecord.DROPPED_AFTER, lastCall("SetCasterConfig").outcome());
  }

  @Test
  void cloudSideChangesShowThroughTheApi() throws ClientException {
    String id = readyCaster("drift");
    emulator.changeConfig(id, Map.of("DomainName", "console.example.com", "Delay", "4", "CasterName", "renamed in console"));
    emulator.setRunning(id, true);
    DescribeCasterConfigRequest describe = new DescribeCasterConfigRequest();
    describe.setCasterId(id);
    var config = call(describe);
    assertEquals("console.example.com", config.getDomainName());
    assertEquals(4f, config.getDelay());
    assertEquals("renamed in console", config.getCasterName());
    assertEquals("lp_hd", config.getTranscodeConfig().getCasterTemplate(), "a merge keeps what it does not name");
    DescribeCastersRequest list = new DescribeCastersRequest();
    list.setCasterId(id);
    assertEquals(1, call(list).getCasterList().get(0).getStatus());
    assertEquals(Map.of("OK", 1L), emulator.calls(null).get("SetCasterConfig"), "console changes are not API calls");
  }

  @Test
  void cloudSideDeletion() throws ClientException {
    String id = createCaster("gone");
    assertTrue(emulator.deleteCaster(id));
    DescribeCasterConfigRequest describe = new DescribeCasterConfigRequest();
    describe.setCasterId(id);
    assertEquals("InvalidCaster.NotFound", failure(describe).getErrCode());
  }
}
