package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.DescribeCasterStreamUrl;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.CasterState;
import io.casteroperator.api.SecretReference;
import io.casteroperator.live.CasterStream;
import io.casteroperator.reconciler.CloudCalls.Answer;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the caster outputs (its scenes' playback, RTMP and transcoded URLs): read once after each
 * start, and again when a read of the studio finds other scene ids; never on every reconcile (DescribeCasterStreamUrl has a quota of 5/s), shown in status with
 * every auth_key masked, and written whole into the Secret spec.outputsSecretRef names, which this
 * Caster creates and owns. A Secret someone else owns is never overwritten.
 */
final class Outputs {

  private final CloudCalls calls;
  private final Outcomes outcomes;
  private final SecretSource secrets;

  Outputs(CloudCalls calls, Outcomes outcomes, SecretSource secrets) {
    this.calls = calls;
    this.outcomes = outcomes;
    this.secrets = secrets;
  }

  /**
   * Reads the outputs when the caster just started ({@code started}), or was seen to start since it
   * was last seen idle, or they were never read while it ran; then keeps the Secret in step.
   */
  void keep(Reconciliation r, boolean started) {
    if (r.spec().getRunning() == null && !wantsSecret(r)) {
      return; // outputs are read for Casters that manage the run state or want the Secret: no call otherwise
    }
    boolean running = r.memory.state != null && r.memory.state.running();
    boolean seenToStart = running && r.base != null && r.base.getCasterState() == CasterState.Idle;
    boolean neverRead = running && r.status().getOutputs() == null;
    boolean secretWithoutUrls = running && wantsSecret(r) && r.memory.streams == null && !secretHolds(r);
    if ((started || seenToStart || neverRead || secretWithoutUrls || scenesChanged(r)) && !read(r)) {
      return;
    }
    writeSecret(r);
  }

  /** A read of the studio in this pass no longer finds a scene the outputs were read for. */
  private static boolean scenesChanged(Reconciliation r) {
    boolean running = r.memory.state != null && r.memory.state.running();
    if (!running || r.studio == null || r.studio.observed == null || r.studio.observed.scenes().isEmpty()
        || r.status().getOutputs() == null) {
      return false;
    }
    java.util.Set<String> seen = r.studio.observed.scenes().stream().map(io.casteroperator.config.studio.SceneValue::sceneId)
        .collect(java.util.stream.Collectors.toSet());
    java.util.Set<String> read = r.status().getOutputs().stream().map(io.casteroperator.api.SceneOutput::getSceneId)
        .collect(java.util.stream.Collectors.toSet());
    // Not equality: a scene without outputs (or outputs of a scene the list leaves out) is no change.
    return !seen.containsAll(read);
  }

  private boolean read(Reconciliation r) {
    Optional<Answer<List<CasterStream>>> answer =
        calls.call(r, DescribeCasterStreamUrl, Purpose.FOLLOW_UP, c -> c.streams(r.casterId));
    answer.ifPresent(a -> {
      r.memory.streams = a.value();
      outcomes.outputsRead(r, a.value());
    });
    return answer.isPresent();
  }

  /** Creates or updates the outputs Secret, only when a URL changed. */
  private void writeSecret(Reconciliation r) {
    if (!wantsSecret(r) || r.memory.streams == null) {
      return;
    }
    String name = r.spec().getOutputsSecretRef().getName();
    Secret existing = secrets.secret(r.caster, r.namespace(), name);
    if (existing != null && !ownedByThisCaster(r, existing)) {
      outcomes.outputsSecretConflict(r, name);
      return;
    }
    Map<String, String> data = encoded(keys(r.memory.streams));
    if (existing != null && data.equals(existing.getData())) {
      return;
    }
    r.kube.saveSecret(new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(r.namespace())
        .withResourceVersion(existing == null ? null : existing.getMetadata().getResourceVersion())
        .addToLabels("app.kubernetes.io/managed-by", "caster-operator")
        .addToAnnotations(Annotations.CASTER_ID, r.casterId)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(r.caster.getApiVersion())
            .withKind(r.caster.getKind()).withName(r.caster.getMetadata().getName()).withUid(r.uid())
            .withController(true).withBlockOwnerDeletion(false).build())
        .endMetadata()
        .withType("Opaque").withData(data).build(), existing == null);
    outcomes.outputsSecretWritten(r, name, existing == null);
  }

  /**
   * The Secret's keys: per scene (program, preview) its RTMP and FLV playback URLs, each
   * transcoded output as scene.transcode.format, and scene.m3u8 for the first HLS output.
   */
  static Map<String, String> keys(List<CasterStream> streams) {
    Map<String, String> keys = new TreeMap<>();
    for (CasterStream stream : streams) {
      String scene = stream.program() ? "program" : "preview";
      put(keys, scene + ".flv", stream.playbackUrl());
      put(keys, scene + ".rtmp", stream.rtmpUrl());
      for (CasterStream.Output output : stream.streams()) {
        put(keys, scene + "." + output.transcode() + "." + output.format(), output.url());
        if ("m3u8".equalsIgnoreCase(output.format()) && !keys.containsKey(scene + ".m3u8")) {
          put(keys, scene + ".m3u8", output.url());
        }
      }
    }
    return keys;
  }

  private static void put(Map<String, String> keys, String key, String value) {
    if (value != null && !value.isEmpty()) {
      keys.put(key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"), value);
    }
  }

  private static Map<String, String> encoded(Map<String, String> keys) {
    Map<String, String> data = new TreeMap<>();
    keys.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return data;
  }

  private static boolean wantsSecret(Reconciliation r) {
    SecretReference ref = r.spec().getOutputsSecretRef();
    return ref != null && ref.getName() != null;
  }

  /** Whether the Secret exists and is this Caster's (after a restart the URLs are not known, only that). */
  private boolean secretHolds(Reconciliation r) {
    Secret existing = secrets.secret(r.caster, r.namespace(), r.spec().getOutputsSecretRef().getName());
    return existing != null && (!ownedByThisCaster(r, existing) || existing.getData() != null && !existing.getData().isEmpty());
  }

  private static boolean ownedByThisCaster(Reconciliation r, Secret secret) {
    return secret.getMetadata().getOwnerReferences() != null && secret.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> r.uid().equals(o.getUid()));
  }
}
