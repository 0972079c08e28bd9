package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes made behind the operator's back. */
class CloudConsoleTest {
  private final MutableClock clock = MutableClock.fixedAt(Instant.parse("2025-06-01T12:00:00Z"));
  private CasterStore store;
  private EmulatorSettings settings;
  private CasterActions actions;
  private CloudConsole console;

  @BeforeEach
  void setUp() {
    store = new CasterStore();
    Authenticator authenticator = new Authenticator(clock, 100);
    authenticator.add(new AccessKey("key", "secret", "acct", null));
    settings = new EmulatorSettings();
    actions = new CasterActions(store, settings, clock);
    console = new CloudConsole(store, actions, authenticator, settings, clock);
  }

  @Test
  void mergesClearsAndKeepsTheName() {
    String id = console.createCaster("acct", null, null, "studio");
    console.changeConfig(id, Map.of("DomainName", "a.com", "Delay", "3", "ChannelEnable", "1"));
    console.changeConfig(id, Map.of("Delay", "", "CasterName", "", "ProgramName", "p"));
    CasterSnapshot c = store.snapshot(id).orElseThrow();
    assertEquals("studio", c.casterName());
    assertEquals(Map.of("CasterName", "studio", "DomainName", "a.com", "ChannelEnable", "1", "ProgramName", "p"), c.config());
    assertEquals(1, c.channelEnable());
  }

  @Test
  void refusesWhatTheConsoleWouldRefuse() {
    String id = console.createCaster("acct", null, "LIVEPRODUCER_POST-cn-abc1", "studio");
    assertThrows(IllegalArgumentException.class, () -> console.changeConfig(id, Map.of("Delay", "301")));
    assertThrows(IllegalArgumentException.class, () -> console.changeConfig(id, Map.of("NoSuchField", "x")));
    assertThrows(IllegalArgumentException.class, () -> console.createCaster("no-such-account", null, null, "x"));
    assertThrows(IllegalArgumentException.class, () -> console.createCaster("acct", null, "not-an-id", "x"));
    assertThrows(IllegalArgumentException.class, () -> console.createCaster("acct", null, id, "duplicate"));
    assertThrows(NoSuchElementException.class, () -> console.setRunning("LIVEPRODUCER_POST-cn-none", true));
  }

  @Test
  void createsInTheDefaultOrAGivenRegion() {
    String here = console.createCaster("acct", null, null, "here");
    String there = console.createCaster("acct", "cn-beijing", null, "there");
    assertEquals("cn-shanghai", store.snapshot(here).orElseThrow().regionId());
    assertEquals("cn-beijing", store.snapshot(there).orElseThrow().regionId());
    assertThrows(IllegalArgumentException.class, () -> console.createCaster("acct", "Not A Region", null, "x"));
  }

  @Test
  void editsAreNormalisedLikeTheApisWrites() {
    settings.setNormalizeOnWrite(Map.of("DomainName", "lowercase"));
    String id = console.createCaster("acct", null, null, "studio");
    console.changeConfig(id, Map.of("DomainName", "Live.Example.COM"));
    assertEquals("live.example.com", store.snapshot(id).orElseThrow().config().get("DomainName"));
  }

  @Test
  void startingFromTheConsoleCreatesScenesOnce() {
    String id = console.createCaster("acct", null, null, "bare");
    console.setRunning(id, true);
    StudioSnapshot first = studio(id);
    assertEquals(2, first.scenes().size());
    assertTrue(first.scenes().get(0).streamUrl().startsWith("http://" + StreamUrls.NO_DOMAIN + "/caster/"), "no domain: a placeholder host");
    console.setRunning(id, false);
    console.setRunning(id, true);
    assertEquals(first.scenes().stream().map(Scene::sceneId).toList(), studio(id).scenes().stream().map(Scene::sceneId).toList());
  }

  @Test
  void enablingChannelsDiscardsLayouts() {
    String id = console.createCaster("acct", null, null, "studio");
    store.withCaster(null, null, id, c -> c.studio.layouts.put("l1", new Layout("l1", List.of(), List.of(), List.of(), List.of())));
    console.changeConfig(id, Map.of("ChannelEnable", "1"));
    assertTrue(studio(id).layouts().isEmpty());
  }

  private StudioSnapshot studio(String id) {
    return store.withCaster(null, null, id, c -> new StudioSnapshot(c.id, c.region, c.running, c.channelEnable,
        List.copyOf(c.studio.resources.values()), List.of(), List.copyOf(c.studio.layouts.values()), List.of(),
        actions.scenes().views(c)));
  }

  @Test
  void startsStopsAndDeletesWithoutTheApisChecks() {
    String id = console.createCaster("acct", null, null, "bare");
    console.setRunning(id, true);
    assertTrue(store.snapshot(id).orElseThrow().running());
    assertTrue(console.deleteCaster(id), "even a running caster");
    assertFalse(console.deleteCaster(id));
  }
}
