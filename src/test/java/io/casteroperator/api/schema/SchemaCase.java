package io.casteroperator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One entry of the table in src/test/resources/schema-cases/ (the file header explains the format).
 *
 * @param update true when the entry has an {@code oldSpec} key (an update; {@code oldSpec: null}
 *     is an update from a Caster without spec)
 * @param schema what the API server (schema + CEL) refuses
 * @param java what the operator's Java validator refuses
 * @param why why the two differ; null when they agree
 * @param pruned the fields the API server drops, when the entry states them; null otherwise
 */
record SchemaCase(
    String file,
    String name,
    JsonNode spec,
    boolean update,
    JsonNode oldSpec,
    Set<Finding> schema,
    Set<Finding> java,
    String why,
    List<String> pruned) {

  static final String DIRECTORY = "schema-cases";

  private static final Set<String> KEYS =
      Set.of("name", "spec", "oldSpec", "expect", "schema", "java", "why", "pruned", "note");
  private static final Pattern REPEAT_TEXT = Pattern.compile("\\$\\{(.+?)\\*(\\d+)}");

  @Override
  public String toString() {
    return name;
  }

  boolean valid() {
    return schema.isEmpty() && java.isEmpty();
  }

  /** Every entry of every YAML file of the table, in file order. */
  static List<SchemaCase> all() {
    List<SchemaCase> cases = new ArrayList<>();
    for (Path file : files()) {
      JsonNode entries;
      try {
        entries = CasterSchema.YAML.readTree(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (entries == null || !entries.isArray()) {
        throw new IllegalArgumentException(file + ": expected a list of cases");
      }
      for (JsonNode entry : entries) {
        cases.add(of(file.getFileName().toString(), entry));
      }
    }
    return cases;
  }

  private static List<Path> files() {
    URL directory = SchemaCase.class.getClassLoader().getResource(DIRECTORY);
    if (directory == null) {
      throw new IllegalStateException(DIRECTORY + " is not on the test class path");
    }
    try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SchemaCase of(String file, JsonNode entry) {
    String name = entry.path("name").asText("");
    String where = file + ": case '" + name + "'";
    if (name.isBlank()) {
      throw new IllegalArgumentException(file + ": a case without a name: " + entry);
    }
    for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "'");
      }
    }
    if (!entry.has("spec")) {
      throw new IllegalArgumentException(where + ": no spec (write spec: null for a Caster without spec)");
    }
    boolean split = entry.has("schema") || entry.has("java");
    if (split == entry.has("expect") || (split && !(entry.has("schema") && entry.has("java")))) {
      throw new IllegalArgumentException(where + ": give either expect, or both schema and java");
    }
    if (split != entry.hasNonNull("why")) {
      throw new IllegalArgumentException(where + ": schema/java need a why (and why needs them)");
    }
    Set<Finding> schema = Finding.parseAll(entry.get(split ? "schema" : "expect"));
    Set<Finding> java = Finding.parseAll(entry.get(split ? "java" : "expect"));
    List<String> pruned = null;
    if (entry.has("pruned")) {
      pruned = new ArrayList<>();
      for (JsonNode path : entry.get("pruned")) {
        pruned.add(path.asText());
      }
    }
    return new SchemaCase(file, name, expand(entry.get("spec")), entry.has("oldSpec"),
        expand(entry.get("oldSpec")), schema, java, split ? entry.get("why").asText() : null, pruned);
  }

  /** Applies the two shorthands of the table: ${text*N} in strings, {$repeat: N, item: X} for lists. */
  static JsonNode expand(JsonNode node) {
    if (node == null || node.isNull()) {
      return node;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(repeatText(node.asText()));
    }
    if (node.isObject() && node.has("$repeat")) {
      if (node.size() != 2 || !node.has("item") || !node.get("$repeat").canConvertToInt()) {
        throw new IllegalArgumentException("expected {$repeat: N, item: X}, got " + node);
      }
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (int i = 1; i <= node.get("$repeat").asInt(); i++) {
        list.add(expand(numbered(node.get("item"), i)));
      }
      return list;
    }
    if (node.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        object.set(field.getKey(), expand(field.getValue()));
      }
      return object;
    }
    if (node.isArray()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> list.add(expand(item)));
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

  /** The item with {i} in its strings replaced by the 1-based index. */
  private static JsonNode numbered(JsonNode item, int i) {
    if (item.isTextual()) {
      return TextNode.valueOf(item.asText().replace("{i}", Integer.toString(i)));
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
