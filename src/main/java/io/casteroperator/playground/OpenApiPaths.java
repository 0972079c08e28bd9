package io.casteroperator.playground;

import static io.casteroperator.playground.OpenApiDocuments.DELETE_OPTIONS;
import static io.casteroperator.playground.OpenApiDocuments.PATCH;
import static io.casteroperator.playground.OpenApiDocuments.STATUS;
import static io.casteroperator.playground.OpenApiDocuments.V2_REF;
import static io.casteroperator.playground.OpenApiDocuments.V3_REF;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casteroperator.playground.OpenApiDocuments.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of the OpenAPI documents: for each kind, the operations kube-apiserver serves (list,
 * create, get, replace, patch, delete, status), described once and written as OpenAPI v3 and v2.
 * Each carries {@code x-kubernetes-action} and {@code x-kubernetes-group-version-kind}, and the
 * write operations the {@code fieldValidation} parameter kubectl looks for.
 */
final class OpenApiPaths {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> CUSTOM_PATCH_TYPES = List.of("application/json-patch+json",
      "application/merge-patch+json", "application/apply-patch+yaml");
  private static final List<String> BUILT_IN_PATCH_TYPES = List.of("application/json-patch+json",
      "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml");

  private OpenApiPaths() {}

  /** The paths of a v3 group-version document. */
  static ObjectNode v3(List<Kind> kinds) {
    ObjectNode paths = JSON.objectNode();
    for (Kind kind : kinds) {
      operations(kind).forEach((path, ops) -> {
        ObjectNode item = paths.putObject(path);
        ArrayNode common = item.putArray("parameters");
        if (path.contains("{name}")) {
          common.addObject().put("name", "name").put("in", "path").put("required", true)
              .put("description", "name of the " + kind.kind()).putObject("schema").put("type", "string").put("uniqueItems", true);
        }
        if (path.contains("{namespace}")) {
          common.addObject().put("name", "namespace").put("in", "path").put("required", true)
              .put("description", "object name and auth scope, such as for teams and projects").putObject("schema")
              .put("type", "string").put("uniqueItems", true);
        }
        for (Operation op : ops) {
          ObjectNode operation = item.putObject(op.method());
          operation.putArray("tags").add(kind.groupVersionPath().replace('/', '_'));
          operation.put("operationId", operationId(op, path));
          ArrayNode parameters = operation.putArray("parameters");
          for (String name : op.query()) {
            parameters.addObject().put("name", name).put("in", "query").put("description", description(name))
                .putObject("schema").put("type", type(name)).put("uniqueItems", true);
          }
          if (op.body() != null) {
            ObjectNode content = operation.putObject("requestBody").put("required", true).putObject("content");
            for (String mediaType : op.consumes()) {
              content.putObject(mediaType).putObject("schema").put("$ref", V3_REF + op.body());
            }
          }
          ObjectNode ok = operation.putObject("responses").putObject("200").put("description", "OK").putObject("content");
          for (String mediaType : List.of("application/json", "application/yaml")) {
            ok.putObject(mediaType).putObject("schema").put("$ref", V3_REF + op.response());
          }
          operation.put("x-kubernetes-action", op.action());
          operation.set("x-kubernetes-group-version-kind", operationGvk(kind));
        }
      });
    }
    return paths;
  }

  /** The paths of the v2 document. */
  static ObjectNode v2(List<Kind> kinds) {
    ObjectNode paths = JSON.objectNode();
    for (Kind kind : kinds) {
      operations(kind).forEach((path, ops) -> {
        ObjectNode item = paths.putObject(path);
        for (Operation op : ops) {
          ObjectNode operation = item.putObject(op.method());
          operation.putArray("tags").add(kind.groupVersionPath().replace('/', '_'));
          operation.put("operationId", operationId(op, path));
          if (!op.consumes().isEmpty()) {
            ArrayNode consumes = operation.putArray("consumes");
            op.consumes().forEach(consumes::add);
          }
          operation.putArray("produces").add("application/json").add("application/yaml");
          ArrayNode parameters = operation.putArray("parameters");
          if (op.body() != null) {
            parameters.addObject().put("name", "body").put("in", "body").put("required", true)
                .putObject("schema").put("$ref", V2_REF + op.body());
          }
          for (String name : op.query()) {
            parameters.addObject().put("name", name).put("in", "query").put("description", description(name))
                .put("type", type(name)).put("uniqueItems", true);
          }
          if (path.contains("{name}")) {
            parameters.addObject().put("name", "name").put("in", "path").put("required", true).put("type", "string")
                .put("uniqueItems", true).put("description", "name of the " + kind.kind());
          }
          if (path.contains("{namespace}")) {
            parameters.addObject().put("name", "namespace").put("in", "path").put("required", true).put("type", "string")
                .put("uniqueItems", true).put("description", "object name and auth scope, such as for teams and projects");
          }
          operation.putObject("responses").putObject("200").put("description", "OK").putObject("schema")
              .put("$ref", V2_REF + op.response());
          operation.put("x-kubernetes-action", op.action());
          operation.set("x-kubernetes-group-version-kind", operationGvk(kind));
        }
      });
    }
    return paths;
  }

