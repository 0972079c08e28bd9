package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.casteroperator.testing.OperatorFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Studios rolled out faster than one of the reads' quotas allows: a read that waits for the slot of
 * its next Describe call resumes where it stopped, it does not read the lists before it again.
 */
class StudioAtQuotaIT {

  /** DescribeCasterLayouts at 1 call/s, the others at 10: the studio reads queue behind the layouts. */
  private static final int LAYOUT_READS_PER_SECOND = 1;

  @RegisterExtension
  static final OperatorFixture fixture = OperatorFixture.perClass(s -> s.withBudgets(s.budgets().withQuotas(
      Map.of("DescribeCasterLayouts", LAYOUT_READS_PER_SECOND))));

  private static final String STUDIO = """
      videoResources:
        - {name: cam1, locationId: RV01, liveStreamUrl: "rtmp://push.example.com/live/cam1"}
      layouts:
        - name: full
          blendList: [cam1]
          videoLayers:
            - {fillMode: fit, heightNormalized: 1, widthNormalized: 1}
          mixList: [cam1]
      """;

  @Test
  void aStudioReadWaitingForALayoutsSlotDoesNotReadTheInputsAgain() {
    fixture.emulator().setQuota("DescribeCasterLayouts", LAYOUT_READS_PER_SECOND);
    int n = 5;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = OperatorFixture.uniqueName("queued");
      names.add(name);
      fixture.apply(name, "casterName: " + name + "\n" + STUDIO);
    }
    for (String name : names) {
      String id = fixture.awaitReady(name).getCasterId();
      // The 5 layouts reads take 4 s or more; each studio is still read once.
      assertEquals(1, fixture.callCount(id, "DescribeCasterVideoResources"), name + ": inputs read");
      assertEquals(1, fixture.callCount(id, "DescribeCasterLayouts"), name + ": layouts read");
      assertEquals(1, fixture.callCount(id, "AddCasterVideoResource"), name);
      assertEquals(1, fixture.callCount(id, "AddCasterLayout"), name);
    }
  }
}
