package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes made behind the operator's back. */
class CloudConsoleTest {
  private final MutableClock clock = MutableClock.fixedAt(Instant.parse("2025-06-01T12:00:00Z"));
  private CasterStore store;
  private CloudConsole console;

  @BeforeEach
  void setUp() {
    store = new CasterStore();
    Authenticator authenticator = new Authenticator(clock, 100);
    authenticator.add(new AccessKey("key", "secret", "acct", null));
    console = new CloudConsole(store, new CasterActions(store, new EmulatorSettings(), clock), authenticator, clock);
  }

  @Test
  void mergesClearsAndKeepsTheName() {
    String id = console.createCaster("acct", null, "studio");
    console.changeConfig(id, Map.of("DomainName", "a.com", "Delay", "3", "ChannelEnable", "1"));
    console.changeConfig(id, Map.of("Delay", "", "CasterName", "", "ProgramName", "p"));
    CasterSnapshot c = store.snapshot(id).orElseThrow();
    assertEquals("studio", c.casterName());
    assertEquals(Map.of("CasterName", "studio", "DomainName", "a.com", "ChannelEnable", "1", "ProgramName", "p"), c.config());
    assertEquals(1, c.channelEnable());
  }

  @Test
  void refusesWhatTheConsoleWouldRefuse() {
    String id = console.createCaster("acct", "LIVEPRODUCER_POST-cn-abc1", "studio");
    assertThrows(IllegalArgumentException.class, () -> console.changeConfig(id, Map.of("Delay", "301")));
    assertThrows(IllegalArgumentException.class, () -> console.changeConfig(id, Map.of("NoSuchField", "x")));
    assertThrows(IllegalArgumentException.class, () -> console.createCaster("no-such-account", null, "x"));
    assertThrows(IllegalArgumentException.class, () -> console.createCaster("acct", "not-an-id", "x"));
    assertThrows(IllegalArgumentException.class, () -> console.createCaster("acct", id, "duplicate"));
    assertThrows(NoSuchElementException.class, () -> console.setRunning("LIVEPRODUCER_POST-cn-none", true));
  }

  @Test
  void startsStopsAndDeletesWithoutTheApisChecks() {
    String id = console.createCaster("acct", null, "bare");
    console.setRunning(id, true);
    assertTrue(store.snapshot(id).orElseThrow().running());
    assertTrue(console.deleteCaster(id), "even a running caster");
    assertFalse(console.deleteCaster(id));
  }
}
