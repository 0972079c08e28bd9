package io.casteroperator.config.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Caster;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's studio as values: defaults as the service applies them, numbers as it keeps them. */
class StudioMapperTest {

  private static DesiredStudio studio(String specYaml) {
    Caster caster = Serialization.unmarshal("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: s}
        spec:
        %s""".formatted(specYaml.indent(2)), Caster.class);
    return StudioMapper.toDesired(caster.getSpec()).orElseThrow();
  }

  @Test
  void aSpecWithoutStudioListsLeavesTheStudioAlone() {
    Caster caster = Serialization.unmarshal("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: s}
        spec: {delay: 3}
        """, Caster.class);
    assertTrue(StudioMapper.toDesired(caster.getSpec()).isEmpty());
  }

  @Test
  void anEmptyListStillManagesTheStudio() {
    assertEquals(List.of(), studio("videoResources: []").inputs());
  }

  @Test
  void layersGetTheServicesDefaultsAndALayoutWithoutAudioLayersPlaysEachSourceAtVolumeOne() {
    DesiredStudio s = studio("""
        videoResources: [{name: cam, locationId: RV01, liveStreamUrl: "rtmp://a/b"}]
        layouts: [{name: full, blendList: [cam], videoLayers: [{}], mixList: [cam]}]
        """);
    LayoutValue layout = s.layouts().get(0).resolve(java.util.Map.of("cam", "RV01"));
    assertEquals(List.of("RV01"), layout.blendList());
    assertEquals(new LayoutValue.VideoLayerValue("none", 0, 0, List.of(0.0, 0.0), "topLeft", 0), layout.videoLayers().get(0));
    assertEquals(List.of(new LayoutValue.AudioLayerValue(1.0, "all", 0)), layout.audioLayers());
  }

  @Test
  void numbersAreKeptAsTheServiceKeepsThem32BitFloats() {
    DesiredStudio s = studio("""
        videoResources: [{name: cam, locationId: RV01, liveStreamUrl: "rtmp://a/b"}]
        layouts: [{name: full, blendList: [cam], videoLayers: [{heightNormalized: 0.123456789, positionNormalized: [0.1, 0.333333333]}], mixList: [cam]}]
        components: [{name: t, locationId: RC01, type: text, layer: {heightNormalized: 0.123456789}, text: {sizeNormalized: 0.0500000001}}]
        """);
    var layer = s.layouts().get(0).videoLayers().get(0);
    assertEquals("0.12345679", Double.toString(layer.heightNormalized()));
    assertEquals(List.of(0.1, 0.33333334), layer.positionNormalized());
    assertEquals(0.12345679, s.components().get(0).layer().get("HeightNormalized"));
    assertEquals(0.05, s.components().get(0).content().get("SizeNormalized"));
  }
}
