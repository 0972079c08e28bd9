package io.casteroperator.reconciler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.aliyuncs.profile.DefaultProfile;
import io.casteroperator.api.Conditions;
import io.casteroperator.ratelimit.BudgetKey;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account's quota as a shared budget: never exceeded by the operator, and shared politely. */
class BudgetIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void fiftyCastersAtOnceConvergeWithinTheQuotaWithoutAThrottle() {
    fixture.emulator().reset();
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(fixture.cloudCaster());
      names.add(OperatorFixture.uniqueName("fleet"));
    }
    for (int i = 0; i < 50; i++) {
      fixture.apply(names.get(i), "casterId: %s\ndelay: %d".formatted(ids.get(i), 1 + i % 30));
    }

    names.forEach(fixture::awaitReady);

    Map<String, Map<String, Long>> calls = fixture.emulator().calls(OperatorFixture.DEFAULT_KEY);
    for (Map<String, Long> byCode : calls.values()) {
      assertTrue(byCode.keySet().stream().noneMatch(code -> code.startsWith("Throttling")), "throttled: " + calls);
    }
    Map<String, Integer> peaks = fixture.emulator().peaks(OperatorFixture.DEFAULT_KEY);
    assertTrue(peaks.get("SetCasterConfig") <= 10, "SetCasterConfig peak " + peaks);
    assertTrue(peaks.get("DescribeCasterConfig") <= 15, "DescribeCasterConfig peak " + peaks);
    for (String id : ids) {
      assertEquals(1, fixture.callCount(id, "SetCasterConfig"), "calls for " + id);
    }
  }

  @Test
  void aCoTenantDrainingTheQuotaShowsAsThrottledThenTheCasterConverges() throws Exception {
    String theirs = fixture.cloudCaster();
    String ours = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("cotenant");
    AtomicBoolean draining = new AtomicBoolean(true);
    ExecutorService coTenant = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4; i++) {
      coTenant.submit(() -> drain(theirs, draining));
    }
    try {
      fixture.apply(name, "casterId: %s\ndelay: 4".formatted(ours));

      var throttled = fixture.awaitCondition(name, Conditions.SYNCED, "False", Conditions.Reason.THROTTLED);
      assertTrue(throttled.getLastErrorCode().startsWith("Throttling"), throttled.getLastErrorCode());
      assertTrue(throttled.getNextRetryTime() != null, "the next retry time is shown");
      assertTrue(fixture.operator().budgets().rateFactor(new BudgetKey(OperatorFixture.ACCOUNT, "SetCasterConfig")) < 1.0,
          "the operator slowed down for the account");
    } finally {
      draining.set(false);
      coTenant.shutdown();
    }
    fixture.awaitReady(name);
    // Backing off, not hammering: a handful of attempts, not hundreds.
    assertTrue(fixture.callCount(ours, "SetCasterConfig") <= 12, "attempts " + fixture.callCount(ours, "SetCasterConfig"));
  }

  /** Another tool of the same account, calling as fast as it can with the account's second key. */
  private static void drain(String casterId, AtomicBoolean draining) {
    DefaultProfile profile = DefaultProfile.getProfile("cn-shanghai", OperatorFixture.SECOND_KEY, OperatorFixture.SECOND_SECRET);
    DefaultAcsClient client = new DefaultAcsClient(profile);
    while (draining.get()) {
      SetCasterConfigRequest request = new SetCasterConfigRequest();
      request.setCasterId(casterId);
      request.setSysEndpoint(fixture.emulator().endpoint());
      request.setSysProtocol(ProtocolType.HTTP);
      try {
        client.getAcsResponse(request);
      } catch (Exception throttledOrNot) {
        // a co-tenant does not care
      }
    }
  }
}
