package io.casteroperator.playground.validation;

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
import java.util.stream.Collectors;

/**
 * What the Kubernetes API server says about a custom resource, as far as its CRD's structural
 * schema decides it, in the order the API server works:
 *
 * <ol>
 *   <li>pruning: fields the structural schema does not know, and null values of fields that are not
 *       {@code nullable}, are dropped (not refused; with {@code fieldValidation=Strict} the caller
 *       refuses {@link Result#pruned() what was pruned});
 *   <li>defaulting: a missing property with a {@code default} gets it, where its parent exists;
 *   <li>the openAPIV3Schema (networknt, draft 4 keywords as OpenAPI v3 uses them, with RE2 for
 *       {@code pattern} and a float with an integral value accepted as an integer, as go-openapi
 *       does);
 *   <li>the x-kubernetes-validations rules at every level, the root included ({@link CelRules}),
 *       unless step 3 found a "blocking" error (type, required, enum, maxLength, maxItems), in which
 *       case the API server does not evaluate them at all (see hasBlockingErr in
 *       apiextensions-apiserver's customresource strategy) and says so.
 * </ol>
 *
 * <p>On an update, validation ratcheting as Kubernetes does it since 1.30: an error whose value is
 * unchanged from the old object does not fail the update (a Caster stored before a rule existed can
 * still be changed elsewhere), except errors of transition rules, which always count.
 */
public final class SchemaValidator {

  /** The keywords whose failure stops the API server from evaluating CEL rules. */
  public static final Set<String> BLOCKING = Set.of("type", "required", "enum", "maxLength", "maxItems");

  /** What kube-apiserver adds when blocking errors kept it from evaluating the CEL rules. */
  public static final String CEL_SKIPPED =
      "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

  /** The fields Kubernetes keeps at the root of every object, whatever the schema says. */
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private final JsonNode openApiV3Schema;
  private final JsonSchema schema;

  public SchemaValidator(JsonNode openApiV3Schema) {
    this.openApiV3Schema = openApiV3Schema;
    JsonMetaSchema openApi =
        JsonMetaSchema.builder(JsonMetaSchema.getV4())
            .keyword(new NonValidationKeyword("x-kubernetes-validations"))
            .keyword(new NonValidationKeyword("x-kubernetes-list-type"))
            .keyword(new NonValidationKeyword("x-kubernetes-list-map-keys"))
            .keyword(new NonValidationKeyword("default"))
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

  /**
   * The answer for one object.
   *
   * @param object the object as the API server would store it: pruned and defaulted
   * @param errors why it is refused; empty when it is accepted
   * @param pruned the fields pruning dropped ({@code spec.dealy}): unknown ones and nulls
   * @param unknownFields the pruned fields the schema does not know, which {@code fieldValidation=Strict} refuses
   * @param celSkipped whether blocking errors kept the CEL rules from being evaluated
   */
  public record Result(ObjectNode object, List<FieldError> errors, List<String> pruned, List<String> unknownFields,
      boolean celSkipped) {

    public boolean valid() {
      return errors.isEmpty();
    }

    /** kube-apiserver's list of errors, as in the message of its Status. */
    public String describe() {
      List<String> all = errors.stream().map(FieldError::toString).collect(Collectors.toCollection(ArrayList::new));
      if (celSkipped) {
        all.add(CEL_SKIPPED);
      }
      return all.size() == 1 ? all.get(0) : "[" + String.join(", ", all) + "]";
    }
  }

  /** A create. */
  public Result create(JsonNode object) {
    return check(null, object);
  }

  /** An update from old (as stored) to object, with ratcheting. */
  public Result update(JsonNode old, JsonNode object) {
    return check(old, object);
  }

  private Result check(JsonNode old, JsonNode object) {
    ObjectNode copy = object.deepCopy();
    List<String> pruned = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    prune(openApiV3Schema, copy, "", pruned, unknown);
    applyDefaults(openApiV3Schema, copy);
    JsonNode storedOld = null;
    if (old != null) {
      storedOld = old.deepCopy();
      prune(openApiV3Schema, storedOld, "", new ArrayList<>(), new ArrayList<>());
    }

    List<FieldError> errors = new ArrayList<>();
    boolean blocked = false;
    for (ValidationMessage message : schema.validate(copy)) {
      if (storedOld != null && unchanged(message, copy, storedOld)) {
        continue;
      }
      blocked |= BLOCKING.contains(message.getType());
      errors.add(SchemaMessages.fieldError(message, path(message.getInstanceLocation(), message)));
    }
    ListMaps.duplicates(openApiV3Schema, copy, "", errors);
    if (!blocked) {
      CelRules.evaluate(openApiV3Schema, copy, storedOld, storedOld != null, errors);
    }
    return new Result(copy, errors, pruned, unknown, blocked);
  }

  /**
   * Ratcheting: whether the value this message is about (for required, the object missing the
   * field) is the same in the old object.
   */
  private static boolean unchanged(ValidationMessage message, JsonNode object, JsonNode old) {
    JsonNodePath location = message.getInstanceLocation();
    JsonNode now = object;
    JsonNode before = old;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      now = element instanceof Integer index ? now.path(index) : now.path(element.toString());
      before = element instanceof Integer index ? before.path(index) : before.path(element.toString());
    }
    return !before.isMissingNode() && before.equals(now);
  }

  /** networknt's instance location as a field path; for required, the missing field. */
  private static String path(JsonNodePath location, ValidationMessage message) {
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
  private static void prune(JsonNode schema, JsonNode value, String path, List<String> pruned, List<String> unknown) {
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
          if (property == null) {
            unknown.add(at);
          }
          it.remove();
        } else {
          prune(property, field.getValue(), at, pruned, unknown);
        }
      }
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        prune(schema.get("items"), array.get(i), path + "[" + i + "]", pruned, unknown);
      }
    }
  }

  /** Structural defaulting: a missing property gets its schema's default, where its parent exists. */
  static void applyDefaults(JsonNode schema, JsonNode value) {
    if (value instanceof ObjectNode object && schema.has("properties")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode current = object.get(property.getKey());
        if (current == null && property.getValue().has("default")) {
          object.set(property.getKey(), property.getValue().get("default").deepCopy());
        }
        JsonNode child = object.get(property.getKey());
        if (child != null) {
          applyDefaults(property.getValue(), child);
        }
      }
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      for (JsonNode item : array) {
        applyDefaults(schema.get("items"), item);
      }
    }
  }
}
