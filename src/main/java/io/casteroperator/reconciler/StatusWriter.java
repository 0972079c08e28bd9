package io.casteroperator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes status with a JSON merge patch of the status subresource, only when it changed, and never
 * touches spec: GitOps tools must see no difference the operator made.
 */
final class StatusWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Patches the status from {@code before} to {@code after}; returns false when they are equal. */
  boolean write(KubernetesClient client, Caster caster, CasterStatus before, CasterStatus after) {
    JsonNode old = before == null ? JsonNodeFactory.instance.objectNode() : JSON.valueToTree(before);
    JsonNode now = JSON.valueToTree(after);
    if (old.equals(now)) {
      return false;
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.set("status", mergePatch(old, now));
    try {
      client.resources(Caster.class)
          .inNamespace(caster.getMetadata().getNamespace())
          .withName(caster.getMetadata().getName())
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false; // deleted meanwhile: nobody is left to read the status
      }
      throw e;
    }
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
