package io.casteroperator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.casteroperator.testing.TableShorthands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One entry of the table in src/test/resources/schema-cases/ (the file header explains the format).
 *
 * @param update true when the entry has an {@code oldSpec} key (an update; {@code oldSpec: null}
 *     is an update from a Caster without spec)
 * @param oldStatus the old Caster's status ({@code oldStatus}; null for none): rules at the root see it
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
    JsonNode oldStatus,
    Set<Finding> schema,
    Set<Finding> java,
    String why,
    List<String> pruned) {

  static final String DIRECTORY = "schema-cases";

  private static final Set<String> KEYS =
      Set.of("name", "spec", "oldSpec", "oldStatus", "expect", "schema", "java", "why", "pruned", "note");

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
        expand(entry.get("oldSpec")), entry.get("oldStatus"), schema, java, split ? entry.get("why").asText() : null, pruned);
  }

  /** The Caster before an update: its old spec, and its old status when the entry gives one. */
  JsonNode oldCaster() {
    com.fasterxml.jackson.databind.node.ObjectNode old = CasterSchema.caster(oldSpec);
    if (oldStatus != null) {
      old.set("status", oldStatus);
    }
    return old;
  }

  static JsonNode expand(JsonNode node) {
    return TableShorthands.expand(node);
  }
}
