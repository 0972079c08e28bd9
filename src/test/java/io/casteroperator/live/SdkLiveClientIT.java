package io.casteroperator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.SpecMapper;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.testing.Examples;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cloud seam over the real SDK, against the emulator over HTTP: what the reconciler relies on. */
class SdkLiveClientIT extends SdkClientFixture {

  @Test
  void everyActionWorksEndToEnd() {
    LiveResult<String> created = client.create(new NewCaster("token-1", "Studio", 1, null, Map.of("team", "events")));
    assertTrue(created.isOk(), created.code());
    String id = created.value();
    assertNotNull(created.requestId());

    DesiredConfig config = SpecMapper.toDesired(Examples.load("minimal.yaml").getSpec());
    LiveResult<Void> updated = client.update(id, config);
    assertTrue(updated.isOk(), updated.code());

    LiveResult<ObservedConfig> observed = client.observeConfig(id);
    assertTrue(observed.isOk(), observed.code());
    assertTrue(observed.value().config().observable().satisfies(config.observable()));

    LiveResult<CasterInfo> state = client.observeState(id);
    assertEquals(new CasterInfo(id, "Morning show", false, false), state.value());

    emulator.setRunning(id, true);
    assertTrue(client.observeState(id).value().running());
    assertTrue(client.stop(id).isOk());
    assertFalse(client.observeState(id).value().running());
    assertTrue(client.delete(id).isOk());
    LiveResult<CasterInfo> unknown = client.observeState(id);
    assertEquals(ErrorMeaning.NOT_FOUND, unknown.error().meaning(), "a caster DescribeCasters does not list is not found");
    assertNotNull(unknown.requestId(), "the answer's RequestId is kept");
  }

  @Test
  void aCasterStartsAndSaysWhatItOutputs() {
    String id = emulator.createCaster(ACCOUNT, null, "on air");
    assertEquals(ErrorMeaning.NO_SCENES, client.streams(id).error().meaning(), "no scenes before the first start");
    LiveResult<java.util.List<CasterStream>> refused = client.start(id);
    assertEquals("InvalidDomainName.NotFound", refused.code(), "no domain yet");
    assertTrue(client.update(id, SpecMapper.toDesired(Examples.load("minimal.yaml").getSpec())).isOk());

    LiveResult<java.util.List<CasterStream>> started = client.start(id);

    assertTrue(started.isOk(), started.code());
    assertEquals(java.util.Set.of(true, false), started.value().stream().map(CasterStream::program).collect(java.util.stream.Collectors.toSet()),
        "a programme and a preview scene");
    java.util.List<CasterStream> streams = client.streams(id).value();
    assertEquals(started.value().stream().map(CasterStream::sceneId).sorted().toList(),
        streams.stream().map(CasterStream::sceneId).sorted().toList(), "the same scenes");
    CasterStream program = streams.stream().filter(CasterStream::program).findFirst().orElseThrow();
    assertTrue(program.rtmpUrl().startsWith("rtmp://") && program.playbackUrl().contains("auth_key="), program.toString());
    assertTrue(program.streams().stream().anyMatch(o -> "m3u8".equals(o.format())), program.toString());
    assertTrue(client.observeState(id).value().running());
    assertTrue(client.stop(id).isOk());
    assertEquals(ErrorMeaning.CASTER_IDLE, client.stop(id).error().meaning(), "stopping an idle caster");
  }

  @Test
  void theSameClientTokenNeverCreatesASecondCaster() {
    String first = client.create(new NewCaster("token-2", "Once", 1, null, Map.of())).value();
    String again = client.create(new NewCaster("token-2", "Once", 1, null, Map.of())).value();
    assertEquals(first, again);
    assertEquals(1, emulator.casters().stream().filter(c -> c.casterId().equals(first)).count());
  }

  static Stream<String> examples() {
    return Examples.names().stream();
  }

  /** A false difference would make the operator rewrite every caster forever. */
  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleAppliedAndReadBackComparesEqual(String example) {
    String id = emulator.createCaster(ACCOUNT, null, "round-trip");
    DesiredConfig desired = SpecMapper.toDesired(Examples.load(example).getSpec());

    assertTrue(client.update(id, desired).isOk());
    ObservedConfig observed = client.observeConfig(id).value();

    List<FieldDifference> differences = observed.config().observable().differencesFrom(desired.observable());
    assertEquals(List.of(), differences);
  }

