package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label selectors with the grammar of k8s.io/apimachinery's labels.Parse: {@code a=b}, {@code a==b},
 * {@code a!=b}, {@code a in (x,y)}, {@code a notin (x,y)}, {@code a}, {@code !a}, joined by commas.
 * (fabric8's mock understands only the first three and drops the rest with a warning.)
 */
final class LabelSelectors {

  private enum Operator { IN, NOT_IN, EXISTS, NOT_EXISTS }

  private record Requirement(String key, Operator operator, Set<String> values) {}

  private static final Pattern SET = Pattern.compile("\\s*([^\\s!=,()]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern EQUALITY = Pattern.compile("\\s*([^\\s!=,()]+)\\s*(==|=|!=)\\s*([^\\s!=,()]*)\\s*");
  private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*([^\\s!=,()]+)\\s*");

  static final LabelSelectors EVERYTHING = new LabelSelectors(List.of());

  private final List<Requirement> requirements;

  private LabelSelectors(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  /** @throws ApiException 400 for a selector that does not parse */
  static LabelSelectors parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String term : terms(selector)) {
      Matcher m;
      if ((m = SET.matcher(term)).matches()) {
        Set<String> values = new java.util.TreeSet<>();
        for (String value : m.group(3).split(",")) {
          if (!value.isBlank()) {
            values.add(value.trim());
          }
        }
        requirements.add(new Requirement(m.group(1), m.group(2).equals("in") ? Operator.IN : Operator.NOT_IN, values));
      } else if ((m = EQUALITY.matcher(term)).matches()) {
        requirements.add(new Requirement(m.group(1), m.group(2).equals("!=") ? Operator.NOT_IN : Operator.IN, Set.of(m.group(3))));
      } else if ((m = EXISTS.matcher(term)).matches()) {
        requirements.add(new Requirement(m.group(2), m.group(1).isEmpty() ? Operator.EXISTS : Operator.NOT_EXISTS, Set.of()));
      } else {
        throw ApiException.of(400, "BadRequest", "unable to parse requirement: " + term.trim());
      }
    }
    return new LabelSelectors(requirements);
  }

  boolean matches(JsonNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    for (Requirement requirement : requirements) {
      JsonNode label = labels.get(requirement.key());
      boolean has = label != null && !label.isNull();
      boolean ok = switch (requirement.operator()) {
        case IN -> has && requirement.values().contains(label.asText());
        case NOT_IN -> !has || !requirement.values().contains(label.asText());
        case EXISTS -> has;
        case NOT_EXISTS -> !has;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Splits on the commas that are not inside parentheses. */
  private static List<String> terms(String selector) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }
}
