package io.casteroperator.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The emulator of a split run, through its admin API ({@code /_emulator/}). */
final class RemoteEmulatorControl implements EmulatorControl {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;

  private final String endpoint;
  private final String admin;
  private final HttpClient http = HttpClient.newHttpClient();

  RemoteEmulatorControl(String endpoint) {
    this.endpoint = endpoint;
    this.admin = "http://" + endpoint + "/_emulator/";
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public String createCaster(String account, String name) {
    // The id is chosen here so that a retry after a lost answer can ask whether the first attempt made it.
    String id = UUID.randomUUID().toString();
    String body = JSON.createObjectNode().put("account", account).put("casterId", id).put("casterName", name).toString();
    for (int attempt = 1; ; attempt++) {
      try {
        return send(HttpRequest.newBuilder(URI.create(admin + "casters")).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")).get("casterId").asText();
      } catch (UncheckedIOException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        if (exists(id)) {
          return id;
        }
      }
    }
  }

  /** Whether the caster is there; asked again when the connection fails, so that a lost answer is never taken for "no". */
  private boolean exists(String casterId) {
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create(admin + "casters/" + encode(casterId))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw new UncheckedIOException("the emulator's admin API cannot be reached", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while asking the emulator", e);
      }
    }
  }

  @Override
  public Map<String, Map<String, Long>> calls(String account) {
    return JSON.convertValue(get("calls?account=" + encode(account)), new TypeReference<>() {});
  }

  @Override
  public Map<String, Integer> peaks(String account) {
    return JSON.convertValue(get("peaks?account=" + encode(account)), new TypeReference<>() {});
  }

  @Override
  public List<EmulatorCall> log(String action, String account) {
    return calls(get("log?action=" + encode(action) + "&account=" + encode(account) + "&limit=" + Integer.MAX_VALUE));
  }

  @Override
  public Optional<EmulatorCall> lastCall(String action, String casterId) {
    return calls(get("log?action=" + encode(action) + "&casterId=" + encode(casterId) + "&limit=1")).stream().findFirst();
  }

  private static List<EmulatorCall> calls(JsonNode log) {
    List<EmulatorCall> out = new ArrayList<>();
    for (JsonNode c : log.get("calls")) {
      Map<String, String> params = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = c.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        params.put(p.getKey(), p.getValue().asText());
      }
      out.add(new EmulatorCall(c.get("time").asLong(), text(c, "accessKeyId"), text(c, "account"), text(c, "action"),
          text(c, "casterId"), text(c, "code"), params));
    }
    return out;
  }

  /** A read, tried again when the connection fails: the JDK client may pick a pooled connection the server just closed. */
  private JsonNode get(String path) {
    for (int attempt = 1; ; attempt++) {
      try {
        return send(HttpRequest.newBuilder(URI.create(admin + path)).GET());
      } catch (UncheckedIOException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("the emulator's admin API answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the emulator's admin API cannot be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the emulator", e);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
