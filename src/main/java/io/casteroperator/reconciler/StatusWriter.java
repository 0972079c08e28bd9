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
 * touches spec: GitOps tools must see no difference the operator made.
 */
final class StatusWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a Caster still waiting for its budget learns along the way (its read, the request id of
   * that read): written with the outcome, not as an update of its own.
   */
  private static final java.util.Set<String> BOOKKEEPING =
      java.util.Set.of("lastObservedTime", "lastRequestId", "casterId", "channelsEnabled", "casterState");

  /** Patches the status from {@code before} to {@code after}; returns false when nothing needed writing. */
  boolean write(KubernetesClient client, Caster caster, CasterStatus before, CasterStatus after) {
    JsonNode old = before == null ? JsonNodeFactory.instance.objectNode() : JSON.valueToTree(before);
    JsonNode now = JSON.valueToTree(after);
    if (old.equals(now) || onlyBookkeepingWhilePending(old, now)) {
      return false;
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.set("status", mergePatch(old, now));
    try {
      MergePatch.caster(client, caster, "status", patch.toString());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false; // deleted meanwhile: nobody is left to read the status
      }
      throw e;
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
