package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.LiveClient;
import io.casteroperator.testing.ForwardingLiveClient;
import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.live.LiveResult;
import io.casteroperator.live.ObservedConfig;
import io.casteroperator.testing.OperatorFixture;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bug in the operator's own code (planted here in the cloud seam, around the real SDK client)
 * must end in an honest status on that Caster, no hot loop, and no harm to the other Casters.
 */
class OperatorBugIT {

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass();

  @Test
  void aBugOnOneCasterEndsInOperatorErrorWithoutAHotLoopAndTheOthersConverge() {
    String buggy = fixture.cloudCaster();
    AtomicInteger planted = new AtomicInteger();
    fixture.restartOperatorWith(real -> (credentials, region) -> new BuggyFor(buggy, planted, real.client(credentials, region)));

    String bad = OperatorFixture.uniqueName("bug");
    fixture.apply(bad, "casterId: %s\ndelay: 3".formatted(buggy));
    CasterStatus status = fixture.awaitReady(bad, "False", Conditions.Reason.OPERATOR_ERROR);
    String message = OperatorFixture.condition(status, Conditions.READY).getMessage();
    assertTrue(message.contains("IllegalStateException") && message.contains("1h") && message.contains("report"), message);

    // Casters applied after it still converge, and by then the buggy one has not been retried.
    String good = OperatorFixture.uniqueName("good");
    fixture.apply(good, "casterId: %s\ndelay: 3".formatted(fixture.cloudCaster()));
    fixture.awaitReady(good);
    assertEquals(1, planted.get(), "attempts on the Caster that hits the bug (slow probe is 1h)");
  }

  /** Delegates to the real client, except that observing one caster throws, as a bug would. */
  private static final class BuggyFor extends ForwardingLiveClient {
    private final String casterId;
    private final AtomicInteger planted;

    BuggyFor(String casterId, AtomicInteger planted, LiveClient real) {
      super(real);
      this.casterId = casterId;
      this.planted = planted;
    }

    private void maybeFail(String id) {
      if (casterId.equals(id)) {
        planted.incrementAndGet();
        throw new IllegalStateException("planted bug");
      }
    }

    @Override
    public LiveResult<ObservedConfig> observeConfig(String id) {
      maybeFail(id);
      return delegate.observeConfig(id);
    }

    @Override
    public LiveResult<CasterInfo> observeState(String id) {
      maybeFail(id);
      return delegate.observeState(id);
    }
  }
}
