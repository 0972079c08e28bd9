package io.casteroperator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.casteroperator.api.CasterSpec;
import io.casteroperator.testing.Examples;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hashes in status.appliedConfigHash of every Caster in use. If one of these changes, every
 * Caster with that configuration is written once more after an upgrade (the operator takes a
 * different hash for a different request): a change here must be deliberate and written in the
 * README's upgrade notes. Pinned before the hash moved off the SDK's request encoding.
 */
class ConfigHashTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "full.yaml, 7ce0be449d4e1c24",
      "minimal.yaml, ad88a79e94596617",
      "channels.yaml, e042921044c4f4f9",
      "new-caster.yaml, eb9ef9a81d6f742a",
  })
  void examplesKeepTheirHash(String example, String hash) {
    assertEquals(hash, ConfigHash.of(SpecMapper.toDesired(Examples.load(example).getSpec())));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "e3b0c44298fc1c14 | {}",
      "9771acc6713a6976 | {\"delay\":3}",
      "eb4001f797b31401 | {\"delay\":0.1,\"programEffect\":false,\"autoSwitchUrgentOn\":false}",
      "b7e2e67e8e85c24d | {\"casterName\":\"Zürich 新闻 \\\"q\\\" \\n tab\\t\",\"sideOutputUrlList\":[],\"transcodeConfig\":{\"liveTemplateIds\":[]}}",
      "b07d96964d294fd6 | {\"delay\":299.99,\"channelEnable\":true,\"syncGroupsConfig\":[{\"mode\":1}],\"recordConfig\":{\"videoFormat\":[{\"format\":\"flv\"}]}}",
      "180b8d932d2ef91b | {\"autoSwitchUrgentConfig\":{\"eofThres\":0},\"transcodeConfig\":{\"customParams\":{\"video\":{\"fps\":30}}}}",
  })
  void edgeCasesKeepTheirHash(String hash, String specJson) {
    CasterSpec spec = Serialization.unmarshal(specJson, CasterSpec.class);
    assertEquals(hash, ConfigHash.of(SpecMapper.toDesired(spec)));
  }
}
