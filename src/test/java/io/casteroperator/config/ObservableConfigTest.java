package io.casteroperator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.testing.Examples;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservableConfigTest {

  private static DesiredConfig config(Double delay, Boolean channels, String name, String sideOutput) {
    return new DesiredConfig(name, null, null, null, delay, null, null, sideOutput, null, null, null, null,
        channels, null, null, null, null, null);
  }

  @Test
  void valuesTheServiceTreatsAlikeCompareEqual() {
    assertTrue(config(0.0, false, null, null).observable().satisfies(DesiredConfig.EMPTY.observable()));
    assertTrue(config(null, null, null, null).observable().satisfies(config(0.0, false, null, null).observable()));
    // Delay travels as a float: 1.1 comes back as 1.100000023841858.
    assertTrue(config((double) 1.1f, null, null, null).observable().satisfies(config(1.1, null, null, null).observable()));
    assertFalse(config(1.2, null, null, null).observable().satisfies(config(1.1, null, null, null).observable()));
  }

  @Test
  void writeOnlyFieldsAreNeverDrift() {
    DesiredConfig sent = new DesiredConfig(null, null, null,
        new DesiredConfig.Recording("http://oss", "b", 5000, null), null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
    DesiredConfig readBack = new DesiredConfig(null, null, null,
        new DesiredConfig.Recording("http://oss", "b", null, null), null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
    assertTrue(readBack.observable().satisfies(sent.observable()));
  }

  @Test
  void fieldsTheServiceFillsInAreComparedOnlyWhenTheSpecSetsThem() {
    DesiredConfig cloud = config(null, null, "Studio 7", "rtmp://generated/by/service");
    assertTrue(cloud.observable().satisfies(config(null, null, null, null).observable()));
    List<FieldDifference> differences = cloud.observable().differencesFrom(config(null, null, "Studio 8", null).observable());
    assertEquals(List.of(new FieldDifference("casterName", "Studio 8", "Studio 7")), differences);
  }

  @Test
  void theHostOfAConferenceGroupIsNotCompared() {
    DesiredConfig withHost = syncGroup(new DesiredConfig.SyncGroup(1, List.of("a", "b"), "a"));
    DesiredConfig without = syncGroup(new DesiredConfig.SyncGroup(1, List.of("a", "b"), null));
    assertTrue(without.observable().satisfies(withHost.observable()));
    DesiredConfig streamer = syncGroup(new DesiredConfig.SyncGroup(0, List.of("a", "b"), "a"));
    assertFalse(syncGroup(new DesiredConfig.SyncGroup(0, List.of("a", "b"), "b")).observable().satisfies(streamer.observable()));
  }

  @Test
  void differencesNameTheSpecPathAndBothValues() {
    DesiredConfig desired = SpecMapper.toDesired(Examples.load("full.yaml").getSpec());
    DesiredConfig cloud = new DesiredConfig(desired.casterName(), desired.domainName(), desired.transcode(),
        new DesiredConfig.Recording(desired.recording().endpoint(), "other-bucket", null, desired.recording().formats()),
        9.0, desired.urgentMaterialId(), desired.urgentLiveStreamUrl(), desired.sideOutputUrl(),
        desired.sideOutputUrls(), desired.callbackUrl(), desired.programEffect(), desired.programName(),
        desired.channelEnable(), desired.syncGroups(), desired.urgentImageId(), desired.urgentImageUrl(),
        desired.autoSwitchUrgentOn(), desired.autoSwitchEofThreshold());

    List<FieldDifference> differences = cloud.observable().differencesFrom(desired.observable());

    assertEquals(List.of(
        new FieldDifference("delay", new BigDecimal("2.5"), new BigDecimal("9")),
        new FieldDifference("recordConfig.ossBucket", "news-recordings", "other-bucket")), differences);
    assertEquals("\"news-recordings\"", differences.get(1).desiredJson());
  }

  @Test
  void signedUrlKeysAreMaskedWhenShown() {
    FieldDifference d = new FieldDifference("sideOutputUrl", "rtmp://p/a/b?auth_key=1700-0-0-secret", null);
    assertEquals("\"rtmp://p/a/b?auth_key=***\"", d.desiredJson());
  }

  private static DesiredConfig syncGroup(DesiredConfig.SyncGroup group) {
    return new DesiredConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
        List.of(group), null, null, null, null);
  }
}
