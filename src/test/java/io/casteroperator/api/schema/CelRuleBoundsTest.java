package io.casteroperator.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.casteroperator.playground.validation.CelRules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a real API server checks when the CRD is installed, and the mock API server of the tests
 * does not: the rules are standard CEL (plus matches()), their cost is bounded (every string and
 * list a rule reads has a maxLength / maxItems), transition rules sit where oldSelf can exist, and
 * every string and list of the schema is bounded at all.
 */
class CelRuleBoundsTest {

  private static final JsonNode SCHEMA = CasterSchema.openApiV3Schema();

  /** self.a.b... or oldSelf.a.b...; a last segment followed by '(' is a method (size, all, matches...). */
  private static final Pattern REFERENCE = Pattern.compile("\\b(self|oldSelf)((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(\\s*\\()?");

  @Test
  void theCrdHasTheRulesTheIssueAsksFor() {
    List<String> rules = CelRules.sites(SCHEMA).stream().map(s -> s.location() + s.rule().fieldPath()).toList();
    assertEquals(List.of(".spec.channelEnable", "spec.casterId", "spec.running", "spec.syncGroupsConfig[].hostResourceId",
            ".spec.regionId",
            // the studio (issue 16): references between its lists, one item per key, and the items' own rules
            "spec.channels", "spec.channels", "spec.channels", "spec.components", "spec.components", "spec.components[]",
            "spec.components[].layer.positionNormalized", "spec.components[].locationId", "spec.layouts",
            "spec.layouts[].audioLayers", "spec.layouts[].videoLayers", "spec.layouts[].videoLayers[].fillMode",
            "spec.layouts[].videoLayers[].positionNormalized", "spec.scenes", "spec.scenes", "spec.videoResources",
            "spec.videoResources[]")
            .stream().sorted().toList(),
        rules.stream().sorted().toList());
  }

  @Test
  void everyRuleIsStandardCel() {
    for (CelRules.Site site : CelRules.sites(SCHEMA)) {
      assertNull(CelRules.compileError(site.rule().expression()), site.location() + ": " + site.rule().expression());
    }
  }

  @Test
  void theStandardCelCheckRefusesKubernetesLibraries() {
    assertNotNull(CelRules.compileError("self.callbackUrl.isURL()"));
    assertNotNull(CelRules.compileError("url(self.callbackUrl).getScheme() == 'https'"));
    assertNull(CelRules.compileError("self.callbackUrl.matches('^https://')"));
  }

  @Test
  void everyFieldARuleReadsIsBounded() {
    List<String> problems = new ArrayList<>();
    for (CelRules.Site site : CelRules.sites(SCHEMA)) {
      problems.addAll(unboundedReferences(site));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theBoundsCheckFindsAnUnboundedOrUnknownField() {
    JsonNode schema = CasterSchema.readYaml("""
        type: object
        properties:
          name: {type: string}
          ids: {type: array, items: {type: string}}
          id: {type: string, maxLength: 10}
        x-kubernetes-validations:
          - rule: "self.name.size() < 10 && self.ids.all(i, i != '') && has(self.nmae) && self.id != ''"
        """);
    List<String> problems = unboundedReferences(CelRules.sites(schema).get(0));
    assertEquals(List.of(
        "self.name: string without maxLength",
        "self.ids: list without maxItems",
        "self.ids: list of strings without maxLength",
        "self.nmae: no such field"), problems);
  }

  /** What a rule reads without a bound, or reads although it does not exist. */
  static List<String> unboundedReferences(CelRules.Site site) {
    List<String> problems = new ArrayList<>();
    Matcher m = REFERENCE.matcher(site.rule().expression());
    while (m.find()) {
      JsonNode node = site.schema();
      String[] segments = m.group(2).isEmpty() ? new String[0] : m.group(2).substring(1).split("\\.");
      String read = m.group(1);
      for (int i = 0; i < segments.length; i++) {
        boolean method = i == segments.length - 1 && m.group(3) != null;
        JsonNode property = node.path("properties").get(segments[i]);
        if (method) {
          break;
        }
        read += "." + segments[i];
        if (property == null) {
          problems.add(read + ": no such field");
          node = null;
          break;
        }
        node = property;
      }
      if (node != null) {
        problems.addAll(unbounded(node, read));
      }
    }
    return problems;
  }

  private static List<String> unbounded(JsonNode node, String what) {
    List<String> problems = new ArrayList<>();
    String type = node.path("type").asText();
    if (type.equals("string") && !node.has("maxLength") && !node.has("enum")) {
      problems.add(what + ": string without maxLength");
    }
    if (type.equals("array")) {
      if (!node.has("maxItems")) {
        problems.add(what + ": list without maxItems");
      }
      JsonNode items = node.path("items");
      if (items.path("type").asText().equals("string") && !items.has("maxLength") && !items.has("enum")) {
        problems.add(what + ": list of strings without maxLength");
      }
    }
    if (type.equals("object") && node.has("additionalProperties") && !node.has("maxProperties")) {
      problems.add(what + ": map without maxProperties");
    }
    return problems;
  }

  @Test
  void transitionRulesOnlySitWhereOldSelfCanExist() {
    for (CelRules.Site site : CelRules.sites(SCHEMA)) {
      if (site.rule().transition()) {
        // Items of a list that is not x-kubernetes-list-type: map are never correlated with the old object.
        assertTrue(!site.underListItems(), site.location() + ": transition rule under list items");
        assertTrue(site.rule().message().contains("updates only"), site.location() + ": say that it is checked on updates only");
      }
    }
  }

  @Test
  void everyFieldPathNamesAFieldOfItsObject() {
    for (CelRules.Site site : CelRules.sites(SCHEMA)) {
      String fieldPath = site.rule().fieldPath();
      if (fieldPath.isEmpty()) {
        continue; // a rule about its object (or list) as a whole: the error names that
      }
      assertTrue(fieldPath.matches("(\\.[A-Za-z][A-Za-z0-9]*)+"), site.location() + ": fieldPath " + fieldPath);
      // A root rule about spec names a field below its object (the API server accepts a path there).
      JsonNode object = site.schema();
      for (String field : fieldPath.substring(1).split("\\.")) {
        assertTrue(object.path("properties").has(field), site.location() + ": no field " + fieldPath);
        object = object.path("properties").path(field);
      }
    }
  }

  @Test
  void everyStringHasAMaxLengthAndEveryListAMaxItems() {
    List<String> problems = new ArrayList<>();
    walk(SCHEMA, "", problems);
    assertEquals(List.of(), problems);
  }

  private static void walk(JsonNode schema, String path, List<String> problems) {
    problems.addAll(unbounded(schema, path));
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      walk(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), problems);
    }
    if (schema.has("items")) {
      walk(schema.get("items"), path + "[]", problems);
    }
  }
}
