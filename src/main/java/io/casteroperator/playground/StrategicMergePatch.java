package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A strategic merge patch, which kubectl sends for built-in kinds ({@code kubectl label secret},
 * {@code kubectl apply} of a ConfigMap), as the JSON merge patch it amounts to for the kinds the
 * playground holds: their maps (labels, annotations, data) merge key by key either way. The
 * directives ({@code $patch}, {@code $retainKeys}, {@code $setElementOrder/...},
 * {@code $deleteFromPrimitiveList/...}) are dropped, except {@code $patch: delete}, which removes the
 * object it sits in; lists are replaced whole (no merge by key), which is the subset documented in
 * the README.
 */
final class StrategicMergePatch {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StrategicMergePatch() {}

  static byte[] toMergePatch(byte[] body) {
    try {
      JsonNode patch = JSON.readTree(body);
      return JSON.writeValueAsBytes(strip(patch));
    } catch (IOException e) {
      throw ApiException.of(400, "BadRequest", "the strategic merge patch is not JSON: " + e.getMessage());
    }
  }

  private static JsonNode strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if ("delete".equals(object.path("$patch").asText())) {
        return NullNode.getInstance();
      }
      List<String> directives = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().startsWith("$")) {
          directives.add(field.getKey());
        } else {
          field.setValue(strip(field.getValue()));
        }
      }
      object.remove(directives);
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        JsonNode item = array.get(i);
        if (item instanceof ObjectNode element && element.has("$patch")) {
          array.remove(i);
        } else {
          array.set(i, strip(item));
        }
      }
    }
    return node;
  }
}
