package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  @Test
  void ratesZeroAndOneAreExact() {
    FaultInjector never = new FaultInjector(1);
    FaultInjector always = new FaultInjector(1);
    always.apply(FaultSettings.builder().errorRate(1).dropBeforeRate(1).dropAfterRate(1).throttleRate(1).build());
    for (int i = 0; i < 10_000; i++) {
      assertFalse(never.dropBefore() || never.throttle() || never.dropAfter() || never.error("X").isPresent());
      assertTrue(always.dropBefore() && always.throttle() && always.dropAfter() && always.error("X").isPresent());
    }
  }

  @Test
  void aSeedRepeatsTheSameDecisions() {
    FaultSettings half = FaultSettings.builder().errorRate(0.5).seed(7L).latency(10, 20).build();
    List<Object> first = run(half);
    List<Object> second = run(half);
    assertEquals(first, second);
    assertTrue(first.contains(Optional.empty()) && first.contains(Optional.of(ApiError.INTERNAL_ERROR)));
  }

  private static List<Object> run(FaultSettings settings) {
    FaultInjector injector = new FaultInjector(0);
    injector.apply(settings);
    List<Object> decisions = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      decisions.add(injector.error("SetCasterConfig"));
      decisions.add(injector.latencyMillis());
    }
    return decisions;
  }

  @Test
  void latencyStaysWithinBounds() {
    FaultInjector injector = new FaultInjector(3);
    injector.apply(FaultSettings.builder().latency(5, 7).build());
    boolean sawMin = false;
    boolean sawMax = false;
    for (int i = 0; i < 1000; i++) {
      long ms = injector.latencyMillis();
      assertTrue(ms >= 5 && ms <= 7, "latency " + ms);
      sawMin |= ms == 5;
      sawMax |= ms == 7;
    }
    assertTrue(sawMin && sawMax);
  }

  @Test
  void errorsCanBeLimitedToSomeActionsAndCodes() {
    FaultInjector injector = new FaultInjector(3);
    injector.apply(FaultSettings.builder().errorRate(1).errorActions("SetCasterConfig").errorCodes("ServiceUnavailable").build());
    assertEquals(Optional.of(ApiError.SERVICE_UNAVAILABLE), injector.error("SetCasterConfig"));
    assertEquals(Optional.empty(), injector.error("DescribeCasters"));
  }

  @Test
  void settingsRoundTripThroughJson() {
    FaultSettings s =
        FaultSettings.builder().errorRate(0.25).errorCodes("InternalError").errorActions("StartCaster")
            .latency(1, 2).dropBeforeRate(0.1).dropAfterRate(0.2).throttleRate(0.3).seed(9L).build();
    JsonNode json = s.toJson();
    assertEquals(s, FaultSettings.fromJson(json));
    assertEquals(FaultSettings.none(), FaultSettings.fromJson(Json.object()));
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.builder().errorRate(1.5).build());
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.builder().errorCodes("Oops").build());
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.builder().latency(10, 5).build());
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.fromJson(Json.parse("{\"errorrate\":1}").orElseThrow()));
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.fromJson(Json.parse("{\"errorRate\":\"high\"}").orElseThrow()));
  }
}
