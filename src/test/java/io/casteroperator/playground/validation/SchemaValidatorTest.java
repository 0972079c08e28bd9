package io.casteroperator.playground.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.casteroperator.api.crd.CrdGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator behaves as the Kubernetes API server does where a user would notice. */
class SchemaValidatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNode CASTER_SCHEMA = yaml(CrdGenerator.generate())
      .path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
  private static final SchemaValidator CASTERS = new SchemaValidator(CASTER_SCHEMA);

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode caster(String spec) {
    return (ObjectNode) yaml("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: c, namespace: default}
        spec: %s
        """.formatted(spec));
  }

  @Test
  void patternsFollowRe2() {
    // Kubernetes: a pattern may match anywhere, and $ is the end of the text.
    assertTrue(Re2RegularExpressionFactory.find("b", "abc"));
    assertFalse(Re2RegularExpressionFactory.find("^a$", "a\n"));
    // The JDK engine (networknt's default) would have accepted it.
    assertTrue(java.util.regex.Pattern.compile("^a$").matcher("a\n").find());
  }

  @Test
  void anUnknownSchemaKeywordIsNotIgnored() {
    ObjectNode schema = CASTER_SCHEMA.deepCopy();
    ((ObjectNode) schema.get("properties").get("spec")).put("x-kubernetes-preserve-unknown-fields", true);
    assertThrows(RuntimeException.class, () -> new SchemaValidator(schema).create(caster("{}")));
  }

  @Test
  void aRefusalNamesTheFieldInTheApiServersWords() {
    SchemaValidator.Result result = CASTERS.create(caster("{delay: 301}"));
    assertEquals(List.of(new FieldError("spec.delay", "maximum", "FieldValueInvalid",
        "Invalid value: 301: spec.delay in body should be less than or equal to 300")), result.errors());
    assertEquals("spec.delay: Invalid value: 301: spec.delay in body should be less than or equal to 300", result.describe());
  }

  @Test
  void blockingErrorsSkipTheCelRulesAndSaySo() {
    SchemaValidator.Result result = CASTERS.create(caster("{delay: abc, syncGroupsConfig: [{mode: 0}]}"));
    assertEquals(List.of("spec.delay type"), result.errors().stream().map(e -> e.field() + " " + e.rule()).toList());
    assertTrue(result.celSkipped());
    assertTrue(result.describe().endsWith(SchemaValidator.CEL_SKIPPED + "]"), result.describe());
  }

  @Test
  void unknownFieldsAndNullsArePrunedAndListed() {
    SchemaValidator.Result result = CASTERS.create(caster("{dealy: 3, delay: null, casterName: x}"));
    assertEquals(List.of(), result.errors());
    assertEquals(List.of("spec.dealy", "spec.delay"), result.pruned());
    assertEquals(yaml("{casterName: x}"), result.object().get("spec"));
  }

  @Test
  void transitionRulesRunOnlyOnUpdates() {
    ObjectNode on = caster("{channelEnable: true}");
    on.set("status", on.objectNode().put("channelsEnabled", true)); // channels are on in the cloud
    ObjectNode off = caster("{channelEnable: false}");
    assertEquals(List.of(), CASTERS.create(off).errors());
    List<FieldError> errors = CASTERS.update(on, off).errors();
    assertEquals(List.of("spec.channelEnable cel"), errors.stream().map(e -> e.field() + " " + e.rule()).toList());
    // The rule's reason is FieldValueForbidden, which kube-apiserver words as "Forbidden: <message>".
    assertEquals("FieldValueForbidden", errors.get(0).reason());
    assertTrue(errors.get(0).message().startsWith("Forbidden: channelEnable cannot be turned off"), errors.get(0).message());
  }

  @Test
  void anUnchangedInvalidValueDoesNotFailAnUpdateElsewhere() {
    // A Caster stored before the rule (or with validation off) can still get a label or a status.
    ObjectNode old = caster("{delay: 301, syncGroupsConfig: [{mode: 0}]}");
    ObjectNode labelled = old.deepCopy();
    ((ObjectNode) labelled.get("metadata")).putObject("labels").put("team", "news");
    assertEquals(List.of(), CASTERS.update(old, labelled).errors());

    ObjectNode changed = caster("{delay: 302, syncGroupsConfig: [{mode: 0}]}");
    assertEquals(List.of("spec.delay maximum"),
        CASTERS.update(old, changed).errors().stream().map(e -> e.field() + " " + e.rule()).toList());
  }

  @Test
  void rulesAtTheRootSeeTheWholeObjectAndTheOldOne() {
    ObjectNode schema = CASTER_SCHEMA.deepCopy();
    schema.putArray("x-kubernetes-validations").addObject()
        .put("rule", "!has(oldSelf.status) || !has(oldSelf.status.casterId) || !has(oldSelf.spec.regionId)"
            + " || (has(self.spec.regionId) && self.spec.regionId == oldSelf.spec.regionId)")
        .put("message", "regionId cannot change once the caster exists (checked on updates only)");
    SchemaValidator validator = new SchemaValidator(schema);
    ObjectNode old = caster("{regionId: cn-shanghai}");
    old.putObject("status").put("casterId", "a2b8e671-2fe5-4642-a2ec-bf93880e0001");
    ObjectNode moved = old.deepCopy();
    ((ObjectNode) moved.get("spec")).put("regionId", "cn-beijing");

    List<FieldError> errors = validator.update(old, moved).errors();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("", errors.get(0).field());
    assertTrue(errors.get(0).message().contains("regionId cannot change"), errors.get(0).message());
    assertEquals(List.of(), validator.create(moved).errors(), "a transition rule does not run on a create");
    ObjectNode status = old.deepCopy();
    ((ObjectNode) status.get("status")).put("casterState", "Idle");
    assertEquals(List.of(), validator.update(old, status).errors());
  }

  @Test
  void defaultsFillMissingFieldsWhereTheParentExists() {
    ObjectNode schema = (ObjectNode) yaml("""
        type: object
        properties:
          spec:
            type: object
            properties:
              policy: {type: string, default: Full}
              nested: {type: object, properties: {level: {type: integer, default: 3}}}
        """);
    SchemaValidator validator = new SchemaValidator(schema);
    ObjectNode object = (ObjectNode) yaml("{apiVersion: v1, kind: X, metadata: {name: x}, spec: {nested: {}}}");
    assertEquals(yaml("{policy: Full, nested: {level: 3}}"), validator.create(object).object().get("spec"));
    ObjectNode set = (ObjectNode) yaml("{apiVersion: v1, kind: X, metadata: {name: x}, spec: {policy: ObserveOnly}}");
    assertEquals(yaml("{policy: ObserveOnly}"), validator.create(set).object().get("spec"));
  }
}
