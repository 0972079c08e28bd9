package io.casteroperator.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults kube-apiserver gives built-in kinds that kubectl shows: a Secret without a type is
 * {@code Opaque}, a Namespace is {@code Active}. (The store keeps objects as sent.)
 */
final class BuiltInDefaults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BuiltInDefaults() {}

  static String apply(ResourcePath resource, String json) {
    if (!resource.group().isEmpty()) {
      return json;
    }
    try {
      switch (resource.plural()) {
        case "secrets" -> {
          ObjectNode secret = (ObjectNode) JSON.readTree(json);
          if (!secret.hasNonNull("type")) {
            secret.put("type", "Opaque");
            return secret.toString();
          }
        }
        case "namespaces" -> {
          ObjectNode namespace = (ObjectNode) JSON.readTree(json);
          if (!namespace.path("status").hasNonNull("phase")) {
            ((ObjectNode) namespace.with("status")).put("phase", "Active");
            return namespace.toString();
          }
        }
        default -> {
          return json;
        }
      }
    } catch (JsonProcessingException | ClassCastException e) {
      return json;
    }
    return json;
  }
}
