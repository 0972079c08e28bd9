package io.casteroperator.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API server model itself behaves as Kubernetes does where it matters for the table. */
class ApiServerModelTest {

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
    ObjectNode schema = CasterSchema.openApiV3Schema().deepCopy();
    ((ObjectNode) schema.get("properties").get("spec")).put("x-kubernetes-preserve-unknown-fields", true);
    assertThrows(RuntimeException.class, () -> new ApiServerModel(schema).create(CasterSchema.caster(null)));
  }

  @Test
  void transitionRulesRunOnlyOnUpdates() {
    ApiServerModel model = new ApiServerModel(CasterSchema.openApiV3Schema());
    com.fasterxml.jackson.databind.node.ObjectNode on = CasterSchema.caster(CasterSchema.readYaml("{channelEnable: true}"));
    on.set("status", CasterSchema.readYaml("{channelsEnabled: true}"));
    JsonNode off = CasterSchema.caster(CasterSchema.readYaml("{channelEnable: false}"));
    assertEquals(List.of(), model.create(off).findings());
    assertEquals(List.of(new Finding("spec.channelEnable", "cel")), model.update(on, off).findings());
  }
}
