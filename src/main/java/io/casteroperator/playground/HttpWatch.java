package io.casteroperator.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Watches over plain HTTP, as kube-apiserver streams them: a chunked response of JSON watch events
 * ({@code {"type":"MODIFIED","object":{...}}}), one per line, for as long as the client keeps it
 * open or until {@code timeoutSeconds}. fabric8's mock serves watches only over WebSocket (which the
 * operator keeps using); kubectl ({@code get -w}, {@code wait}, {@code delete}) watches this way.
 *
 * <p>{@code resourceVersion} is honoured from a short history of recent changes (enough to bridge
 * the moment between a list and its watch; an older one answers 410 Expired, and the client lists
 * again); without one, or with 0, the watch starts with an ADDED event per object, as the API
 * server's does. Field and label selectors apply to each event: an object that stops matching is
 * DELETED for the watcher, one that starts matching is ADDED.
 */
final class HttpWatch implements AutoCloseable {

  /** Changes kept for watches that resume from a resourceVersion. Events are not counted when the bench drops them. */
  static final int HISTORY = 1000;
  /** When the client gives no timeoutSeconds: kube-apiserver's default lies between 30 and 60 minutes. */
  private static final long DEFAULT_TIMEOUT_SECONDS = 1800;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One change of the store. {@code previous} is null for ADDED, {@code object} the last state for DELETED. */
  record Change(long resourceVersion, String type, AttributeSet key, String object, String previous) {}

  /** What a watch needs from the store: its objects now, as a list with its resourceVersion. */
  interface Store {
    /** The list at a collection path (no query string), as the API server would answer a GET of it. */
    JsonNode list(String path);
  }

  /**
   * An open watch.
   *
   * @param render turns an object into what the client asked for (itself, or a Table)
   */
  private record Watcher(AttributeSet query, Selection selection, UnaryOperator<JsonNode> render, HttpServerResponse response) {}

  private final Vertx vertx;
  private final Deque<Change> history = new ArrayDeque<>();
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
  /** The resourceVersion of the last change dropped from the history: a watch from before it has expired. */
  private long forgotten;

  HttpWatch(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Called by the store for each change, in resourceVersion order (under the store's write lock). */
  synchronized void publish(Change change) {
    history.addLast(change);
    if (history.size() > HISTORY) {
      forgotten = history.removeFirst().resourceVersion();
    }
    for (Watcher watcher : watchers) {
      send(watcher, change);
    }
  }

  /**
   * Starts a watch on {@code response}.
   *
   * @param path the collection path without query
   * @param query the store's attributes for that path (kind, namespace)
   */
  void serve(ApiRequest request, String path, AttributeSet query, Selection selection, UnaryOperator<JsonNode> render,
      Store store, HttpServerResponse response) {
    String from = request.parameter("resourceVersion");
    boolean initialEvents = "true".equals(request.parameter("sendInitialEvents"));
    List<JsonNode> initial = new ArrayList<>();
    long since;
    if (from == null || from.isEmpty() || from.equals("0") || initialEvents) {
      JsonNode list = store.list(path);
      list.path("items").forEach(initial::add);
      since = list.path("metadata").path("resourceVersion").asLong(0);
    } else {
      since = parseResourceVersion(from);
    }
    response.setStatusCode(200);
    response.putHeader("Content-Type", "application/json");
    response.putHeader("Cache-Control", "no-cache, private");
    response.setChunked(true);
    // The API server answers a watch at once, events or not: client-go waits for the headers.
    response.writeHead();
    Watcher watcher = new Watcher(query, selection, render, response);
    for (JsonNode object : initial) {
      if (selection.matches(object)) {
        write(watcher, "ADDED", object);
      }
    }
    if (initialEvents) {
      ObjectNode bookmark = JsonNodeFactory.instance.objectNode();
      bookmark.putObject("metadata").put("resourceVersion", String.valueOf(since))
          .putObject("annotations").put("k8s.io/initial-events-end", "true");
      writeRaw(response, "BOOKMARK", bookmark);
    }
    synchronized (this) {
      if (since < forgotten) {
        writeRaw(response, "ERROR", StatusResponses.status(410, "Expired",
            "too old resource version: " + since + " (" + forgotten + ")"));
        response.end();
        return;
      }
      for (Change change : history) {
        if (change.resourceVersion() > since) {
          send(watcher, change);
        }
      }
      watchers.add(watcher);
    }
    long timeout = timeoutSeconds(request.parameter("timeoutSeconds"));
    long timer = vertx.setTimer(timeout * 1000, id -> end(watcher));
    response.closeHandler(v -> {
      watchers.remove(watcher);
      vertx.cancelTimer(timer);
    });
  }

  private void end(Watcher watcher) {
    if (watchers.remove(watcher) && !watcher.response().ended() && !watcher.response().closed()) {
      watcher.response().end();
    }
  }

  /** Ends every watch (the server stops). */
  @Override
  public void close() {
    for (Watcher watcher : List.copyOf(watchers)) {
      end(watcher);
    }
  }

  /** Sends one change if it concerns the watcher: ADDED/DELETED where it enters or leaves the selection. */
  private void send(Watcher watcher, Change change) {
    boolean keyMatches = change.key().matches(watcher.query());
    if (!keyMatches) {
      return;
    }
    JsonNode object = parse(change.object());
    boolean now = watcher.selection().matches(object);
    if (change.type().equals("MODIFIED")) {
      boolean before = watcher.selection().matches(parse(change.previous()));
      if (now && before) {
        write(watcher, "MODIFIED", object);
      } else if (now) {
        write(watcher, "ADDED", object);
      } else if (before) {
        write(watcher, "DELETED", object);
      }
    } else if (now) {
      write(watcher, change.type(), object);
    }
  }

  private void write(Watcher watcher, String type, JsonNode object) {
    writeRaw(watcher.response(), type, watcher.render().apply(object));
  }

  private static void writeRaw(HttpServerResponse response, String type, JsonNode object) {
    if (response.ended() || response.closed()) {
      return;
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", type);
    event.set("object", object);
    try {
      response.write(event + "\n");
    } catch (IllegalStateException closedMeanwhile) {
      // the client went away between the check and the write; its close handler forgets it
    }
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static long parseResourceVersion(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.of(400, "BadRequest", "invalid resource version: " + value);
    }
  }

  private static long timeoutSeconds(String value) {
    try {
      return value == null ? DEFAULT_TIMEOUT_SECONDS : Math.max(1, Long.parseLong(value));
    } catch (NumberFormatException e) {
      return DEFAULT_TIMEOUT_SECONDS;
    }
  }
}
