package io.casteroperator.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.casteroperator.playground.validation.SchemaValidator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table in src/test/resources/schema-cases/: each case is checked against the generated CRD
 * (as the API server would check it) and with the operator's SpecValidator, and the two must agree
 * case by case unless the case explains a difference of a known kind.
 */
class SchemaCasesTest {

  private static final SchemaValidator API_SERVER = new SchemaValidator(CasterSchema.openApiV3Schema());
  private static final List<SchemaCase> CASES = SchemaCase.all();

  static List<SchemaCase> cases() {
    return CASES;
  }

  static List<SchemaCase> updates() {
    return CASES.stream().filter(SchemaCase::update).toList();
  }

  private static SchemaValidator.Result apiServer(SchemaCase c) {
    JsonNode caster = CasterSchema.caster(c.spec());
    return c.update() ? API_SERVER.update(c.oldCaster(), caster) : API_SERVER.create(caster);
  }

  private static Set<Finding> operator(SchemaCase c) {
    JsonNode caster = CasterSchema.caster(c.spec());
    return Finding.sorted(c.update()
        ? OperatorValidator.update(c.oldCaster(), caster)
        : OperatorValidator.create(caster));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theApiServerSaysWhatTheTableSays(SchemaCase c) {
    SchemaValidator.Result result = apiServer(c);
    List<Finding> findings = Finding.of(result.errors());
    Set<Finding> actual = Finding.sorted(findings);
    assertEquals(Finding.describe(c.schema()), Finding.describe(actual), c.file() + ": " + c.name());
    assertEquals(findings.size(), actual.size(), "the same finding twice: " + findings);
    if (c.pruned() != null) {
      assertEquals(c.pruned(), result.pruned(), "pruned fields");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theOperatorSaysWhatTheTableSays(SchemaCase c) {
    assertEquals(Finding.describe(c.java()), Finding.describe(operator(c)), c.file() + ": " + c.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bothSidesAgreeUnlessTheDifferenceIsOfAKnownKind(SchemaCase c) {
    Set<Finding> schema = Finding.sorted(Finding.of(apiServer(c).errors()));
    Set<Finding> java = operator(c);
    if (c.why() == null) {
      assertEquals(Finding.describe(schema), Finding.describe(java), "the two sides disagree");
    } else {
      assertTrue(!schema.equals(java), "the sides agree: use expect instead of schema/java/why");
      assertNull(unexplainedDifference(schema, java), "a difference of no known kind");
    }
  }

  /**
   * Null when every difference between the two sides is of a kind the README lists; otherwise a
   * description of the first one that is not.
   */
  static String unexplainedDifference(Set<Finding> schema, Set<Finding> java) {
    Set<Finding> onlyJava = new TreeSet<>(java);
    onlyJava.removeAll(schema);
    Set<Finding> onlySchema = new TreeSet<>(schema);
    onlySchema.removeAll(java);
    boolean celSkipped = schema.stream().anyMatch(f -> SchemaValidator.BLOCKING.contains(f.rule()));
    for (Finding f : onlyJava) {
      boolean pruned = f.rule().equals("unknownField");
      boolean skippedCel = f.rule().equals("cel") && celSkipped;
      boolean wideInteger = f.rule().equals("type") && "integer".equals(schemaAt(f.path()).path("type").asText());
      if (!pruned && !skippedCel && !wideInteger) {
        return "only the Java validator reports " + f;
      }
    }
    boolean readerStopped = java.size() == 1
        && Set.of("type", "enum", "unknownField").contains(java.iterator().next().rule());
    if (!onlySchema.isEmpty() && !readerStopped) {
      return "only the API server reports " + Finding.describe(onlySchema);
    }
    return null;
  }

  /** The schema of a path such as spec.syncGroupsConfig[0].mode; a missing node when there is none. */
  static JsonNode schemaAt(String path) {
    JsonNode node = CasterSchema.openApiV3Schema();
    for (String segment : path.replaceAll("\\[\\d+]", ".[]").split("\\.")) {
      node = segment.equals("[]") ? node.path("items") : node.path("properties").path(segment);
    }
    return node;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updates")
  void theOldSpecOfAnUpdateIsValid(SchemaCase c) {
    // So the API server's validation ratcheting (which lets unchanged invalid values stay) never matters.
    JsonNode old = c.oldCaster();
    assertEquals(List.of(), API_SERVER.create(old).errors());
    assertEquals(List.of(), OperatorValidator.create(old));
  }

  @Test
  void theTableIsLargeAndItsNamesAreUnique() {
    assertTrue(CASES.size() >= 40, "only " + CASES.size() + " cases");
    Set<String> names = CASES.stream().map(SchemaCase::name).collect(Collectors.toSet());
    assertEquals(CASES.size(), names.size(), "case names must be unique");
    assertTrue(CASES.stream().filter(SchemaCase::valid).count() >= 10, "too few valid cases");
    assertTrue(CASES.stream().filter(SchemaCase::update).count() >= 8, "too few updates");
  }

  /**
   * Every rule of the spec schema (pattern, maxLength, maxItems, minimum, maximum, enum, required and
   * each x-kubernetes-validations rule) is broken by at least one case, so none can silently stop
   * working on either side.
   */
  @Test
  void everyRuleOfTheSpecSchemaIsBrokenByACase() {
    Set<String> covered = new TreeSet<>();
    for (SchemaCase c : CASES) {
      c.schema().forEach(f -> covered.add(f.genericPath() + " " + f.rule()));
    }
    List<String> missing = new ArrayList<>();
    for (String rule : rules(CasterSchema.openApiV3Schema().path("properties").path("spec"), "spec")) {
      if (!covered.contains(rule)) {
        missing.add(rule);
      }
    }
    assertEquals(List.of(), missing, "rules that no invalid case breaks");
  }

  /** The rules of a schema as "genericPath keyword". */
  static List<String> rules(JsonNode schema, String path) {
    List<String> rules = new ArrayList<>();
    for (String keyword : List.of("pattern", "maxLength", "maxItems", "minItems", "minimum", "maximum", "enum")) {
      if (schema.has(keyword)) {
        rules.add(path + " " + keyword);
      }
    }
    schema.path("required").forEach(name -> rules.add(path + "." + name.asText() + " required"));
    if ("map".equals(schema.path("x-kubernetes-list-type").asText())) {
      rules.add(path + "[] listMapKeys");
    }
    schema.path("x-kubernetes-validations").forEach(r -> rules.add(path + r.path("fieldPath").asText("") + " cel"));
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      rules.addAll(rules(property.getValue(), path + "." + property.getKey()));
    }
    if (schema.has("items")) {
      rules.addAll(rules(schema.get("items"), path + "[]"));
    }
    return rules;
  }

  @Test
  void theDifferenceCheckRefusesADifferenceOfNoKnownKind() {
    Finding delayMax = new Finding("spec.delay", "maximum");
    Finding unknown = new Finding("spec.dealy", "unknownField");
    assertNull(unexplainedDifference(Set.of(), Set.of(unknown)));
    assertTrue(unexplainedDifference(Set.of(delayMax), Set.of()) != null);
    assertTrue(unexplainedDifference(Set.of(), Set.of(delayMax)) != null);
    assertTrue(unexplainedDifference(Set.of(), Set.of(new Finding("spec.syncGroupsConfig[0].hostResourceId", "cel"))) != null);
    assertTrue(unexplainedDifference(Set.of(), Set.of(new Finding("spec.delay", "type"))) != null);
  }
}
