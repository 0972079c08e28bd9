package io.casteroperator.playground.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lists marked {@code x-kubernetes-list-type: map}: two items with the same keys are refused, as
 * kube-apiserver's ValidateListSetsAndMaps does after the schema (its error does not keep the CEL
 * rules from running). Like it: an item that is not an object (null aside) is refused once and the
 * list's keys are not compared; a null item or an item without the key has the key "unspecified",
 * so two of them are duplicates; and only the second item of each key is reported, not a third.
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
        keys(value, schema.path("x-kubernetes-list-map-keys"), path, errors);
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

  private static void keys(JsonNode list, JsonNode keys, String path, List<FieldError> errors) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isNull() && !item.isObject()) {
        errors.add(new FieldError(path + "[" + i + "]", "listMapKeys", "FieldValueInvalid",
            "Invalid value: " + item + ": must be an object for an array of list-type map"));
        return;
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String key = key(list.get(i), keys);
      if (seen.merge(key, 1, Integer::sum) == 2) {
        errors.add(new FieldError(path + "[" + i + "]", "listMapKeys", "FieldValueDuplicate", "Duplicate value: " + key));
      }
    }
  }

  /**
   * The item's keys as kube-apiserver prints them: {@code map[string]interface {}{"name":"cam"}}, and
   * {@code map[string]interface {}{}} for an item without them.
   */
  private static String key(JsonNode item, JsonNode keys) {
    StringBuilder text = new StringBuilder("map[string]interface {}{");
    boolean first = true;
    for (int k = 0; k < keys.size(); k++) {
      String name = keys.get(k).asText();
      if (item.isObject() && item.has(name)) {
        text.append(first ? "" : ", ").append('"').append(name).append("\":").append(item.get(name));
        first = false;
      }
    }
    return text.append('}').toString();
  }
}
