package io.casteroperator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.casteroperator.playground.validation.FieldError;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One refusal, as both sides report it: the field path ({@code spec.sideOutputUrlList[3]}) and the
 * rule (the JSON-schema keyword, {@code cel} for an x-kubernetes-validations rule, or {@code
 * unknownField}).
 */
record Finding(String path, String rule) implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path).thenComparing(Finding::rule);

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return path + " " + rule;
  }

  /** {@code valid} (or nothing) as the empty set, or a list of {@code {path, rule}} entries. */
  static Set<Finding> parseAll(JsonNode node) {
    Set<Finding> findings = new TreeSet<>();
    if (node == null || node.isNull() || (node.isTextual() && node.asText().equals("valid"))) {
      return findings;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("expected 'valid' or a list of {path, rule}, got " + node);
    }
    for (JsonNode entry : node) {
      if (!entry.hasNonNull("path") || !entry.hasNonNull("rule") || entry.size() != 2) {
        throw new IllegalArgumentException("expected {path, rule}, got " + entry);
      }
      findings.add(new Finding(entry.get("path").asText(), entry.get("rule").asText()));
    }
    return findings;
  }

  static Set<Finding> sorted(List<Finding> findings) {
    return new TreeSet<>(findings);
  }

  /** What the API server's validator reports, as (path, rule) pairs. */
  static List<Finding> of(List<FieldError> errors) {
    return errors.stream().map(e -> new Finding(e.field(), e.rule())).toList();
  }

  /** The path with list indices removed: {@code spec.syncGroupsConfig[2].mode -> spec.syncGroupsConfig[].mode}. */
  String genericPath() {
    return path.replaceAll("\\[\\d+]", "[]");
  }

  static String describe(Set<Finding> findings) {
    return findings.isEmpty() ? "valid" : findings.stream().map(Finding::toString).collect(Collectors.joining(", "));
  }
}
