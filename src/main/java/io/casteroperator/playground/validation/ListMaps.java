package io.casteroperator.playground.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists marked {@code x-kubernetes-list-type: map}: two items with the same keys are refused, as
 * kube-apiserver's ValidateListSetsAndMaps does after the schema (its error does not keep the CEL
 * rules from running).
 */
final class ListMaps {

  private ListMaps() {}

  static void duplicates(JsonNode schema, JsonNode value, String path, List<FieldError> errors) {
    if (schema == null || value == null || value.isNull()) {
      return;
    }
    if (value.isArray()) {
      JsonNode items = schema.path("items");
      if ("map".equals(schema.path("x-kubernetes-list-type").asText())) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
          String key = key(value.get(i), schema.path("x-kubernetes-list-map-keys"));
          if (key != null && !seen.add(key)) {
            errors.add(new FieldError(path + "[" + i + "]", "listMapKeys", "FieldValueDuplicate", "Duplicate value: " + key));
          }
        }
      }
      for (int i = 0; i < value.size(); i++) {
        duplicates(items, value.get(i), path + "[" + i + "]", errors);
      }
    } else if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        duplicates(properties.get(field.getKey()), field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), errors);
      }
    }
  }

  /** The item's keys as kube-apiserver prints them: {@code map[string]interface {}{"name":"cam"}}. */
  private static String key(JsonNode item, JsonNode keys) {
    if (!item.isObject()) {
      return null;
    }
    StringBuilder text = new StringBuilder("map[string]interface {}{");
    for (int k = 0; k < keys.size(); k++) {
      String name = keys.get(k).asText();
      text.append(k == 0 ? "" : ", ").append('"').append(name).append("\":").append(item.path(name));
    }
    return text.append('}').toString();
  }
}
