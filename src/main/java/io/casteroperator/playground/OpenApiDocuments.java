package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import io.fabric8.mockwebserver.http.MockResponse;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API server's OpenAPI documents, as kubectl reads them: {@code /openapi/v2} (kubectl asks for
 * gnostic protobuf, {@link OpenApiV2Protobuf}; JSON on request) and {@code /openapi/v3} with one
 * document per group-version. Built once from the generated CRD (the Caster's schema, with its
 * documentation, for {@code kubectl explain}) and from the Kubernetes protobuf definitions for the
 * built-in kinds ({@link CoreSchemas}).
 *
 * <p>What kubectl looks for: each PATCH operation is tagged {@code x-kubernetes-group-version-kind}
 * and has a {@code fieldValidation} query parameter, so kubectl lets the server validate (and sends
 * {@code fieldValidation=Strict}); a Caster's PATCH consumes json-patch, merge-patch and
 * apply-patch+yaml only, as any custom resource's.
 */
final class OpenApiDocuments {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** As kube-apiserver labels it (the request asks for ...spec.v2@v1.0+protobuf, which Go cannot parse back). */
  static final String V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
  static final String V3_REF = "#/components/schemas/";
  static final String V2_REF = "#/definitions/";
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final String LIST_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
  static final String STATUS = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
  static final String DELETE_OPTIONS = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
  static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
  /** A kind the documents describe. */
  record Kind(String group, String version, String kind, String plural, boolean namespaced, boolean statusSubresource,
      boolean custom, String schema, String listSchema) {

    String groupVersionPath() {
      return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    }
  }

  private final Map<String, ObjectNode> v3 = new LinkedHashMap<>();
  private final ObjectNode v3Index;
  private final ObjectNode v2;
  private final byte[] v2Protobuf;

  /** @param crd the generated CustomResourceDefinition, as JSON */
  OpenApiDocuments(JsonNode crd) {
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    List<Kind> kinds = new ArrayList<>();
    for (Descriptor meta : List.of(Meta.ObjectMeta.getDescriptor(), Meta.ListMeta.getDescriptor(),
        Meta.Status.getDescriptor(), Meta.DeleteOptions.getDescriptor())) {
      CoreSchemas.add(meta, schemas, V3_REF);
    }
    schemas.put(PATCH, JSON.objectNode().put("type", "object")
        .put("description", "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body."));
    kinds.add(custom(crd, schemas));
    kinds.add(builtIn(V1.Namespace.getDescriptor(), V1.NamespaceList.getDescriptor(), "namespaces", false, true, schemas));
    kinds.add(builtIn(V1.Secret.getDescriptor(), V1.SecretList.getDescriptor(), "secrets", true, false, schemas));
    kinds.add(builtIn(V1.ConfigMap.getDescriptor(), V1.ConfigMapList.getDescriptor(), "configmaps", true, false, schemas));
    kinds.add(builtIn(V1.Event.getDescriptor(), V1.EventList.getDescriptor(), "events", true, false, schemas));
    kinds.add(builtIn(V1.ServiceAccount.getDescriptor(), V1.ServiceAccountList.getDescriptor(), "serviceaccounts", true,
        false, schemas));
    // CustomResourceDefinitions: kubectl falls back to this group's PATCH operation to learn whether
    // the server validates a kind it finds in no document (Leases). No published proto: a plain object.
    schemas.put("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
        kindSchema(JSON.objectNode().put("type", "object"), "apiextensions.k8s.io", "v1", "CustomResourceDefinition"));
    schemas.put("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionList",
        listSchema("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition", "apiextensions.k8s.io",
            "v1", "CustomResourceDefinitionList"));
    kinds.add(new Kind("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, true,
        false, "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
        "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionList"));

    Map<String, List<Kind>> byGroupVersion = new LinkedHashMap<>();
    kinds.forEach(k -> byGroupVersion.computeIfAbsent(k.groupVersionPath(), g -> new ArrayList<>()).add(k));
    v3Index = JSON.objectNode();
    ObjectNode paths = v3Index.putObject("paths");
    byGroupVersion.forEach((groupVersion, group) -> {
      ObjectNode document = v3Document(groupVersion, group, schemas);
      v3.put(groupVersion, document);
      paths.putObject(groupVersion).put("serverRelativeURL", "/openapi/v3/" + groupVersion + "?hash=" + hash(document));
    });
    v2 = v2Document(kinds, schemas);
    v2Protobuf = OpenApiV2Protobuf.encode(v2);
  }

