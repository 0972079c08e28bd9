package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field selectors as kube-apiserver evaluates them ({@code metadata.name=x,involvedObject.kind!=Pod}):
 * the fields every kind supports, plus the few each built-in kind adds (an Event's
 * {@code involvedObject.*}, which {@code kubectl describe} uses to find a Caster's events). Any other
 * field is refused, as the API server refuses it: "field label not supported".
 */
final class FieldSelectors {

  /** One requirement: field, operator, value. */
  record Requirement(String field, boolean equal, String value) {}

  private static final Set<String> EVERY_KIND = Set.of("metadata.name", "metadata.namespace");

  /** What kube-apiserver adds per resource (see each kind's GetAttrs / field label conversion). */
  private static final Map<String, Set<String>> BY_RESOURCE = Map.of(
      "events", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
          "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
          "reportingComponent", "source", "type"),
      "secrets", Set.of("type"),
      "namespaces", Set.of("status.phase"));

  private final List<Requirement> requirements;

  private FieldSelectors(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  static final FieldSelectors EVERYTHING = new FieldSelectors(List.of());

  /**
   * Parses a selector for a resource ({@code events}, {@code casters}...).
   *
   * @throws ApiException 400 for a field the resource does not support or a malformed selector
   */
  static FieldSelectors parse(String selector, String resource) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String term : split(selector)) {
      if (term.isBlank()) {
        continue;
      }
      int not = indexOfUnescaped(term, "!=");
      int eqeq = indexOfUnescaped(term, "==");
      int eq = indexOfUnescaped(term, "=");
      String field;
      String value;
      boolean equal;
      if (not >= 0) {
        field = term.substring(0, not);
        value = term.substring(not + 2);
        equal = false;
      } else if (eqeq >= 0) {
        field = term.substring(0, eqeq);
        value = term.substring(eqeq + 2);
        equal = true;
      } else if (eq >= 0) {
        field = term.substring(0, eq);
        value = term.substring(eq + 1);
        equal = true;
      } else {
        throw ApiException.of(400, "BadRequest", "invalid selector: '" + selector + "'; can't understand '" + term + "'");
      }
      field = field.trim();
      if (!EVERY_KIND.contains(field) && !BY_RESOURCE.getOrDefault(resource, Set.of()).contains(field)) {
        throw ApiException.of(400, "BadRequest", "field label not supported: " + field);
      }
      requirements.add(new Requirement(field, equal, unescape(value.trim())));
    }
    return new FieldSelectors(requirements);
  }

  boolean matches(JsonNode object) {
    for (Requirement requirement : requirements) {
      String actual = value(object, requirement.field());
      if (actual.equals(requirement.value()) != requirement.equal()) {
        return false;
      }
    }
    return true;
  }

  boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** The field's value as a string, "" when absent; {@code source} is an Event's source.component. */
  private static String value(JsonNode object, String field) {
    if (field.equals("source")) {
      return object.path("source").path("component").asText("");
    }
    JsonNode node = object;
    for (String step : field.split("\\.")) {
      node = node.path(step);
    }
    return node.isValueNode() ? node.asText() : "";
  }

  /** Splits on commas not escaped with a backslash. */
  private static List<String> split(String selector) {
    List<String> terms = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '\\' && i + 1 < selector.length()) {
        current.append(c).append(selector.charAt(++i));
      } else if (c == ',') {
        terms.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    terms.add(current.toString());
    return terms;
  }

  private static int indexOfUnescaped(String term, String operator) {
    for (int i = 0; i + operator.length() <= term.length(); i++) {
      if (term.charAt(i) == '\\') {
        i++;
      } else if (term.startsWith(operator, i)) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String value) {
    return value.replaceAll("\\\\(.)", "$1");
  }
}