  @Test
  void failuresAreClassifiedWithTheirCodeStatusAndRequestId() {
    String unknown = "a2b8e671-2fe5-4642-a2ec-bf93880effff";
    LiveError notFound = client.observeConfig(unknown).error();
    assertEquals("InvalidCaster.NotFound", notFound.code());
    assertEquals(404, notFound.httpStatus());
    assertEquals(ErrorClass.TERMINAL, notFound.errorClass());
    assertNotNull(notFound.requestId());

    LiveError malformed = client.update("not-a-caster-id", DesiredConfig.EMPTY).error();
    assertEquals("InvalidCasterId.Malformed", malformed.code());
    assertEquals(ErrorClass.TERMINAL, malformed.errorClass());

    String id = emulator.createCaster(ACCOUNT, null, "running");
    emulator.setRunning(id, true);
    LiveError enable = client.update(id, DesiredConfig.EMPTY.withChannelEnable(true)).error();
    assertEquals("IncorrectCasterStatus.EnableChannel", enable.code());
    assertEquals(ErrorClass.PRECONDITION, enable.errorClass());

    String channels = emulator.createCaster(ACCOUNT, null, "channels");
    emulator.changeConfig(channels, Map.of("ChannelEnable", "1"));
    LiveError disable = client.update(channels, DesiredConfig.EMPTY).error();
    assertEquals("InvalidCaster.ChannelDisableUnsupported", disable.code());

    emulator.setAllQuotas(1);
    client.observeState(id);
    LiveError throttled = client.observeState(id).error();
    assertEquals("Throttling.User", throttled.code());
    assertEquals(400, throttled.httpStatus());
    assertEquals(ErrorClass.THROTTLED, throttled.errorClass());
  }

  @Test
  void serverFaultsAndTimeoutsAreRetryableAndSayWhetherTheCallMayHaveApplied() {
    String id = emulator.createCaster(ACCOUNT, null, "faulty");
    emulator.faults(FaultSettings.builder().errorRate(1.0).errorCodes("InternalError").build());
    LiveError internal = client.update(id, DesiredConfig.EMPTY).error();
    assertEquals("InternalError", internal.code());
    assertEquals(500, internal.httpStatus());
    assertEquals(ErrorClass.RETRYABLE, internal.errorClass());

    emulator.faults(FaultSettings.builder().latency(1500, 1500).build());
    LiveClient impatient = factory(Duration.ofMillis(300)).client(new LiveCredentials.AccessKey(KEY, SECRET, null, ACCOUNT), null);
    LiveError timeout = impatient.update(id, DesiredConfig.EMPTY.withChannelEnable(false)).error();
    assertEquals("SDK.ReadTimeout", timeout.code());
    assertNull(timeout.httpStatus());
    assertEquals(ErrorClass.RETRYABLE, timeout.errorClass());
    assertTrue(timeout.outcomeUnknown(), "a timed-out write may have been applied");
    assertFalse(timeout.message().contains("Signature="), "no signed URL in the message: " + timeout.message());
  }

  @Test
  void aWrongSecretOrUnknownKeyIsTerminal() {
    LiveClient wrongSecret = factory(Duration.ofSeconds(5)).client(new LiveCredentials.AccessKey(KEY, "wrong", null, ACCOUNT), null);
    assertEquals("SDK.InvalidAccessKeySecret", wrongSecret.observeState("a2b8e671-2fe5-4642-a2ec-bf93880e0001").code());
    assertEquals(ErrorClass.TERMINAL, wrongSecret.observeState("a2b8e671-2fe5-4642-a2ec-bf93880e0001").error().errorClass());

    LiveClient unknownKey = factory(Duration.ofSeconds(5)).client(new LiveCredentials.AccessKey("LTAInobody", "x", null, null), null);
    LiveError error = unknownKey.observeState("a2b8e671-2fe5-4642-a2ec-bf93880e0001").error();
    assertEquals("InvalidAccessKeyId.NotFound", error.code());
    assertEquals(ErrorClass.TERMINAL, error.errorClass());
  }

  @Test
  void anUnreachableEndpointIsRetryableAndCertainlyNotApplied() {
    LiveClient nowhere = new SdkLiveClientFactory(new LiveSettings(URI.create("http://127.0.0.1:1"), Duration.ofMillis(500),
        Duration.ofMillis(500))).client(new LiveCredentials.AccessKey(KEY, SECRET, null, ACCOUNT), null);
    LiveError error = nowhere.update("a2b8e671-2fe5-4642-a2ec-bf93880e0001", DesiredConfig.EMPTY).error();
    assertEquals("SDK.ServerUnreachable", error.code());
    assertEquals(ErrorClass.RETRYABLE, error.errorClass());
    assertFalse(error.outcomeUnknown(), "the connection was refused: nothing was sent");
  }
}
