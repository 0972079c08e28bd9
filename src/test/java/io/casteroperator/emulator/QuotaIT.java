package io.casteroperator.emulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow control as a client feels it: concurrent bursts through the real SDK. */
class QuotaIT extends EmulatorFixture {

  @BeforeEach
  void documentedQuotas() {
    restoreDocumentedQuotas();
  }

  /** Fires all calls at once behind a start gate; returns "OK" or the error code of each. */
  private static List<String> burst(List<IAcsClient> clients, String casterId) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    try {
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (IAcsClient client : clients) {
        results.add(pool.submit(() -> {
          SetCasterConfigRequest request = new SetCasterConfigRequest();
          request.setCasterId(casterId);
          request.setDomainName("example.com");
          request.setSysEndpoint(emulator.endpoint());
          request.setSysProtocol(ProtocolType.HTTP);
          gate.await();
          try {
            client.getAcsResponse(request);
            return "OK";
          } catch (ClientException e) {
            return e.getErrCode();
          }
        }));
      }
      gate.countDown();
      List<String> codes = new ArrayList<>();
      for (Future<String> f : results) {
        codes.add(f.get());
      }
      return codes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String outcome(SetCasterConfigRequest request) {
    try {
      call(request);
      return "OK";
    } catch (ClientException e) {
      return e.getErrCode();
    }
  }

  private static long count(List<String> codes, String code) {
    return codes.stream().filter(code::equals).count();
  }

  @Test
  void burstOfFifteenGetsTenThroughAndFiveThrottled() throws Exception {
    String id = createCaster("burst");
    List<String> codes = burst(java.util.Collections.nCopies(15, clientA), id);
    assertEquals(10, count(codes, "OK"), codes.toString());
    assertEquals(5, count(codes, "Throttling.User"), codes.toString());

    Map<String, Long> counted = emulator.calls(KEY_A).get("SetCasterConfig");
    assertEquals(10L, counted.get("OK"));
    assertEquals(5L, counted.get("Throttling.User"));
    assertEquals(15, emulator.peaks(KEY_A).get("SetCasterConfig"));

    // Once the second has passed, calls go through again.
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
      SetCasterConfigRequest again = new SetCasterConfigRequest();
      again.setCasterId(id);
      return "OK".equals(outcome(again));
    });
  }

  @Test
  void keysOfOneAccountShareTheQuotaOtherAccountsDoNot() throws Exception {
    String id = createCaster("shared quota");
    List<IAcsClient> clients = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      clients.add(i % 2 == 0 ? clientA : clientB);
    }
    List<String> codes = burst(clients, id);
    assertEquals(10, count(codes, "OK"), codes.toString());
    assertEquals(2, count(codes, "Throttling.User"), codes.toString());
    // account-2 has its own quota, untouched by account-1's burst (its call fails only for the caster's absence).
    SetCasterConfigRequest other = new SetCasterConfigRequest();
    other.setCasterId(id);
    assertEquals("InvalidCaster.NotFound", failure(clientC, other).getErrCode());
  }

  @Test
  void quotasChangeAtRunTimeAndPerAction() throws Exception {
    emulator.setQuota("DescribeCasters", 2);
    call(new DescribeCastersRequest());
    call(new DescribeCastersRequest());
    assertEquals("Throttling.User", failure(new DescribeCastersRequest()).getErrCode());
    ClientException e = failure(new DescribeCastersRequest());
    assertEquals("Request was denied due to user flow control.", e.getErrMsg());
    createCaster("other actions have their own quota");
    emulator.setQuota("DescribeCasters", 100);
    call(new DescribeCastersRequest());
  }

  @Test
  void throttleFaultActsLikeACoTenantAndDoesNotUseTheQuota() throws Exception {
    emulator.faults(FaultSettings.builder().throttleRate(1).build());
    assertEquals("Throttling.User", failure(new DescribeCastersRequest()).getErrCode());
    emulator.clearFaults();
    // All 15 pass whatever the timing: the refused call did not use any of the quota of 15.
    for (int i = 0; i < 15; i++) {
      call(new DescribeCastersRequest());
    }
    assertTrue(emulator.callLog().stream().anyMatch(c -> CallRecord.INJECTED_THROTTLE.equals(c.outcome())));
  }
}
