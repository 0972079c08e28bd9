package io.casteroperator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.casteroperator.testing.Examples;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LenientReadingTest {

  private static Caster caster(String specYaml) {
    return Examples.parse("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: x, namespace: default}
        spec:
        """ + specYaml.indent(2));
  }

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(delimiter = '|', value = {
      "delay: abc                          | spec.delay                       | type",
      "delay: '5'                          | spec.delay                       | type",
      "transcodeConfig: [1, 2]             | spec.transcodeConfig             | type",
      "casterName: 42                      | spec.casterName                  | type",
      "channelEnable: 1                    | spec.channelEnable               | type",
      "sideOutputUrlList: rtmp://a/b/c     | spec.sideOutputUrlList           | type",
      "recordConfig: {videoFormat: [{format: flv, cycleDuration: 1.5}]} | spec.recordConfig.videoFormat[0].cycleDuration | type",
      "dealy: 5                            | spec.dealy                       | unknownField",
      "transcodeConfig: {casterTemplate: lp_xx} | spec.transcodeConfig.casterTemplate | enum",
  })
  void aMalformedSpecIsKeptAndNamesTheField(String spec, String path, String rule) {
    CasterSpec read = caster(spec).getSpec();

    UnreadableSpec unreadable = assertInstanceOf(UnreadableSpec.class, read);
    assertEquals(path, unreadable.path());
    assertEquals(rule, unreadable.rule());
  }

  @Test
  void copyingAMalformedCasterKeepsItMalformed() {
    // JOSDK clones resources through JSON: a broken spec must not come back empty and "valid".
    Caster original = caster("delay: abc\ncasterName: News");
    Caster copy = new KubernetesSerialization().clone(original);

    UnreadableSpec unreadable = assertInstanceOf(UnreadableSpec.class, copy.getSpec());
    assertEquals("abc", unreadable.raw().get("delay").asText());
    assertEquals("spec.delay", unreadable.path());
  }

  @Test
  void aValidSpecReadsTyped() {
    CasterSpec spec = caster("delay: 5\ntranscodeConfig: {casterTemplate: lp_hd_v}").getSpec();
    assertEquals(5.0, spec.getDelay());
    assertEquals(CasterTemplate.LP_HD_V, spec.getTranscodeConfig().getCasterTemplate());
  }

  @Test
  void aBrokenStatusReadsAsNoStatus() {
    Caster caster = Examples.parse("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: x}
        spec: {}
        status: {observedGeneration: [1]}
        """);
    assertNull(caster.getStatus());
  }
}
