package io.casteroperator.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A watch over plain HTTP, enough for kubectl: fabric8's mock serves watches only over WebSocket,
 * while {@code kubectl delete} waits for the deletion with a plain HTTP watch. Each such watch is
 * answered after a second: with a DELETED event once the watched object is gone, else with a
 * BOOKMARK (kubectl then watches again). {@code kubectl get -w} therefore shows no updates.
 */
final class PlainWatch {

  /** A little over a second: client-go warns about watches that close sooner without an event. */
  private static final long ANSWER_AFTER_MILLIS = 1200;

  private PlainWatch() {}

  static boolean isPlainWatch(String query, RecordedRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return (query.contains("watch=true") || query.contains("watch=1"))
        && (upgrade == null || !upgrade.equalsIgnoreCase("websocket"));
  }

  /** @param list lists the objects at a path with a query, as the CRUD dispatcher does */
  static MockResponse answer(String path, String query, Function<String, MockResponse> list) {
    String name = watchedName(query);
    String body = bookmark(path, parameter(query, "resourceVersion")) + "\n";
    if (name != null) {
      String listQuery = query.replaceAll("(^|&)(watch|allowWatchBookmarks|timeoutSeconds|resourceVersion)=[^&]*", "");
      MockResponse current = list.apply(path + (listQuery.isEmpty() ? "" : "?" + listQuery.replaceFirst("^&", "")));
      if (isEmptyList(current)) {
        body = deleted(path, name) + "\n";
      }
    }
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(body).setBodyDelay(ANSWER_AFTER_MILLIS, TimeUnit.MILLISECONDS);
  }

  private static String watchedName(String query) {
    String selector = parameter(query, "fieldSelector");
    return selector != null && selector.startsWith("metadata.name=") ? selector.substring("metadata.name=".length()) : null;
  }

  private static String parameter(String query, String name) {
    for (String parameter : query.split("&")) {
      String decoded = URLDecoder.decode(parameter, StandardCharsets.UTF_8);
      if (decoded.startsWith(name + "=")) {
        return decoded.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static boolean isEmptyList(MockResponse response) {
    if (response.code() == 404) {
      return true;
    }
    try {
      JsonNode list = Serialization.jsonMapper().readTree(response.getBody().readUtf8());
      return list.path("items").isEmpty();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** A BOOKMARK event: nothing changed up to this resourceVersion. */
  private static String bookmark(String path, String resourceVersion) {
    ObjectNode object = object(path);
    object.putObject("metadata").put("resourceVersion", resourceVersion == null ? "0" : resourceVersion);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "BOOKMARK");
    event.set("object", object);
    return event.toString();
  }

  private static ObjectNode object(String path) {
    String[] parts = path.split("/");
    boolean core = path.startsWith("/api/");
    String plural = parts[parts.length - 1];
    String singular = plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", core ? parts[2] : parts[2] + "/" + parts[3]);
    object.put("kind", Character.toUpperCase(singular.charAt(0)) + singular.substring(1));
    return object;
  }

  /** A DELETED event for an object of the watched path: /apis/{group}/{version}/namespaces/{ns}/{plural}. */
  private static String deleted(String path, String name) {
    String namespace = path.contains("/namespaces/") ? path.replaceAll(".*/namespaces/([^/]+)/.*", "$1") : null;
    ObjectNode object = object(path);
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "DELETED");
    event.set("object", object);
    return event.toString();
  }
}
