package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}, {@code kubectl apply
 * --server-side}), the subset the playground needs:
 *
 * <ul>
 *   <li>creates the object when it does not exist, else merges the applied configuration into it:
 *       objects merge field by field, lists and scalars are replaced (the Caster's lists are all
 *       atomic, as lists without {@code x-kubernetes-list-type} are);
 *   <li>records in {@code metadata.managedFields} an {@code Apply} entry per field manager with the
 *       fields it applied ({@code FieldsV1}), and removes a field the same manager applied before and
 *       no longer applies, unless another manager applied it too;
 *   <li>conflicts only with other managers' {@code Apply} entries: a field another manager applied
 *       with a different value answers 409 unless {@code force=true}, which takes it over. Fields
 *       written by plain updates (kubectl edit, patch, the operator) are not tracked, so they never
 *       conflict: conflict detection is partial;
 *   <li>status in an apply to the main resource is ignored, as the status subresource requires.
 * </ul>
 *
 * The result is written through the store like any update, so it is validated like one.
 */
final class ServerSideApply {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Attempts when the object changes between the read and the write. */
  private static final int ATTEMPTS = 5;

  /** Where the apply reads and writes. */
  interface Target {
    /** The object at a path, or null. */
    JsonNode get(String path);

    MockResponse create(ApiRequest request, String collectionPath, JsonNode object);

    MockResponse update(ApiRequest request, String path, JsonNode object);
  }

  private ServerSideApply() {}

  static MockResponse apply(ApiRequest request, ResourcePath resource, Target target) {
    String manager = request.parameter("fieldManager");
    if (manager == null || manager.isBlank()) {
      throw ApiException.of(400, "BadRequest", "PATCH, application/apply-patch+yaml requires fieldManager to be set");
    }
    if (resource.isCollection()) {
      throw ApiException.of(405, "MethodNotAllowed", "apply needs the object's name in the path");
    }
    ObjectNode applied = read(request.body());
    String name = applied.path("metadata").path("name").asText("");
    if (!name.equals(resource.name())) {
      throw ApiException.of(400, "BadRequest", "the name of the object (" + name + ") does not match the name on the URL ("
          + resource.name() + ")");
    }
    if (!resource.isStatus()) {
      applied.remove("status");
    }
    boolean force = "true".equals(request.parameter("force"));
    Set<List<String>> fields = ManagedFields.of(applied);
    for (int attempt = 1; ; attempt++) {
      JsonNode current = target.get(request.bare());
      MockResponse response;
      if (current == null) {
        if (resource.isStatus()) {
          return StatusResponses.failure(404, "NotFound", resource.plural() + " \"" + resource.name() + "\" not found");
        }
        ObjectNode created = applied.deepCopy();
        setManagedFields(created, managedFields(null, manager, applied, fields));
        response = target.create(request, request.bare().substring(0, request.bare().lastIndexOf('/')), created);
      } else {
        ObjectNode merged = merge((ObjectNode) current, applied, manager, fields, force);
        response = target.update(request, request.bare(), merged);
      }
      if (response.code() != 409 || attempt == ATTEMPTS || current == null) {
        return response;
      }
    }
  }

  private static ObjectNode merge(ObjectNode current, ObjectNode applied, String manager, Set<List<String>> fields,
      boolean force) {
    ArrayNode entries = current.path("metadata").path("managedFields") instanceof ArrayNode a ? a.deepCopy() : JSON.arrayNode();
    Set<List<String>> before = new LinkedHashSet<>();
    List<String> conflicts = new ArrayList<>();
    Set<List<String>> othersApplied = new LinkedHashSet<>();
    for (JsonNode entry : entries) {
      if (!"Apply".equals(entry.path("operation").asText())) {
        continue;
      }
      Set<List<String>> owned = ManagedFields.fromFieldsV1(entry.path("fieldsV1"));
      if (entry.path("manager").asText().equals(manager)) {
        before.addAll(owned);
        continue;
      }
      othersApplied.addAll(owned);
      for (List<String> field : fields) {
        if (owned.contains(field) && !ManagedFields.at(current, field).equals(ManagedFields.at(applied, field))) {
          conflicts.add("conflict with \"" + entry.path("manager").asText() + "\": ." + String.join(".", field));
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      ObjectNode status = StatusResponses.status(409, "Conflict", "Apply failed with " + conflicts.size() + " conflict"
          + (conflicts.size() == 1 ? "" : "s") + ": " + String.join("; ", conflicts));
      ArrayNode causes = status.putObject("details").putArray("causes");
      conflicts.forEach(c -> causes.addObject().put("type", "FieldManagerConflict").put("message", c)
          .put("field", c.substring(c.indexOf(": ") + 2)));
      throw new ApiException(StatusResponses.json(409, status.toString()), "apply conflict");
    }
    ObjectNode merged = current.deepCopy();
    for (List<String> field : before) {
      if (!fields.contains(field) && !othersApplied.contains(field)) {
        ManagedFields.remove(merged, field);
      }
    }
    mergeInto(merged, applied);
    setManagedFields(merged, managedFields(entries, manager, applied, fields));
    return merged;
  }

  /** Objects merge member by member; anything else replaces. metadata keeps what the store owns. */
  private static void mergeInto(ObjectNode target, ObjectNode applied) {
    for (Iterator<Map.Entry<String, JsonNode>> it = applied.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode patch) {
        mergeInto(object, patch);
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  /** The managedFields with this manager's Apply entry replaced (others lose what a forced apply took). */
  private static ArrayNode managedFields(ArrayNode existing, String manager, ObjectNode applied, Set<List<String>> fields) {
    ArrayNode entries = JSON.arrayNode();
    if (existing != null) {
      for (JsonNode entry : existing) {
        boolean mine = entry.path("manager").asText().equals(manager) && "Apply".equals(entry.path("operation").asText());
        if (mine) {
          continue;
        }
        if ("Apply".equals(entry.path("operation").asText())) {
          Set<List<String>> owned = ManagedFields.fromFieldsV1(entry.path("fieldsV1"));
          owned.removeAll(fields);
          ObjectNode kept = entry.deepCopy();
          kept.set("fieldsV1", ManagedFields.toFieldsV1(owned));
          entries.add(kept);
        } else {
          entries.add(entry);
        }
      }
    }
    entries.addObject()
        .put("manager", manager)
        .put("operation", "Apply")
        .put("apiVersion", applied.path("apiVersion").asText())
        .put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .put("fieldsType", "FieldsV1")
        .set("fieldsV1", ManagedFields.toFieldsV1(fields));
    return entries;
  }

  private static void setManagedFields(ObjectNode object, ArrayNode entries) {
    ((ObjectNode) object.with("metadata")).set("managedFields", entries);
  }

  private static ObjectNode read(byte[] body) {
    try {
      JsonNode node = YAML.readTree(body);
      if (!(node instanceof ObjectNode object)) {
        throw ApiException.of(400, "BadRequest", "the apply configuration is not an object");
      }
      return object;
    } catch (IOException e) {
      throw ApiException.of(400, "BadRequest", "the apply configuration does not parse: " + e.getMessage());
    }
  }
}
