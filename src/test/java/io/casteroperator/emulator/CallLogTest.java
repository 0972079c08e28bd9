package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallLogTest {

  private static CallRecord call(long t, String account, String action, String code) {
    return new CallRecord(t, "r" + t, account, "key", action, null, "cn-shanghai", Map.of(), code, CallRecord.APPLIED, 0);
  }

  @Test
  void ringForgetsTheOldestAndCountersDoNot() {
    CallLog log = new CallLog(3);
    for (int i = 0; i < 5; i++) {
      log.record(call(i, "a", "StartCaster", "OK"));
    }
    assertEquals(List.of(2L, 3L, 4L), log.recent(c -> true, 10).stream().map(CallRecord::timeMillis).toList());
    assertEquals(List.of(3L, 4L), log.recent(c -> true, 2).stream().map(CallRecord::timeMillis).toList());
    assertEquals(Map.of("StartCaster", Map.of("OK", 5L)), log.counts(null));
  }

  @Test
  void countsPerAccountAndOverall() {
    CallLog log = new CallLog(10);
    log.record(call(1, "a", "StopCaster", "OK"));
    log.record(call(2, "b", "StopCaster", "OK"));
    log.record(call(3, "b", "StopCaster", "Throttling.User"));
    log.record(call(4, null, "StopCaster", "InvalidAccessKeyId.NotFound"));
    assertEquals(Map.of("StopCaster", Map.of("OK", 1L)), log.counts("a"));
    assertEquals(Map.of("StopCaster", Map.of("OK", 1L, "Throttling.User", 1L)), log.counts("b"));
    assertEquals(
        Map.of("StopCaster", Map.of("OK", 2L, "Throttling.User", 1L, "InvalidAccessKeyId.NotFound", 1L)), log.counts(null));
    log.clear();
    assertEquals(Map.of(), log.counts(null));
  }
}