  /** The answer to a GET under /openapi/. */
  MockResponse answer(ApiRequest request) {
    String path = request.bare();
    if (path.equals("/openapi/v2")) {
      String accept = request.accept() == null ? "" : request.accept();
      if (accept.contains("protobuf")) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", V2_PROTOBUF).setBody(v2Protobuf);
      }
      return StatusResponses.json(200, v2.toString());
    }
    if (path.equals("/openapi/v3") || path.equals("/openapi/v3/")) {
      return StatusResponses.json(200, v3Index.toString());
    }
    ObjectNode document = path.startsWith("/openapi/v3/") ? v3.get(path.substring("/openapi/v3/".length())) : null;
    if (document != null) {
      return StatusResponses.json(200, document.toString());
    }
    return StatusResponses.failure(404, "NotFound", "the server could not find the requested resource");
  }

  /** The Caster, from the CRD: its openAPIV3Schema with apiVersion, kind and metadata as the API server publishes them. */
  private static Kind custom(JsonNode crd, Map<String, ObjectNode> schemas) {
    JsonNode spec = crd.path("spec");
    JsonNode version = spec.path("versions").path(0);
    String group = spec.path("group").asText();
    String kind = spec.path("names").path("kind").asText();
    String name = reverse(group) + "." + version.path("name").asText() + "." + kind;
    ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
    schemas.put(name, kindSchema(schema, group, version.path("name").asText(), kind));
    schemas.put(name + "List", listSchema(name, group, version.path("name").asText(), kind + "List"));
    return new Kind(group, version.path("name").asText(), kind, spec.path("names").path("plural").asText(),
        "Namespaced".equals(spec.path("scope").asText()), version.path("subresources").has("status"), true, name, name + "List");
  }

  private static Kind builtIn(Descriptor message, Descriptor list, String plural, boolean namespaced, boolean status,
      Map<String, ObjectNode> schemas) {
    CoreSchemas.add(message, schemas, V3_REF);
    String name = CoreSchemas.name(message);
    kindSchema(schemas.get(name), "", "v1", message.getName());
    schemas.put(name + "List", listSchema(name, "", "v1", list.getName()));
    return new Kind("", "v1", message.getName(), plural, namespaced, status, false, name, name + "List");
  }

  /** Adds apiVersion, kind, metadata and the x-kubernetes-group-version-kind tag to a kind's schema. */
  private static ObjectNode kindSchema(ObjectNode schema, String group, String version, String kind) {
    ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
    ObjectNode ordered = JSON.objectNode();
    ordered.putObject("apiVersion").put("type", "string").put("description",
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized "
            + "schemas to the latest internal value, and may reject unrecognized values.");
    ordered.putObject("kind").put("type", "string").put("description",
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the "
            + "endpoint the client submits requests to. Cannot be updated. In CamelCase.");
    ObjectNode metadata = ordered.putObject("metadata");
    metadata.put("description", "Standard object's metadata.");
    metadata.putArray("allOf").addObject().put("$ref", V3_REF + OBJECT_META);
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!ordered.has(field.getKey())) {
        ordered.set(field.getKey(), field.getValue());
      }
    }
    schema.set("properties", ordered);
    schema.put("type", "object");
    schema.putArray("x-kubernetes-group-version-kind").add(gvk(group, version, kind));
    return schema;
  }

  private static ObjectNode listSchema(String itemSchema, String group, String version, String listKind) {
    ObjectNode schema = JSON.objectNode();
    schema.put("description", listKind + " is a list of " + listKind.substring(0, listKind.length() - 4) + ".");
    schema.putArray("required").add("items");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("apiVersion").put("type", "string");
    ObjectNode items = properties.putObject("items").put("type", "array");
    items.putObject("items").put("$ref", V3_REF + itemSchema);
    properties.putObject("kind").put("type", "string");
    properties.putObject("metadata").putArray("allOf").addObject().put("$ref", V3_REF + LIST_META);
    schema.putArray("x-kubernetes-group-version-kind").add(gvk(group, version, listKind));
    return schema;
  }

  static ObjectNode gvk(String group, String version, String kind) {
    return JSON.objectNode().put("group", group).put("kind", kind).put("version", version);
  }

  /** live.caster-operator.io -> io.caster-operator.live, as kube-apiserver names CRD schemas. */
  private static String reverse(String group) {
    List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
    java.util.Collections.reverse(parts);
    return String.join(".", parts);
  }

  private static ObjectNode v3Document(String groupVersion, List<Kind> kinds, Map<String, ObjectNode> all) {
    ObjectNode document = JSON.objectNode();
    document.put("openapi", "3.0.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    document.set("paths", OpenApiPaths.v3(kinds));
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    for (Kind kind : kinds) {
      addWithReferences(kind.schema(), all, schemas);
      addWithReferences(kind.listSchema(), all, schemas);
    }
    addWithReferences(STATUS, all, schemas);
    addWithReferences(DELETE_OPTIONS, all, schemas);
    addWithReferences(PATCH, all, schemas);
    return document;
  }

  /** A schema and every schema it refers to, transitively. */
  private static void addWithReferences(String name, Map<String, ObjectNode> all, ObjectNode into) {
    if (into.has(name) || !all.containsKey(name)) {
      return;
    }
    into.set(name, all.get(name));
    for (JsonNode ref : all.get(name).findValues("$ref")) {
      addWithReferences(ref.asText().substring(V3_REF.length()), all, into);
    }
  }

  private static ObjectNode v2Document(List<Kind> kinds, Map<String, ObjectNode> schemas) {
    ObjectNode document = JSON.objectNode();
    document.put("swagger", "2.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    document.set("paths", OpenApiPaths.v2(kinds));
    ObjectNode definitions = document.putObject("definitions");
    schemas.forEach((name, schema) -> definitions.set(name, toV2(schema)));
    return document;
  }

  /** An OpenAPI v3 schema in v2 terms: references to #/definitions/, no nullable/oneOf/anyOf/not. */
  private static JsonNode toV2(JsonNode schema) {
    if (schema instanceof ObjectNode object) {
      ObjectNode copy = JSON.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        switch (field.getKey()) {
          case "$ref" -> copy.put("$ref", field.getValue().asText().replace(V3_REF, V2_REF));
          case "nullable" -> copy.set("x-nullable", field.getValue());
          case "oneOf", "anyOf", "not" -> { }
          case "properties" -> {
            ObjectNode properties = copy.putObject("properties");
            field.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), toV2(p.getValue())));
          }
          default -> copy.set(field.getKey(), field.getValue() instanceof ObjectNode || field.getValue() instanceof ArrayNode
              && field.getKey().equals("allOf") ? toV2(field.getValue()) : field.getValue());
        }
      }
      return copy;
    }
    if (schema instanceof ArrayNode array) {
      ArrayNode copy = JSON.arrayNode();
      array.forEach(item -> copy.add(toV2(item)));
      return copy;
    }
    return schema;
  }

  private static String hash(JsonNode document) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(document.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
