package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's own HTTP API under {@code /_emulator/}: what a test, a benchmark or a person at a
 * terminal needs to look inside the "cloud" and to play the console user or the bad network. It
 * needs no signature: it is not part of the service.
 */
final class AdminApi implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  private static final int DEFAULT_LOG_LIMIT = 100;

  private final LiveEmulator emulator;
  private final StudioAdmin studio;

  AdminApi(LiveEmulator emulator) {
    this.emulator = emulator;
    this.studio = new StudioAdmin(emulator);
  }

  /** An answer other than 200 with its message. */
  static final class AdminError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    AdminError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    int status = 200;
    JsonNode answer;
    try {
      answer = route(exchange);
    } catch (AdminError e) {
      status = e.status;
      answer = error(e.getMessage());
    } catch (NoSuchElementException e) {
      status = 404;
      answer = error(e.getMessage());
    } catch (IllegalArgumentException e) {
      status = 400;
      answer = error(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Admin API failed", e);
      status = 500;
      answer = error(String.valueOf(e));
    }
    HttpExchanges.sendJson(exchange, status, Json.write(answer), null);
  }

  private JsonNode route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath().substring(LiveEmulator.ADMIN_PATH.length());
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String[] parts = path.isEmpty() ? new String[0] : path.split("/");
    String first = parts.length == 0 ? "" : parts[0];
    switch (first) {
      case "" -> {
        expect(method, "GET");
        return index();
      }
      case "calls" -> {
        expect(method, "GET");
        return Json.MAPPER.valueToTree(emulator.calls(query.get("account")));
      }
      case "peaks" -> {
        expect(method, "GET");
        return Json.MAPPER.valueToTree(emulator.peaks(query.get("account")));
      }
      case "casters" -> {
        return casters(method, parts, exchange);
      }
      case "faults" -> {
        return faults(method, exchange);
      }
      case "quotas" -> {
        if (method.equals("POST")) {
          setQuotas(body(exchange));
        } else {
          expect(method, "GET");
        }
        return Json.MAPPER.valueToTree(emulator.quotas());
      }
      case "settings" -> {
        if (method.equals("POST")) {
          setSettings(body(exchange));
        } else {
          expect(method, "GET");
        }
        return settings();
      }
      case "log" -> {
        expect(method, "GET");
        return log(query);
      }
      case "reset" -> {
        expect(method, "POST");
        emulator.reset();
        return Json.object().put("reset", true);
      }
      default -> throw new AdminError(404, "No admin endpoint " + exchange.getRequestURI().getPath());
    }
  }

  private JsonNode casters(String method, String[] parts, HttpExchange exchange) throws IOException {
    if (parts.length == 1) {
      if (method.equals("POST")) {
        JsonNode body = body(exchange);
        String account =
            body.hasNonNull("account")
                ? body.get("account").asText()
                : body.hasNonNull("accessKeyId") ? emulator.accountOf(body.get("accessKeyId").asText()) : null;
        if (account == null) {
          throw new IllegalArgumentException("Give \"account\" or \"accessKeyId\"");
        }
        String region = textOrNull(body, "regionId");
        String id = region == null
            ? emulator.createCaster(account, textOrNull(body, "casterId"), textOrNull(body, "casterName"))
            : emulator.createCaster(account, region, textOrNull(body, "casterId"), textOrNull(body, "casterName"));
        return caster(emulator.caster(id).orElseThrow());
      }
      expect(method, "GET");
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("casters");
      emulator.casters().forEach(c -> list.add(caster(c)));
      return out;
    }
    String id = parts[1];
    if (parts.length == 2) {
      if (method.equals("DELETE")) {
        if (!emulator.deleteCaster(id)) {
          throw new NoSuchElementException("No caster " + id);
        }
        return Json.object().put("deleted", id);
      }
      expect(method, "GET");
      return caster(emulator.caster(id).orElseThrow(() -> new NoSuchElementException("No caster " + id)));
    }
    if (StudioAdmin.SECTIONS.contains(parts[2])) {
      return studio.route(id, parts, new StudioAdmin.Request() {
        @Override
        public String method() {
          return method;
        }

        @Override
        public JsonNode body() {
          try {
            return AdminApi.body(exchange);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      });
    }
    expect(method, "POST");
    JsonNode body = body(exchange);
    switch (parts[2]) {
      case "config" -> {
        Map<String, String> changes = new LinkedHashMap<>();
        body.properties().forEach(e -> changes.put(e.getKey(), e.getValue().isNull() ? "" : text(e.getValue())));
        emulator.changeConfig(id, changes);
      }
      case "state" -> {
        JsonNode status = body.get("status");
        if (status == null || !(status.asInt(-1) == 0 || status.asInt(-1) == 1)) {
          throw new IllegalArgumentException("Give {\"status\": 0|1}");
        }
        emulator.setRunning(id, status.asInt() == 1);
      }
      default -> throw new AdminError(404, "No admin endpoint " + exchange.getRequestURI().getPath());
    }
    return caster(emulator.caster(id).orElseThrow());
  }

  private JsonNode faults(String method, HttpExchange exchange) throws IOException {
    switch (method) {
      case "POST" -> emulator.faults(FaultSettings.fromJson(body(exchange)));
      case "DELETE" -> emulator.clearFaults();
      default -> expect(method, "GET");
    }
    return emulator.faults().toJson();
  }

  private void setQuotas(JsonNode body) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("Give {\"default\": n} and/or {\"<Action>\": n}");
    }
    if (body.has("default")) {
      emulator.setAllQuotas(nonNegativeInt(body.get("default"), "default"));
    }
    body.properties().forEach(
        e -> {
          if (!e.getKey().equals("default")) {
            emulator.setQuota(e.getKey(), nonNegativeInt(e.getValue(), e.getKey()));
          }
        });
  }

  private void setSettings(JsonNode body) {
    if (body.has("maxCastersPerAccount")) {
      emulator.setMaxCastersPerAccount(nonNegativeInt(body.get("maxCastersPerAccount"), "maxCastersPerAccount"));
    }
    if (body.has("rejectChangesWhileRunning")) {
      emulator.setRejectChangesWhileRunning(bool(body, "rejectChangesWhileRunning"));
    }
    if (body.has("defaultRegion")) {
      emulator.setDefaultRegion(body.get("defaultRegion").asText());
    }
    if (body.has("normalizeOnWrite")) {
      JsonNode n = body.get("normalizeOnWrite");
      if (!n.isObject()) {
        throw new IllegalArgumentException("Give {\"normalizeOnWrite\": {\"DomainName\": \"lowercase\"}}");
      }
      Map<String, String> byParameter = new LinkedHashMap<>();
      n.properties().forEach(e -> byParameter.put(e.getKey(), e.getValue().asText()));
      emulator.setNormalizeOnWrite(byParameter);
    }
    if (body.has("studioInputs")) {
      emulator.setStudioInputs(nonNegativeInt(body.get("studioInputs"), "studioInputs"));
    }
    if (body.has("rejectStartWhileRunning")) {
      emulator.setRejectStartWhileRunning(bool(body, "rejectStartWhileRunning"));
    }
    if (body.has("rejectStopWhileIdle")) {
      emulator.setRejectStopWhileIdle(bool(body, "rejectStopWhileIdle"));
    }
    if (body.has("rejectStudioChangesWhileRunning")) {
      emulator.setRejectStudioChangesWhileRunning(bool(body, "rejectStudioChangesWhileRunning"));
    }
    if (body.has("strictReferences")) {
      emulator.setStrictReferences(bool(body, "strictReferences"));
    }
  }

  private static boolean bool(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(name + " must be true or false");
    }
    return value.asBoolean();
  }

  private ObjectNode settings() {
    ObjectNode out = Json.object();
    out.put("maxCastersPerAccount", emulator.maxCastersPerAccount());
    out.put("rejectChangesWhileRunning", emulator.rejectChangesWhileRunning());
    out.put("defaultRegion", emulator.defaultRegion());
    out.set("normalizeOnWrite", Json.MAPPER.valueToTree(emulator.normalizeOnWrite()));
    out.put("studioInputs", emulator.studioInputs());
    out.put("rejectStartWhileRunning", emulator.rejectStartWhileRunning());
    out.put("rejectStopWhileIdle", emulator.rejectStopWhileIdle());
    out.put("rejectStudioChangesWhileRunning", emulator.rejectStudioChangesWhileRunning());
    out.put("strictReferences", emulator.strictReferences());
    return out;
  }

  private JsonNode log(Map<String, String> query) {
    int limit = DEFAULT_LOG_LIMIT;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.parseInt(query.get("limit"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be a number");
      }
    }
    ObjectNode out = Json.object();
    ArrayNode calls = out.putArray("calls");
    emulator
        .callLog(query.get("action"), query.get("casterId"), query.get("account"), Math.max(0, limit))
        .forEach(c -> calls.add(c.toJson()));
    return out;
  }

  private ObjectNode caster(CasterSnapshot c) {
    ObjectNode out = Json.object();
    out.put("casterId", c.casterId());
    out.put("account", c.account());
    out.put("regionId", c.regionId());
    out.put("casterName", c.casterName());
    out.put("status", c.status());
    out.put("running", c.running());
    out.put("channelEnable", c.channelEnable());
    out.put("normType", c.normType());
    out.put("createTime", CasterActions.TIME.format(c.createTime()));
    out.put("lastModified", CasterActions.TIME.format(c.lastModified()));
    ObjectNode config = out.putObject("config");
    CasterParameters.CONFIG.forEach(
        name -> {
          if (c.config().containsKey(name)) {
            config.put(name, c.config().get(name));
          }
        });
    // Gone between the two reads (deleted meanwhile): no scenes to show.
    out.set("scenes", emulator.studio(c.casterId()).map(s -> (JsonNode) StudioAdmin.scenes(s.scenes()))
        .orElse(Json.MAPPER.createArrayNode()));
    return out;
  }

  private static ObjectNode index() {
    ObjectNode out = Json.object();
    ArrayNode endpoints = out.putArray("endpoints");
    List.of(
            "GET calls[?account=]", "GET peaks[?account=]", "GET|POST casters", "GET|DELETE casters/<id>",
            "POST casters/<id>/config", "POST casters/<id>/state", "GET casters/<id>/studio",
            "GET|POST casters/<id>/videoResources", "GET|POST|DELETE casters/<id>/videoResources/<resourceId>",
            "GET|POST casters/<id>/layouts", "GET|POST|DELETE casters/<id>/layouts/<layoutId>",
            "GET|POST casters/<id>/components", "GET|POST|DELETE casters/<id>/components/<componentId>",
            "GET casters/<id>/channels", "GET|POST casters/<id>/channels/<channelId>",
            "GET casters/<id>/scenes", "GET|POST casters/<id>/scenes/<sceneId>",
            "GET|POST|DELETE faults", "GET|POST quotas",
            "GET|POST settings", "GET log[?action=&casterId=&account=&limit=]", "POST reset")
        .forEach(endpoints::add);
    return out;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    String text = HttpExchanges.body(exchange);
    if (text == null) {
      throw new IllegalArgumentException("Body too large");
    }
    if (text.isBlank()) {
      return Json.object();
    }
    return Json.parse(text).orElseThrow(() -> new IllegalArgumentException("Body is not JSON"));
  }

  /** Admin bodies may give config values as JSON values; the service's parameters are strings. */
  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : Json.write(value);
  }

  private static String textOrNull(JsonNode body, String name) {
    return body.hasNonNull(name) ? body.get(name).asText() : null;
  }

  private static int nonNegativeInt(JsonNode node, String name) {
    if (node == null || !node.canConvertToInt() || node.asInt() < 0) {
      throw new IllegalArgumentException(name + " must be a non-negative integer");
    }
    return node.asInt();
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void expect(String method, String wanted) {
    if (!method.equals(wanted)) {
      throw new AdminError(405, "Use " + wanted);
    }
  }

  private static ObjectNode error(String message) {
    return Json.object().put("error", message);
  }
}