  /** One operation of a path. */
  private record Operation(String method, String action, Kind kind, boolean list, boolean status, String body,
      List<String> consumes, List<String> query, String response) {}

  private static Map<String, List<Operation>> operations(Kind kind) {
    String base = "/" + kind.groupVersionPath() + (kind.namespaced() ? "/namespaces/{namespace}/" : "/") + kind.plural();
    String object = base + "/{name}";
    List<String> write = List.of("dryRun", "fieldManager", "fieldValidation");
    List<String> patch = List.of("dryRun", "fieldManager", "fieldValidation", "force");
    List<String> read = List.of("fieldSelector", "labelSelector", "limit", "resourceVersion", "timeoutSeconds", "watch");
    List<String> json = List.of("application/json", "application/yaml", "application/vnd.kubernetes.protobuf");
    List<String> patchTypes = kind.custom() ? CUSTOM_PATCH_TYPES : BUILT_IN_PATCH_TYPES;
    Map<String, List<Operation>> paths = new LinkedHashMap<>();
    paths.put(base, List.of(
        new Operation("get", "list", kind, true, false, null, List.of(), read, kind.listSchema()),
        new Operation("post", "post", kind, false, false, kind.schema(), json, write, kind.schema()),
        new Operation("delete", "deletecollection", kind, false, false, DELETE_OPTIONS, json, read, STATUS)));
    paths.put(object, List.of(
        new Operation("get", "get", kind, false, false, null, List.of(), List.of(), kind.schema()),
        new Operation("put", "put", kind, false, false, kind.schema(), json, write, kind.schema()),
        new Operation("patch", "patch", kind, false, false, PATCH, patchTypes, patch, kind.schema()),
        new Operation("delete", "delete", kind, false, false, DELETE_OPTIONS, json, List.of("dryRun", "propagationPolicy"),
            STATUS)));
    if (kind.statusSubresource()) {
      paths.put(object + "/status", List.of(
          new Operation("get", "get", kind, false, true, null, List.of(), List.of(), kind.schema()),
          new Operation("put", "put", kind, false, true, kind.schema(), json, write, kind.schema()),
          new Operation("patch", "patch", kind, false, true, PATCH, patchTypes, patch, kind.schema())));
    }
    if (kind.namespaced()) {
      paths.put("/" + kind.groupVersionPath() + "/" + kind.plural(), List.of(
          new Operation("get", "list", kind, true, false, null, List.of(), read, kind.listSchema())));
    }
    return paths;
  }

  private static String operationId(Operation op, String path) {
    String verb = switch (op.action()) {
      case "post" -> "create";
      case "put" -> "replace";
      case "deletecollection" -> "deleteCollection";
      default -> op.action();
    };
    String scope = op.kind().namespaced() && path.contains("{namespace}") ? "Namespaced" : "";
    String suffix = op.list() && !path.contains("{namespace}") && op.kind().namespaced() ? "ForAllNamespaces" : "";
    return verb + scope + op.kind().kind() + (op.status() ? "Status" : "") + suffix;
  }

  private static ObjectNode operationGvk(Kind kind) {
    return OpenApiDocuments.gvk(kind.group(), kind.version(), kind.kind());
  }

  private static String description(String name) {
    return switch (name) {
      case "fieldValidation" -> "fieldValidation instructs the server on how to handle objects in the request containing "
          + "unknown or duplicate fields. Valid values are: Ignore, Warn (the default) and Strict.";
      case "fieldManager" -> "fieldManager is a name associated with the actor or entity that is making these changes.";
      case "dryRun" -> "When present, indicates that modifications should not be persisted.";
      case "force" -> "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by "
          + "other people.";
      default -> name;
    };
  }

  private static String type(String parameter) {
    return switch (parameter) {
      case "limit", "timeoutSeconds" -> "integer";
      case "watch", "force" -> "boolean";
      default -> "string";
    };
  }

}
