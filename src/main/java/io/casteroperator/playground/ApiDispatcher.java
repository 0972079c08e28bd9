package io.casteroperator.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The in-process API server's request handling: fabric8's CRUD store (indexed), with what
 * kube-apiserver answers and the mock does not — discovery and OpenAPI documents, protobuf bodies,
 * schema validation of Casters, server-side apply, field and label selectors, Tables for
 * {@code kubectl get}, and watches over plain HTTP. Every write goes through the store's one commit
 * point ({@link #processEvent}), where Casters are admitted ({@link SchemaAdmission}) and from which
 * watchers learn of changes ({@link HttpWatch}).
 */
final class ApiDispatcher extends IndexedCrudDispatcher {

  static final String CASTERS = "casters";
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** The one write in progress on this thread, for {@link #processEvent}. */
  private static final ThreadLocal<Write> WRITE = new ThreadLocal<>();
  private static final Set<String> READABLE = Set.of("", "application/json", "application/yaml", "*/*");
  private static final String PATCH_TYPES = "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";

  private final boolean keepEvents;
  private final SchemaAdmission admission;
  private final OpenApiDocuments openApi;
  private final List<CustomResourceColumnDefinition> casterColumns;
  private final Reads reads = new Reads(this::handleGet, this::casterColumns);
  private final String casterGroup;
  private HttpWatch watches;
  /** The resourceVersion the store handed out last (under its write lock): the one of the change being stored. */
  private volatile long lastResourceVersion;

  /** A write in progress: what {@link #processEvent} needs to admit it, and what it stored. */
  private static final class Write {
    final ApiRequest request;
    final ResourcePath resource;
    String stored;
    final List<String> warnings = new ArrayList<>();

    Write(ApiRequest request, ResourcePath resource) {
      this.request = request;
      this.resource = resource;
    }
  }

  /**
   * @param admission checks Casters on write; null with --schema-validation=off
   */
  ApiDispatcher(boolean keepEvents, SchemaAdmission admission, OpenApiDocuments openApi,
      List<CustomResourceColumnDefinition> casterColumns, String casterGroup) {
    this.keepEvents = keepEvents;
    this.admission = admission;
    this.openApi = openApi;
    this.casterColumns = casterColumns;
    this.casterGroup = casterGroup;
  }

  private List<CustomResourceColumnDefinition> casterColumns() {
    return casterColumns;
  }

  void watches(HttpWatch watches) {
    this.watches = watches;
  }

  @Override
  public JsonNode merge(JsonNode baseResource, String patch) throws KubernetesCrudDispatcherException {
    try {
      return JsonMergePatch.apply(baseResource, JSON.readTree(patch));
    } catch (JsonProcessingException e) {
      throw new KubernetesCrudDispatcherException(e.getMessage(), 422);
    }
  }

  @Override
  public long requestResourceVersion() {
    long version = super.requestResourceVersion();
    lastResourceVersion = version;
    return version;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    ApiRequest request = ApiRequest.of(recorded);
    try {
      return route(request, recorded);
    } catch (ApiException e) {
      return e.response();
    }
  }

  private MockResponse route(ApiRequest request, RecordedRequest recorded) {
    MockResponse discovery = Discovery.answer(request.method(), request.bare());
    if (discovery != null) {
      return discovery;
    }
    if (request.is("GET") && request.bare().startsWith("/openapi/")) {
      return openApi.answer(request);
    }
    ResourcePath resource = request.resource();
    if (resource == null) {
      return super.dispatch(recorded);
    }
    switch (request.method()) {
      case "GET" -> {
        if (request.isWatch()) {
          return super.dispatch(recorded); // a WebSocket watch (plain HTTP ones are streamed before dispatch)
        }
        return resource.isCollection() ? reads.list(request, resource) : reads.get(request, resource);
      }
      case "POST", "PUT" -> {
        RecordedRequest json = withBody(recorded, readBody(request), "application/json");
        if (!keepEvents && request.is("POST") && resource.plural().equals("events") && resource.group().isEmpty()) {
          // The bench acknowledges Events without storing them (see MockKubernetes.Options#keepEvents).
          return StatusResponses.json(201, json.getBody().readUtf8());
        }
        return write(ApiRequest.of(json), resource, json);
      }
      case "PATCH" -> {
        return patch(request, resource, recorded);
      }
      case "DELETE" -> {
        if (request.dryRun()) {
          return reads.get(request, resource);
        }
        return Reads.withNotFound(super.dispatch(recorded), resource);
      }
      default -> {
        return super.dispatch(recorded);
      }
    }
  }

  /** The body of a create or update as JSON: JSON and YAML as sent, protobuf decoded; anything else 415. */
  private byte[] readBody(ApiRequest request) {
    String type = request.mediaType();
    if (type.equals(ProtobufBodies.MEDIA_TYPE)) {
      return ProtobufBodies.toJson(request.body()).toString().getBytes(StandardCharsets.UTF_8);
    }
    if (!READABLE.contains(type)) {
      throw StatusResponses.unsupportedMediaType(request.contentType(),
          "application/json, application/yaml, application/vnd.kubernetes.protobuf");
    }
    if (type.equals("application/yaml")) {
      try {
        return JSON.writeValueAsBytes(YAML.readTree(request.body()));
      } catch (java.io.IOException e) {
        throw ApiException.of(400, "BadRequest", "the YAML body does not parse: " + e.getMessage());
      }
    }
    return request.body();
  }

  private MockResponse patch(ApiRequest request, ResourcePath resource, RecordedRequest recorded) {
    String type = request.mediaType();
    boolean custom = !resource.group().isEmpty() && resource.group().equals(casterGroup);
    switch (type) {
      case "application/apply-patch+yaml" -> {
        return ServerSideApply.apply(request, resource, new ApplyTarget());
      }
      case "application/json-patch+json", "application/merge-patch+json" -> {
        return write(request, resource, recorded);
      }
      case "application/strategic-merge-patch+json" -> {
        if (custom) {
          // As for any custom resource: Kubernetes has no strategic merge patch without Go types.
          throw StatusResponses.unsupportedMediaType(request.contentType(), PATCH_TYPES);
        }
        RecordedRequest merge = withBody(recorded, StrategicMergePatch.toMergePatch(request.body()),
            "application/merge-patch+json");
        return write(ApiRequest.of(merge), resource, merge);
      }
      default -> throw StatusResponses.unsupportedMediaType(request.contentType(),
          custom ? PATCH_TYPES : PATCH_TYPES + ", application/strategic-merge-patch+json");
    }
  }

  /** A create, update or patch, through the store, admitted in {@link #processEvent}. */
  private MockResponse write(ApiRequest request, ResourcePath resource, RecordedRequest recorded) {
    Write write = new Write(request, resource);
    WRITE.set(write);
    MockResponse response;
    try {
      response = super.dispatch(recorded);
    } finally {
      WRITE.remove();
    }
    if (response.code() == 202) {
      response.setResponseCode(200); // the mock answers a patch with 202; the API server with 200
    }
    response = Reads.withNotFound(response, resource);
    if (write.stored != null && response.code() < 300) {
      response.setBody(write.stored);
      response.setHeader("Content-Type", "application/json");
    }
    for (String warning : write.warnings) {
      response.addHeader("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\"");
    }
    return response;
  }

  /**
   * The store's one commit point, under its write lock: a write of a Caster is admitted here, on the
   * final object (after merge, status handling and metadata), and a dry run stops here.
   */
  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    Write write = WRITE.get();
    if (write != null && newState != null) {
      String stored = BuiltInDefaults.apply(write.resource, newState);
      if (admission != null && write.resource.plural().equals(CASTERS) && write.resource.group().equals(casterGroup)) {
        String old = oldAttributes == null ? null : map.get(oldAttributes);
        SchemaAdmission.Admitted admitted = admission.admit(old, stored, write.resource.isStatus(),
            write.request.parameter("fieldValidation"));
        stored = admitted.object();
        write.warnings.addAll(admitted.warnings());
      }
      if (write.request.dryRun()) {
        // Nothing is stored, so the object keeps its resourceVersion (a new one has none), as kubectl diff expects.
        String old = oldAttributes == null ? null : map.get(oldAttributes);
        write.stored = withResourceVersion(stored, old == null ? null : resourceVersion(old));
        return;
      }
      write.stored = stored;
      super.processEvent(path, pathAttributes, oldAttributes, stored.equals(newState) ? resource : null, stored);
      return;
    }
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
  }

  @Override
  protected void changed(AttributeSet oldKey, String previous, AttributeSet newKey, String current) {
    if (watches == null) {
      return;
    }
    if (current == null) {
      long version = super.requestResourceVersion();
      watches.publish(new HttpWatch.Change(version, "DELETED", oldKey, withResourceVersion(previous, version), previous));
    } else {
      watches.publish(new HttpWatch.Change(lastResourceVersion, previous == null ? "ADDED" : "MODIFIED", newKey, current,
          previous));
    }
  }

  /** The last state of a deleted object, at the resourceVersion of its deletion (as a DELETED event carries it). */
  private static String withResourceVersion(String json, long version) {
    return withResourceVersion(json, String.valueOf(version));
  }

  /** The object with this resourceVersion in its metadata (none when null). */
  private static String withResourceVersion(String json, String version) {
    try {
      ObjectNode object = (ObjectNode) JSON.readTree(json);
      ObjectNode metadata = (ObjectNode) object.with("metadata");
      if (version == null) {
        metadata.remove("resourceVersion");
      } else {
        metadata.put("resourceVersion", version);
      }
      return object.toString();
    } catch (JsonProcessingException | ClassCastException e) {
      return json;
    }
  }

  private static String resourceVersion(String json) {
    try {
      return JSON.readTree(json).path("metadata").path("resourceVersion").asText(null);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * Streams a plain HTTP watch ({@code ?watch=true} without a WebSocket upgrade) on the response;
   * false when the request is something else.
   */
  boolean serveStreamingWatch(RecordedRequest recorded, HttpServerResponse response) {
    ApiRequest request = ApiRequest.of(recorded);
    String upgrade = recorded.getHeader("Upgrade");
    if (!request.is("GET") || !request.isWatch() || (upgrade != null && upgrade.equalsIgnoreCase("websocket"))) {
      return false;
    }
    ResourcePath resource = request.resource();
    if (resource == null) {
      return false;
    }
    String collection = request.bare();
    ApiRequest watch = request;
    if (!resource.isCollection()) {
      // A watch of one object by path: the same as its collection with a name selector.
      collection = collection.substring(0, collection.lastIndexOf('/'));
      String selector = request.parameter("fieldSelector");
      watch = new ApiRequest(request.method(), request.path(), collection, withParameter(request, "fieldSelector",
          (selector == null || selector.isEmpty() ? "" : selector + ",") + "metadata.name=" + resource.name()),
          request.contentType(), request.accept(), request.body());
    }
    Selection selection = Selection.of(watch, resource.plural());
    AttributeSet query = attributeExtractor.fromPath(collection);
    boolean includeObject = "Object".equals(watch.parameter("includeObject"));
    UnaryOperator<JsonNode> render = watch.wantsTable()
        ? object -> reads.tableOf(object, resource.plural(), includeObject)
        : UnaryOperator.identity();
    watches.serve(watch, collection, query, selection, render, reads::listJson, response);
    return true;
  }

  private static java.util.Map<String, String> withParameter(ApiRequest request, String name, String value) {
    java.util.Map<String, String> query = new java.util.LinkedHashMap<>(request.query());
    query.put(name, value);
    return query;
  }

  /** The target of a server-side apply: reads and writes through this store, so admission and watches see them. */
  private final class ApplyTarget implements ServerSideApply.Target {
    @Override
    public JsonNode get(String path) {
      MockResponse response = handleGet(path);
      return response.code() == 200 ? parse(response.getBody().readUtf8()) : null;
    }

    @Override
    public MockResponse create(ApiRequest request, String collectionPath, JsonNode object) {
      return writeJson(request, "POST", collectionPath, object);
    }

    @Override
    public MockResponse update(ApiRequest request, String path, JsonNode object) {
      return writeJson(request, "PUT", path, object);
    }

    private MockResponse writeJson(ApiRequest request, String method, String path, JsonNode object) {
      String query = request.path().contains("?") ? request.path().substring(request.path().indexOf('?')) : "";
      RecordedRequest recorded = new RecordedRequest("HTTP/1.1", io.fabric8.mockwebserver.dsl.HttpMethod.valueOf(method),
          path + query, Headers.builder().add("Content-Type", "application/json").build(),
          new Buffer(object.toString().getBytes(StandardCharsets.UTF_8)));
      return write(ApiRequest.of(recorded), ResourcePath.parse(path), recorded);
    }
  }

  private static RecordedRequest withBody(RecordedRequest request, byte[] body, String contentType) {
    Headers headers = request.getHeaders().newBuilder().set("Content-Type", contentType)
        .set("Content-Length", String.valueOf(body.length)).build();
    return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), headers, new Buffer(body));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiException.of(500, "InternalError", "stored object is not JSON: " + e.getOriginalMessage());
    }
  }
}
