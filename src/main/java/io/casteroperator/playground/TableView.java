package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side printing, as the API server does it for {@code kubectl get}: a {@code meta.k8s.io/v1
 * Table} with the kind's {@link PrinterColumns} (the mock only returns plain lists, so kubectl would
 * show NAME and AGE only).
 */
final class TableView {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** The JSONPath forms printer columns use: {@code .a.b} and {@code .a[?(@.k=="v")].b}. */
  private static final Pattern FILTER = Pattern.compile("([A-Za-z0-9_]+)\\[\\?\\(@\\.([A-Za-z0-9_]+)==\"([^\"]*)\"\\)]");

  private TableView() {}

  /**
   * The Table of some objects.
   *
   * @param resourceVersion the list's resourceVersion
   * @param includeObject {@code includeObject=Object}: each row carries the whole object, not only its metadata
   */
  static ObjectNode of(List<JsonNode> items, String resourceVersion, List<PrinterColumns.Column> columns, Instant now,
      boolean includeObject) {
    ObjectNode table = JSON.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.set("metadata", JSON.objectNode().put("resourceVersion", resourceVersion));
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (PrinterColumns.Column column : columns) {
      definitions.addObject().put("name", column.name()).put("type", column.type()).put("format", column.format())
          .put("description", column.description()).put("priority", column.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (PrinterColumns.Column column : columns) {
        cells.addPOJO(column.cell().apply(item, now));
      }
      if (includeObject) {
        row.set("object", item);
      } else {
        ObjectNode object = row.putObject("object");
        object.put("kind", "PartialObjectMetadata");
        object.put("apiVersion", "meta.k8s.io/v1");
        object.set("metadata", item.path("metadata"));
      }
    }
    return table;
  }

  static String evaluate(JsonNode item, String path) {
    JsonNode node = item;
    for (String step : path.substring(1).split("\\.(?![^\\[]*])")) {
      Matcher filter = FILTER.matcher(step);
      if (filter.matches()) {
        JsonNode match = null;
        for (JsonNode element : node.path(filter.group(1))) {
          if (filter.group(3).equals(element.path(filter.group(2)).asText())) {
            match = element;
            break;
          }
        }
        node = match == null ? JSON.missingNode() : match;
      } else {
        node = node.path(step);
      }
    }
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  /** Like kubectl's HumanDuration: 45s, 5m12s, 37m, 5h3m, 3d... */
  static String age(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    try {
      long s = Math.max(0, Duration.between(Instant.parse(timestamp), now).getSeconds());
      if (s < 120) {
        return s + "s";
      } else if (s < 600) {
        return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
      } else if (s < 3 * 3600) {
        return s / 60 + "m";
      } else if (s < 8 * 3600) {
        return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
      } else if (s < 48 * 3600) {
        return s / 3600 + "h";
      }
      return s / 86400 + "d";
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }
}
