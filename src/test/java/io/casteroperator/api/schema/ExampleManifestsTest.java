package io.casteroperator.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.casteroperator.api.Caster;
import io.casteroperator.config.SpecValidator;
import io.casteroperator.playground.validation.SchemaValidator;
import io.casteroperator.testing.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest under deploy/examples/ is valid on both sides, and loses nothing to pruning. */
class ExampleManifestsTest {

  private static final SchemaValidator API_SERVER = new SchemaValidator(CasterSchema.openApiV3Schema());

  static List<String> examples() {
    return Examples.names();
  }

  @Test
  void thereAreExamples() {
    assertFalse(examples().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theApiServerAcceptsIt(String name) {
    SchemaValidator.Result result = API_SERVER.create(CasterSchema.readYaml(Examples.read(name)));
    assertEquals(List.of(), result.errors());
    assertEquals(List.of(), result.pruned(), "fields the API server would drop");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theOperatorAcceptsIt(String name) {
    Caster caster = Examples.load(name);
    assertNotNull(caster.getSpec());
    assertEquals(List.of(), SpecValidator.validate(caster.getSpec()));
  }
}
