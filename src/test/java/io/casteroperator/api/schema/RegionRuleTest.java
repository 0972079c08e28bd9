package io.casteroperator.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.casteroperator.playground.validation.SchemaValidator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The root rule that fixes spec.regionId once status records where the caster lives: it sees both
 * spec and status, so it is checked on whole Casters (the schema cases hold specs only). It must
 * never refuse the operator's own status writes, and must let a region be corrected before any claim.
 */
class RegionRuleTest {

  private static final SchemaValidator API_SERVER = new SchemaValidator(CasterSchema.openApiV3Schema());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "region changed after the claim          | {regionId: cn-shanghai} | {regionId: cn-shanghai} | {regionId: cn-beijing}   | {regionId: cn-shanghai} | refused",
      "region removed after the claim          | {regionId: cn-shanghai} | {regionId: cn-shanghai} | {delay: 1}               | {regionId: cn-shanghai} | refused",
      "region kept, other fields changed       | {regionId: cn-shanghai} | {regionId: cn-shanghai} | {regionId: cn-shanghai, delay: 3} | {regionId: cn-shanghai} | valid",
      "region fixed before any claim           | {regionId: cn-shanghai} | {casterId: a2b8e671-2fe5-4642-a2ec-bf93880e0001} | {regionId: cn-beijing} | {casterId: a2b8e671-2fe5-4642-a2ec-bf93880e0001} | valid",
      "region fixed, no status at all          | {regionId: cn-shanghai} |                         | {regionId: cn-beijing}   |                         | valid",
      "region added after a claim without one  | {delay: 1}              | {regionId: cn-shanghai} | {regionId: cn-shanghai, delay: 1} | {regionId: cn-shanghai} | valid",
      "the operator records the claim          | {regionId: cn-shanghai} | {casterId: a2b8e671-2fe5-4642-a2ec-bf93880e0001} | {regionId: cn-shanghai} | {regionId: cn-shanghai, accountId: demo} | valid",
      "a status write after the claim          | {regionId: cn-shanghai} | {regionId: cn-shanghai} | {regionId: cn-shanghai}  | {regionId: cn-shanghai, lastErrorCode: Throttling.User} | valid",
  })
  void regionIsFixedOnceStatusRecordsIt(String name, String oldSpec, String oldStatus, String spec, String status, String expected) {
    JsonNode old = caster(oldSpec, oldStatus);
    JsonNode updated = caster(spec, status);
    List<Finding> findings = Finding.of(API_SERVER.update(old, updated).errors());
    assertEquals("refused".equals(expected) ? List.of(new Finding("spec.regionId", "cel")) : List.of(), findings, name);
  }

  private static JsonNode caster(String spec, String status) {
    var caster = CasterSchema.caster(CasterSchema.readYaml(spec));
    if (status != null) {
      caster.set("status", CasterSchema.readYaml(status));
    }
    return caster;
  }
}
