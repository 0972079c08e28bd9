package io.casteroperator.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casteroperator.playground.validation.FieldError;
import io.casteroperator.playground.validation.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What kube-apiserver does with a write of a custom resource before it stores it: prune, default,
 * validate against the CRD's structural schema and CEL rules, and refuse with 422 and a Status whose
 * causes name each field, exactly as {@code kubectl} then prints it
 * ({@code The Caster "c1" is invalid: spec.delay: Invalid value: 301: ...}). Unknown fields follow
 * {@code fieldValidation}: Strict refuses them (400, "strict decoding error"), Warn (the default)
 * answers with a Warning header, Ignore drops them silently.
 *
 * <p>Writes to the status subresource validate the whole object, as on a cluster, but are never
 * refused for what they cannot have caused: an error that the stored object already had (a spec
 * written before a rule existed, or with validation off) does not fail a status write. Together with
 * ratcheting of unchanged values on every update, the operator's own status writes go through.
 */
final class SchemaAdmission {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What was admitted: the object to store and the warnings for the client. */
  record Admitted(String object, List<String> warnings) {}

  private final SchemaValidator validator;
  private final String group;
  private final String kind;
  private final String version;

  SchemaAdmission(JsonNode openApiV3Schema, String group, String version, String kind) {
    this.validator = new SchemaValidator(openApiV3Schema);
    this.group = group;
    this.version = version;
    this.kind = kind;
  }

  /**
   * @param old the stored object (null on a create)
   * @param object the object the write would store
   * @param statusWrite whether the write went to the status subresource
   * @param fieldValidation the request's fieldValidation parameter (null: Warn)
   * @throws ApiException 422 for an invalid object, 400 for unknown fields under Strict
   */
  Admitted admit(String old, String object, boolean statusWrite, String fieldValidation) {
    JsonNode next = read(object);
    JsonNode previous = old == null ? null : read(old);
    SchemaValidator.Result result = previous == null ? validator.create(next) : validator.update(previous, next);
    List<FieldError> errors = result.errors();
    if (statusWrite && !errors.isEmpty()) {
      errors = notAlreadyFailing(errors, previous);
    }
    String name = next.path("metadata").path("name").asText("");
    List<String> warnings = new ArrayList<>();
    if (!result.unknownFields().isEmpty() && !statusWrite) {
      String unknown = result.unknownFields().stream().map(f -> "unknown field \"" + f + "\"").collect(Collectors.joining(", "));
      if ("Strict".equalsIgnoreCase(fieldValidation)) {
        throw ApiException.of(400, "BadRequest", kind + " in version \"" + version + "\" cannot be handled as a " + kind
            + ": strict decoding error: " + unknown);
      } else if (!"Ignore".equalsIgnoreCase(fieldValidation)) {
        result.unknownFields().forEach(f -> warnings.add("unknown field \"" + f + "\""));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(StatusResponses.json(422, invalid(name, errors, result.celSkipped()).toString()),
          kind + " " + name + " is invalid");
    }
    return new Admitted(result.object().toString(), warnings);
  }

  /** The errors the stored object did not already have (a status write cannot have caused those). */
  private List<FieldError> notAlreadyFailing(List<FieldError> errors, JsonNode stored) {
    if (stored == null) {
      return errors;
    }
    Set<String> before = validator.create(stored).errors().stream().map(e -> e.field() + " " + e.rule())
        .collect(Collectors.toSet());
    return errors.stream().filter(e -> !before.contains(e.field() + " " + e.rule())).toList();
  }

  /** kube-apiserver's 422: {@code Caster.live.caster-operator.io "c1" is invalid: ...} with one cause per error. */
  private ObjectNode invalid(String name, List<FieldError> errors, boolean celSkipped) {
    List<String> described = new ArrayList<>(errors.stream().map(FieldError::toString).toList());
    if (celSkipped) {
      described.add(SchemaValidator.CEL_SKIPPED);
    }
    String all = described.size() == 1 ? described.get(0) : "[" + String.join(", ", described) + "]";
    ObjectNode status = StatusResponses.status(422, "Invalid", kind + "." + group + " \"" + name + "\" is invalid: " + all);
    ObjectNode details = status.putObject("details");
    details.put("name", name);
    details.put("group", group);
    details.put("kind", kind);
    ArrayNode causes = details.putArray("causes");
    for (FieldError error : errors) {
      ObjectNode cause = causes.addObject().put("reason", error.reason()).put("message", error.message());
      if (!error.field().isEmpty()) {
        cause.put("field", error.field());
      }
    }
    if (celSkipped) {
      causes.addObject().put("reason", "FieldValueInvalid").put("message", SchemaValidator.CEL_SKIPPED);
    }
    return status;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiException.of(400, "BadRequest", "the object is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
