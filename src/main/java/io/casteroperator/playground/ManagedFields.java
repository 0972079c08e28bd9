package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a server-side apply owns: sets of field paths, and their {@code FieldsV1} form in
 * {@code metadata.managedFields} ({@code {"f:spec":{".":{},"f:delay":{}}}}).
 */
final class ManagedFields {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Fields of metadata that an apply can own; the rest belongs to the API server. */
  private static final Set<String> METADATA = Set.of("labels", "annotations", "finalizers", "ownerReferences");

  private ManagedFields() {}

  /** The leaf fields of an applied configuration: values, lists and empty objects. */
  static Set<List<String>> of(ObjectNode applied) {
    Set<List<String>> fields = new LinkedHashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = applied.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (name.equals("apiVersion") || name.equals("kind")) {
        continue;
      }
      if (name.equals("metadata")) {
        for (String owned : METADATA) {
          JsonNode value = field.getValue().get(owned);
          if (value != null) {
            collect(value, new ArrayList<>(List.of("metadata", owned)), fields);
          }
        }
        continue;
      }
      collect(field.getValue(), new ArrayList<>(List.of(name)), fields);
    }
    return fields;
  }

  private static void collect(JsonNode value, List<String> path, Set<List<String>> fields) {
    if (value instanceof ObjectNode object && !object.isEmpty()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        List<String> child = new ArrayList<>(path);
        child.add(field.getKey());
        collect(field.getValue(), child, fields);
      }
    } else {
      fields.add(List.copyOf(path));
    }
  }

  static JsonNode at(JsonNode object, List<String> field) {
    JsonNode node = object;
    for (String step : field) {
      node = node.path(step);
    }
    return node;
  }

  static void remove(ObjectNode object, List<String> field) {
    JsonNode parent = object;
    for (int i = 0; i < field.size() - 1; i++) {
      parent = parent.path(field.get(i));
    }
    if (parent instanceof ObjectNode container) {
      container.remove(field.get(field.size() - 1));
    }
  }

  static ObjectNode toFieldsV1(Set<List<String>> fields) {
    ObjectNode root = JSON.objectNode();
    for (List<String> field : fields) {
      ObjectNode node = root;
      for (String step : field) {
        ObjectNode child = (ObjectNode) node.get("f:" + step);
        if (child == null) {
          child = node.putObject("f:" + step);
          if (node != root) {
            node.putObject(".");
          }
        }
        node = child;
      }
    }
    return root;
  }

  static Set<List<String>> fromFieldsV1(JsonNode fieldsV1) {
    Set<List<String>> fields = new LinkedHashSet<>();
    read(fieldsV1, new ArrayList<>(), fields);
    return fields;
  }

  private static void read(JsonNode node, List<String> path, Set<List<String>> fields) {
    boolean leaf = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().startsWith("f:")) {
        leaf = false;
        List<String> child = new ArrayList<>(path);
        child.add(field.getKey().substring(2));
        read(field.getValue(), child, fields);
      }
    }
    if (leaf && !path.isEmpty()) {
      fields.add(List.copyOf(path));
    }
  }
}
