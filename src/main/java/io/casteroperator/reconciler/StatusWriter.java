package io.casteroperator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes status with a JSON merge patch of the status subresource, only when it changed, and never
 * touches spec: GitOps tools must see no difference the operator made. The patch is taken against
 * the status the API server holds, and carries its resourceVersion: a status someone else changed
 * meanwhile (an edit, another operator instance before a hand-over) is read again and the patch
 * taken anew, so no stale field survives.
 */
final class StatusWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 4;

  /**
   * What a Caster still waiting for its budget learns along the way (its read, the request id of
   * that read, where the caster lives): written with the outcome, not as an update of its own.
   */
  private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("lastObservedTime", "lastRequestId",
      "casterId", "channelsEnabled", "casterState", "regionId", "accountId", "credentialsSecretName");

  /** The status as written, or nothing: unchanged, only bookkeeping while Pending (deferred), or the Caster is gone. */
  enum Result { WRITTEN, UNCHANGED, DEFERRED, GONE }

  record Written(Result result, Caster caster) {}

  /** Makes the API server hold {@code after} as the Caster's status; {@code caster} is the object as the cache has it. */
  Written write(KubernetesClient client, Caster caster, CasterStatus after) {
    JsonNode now = JSON.valueToTree(after);
    Caster current = caster;
    for (int attempt = 1; ; attempt++) {
      JsonNode old = current.getStatus() == null ? JsonNodeFactory.instance.objectNode() : JSON.valueToTree(current.getStatus());
      if (old.equals(now)) {
        return new Written(Result.UNCHANGED, null);
      }
      if (onlyBookkeepingWhilePending(old, now)) {
        return new Written(Result.DEFERRED, null);
      }
      ObjectNode patch = JsonNodeFactory.instance.objectNode();
      patch.putObject("metadata").put("resourceVersion", current.getMetadata().getResourceVersion());
      patch.set("status", mergePatch(old, now));
      try {
        return new Written(Result.WRITTEN, MergePatch.caster(client, current, "status", patch.toString()));
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return new Written(Result.GONE, null); // deleted meanwhile: nobody is left to read the status
        }
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          throw e;
        }
        current = client.resources(Caster.class).inNamespace(caster.getMetadata().getNamespace())
            .withName(caster.getMetadata().getName()).get();
        if (current == null) {
          return new Written(Result.GONE, null);
        }
      }
    }
  }

  private static boolean onlyBookkeepingWhilePending(JsonNode old, JsonNode now) {
    JsonNode ready = readyCondition(now);
    if (ready == null || !Conditions.Reason.PENDING.equals(ready.path("reason").asText())) {
      return false;
    }
    ObjectNode a = ((ObjectNode) old).deepCopy();
    ObjectNode b = ((ObjectNode) now).deepCopy();
    a.remove(BOOKKEEPING);
    b.remove(BOOKKEEPING);
    return a.equals(b);
  }

  private static JsonNode readyCondition(JsonNode status) {
    for (JsonNode condition : status.path("conditions")) {
      if (Conditions.READY.equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return null;
  }

  /** The RFC 7386 merge patch that turns {@code from} into {@code to}. */
  static JsonNode mergePatch(JsonNode from, JsonNode to) {
    if (!from.isObject() || !to.isObject()) {
      return to;
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode previous = from.get(field.getKey());
      if (previous == null || !previous.equals(field.getValue())) {
        patch.set(field.getKey(), previous == null ? field.getValue() : mergePatch(previous, field.getValue()));
      }
    }
    for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!to.has(name)) {
        patch.putNull(name);
      }
    }
    return patch;
  }
}
