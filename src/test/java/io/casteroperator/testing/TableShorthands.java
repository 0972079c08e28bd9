package io.casteroperator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two shorthands of the YAML case tables (schema-cases/, hostile/), so that a case can ask for a
 * value too long or a list too large without spelling it out: {@code ${text*N}} in a string repeats
 * {@code text} N times; {@code {$repeat: N, item: X}} is a list of N copies of X, with {@code {i}} in
 * X's strings replaced by the 1-based index, and {@code {ii}} by the same index in two digits (01, 02...).
 */
public final class TableShorthands {

  private static final Pattern REPEAT_TEXT = Pattern.compile("\\$\\{(.+?)\\*(\\d+)}");

  private TableShorthands() {}

  /** {@code node} with the shorthands expanded. */
  public static JsonNode expand(JsonNode node) {
    return expand(node, UnaryOperator.identity());
  }

  /** {@code node} with {@code substitute} applied to every string, then the shorthands expanded. */
  public static JsonNode expand(JsonNode node, UnaryOperator<String> substitute) {
    if (node == null || node.isNull()) {
      return node;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(repeatText(substitute.apply(node.asText())));
    }
    if (node.isObject() && node.has("$repeat")) {
      if (node.size() != 2 || !node.has("item") || !node.get("$repeat").canConvertToInt()) {
        throw new IllegalArgumentException("expected {$repeat: N, item: X}, got " + node);
      }
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (int i = 1; i <= node.get("$repeat").asInt(); i++) {
        list.add(expand(numbered(node.get("item"), i), substitute));
      }
      return list;
    }
    if (node.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(f -> object.set(f.getKey(), expand(f.getValue(), substitute)));
      return object;
    }
    if (node.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> list.add(expand(item, substitute)));
      return list;
    }
    return node;
  }

  private static String repeatText(String text) {
    Matcher m = REPEAT_TEXT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static JsonNode numbered(JsonNode item, int i) {
    if (item.isTextual()) {
      return TextNode.valueOf(item.asText().replace("{ii}", "%02d".formatted(i)).replace("{i}", Integer.toString(i)));
    }
    if (item.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      item.fields().forEachRemaining(f -> object.set(f.getKey(), numbered(f.getValue(), i)));
      return object;
    }
    if (item.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      item.forEach(x -> list.add(numbered(x, i)));
      return list;
    }
    return item;
  }
}
