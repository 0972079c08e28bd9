package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes of Casters are refused as kube-apiserver refuses them, and the operator's own status writes
 * are not refused for what the stored object already was.
 */
class SchemaAdmissionTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SCHEMA = MockKubernetes.crdJson().path("spec").path("versions").path(0)
      .path("schema").path("openAPIV3Schema");
  private static final SchemaAdmission ADMISSION = admission(SCHEMA);

  private static SchemaAdmission admission(JsonNode schema) {
    return new SchemaAdmission(schema, "live.caster-operator.io", "v1alpha1", "Caster");
  }

  private static String caster(String spec, String status) throws Exception {
    ObjectNode caster = (ObjectNode) YAML.readTree("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: c1, namespace: default}
        spec: %s
        """.formatted(spec));
    if (status != null) {
      caster.set("status", YAML.readTree(status));
    }
    return caster.toString();
  }

  private static JsonNode refusal(ApiException e) throws Exception {
    return JSON.readTree(e.response().getBody().readUtf8());
  }

  @Test
  void anInvalidCreateIsRefusedWith422AndACausePerField() throws Exception {
    ApiException refused = assertThrows(ApiException.class,
        () -> ADMISSION.admit(null, caster("{delay: 301, sideOutputUrl: 'http://not-rtmp'}", null), false, "Strict"));
    assertEquals(422, refused.response().code());
    JsonNode status = refusal(refused);
    assertEquals("Invalid", status.get("reason").asText());
    assertTrue(status.get("message").asText().startsWith("Caster.live.caster-operator.io \"c1\" is invalid: [spec.delay: "),
        status.toString());
    assertEquals(List.of("spec.delay", "spec.sideOutputUrl"),
        status.path("details").path("causes").findValuesAsText("field").stream().sorted().toList());
    assertEquals("Caster", status.path("details").path("kind").asText());
  }

  @Test
  void unknownFieldsFollowFieldValidation() throws Exception {
    String typo = caster("{dealy: 3, casterName: x}", null);
    ApiException strict = assertThrows(ApiException.class, () -> ADMISSION.admit(null, typo, false, "Strict"));
    assertEquals(400, strict.response().code());
    assertTrue(strict.getMessage().endsWith("strict decoding error: unknown field \"spec.dealy\""), strict.getMessage());

    SchemaAdmission.Admitted warned = ADMISSION.admit(null, typo, false, null);
    assertEquals(List.of("unknown field \"spec.dealy\""), warned.warnings());
    assertEquals(JSON.readTree("{\"casterName\": \"x\"}"), JSON.readTree(warned.object()).get("spec"), "pruned, as stored");

    assertEquals(List.of(), ADMISSION.admit(null, typo, false, "Ignore").warnings());
  }

  @Test
  void aStatusWriteIsNotRefusedForASpecStoredBeforeItsRule() throws Exception {
    // Stored without schema checks (or before the rule): delay beyond the maximum, a streamer group without host.
    String stored = caster("{delay: 301, syncGroupsConfig: [{mode: 0}]}", null);
    String withStatus = caster("{delay: 301, syncGroupsConfig: [{mode: 0}]}",
        "{observedGeneration: 1, conditions: [{type: Ready, status: 'False', reason: InvalidSpec, message: 'spec.delay: too long',"
            + " lastTransitionTime: '2026-01-01T00:00:00Z', observedGeneration: 1}]}");
    SchemaAdmission.Admitted admitted = ADMISSION.admit(stored, withStatus, true, null);
    assertEquals("InvalidSpec", JSON.readTree(admitted.object()).path("status").path("conditions").path(0).path("reason").asText());

    // A label on the same Caster goes through too (ratcheting), a new invalid value does not.
    String labelled = JSON.readTree(withStatus).deepCopy().toString().replace("\"namespace\":\"default\"",
        "\"namespace\":\"default\",\"labels\":{\"team\":\"news\"}");
    ADMISSION.admit(withStatus, labelled, false, "Strict");
    assertThrows(ApiException.class, () -> ADMISSION.admit(withStatus, withStatus.replace("301", "302"), false, "Strict"));
  }

  @Test
  void anInvalidStatusIsRefusedAsOnACluster() throws Exception {
    String stored = caster("{delay: 3}", null);
    ApiException refused = assertThrows(ApiException.class,
        () -> ADMISSION.admit(stored, caster("{delay: 3}", "{casterState: Exploded}"), true, null));
    assertEquals("status.casterState", refusal(refused).path("details").path("causes").path(0).path("field").asText());
  }

  @Test
  void aRootRuleReadingTheStatusLetsTheOperatorsStatusWritesThrough() throws Exception {
    ObjectNode schema = SCHEMA.deepCopy();
    schema.putArray("x-kubernetes-validations").addObject()
        .put("rule", "!has(oldSelf.status) || !has(oldSelf.status.casterId) || !has(oldSelf.spec.regionId)"
            + " || (has(self.spec.regionId) && self.spec.regionId == oldSelf.spec.regionId)")
        .put("message", "regionId cannot change once the caster exists (checked on updates only)");
    SchemaAdmission admission = admission(schema);
    String created = caster("{regionId: cn-shanghai}", null);
    String withId = caster("{regionId: cn-shanghai}", "{casterId: a2b8e671-2fe5-4642-a2ec-bf93880e0001}");
    admission.admit(created, withId, true, null);
    admission.admit(withId, caster("{regionId: cn-shanghai}", "{casterId: a2b8e671-2fe5-4642-a2ec-bf93880e0001, casterState: Idle}"),
        true, null);
    ApiException moved = assertThrows(ApiException.class,
        () -> admission.admit(withId, caster("{regionId: cn-beijing}", "{casterId: a2b8e671-2fe5-4642-a2ec-bf93880e0001}"),
            false, "Strict"));
    assertTrue(refusal(moved).get("message").asText().contains("regionId cannot change"), refusal(moved).toString());
  }
}
