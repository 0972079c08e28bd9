package io.casteroperator.playground;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the in-process API server. fabric8's MockWebServer answers each request with one
 * complete body, so it cannot stream a watch, and a handler that throws leaves the client waiting
 * forever (kubectl hung on a protobuf Secret). This server hands requests to the same
 * {@link ApiDispatcher} but streams plain HTTP watches ({@link HttpWatch}), upgrades WebSocket
 * watches as the mock does (the operator's fabric8 client watches that way), and always answers:
 * a failure inside becomes a 500 Status, never a dropped or hanging connection.
 */
final class ApiHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);
  /** The WebSocket subprotocols fabric8's mock accepts (the client asks for one of them). */
  private static final List<String> SUBPROTOCOLS = List.of("v1.channel.k8s.io", "v2.channel.k8s.io", "v3.channel.k8s.io",
      "v4.channel.k8s.io");

  private final HttpServer server;
  private final ApiDispatcher dispatcher;

  private ApiHttpServer(HttpServer server, ApiDispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
  }

  static ApiHttpServer start(Vertx vertx, InetAddress address, int port, ApiDispatcher dispatcher) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(address.getHostAddress())
        .setPort(port)
        .setWebSocketSubProtocols(SUBPROTOCOLS)
        .setHandle100ContinueAutomatically(true)
        .setMaxWebSocketFrameSize(16 * 1024 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024 * 1024);
    HttpServer server = vertx.createHttpServer(options);
    ApiHttpServer api = new ApiHttpServer(server, dispatcher);
    server.requestHandler(api::handle);
    await(server.listen(), "the API server could not listen on port " + port);
    return api;
  }

  int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest event) {
    Future<io.vertx.core.buffer.Buffer> body = hasBody(event) ? event.body() : Future.succeededFuture(null);
    body.onFailure(e -> answer(event.response(), StatusResponses.failure(500, "InternalError", String.valueOf(e.getMessage()))));
    body.onSuccess(buffer -> {
      RecordedRequest request = new RecordedRequest(event.version().alpnName().toUpperCase(Locale.ROOT),
          HttpMethod.fromVertx(event.method()), event.uri(), Headers.builder().addAll(event.headers()).build(),
          new Buffer(buffer == null ? null : buffer.getBytes()));
      try {
        if (dispatcher.serveStreamingWatch(request, event.response())) {
          return;
        }
        MockResponse response = dispatcher.dispatch(request);
        if (response.getWebSocketListener() != null) {
          event.toWebSocket()
              .onFailure(e -> LOG.debug("WebSocket upgrade failed for {}: {}", request, e.getMessage()))
              .onSuccess(new ServerWebSocketHandler(request, response));
          return;
        }
        answer(event.response(), response);
      } catch (ApiException e) {
        answer(event.response(), e.response());
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("{} failed", request, e);
        answer(event.response(), StatusResponses.failure(500, "InternalError",
            "the playground's API server failed on this request: " + e));
      }
    });
  }

  private static void answer(HttpServerResponse out, MockResponse response) {
    if (out.ended() || out.headWritten()) {
      return;
    }
    out.setStatusCode(response.code());
    response.getHeaders().toMultimap().forEach((name, values) -> out.headers().add(name, values));
    Buffer body = response.getBody();
    if (body != null && body.size() > 0 && response.header("Content-Type") == null) {
      // The CRUD store answers JSON without saying so; a client that asked for protobuf (kubectl
      // describe secret) would otherwise try to read it as protobuf.
      out.headers().set("Content-Type", "application/json");
    }
    if (body != null && body.size() > 0) {
      out.headers().set("Content-Length", String.valueOf(body.size()));
      out.end(io.vertx.core.buffer.Buffer.buffer(body.getBytes()));
    } else {
      out.end();
    }
  }

  /** As the mock decides: a body when it has a length or a content type (a WebSocket upgrade has neither). */
  private static boolean hasBody(HttpServerRequest event) {
    String length = event.headers().get("Content-Length");
    if (length != null && !length.isBlank() && Long.parseLong(length.trim()) > 0) {
      return true;
    }
    return event.headers().contains("Content-Type") || event.headers().contains("Transfer-Encoding");
  }

  @Override
  public void close() {
    await(server.close(), "the API server did not stop");
  }

  private static <T> T await(Future<T> future, String failure) {
    CompletableFuture<T> done = new CompletableFuture<>();
    future.onComplete(r -> {
      if (r.succeeded()) {
        done.complete(r.result());
      } else {
        done.completeExceptionally(r.cause());
      }
    });
    try {
      return done.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(failure, e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(failure, e);
    }
  }
}
