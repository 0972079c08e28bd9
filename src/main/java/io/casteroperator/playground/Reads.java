package io.casteroperator.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * GETs as kube-apiserver answers them, from what the CRUD store answers: lists filtered by field
 * and label selectors and typed ({@code CasterList}, not {@code List}), Tables when kubectl asks for
 * server-side printing, NotFound in the API server's words.
 */
final class Reads {

  private static final ObjectMapper JSON = Serialization.jsonMapper();
  /** How fabric8's KubernetesResponseComposer starts every list. */
  private static final String MOCK_LIST = "{\"apiVersion\":\"v1\",\"kind\":\"List\",";

  private final Function<String, MockResponse> store;
  private final Supplier<List<CustomResourceColumnDefinition>> casterColumns;

  /**
   * @param store the CRUD store's answer to a GET of a path
   * @param casterColumns the CRD's printer columns
   */
  Reads(Function<String, MockResponse> store, Supplier<List<CustomResourceColumnDefinition>> casterColumns) {
    this.store = store;
    this.casterColumns = casterColumns;
  }

  MockResponse get(ApiRequest request, ResourcePath resource) {
    MockResponse response = store.apply(request.bare());
    if (response.code() == 404) {
      return notFound(resource);
    }
    if (request.wantsTable() && response.code() == 200) {
      JsonNode object = parse(response.getBody().readUtf8());
      return table(List.of(object), object.path("metadata").path("resourceVersion").asText(""), resource, request);
    }
    return response;
  }

  /** The mock's bare 404 for a named object, as the API server words it. */
  static MockResponse withNotFound(MockResponse response, ResourcePath resource) {
    if (response.code() == 404 && resource.name() != null && (response.getBody() == null || response.getBody().size() == 0)) {
      return notFound(resource);
    }
    return response;
  }

  /** kube-apiserver's 404: {@code casters.live.caster-operator.io "c1" not found}. */
  private static MockResponse notFound(ResourcePath resource) {
    String what = resource.group().isEmpty() ? resource.plural() : resource.plural() + "." + resource.group();
    ObjectNode status = StatusResponses.status(404, "NotFound", what + " \"" + resource.name() + "\" not found");
    status.putObject("details").put("name", resource.name()).put("group", resource.group()).put("kind", resource.plural());
    return StatusResponses.json(404, status.toString());
  }

  /** A list, with the request's selectors applied, as a Table when kubectl asks for one. */
  MockResponse list(ApiRequest request, ResourcePath resource) {
    Selection selection = Selection.of(request, resource.plural());
    boolean filtered = !selection.fields().isEmpty() || !selection.labels().isEmpty();
    if (!filtered && !request.wantsTable()) {
      // The common case (the operator's informers): as stored, without parsing.
      MockResponse response = store.apply(request.bare());
      String body = response.getBody().readUtf8();
      return response.setBody(typedList(body, resource));
    }
    JsonNode list = listJson(request.bare());
    List<JsonNode> items = new ArrayList<>();
    list.path("items").forEach(item -> {
      if (selection.matches(item)) {
        items.add(item);
      }
    });
    String version = list.path("metadata").path("resourceVersion").asText("");
    if (request.wantsTable()) {
      return table(items, version, resource, request);
    }
    ObjectNode answer = ((ObjectNode) list).deepCopy();
    ArrayNode array = answer.putArray("items");
    items.forEach(array::add);
    return StatusResponses.json(200, typedList(answer.toString(), resource));
  }

  /**
   * The mock answers every list as {@code v1 List}; the API server as {@code <Kind>List} of the
   * resource's group version, and typed clients (kubectl describe's search for events) insist on it.
   */
  private static String typedList(String body, ResourcePath resource) {
    String kind = Discovery.kind(resource.group(), resource.plural());
    if (kind == null || !body.startsWith(MOCK_LIST)) {
      return body;
    }
    return "{\"apiVersion\":\"" + resource.apiVersion() + "\",\"kind\":\"" + kind + "List\"," + body.substring(MOCK_LIST.length());
  }

  /** The store's list at a collection path, whatever the query. */
  JsonNode listJson(String bare) {
    MockResponse response = store.apply(bare);
    JsonNode list = parse(response.getBody().readUtf8());
    return list.has("items") ? list : JSON.createObjectNode().put("kind", "List").set("items", JSON.createArrayNode());
  }

  private MockResponse table(List<JsonNode> items, String resourceVersion, ResourcePath resource, ApiRequest request) {
    boolean includeObject = "Object".equals(request.parameter("includeObject"));
    ObjectNode table = TableView.of(items, resourceVersion, PrinterColumns.of(resource.plural(), casterColumns.get()),
        Instant.now(), includeObject);
    return StatusResponses.json(200, table.toString());
  }


  /** The Table of one object, as a watch with as=Table sends it. */
  JsonNode tableOf(JsonNode object, String plural, boolean includeObject) {
    return TableView.of(List.of(object), object.path("metadata").path("resourceVersion").asText(""),
        PrinterColumns.of(plural, casterColumns.get()), Instant.now(), includeObject);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiException.of(500, "InternalError", "stored object is not JSON: " + e.getOriginalMessage());
    }
  }
}
