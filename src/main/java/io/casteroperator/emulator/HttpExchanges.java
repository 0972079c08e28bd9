package io.casteroperator.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The few things the emulator does with a JDK HttpExchange. */
final class HttpExchanges {
  static final String JSON_CONTENT_TYPE = "application/json;charset=utf-8";
  static final int MAX_BODY_BYTES = 1 << 20;

  private HttpExchanges() {}

  static boolean hasFormBody(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  /** The body as UTF-8 text; null when it is larger than any sane RPC call. */
  static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_BODY_BYTES) {
          return null;
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static void sendJson(HttpExchange exchange, int status, String json, String requestId) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", JSON_CONTENT_TYPE);
      if (requestId != null) {
        exchange.getResponseHeaders().set("x-acs-request-id", requestId);
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client went away (it timed out, say): the answer is lost, as it would be on the wire.
    }
  }

  /**
   * Closes the connection without a status line. Closing an exchange before its response headers
   * are sent makes the JDK server close the socket, which the client sees as a dropped connection.
   */
  static void drop(HttpExchange exchange) {
    exchange.close();
  }
}
