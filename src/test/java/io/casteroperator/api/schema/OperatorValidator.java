package io.casteroperator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.config.SpecValidator;
import io.casteroperator.config.Violation;
import io.casteroperator.testing.Examples;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator's own Java validator says about a Caster: the object is read exactly as the
 * operator reads it ({@link Examples#parse}, given the JSON the API server would send), then
 * {@link SpecValidator#validate} and, on an update, {@link SpecValidator#validateUpdate}.
 */
final class OperatorValidator {

  private OperatorValidator() {}

  static CasterSpec read(JsonNode caster) {
    Caster read = Examples.parse(CasterSchema.json(caster));
    return read.getSpec();
  }

  static List<Finding> create(JsonNode caster) {
    return findings(SpecValidator.validate(read(caster)));
  }

  static List<Finding> update(JsonNode oldCaster, JsonNode caster) {
    CasterSpec next = read(caster);
    List<Violation> violations = new ArrayList<>(SpecValidator.validate(next));
    violations.addAll(SpecValidator.validateUpdate(read(oldCaster), channelsEnabled(oldCaster), next));
    return findings(violations);
  }

  /** Whether the old Caster's status says channels are on in the cloud. */
  private static Boolean channelsEnabled(JsonNode oldCaster) {
    JsonNode enabled = oldCaster.path("status").path("channelsEnabled");
    return enabled.isBoolean() ? enabled.asBoolean() : null;
  }

  private static List<Finding> findings(List<Violation> violations) {
    return violations.stream().map(v -> new Finding(v.path(), v.rule())).toList();
  }
}
