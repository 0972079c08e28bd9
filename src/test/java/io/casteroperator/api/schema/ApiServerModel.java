package io.casteroperator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Kubernetes API server says about a Caster, as far as the CRD decides it, in the order
 * the API server works:
 *
 * <ol>
 *   <li>pruning: fields the structural schema does not know, and null values of fields that are not
 *       {@code nullable}, are dropped (not refused);
 *   <li>the openAPIV3Schema (networknt, draft 4 keywords as OpenAPI v3 uses them, with RE2 for
 *       {@code pattern} and a float with an integral value accepted as an integer, as go-openapi
 *       does);
 *   <li>the x-kubernetes-validations rules ({@link CelRules}), unless step 2 found a "blocking"
 *       error (type, required, enum, maxLength, maxItems), in which case the API server does not
 *       evaluate them at all (see hasBlockingErr in apiextensions-apiserver's customresource
 *       strategy). It then adds an error without a field path, which is not modelled here.
 * </ol>
 *
 * <p>Not modelled: validation ratcheting on updates (the old objects of the table are valid, so it
 * never applies), and {@code fieldValidation=Strict}, with which kubectl turns pruned unknown fields
 * into an error.
 */
final class ApiServerModel {

  /** The keywords whose failure stops the API server from evaluating CEL rules. */
  static final Set<String> BLOCKING = Set.of("type", "required", "enum", "maxLength", "maxItems");

  /** The fields Kubernetes keeps at the root of every object, whatever the schema says. */
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private final JsonNode openApiV3Schema;
  private final JsonSchema schema;

  ApiServerModel(JsonNode openApiV3Schema) {
    this.openApiV3Schema = openApiV3Schema;
    JsonMetaSchema openApi =
        JsonMetaSchema.builder(JsonMetaSchema.getV4())
            .keyword(new NonValidationKeyword("x-kubernetes-validations"))
            // A keyword this model does not understand (nullable, x-kubernetes-preserve-unknown-fields,
            // x-kubernetes-int-or-string...) must fail loudly rather than be ignored.
            .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
            .build();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder.metaSchema(openApi));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .regularExpressionFactory(Re2RegularExpressionFactory.INSTANCE)
            .losslessNarrowing(true)
            .build();
    this.schema = factory.getSchema(openApiV3Schema, config);
  }

  /** The answer for one object. */
  record Result(List<Finding> findings, List<String> pruned, boolean celSkipped) {}

  /** A create. */
  Result create(JsonNode object) {
    return check(null, object);
  }

  /** An update from old (as stored: already pruned and valid) to object. */
  Result update(JsonNode old, JsonNode object) {
    return check(old, object);
  }

  private Result check(JsonNode old, JsonNode object) {
    ObjectNode copy = object.deepCopy();
    List<String> pruned = new ArrayList<>();
    prune(openApiV3Schema, copy, "", pruned);
    JsonNode storedOld = null;
    if (old != null) {
      storedOld = old.deepCopy();
      prune(openApiV3Schema, storedOld, "", new ArrayList<>());
    }

    List<Finding> findings = new ArrayList<>();
    for (ValidationMessage message : schema.validate(copy)) {
      findings.add(new Finding(path(message), message.getType()));
    }
    boolean blocked = findings.stream().anyMatch(f -> BLOCKING.contains(f.rule()));
    if (!blocked) {
      CelRules.evaluate(openApiV3Schema, copy, storedOld, findings);
    }
    return new Result(findings, pruned, blocked);
  }

  /** networknt's instance location in the operator's format; for required, the missing field. */
  private static String path(ValidationMessage message) {
    JsonNodePath location = message.getInstanceLocation();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(element);
      }
    }
    if ("required".equals(message.getType())) {
      path.append(path.length() == 0 ? "" : ".").append(message.getProperty());
    }
    return path.toString();
  }

  /** Structural pruning: unknown fields and null values of non-nullable fields are dropped. */
  private static void prune(JsonNode schema, JsonNode value, String path, List<String> pruned) {
    if (value instanceof ObjectNode object && schema.has("properties")) {
      JsonNode properties = schema.get("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        String at = path.isEmpty() ? name : path + "." + name;
        if (path.isEmpty() && ROOT_FIELDS.contains(name)) {
          continue;
        }
        JsonNode property = properties.get(name);
        if (property == null || (field.getValue().isNull() && !property.path("nullable").asBoolean(false))) {
          pruned.add(at);
          it.remove();
        } else {
          prune(property, field.getValue(), at, pruned);
        }
      }
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        prune(schema.get("items"), array.get(i), path + "[" + i + "]", pruned);
      }
    }
  }
}
