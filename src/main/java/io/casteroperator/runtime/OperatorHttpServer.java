package io.casteroperator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code /healthz} (alive), {@code /readyz} (ready) and {@code /metrics} (Prometheus text format). */
public final class OperatorHttpServer implements AutoCloseable {

  private final HttpServer server;

  private OperatorHttpServer(HttpServer server) {
    this.server = server;
  }

  /** Starts on {@code port} (0 for any free port) on all interfaces. */
  public static OperatorHttpServer start(int port, CasterOperator operator, PrometheusMeterRegistry registry)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
    server.createContext("/healthz", exchange -> probe(exchange, operator::alive, () -> "alive"));
    server.createContext("/readyz", exchange -> probe(exchange, operator::ready,
        () -> (operator.ready() ? "ready" : "not ready") + (operator.leading() ? ", leading" : ", standing by")));
    server.createContext("/metrics", exchange -> {
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      send(exchange, 200, body);
    });
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread thread = new Thread(r, "operator-http");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return new OperatorHttpServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange exchange, Supplier<Boolean> check, Supplier<String> text) throws IOException {
    boolean ok = check.get();
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, ok ? 200 : 503, (text.get() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
