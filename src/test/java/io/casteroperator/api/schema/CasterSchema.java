package io.casteroperator.api.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.casteroperator.api.Caster;
import io.casteroperator.api.crd.CrdGenerator;
import java.io.UncheckedIOException;

/** The Caster CRD as the generator makes it, and Caster objects to check against it. */
final class CasterSchema {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private static final JsonNode OPEN_API_V3_SCHEMA = load();

  private CasterSchema() {}

  /** spec.versions[0].schema.openAPIV3Schema of {@link CrdGenerator#generate()} (never a hand copy). */
  static JsonNode openApiV3Schema() {
    return OPEN_API_V3_SCHEMA;
  }

  private static JsonNode load() {
    JsonNode crd = readYaml(CrdGenerator.generate());
    JsonNode schema = crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
    if (!schema.isObject() || !schema.path("properties").has("spec")) {
      throw new IllegalStateException("the generated CRD has no openAPIV3Schema with a spec");
    }
    return schema;
  }

  static JsonNode readYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A whole Caster around a spec, so that every path starts with {@code spec.}; no spec at all when
   * {@code spec} is null or missing.
   */
  static ObjectNode caster(JsonNode spec) {
    ObjectNode caster = JsonNodeFactory.instance.objectNode();
    caster.put("apiVersion", Caster.GROUP + "/" + Caster.VERSION);
    caster.put("kind", "Caster");
    caster.putObject("metadata").put("name", "table-case").put("namespace", "default");
    if (spec != null && !spec.isMissingNode()) {
      caster.set("spec", spec.deepCopy());
    }
    return caster;
  }
}
