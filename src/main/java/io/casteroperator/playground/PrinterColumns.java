package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The columns kube-apiserver prints for each kind the playground holds: the CRD's
 * additionalPrinterColumns for Casters, and for the built-in kinds the columns of Kubernetes' own
 * printers (pkg/printers/internalversion), so {@code kubectl get events} shows LAST SEEN, TYPE,
 * REASON, OBJECT and MESSAGE as on a cluster.
 */
final class PrinterColumns {

  /**
   * One column.
   *
   * @param cell the cell of an object, given the time "now" (ages are printed by the server)
   */
  record Column(String name, String type, String format, int priority, String description,
      BiFunction<JsonNode, Instant, Object> cell) {}

  private PrinterColumns() {}

  /** The columns for a resource ({@code casters}, {@code events}...). */
  static List<Column> of(String resource, List<CustomResourceColumnDefinition> casterColumns) {
    return switch (resource) {
      case "casters" -> custom(casterColumns);
      case "events" -> events();
      case "namespaces" -> List.of(name(), text("Status", "The status of the namespace",
          o -> o.path("status").path("phase").asText("Active")), age());
      case "secrets" -> List.of(name(), text("Type", "The type of the secret", o -> o.path("type").asText("Opaque")),
          count("Data", "The number of entries in the secret", o -> o.path("data").size()), age());
      case "configmaps" -> List.of(name(), count("Data", "The number of entries in the config map",
          o -> o.path("data").size() + o.path("binaryData").size()), age());
      case "leases" -> List.of(name(), text("Holder", "The holder of the lease",
          o -> o.path("spec").path("holderIdentity").asText("")), age());
      case "serviceaccounts" -> List.of(name(), count("Secrets", "The number of secrets of the service account",
          o -> o.path("secrets").size()), age());
      case "customresourcedefinitions" -> List.of(name(), new Column("Created At", "date", "", 0,
          "When the object was created", (o, now) -> o.path("metadata").path("creationTimestamp").asText("")));
      default -> List.of(name(), age());
    };
  }

  private static Column name() {
    return new Column("Name", "string", "name", 0, "Name must be unique within a namespace.",
        (o, now) -> o.path("metadata").path("name").asText());
  }

  private static Column age() {
    return new Column("Age", "string", "", 0, "CreationTimestamp is a timestamp representing the server time when this object was created.",
        (o, now) -> TableView.age(o.path("metadata").path("creationTimestamp").asText(""), now));
  }

  private static Column text(String name, String description, java.util.function.Function<JsonNode, String> cell) {
    return new Column(name, "string", "", 0, description, (o, now) -> cell.apply(o));
  }

  private static Column count(String name, String description, java.util.function.ToIntFunction<JsonNode> cell) {
    return new Column(name, "integer", "", 0, description, (o, now) -> cell.applyAsInt(o));
  }

  /** The CRD's printer columns, after a Name column, as for any custom resource. */
  private static List<Column> custom(List<CustomResourceColumnDefinition> definitions) {
    List<Column> columns = new ArrayList<>();
    columns.add(name());
    for (CustomResourceColumnDefinition d : definitions) {
      boolean date = "date".equals(d.getType());
      columns.add(new Column(d.getName(), d.getType(), d.getFormat() == null ? "" : d.getFormat(),
          d.getPriority() == null ? 0 : d.getPriority(), d.getDescription() == null ? "" : d.getDescription(),
          (o, now) -> {
            String value = TableView.evaluate(o, d.getJsonPath());
            return date ? TableView.age(value, now) : value;
          }));
    }
    return columns;
  }

  /** Kubernetes' event printer: the last time seen ("5m (x3 over 20m)" for a repeated event) first. */
  private static List<Column> events() {
    return List.of(
        new Column("Last Seen", "string", "", 0, "The last time the event was seen", PrinterColumns::lastSeen),
        text("Type", "The type of the event", o -> o.path("type").asText("")),
        text("Reason", "Why the event happened", o -> o.path("reason").asText("")),
        text("Object", "The object the event is about", o -> o.path("involvedObject").path("kind").asText("")
            .toLowerCase(Locale.ROOT) + "/" + o.path("involvedObject").path("name").asText("")),
        new Column("Subobject", "string", "", 1, "The part of the object", (o, now) -> o.path("involvedObject").path("fieldPath").asText("")),
        new Column("Source", "string", "", 1, "Who reported the event", (o, now) -> source(o)),
        text("Message", "What happened", o -> o.path("message").asText("").trim()),
        new Column("First Seen", "string", "", 1, "The first time the event was seen",
            (o, now) -> TableView.age(first(o), now)),
        new Column("Count", "integer", "", 1, "How often the event was seen", (o, now) -> Math.max(1, o.path("count").asInt(1))),
        new Column("Name", "string", "name", 1, "The event's name", (o, now) -> o.path("metadata").path("name").asText()));
  }

  private static Object lastSeen(JsonNode event, Instant now) {
    String last = event.path("lastTimestamp").asText("");
    String first = first(event);
    String lastAge = TableView.age(last.isEmpty() ? first : last, now);
    int count = event.path("count").asInt(1);
    return count > 1 ? lastAge + " (x" + count + " over " + TableView.age(first, now) + ")" : lastAge;
  }

  private static String first(JsonNode event) {
    for (String field : List.of("firstTimestamp", "eventTime")) {
      String value = event.path(field).asText("");
      if (!value.isEmpty()) {
        return value;
      }
    }
    return event.path("metadata").path("creationTimestamp").asText("");
  }

  private static String source(JsonNode event) {
    String component = event.path("source").path("component").asText(event.path("reportingComponent").asText(""));
    String host = event.path("source").path("host").asText("");
    return host.isEmpty() ? component : component + ", " + host;
  }
}
