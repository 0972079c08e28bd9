package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Conditions;
import io.casteroperator.testing.OperatorFixture;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** spec.outputsSecretRef: the output URLs, whole, in a Secret the Caster owns; never someone else's Secret. */
class OutputsIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  private static String spec(String name, String secret) {
    return "casterName: %s\ndomainName: live.example.com\ntranscodeConfig: {casterTemplate: lp_hd}\nrunning: true\n"
        .formatted(name) + "outputsSecretRef: {name: %s}".formatted(secret);
  }

  private static Secret secret(String name) {
    return fixture.kube().secrets().inNamespace(OperatorFixture.NAMESPACE).withName(name).get();
  }

  private static String value(Secret secret, String key) {
    return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  @Test
  void theOutputsSecretHoldsTheUrlsWholeAndIsOwnedByTheCaster() {
    String name = OperatorFixture.uniqueName("outputs");
    String secretName = name + "-outputs";
    fixture.apply(name, spec(name, secretName));
    Awaitility.await().atMost(OperatorFixture.TIMEOUT).until(() -> secret(secretName) != null);

    Secret secret = secret(secretName);
    String uid = fixture.get(name).getMetadata().getUid();
    assertEquals(uid, secret.getMetadata().getOwnerReferences().get(0).getUid(), "owned by the Caster: it goes with it");
    assertEquals("Caster", secret.getMetadata().getOwnerReferences().get(0).getKind());
    for (String key : new String[] {"program.rtmp", "program.flv", "program.m3u8", "preview.rtmp", "preview.flv"}) {
      assertNotNull(secret.getData().get(key), "key " + key + " in " + secret.getData().keySet());
    }
    assertTrue(value(secret, "program.rtmp").startsWith("rtmp://"));
    assertTrue(value(secret, "program.flv").matches(".*auth_key=[0-9]+-[0-9a-f]+-0-[0-9a-f]{32}.*"), value(secret, "program.flv"));
    // The same URL, masked, in status.
    var program = fixture.awaitStatus(name, s -> s.getOutputs() != null, "outputs in status").getOutputs().stream().filter(o -> "program".equals(o.getScene())).findFirst().orElseThrow();
    assertEquals(value(secret, "program.flv").replaceAll("auth_key=[^&]*", "auth_key=***"), program.getPlaybackUrl());

    // Deleted by hand: written again, from what was read (no new read of the outputs).
    String id = fixture.status(name).getCasterId();
    fixture.kube().secrets().inNamespace(OperatorFixture.NAMESPACE).withName(secretName).delete();
    Awaitility.await().atMost(OperatorFixture.TIMEOUT).until(() -> secret(secretName) != null);
    assertEquals(1, fixture.callCount(id, "DescribeCasterStreamUrl"));
  }

  @Test
  void aSecretThatIsNotTheCastersIsNeverOverwritten() {
    String name = OperatorFixture.uniqueName("conflict");
    String secretName = name + "-theirs";
    fixture.kube().resource(new SecretBuilder().withNewMetadata().withName(secretName).withNamespace(OperatorFixture.NAMESPACE)
        .endMetadata().addToData("program.rtmp", Base64.getEncoder().encodeToString("theirs".getBytes(StandardCharsets.UTF_8)))
        .build()).create();

    fixture.apply(name, spec(name, secretName));

    var conflict = fixture.awaitReady(name, "False", Conditions.Reason.OUTPUTS_SECRET_CONFLICT);
    assertTrue(OperatorFixture.condition(conflict, Conditions.READY).getMessage().contains(secretName));
    assertEquals(Map.of("program.rtmp", Base64.getEncoder().encodeToString("theirs".getBytes(StandardCharsets.UTF_8))),
        secret(secretName).getData(), "untouched");
    assertNotNull(conflict.getOutputs(), "status still shows the outputs (masked)");
  }
}
