package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.Conditions;
import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One cloud caster, one owner: two Casters naming it would overwrite each other forever. */
class OwnershipIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void theSecondCasterNamingACasterIsRefusedAndMakesNoCall() {
    String id = fixture.cloudCaster();
    String first = OperatorFixture.uniqueName("owner");
    fixture.apply(first, "casterId: %s\ncasterName: First".formatted(id));
    fixture.awaitReady(first);

    String second = OperatorFixture.uniqueName("intruder");
    fixture.apply(second, "casterId: %s\ncasterName: Second".formatted(id));

    var refused = fixture.awaitReady(second, "False", Conditions.Reason.CASTER_ID_CONFLICT);
    assertTrue(condition(refused, Conditions.READY).getMessage().contains(OperatorFixture.NAMESPACE + "/" + first));
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
        .until(() -> fixture.callCount(id, "SetCasterConfig") == 1);
    assertEquals("First", fixture.emulator().caster(id).orElseThrow().casterName());

    // The claim survives a restart, whichever Caster the new operator happens to see first.
    fixture.restartOperator();
    fixture.apply(second, "casterId: %s\ncasterName: Second again".formatted(id));
    fixture.awaitReady(second, "False", Conditions.Reason.CASTER_ID_CONFLICT);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
        .until(() -> fixture.callCount(id, "SetCasterConfig") == 1);

    // When the owner goes, the caster is free for the other one.
    fixture.delete(first);
    fixture.awaitReady(second);
    assertEquals("Second again", fixture.emulator().caster(id).orElseThrow().casterName());
  }
}
