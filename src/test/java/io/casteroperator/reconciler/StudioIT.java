package io.casteroperator.reconciler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.api.StudioItemState;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.FaultSettings;
import io.casteroperator.emulator.StudioSnapshot;
import io.casteroperator.testing.OperatorFixture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The studio as code, through the real SDK against the emulator: a whole studio from nothing with
 * one call per item, each kind of change with only the calls it needs, the console's edits set
 * back, and a refused item that holds back nothing else.
 */
class StudioIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  /** Two live inputs, a picture-in-picture layout, a lower third and a logo, shown by both scenes. */
  static final String STUDIO = """
      domainName: live.example.com
      transcodeConfig: {casterTemplate: lp_ld}
      running: true
      videoResources:
        - {name: cam1, locationId: RV01, liveStreamUrl: "rtmp://push.example.com/live/cam1"}
        - {name: cam2, locationId: RV02, liveStreamUrl: "rtmp://push.example.com/live/cam2"}
      layouts:
        - name: pip
          blendList: [cam1, cam2]
          videoLayers:
            - {fillMode: fit, heightNormalized: 1, widthNormalized: 1}
            - {fillMode: fit, heightNormalized: 0.3, widthNormalized: 0.3, positionNormalized: [0.65, 0.65]}
          mixList: [cam1]
      components:
        - name: lower-third
          locationId: RC01
          type: text
          layer: {heightNormalized: 0.1, positionNormalized: [0.05, 0.8]}
          text: {text: "Live from the studio", color: "0xffffff"}
        - name: logo
          locationId: RC02
          type: image
          layer: {heightNormalized: 0.1, positionNormalized: [0.9, 0.05], positionRefer: topRight}
          image: {materialId: logo-asset-1}
      scenes:
        program: {layout: pip, components: [lower-third, logo]}
        preview: {layout: pip}
      """;

  private static final List<String> STUDIO_ACTIONS = List.of("DescribeCasterVideoResources", "DescribeCasterChannels",
      "DescribeCasterLayouts", "DescribeCasterComponents", "DescribeCasterScenes", "AddCasterVideoResource",
      "ModifyCasterVideoResource", "DeleteCasterVideoResource", "SetCasterChannel", "AddCasterLayout", "ModifyCasterLayout",
      "DeleteCasterLayout", "AddCasterComponent", "ModifyCasterComponent", "DeleteCasterComponent", "SetCasterSceneConfig");

  @Test
  void aWholeStudioFromNothingCostsOneCallPerItemPlusOneRead() {
    String name = OperatorFixture.uniqueName("studio");
    fixture.apply(name, "casterName: " + name + "\n" + STUDIO);

    CasterStatus ready = fixture.awaitReady(name);
    String id = ready.getCasterId();
    assertEquals(new TreeMap<>(Map.of("DescribeCasterVideoResources", 1L, "DescribeCasterLayouts", 1L,
        "DescribeCasterComponents", 1L, "AddCasterVideoResource", 2L, "AddCasterLayout", 1L, "AddCasterComponent", 2L,
        "SetCasterSceneConfig", 2L)), studioCalls(id));
    assertEquals(1, fixture.callCount(id, "CreateCaster"));
    assertEquals(1, fixture.callCount(id, "SetCasterConfig"));
    assertEquals(1, fixture.callCount(id, "StartCaster"));

    StudioSnapshot studio = fixture.emulator().studio(id).orElseThrow();
    assertEquals(List.of("cam1", "cam2"), studio.videoResources().stream().map(r -> r.resourceName()).toList());
    assertEquals(List.of("RV01", "RV02"), studio.layouts().get(0).blendList());
    assertEquals(List.of("lower-third", "logo"), studio.components().stream().map(c -> c.componentName()).toList());
    String layoutId = studio.layouts().get(0).layoutId();
    assertTrue(studio.scenes().stream().allMatch(s -> layoutId.equals(s.layoutId())), "both scenes show the layout");
    assertTrue(ready.getStudio().getLayouts().stream().allMatch(i -> i.getState() == StudioItemState.APPLIED));
    assertEquals(layoutId, ready.getStudio().getLayouts().get(0).getId(), "the layout's id in status");
  }

  @Test
  void eachChangeMakesOnlyTheCallsItNeeds() {
    String name = OperatorFixture.uniqueName("changes");
    fixture.apply(name, "casterName: " + name + "\n" + STUDIO);
    String id = fixture.awaitReady(name).getCasterId();

    assertEquals(Map.of("ModifyCasterLayout", 1L), callsFor(name, id,
        STUDIO.replace("positionNormalized: [0.65, 0.65]", "positionNormalized: [0.05, 0.65]")), "a layer moved");
    assertEquals(0.05, fixture.emulator().studio(id).orElseThrow().layouts().get(0).videoLayers().get(1).positionNormalized().get(0));

    String delayed = STUDIO.replace("live/cam2\"}", "live/cam2\", fixedDelayDuration: 500}")
        .replace("positionNormalized: [0.65, 0.65]", "positionNormalized: [0.05, 0.65]");
    assertEquals(Map.of("DeleteCasterVideoResource", 1L, "AddCasterVideoResource", 1L), callsFor(name, id, delayed),
        "a fixed delay (no Modify parameter): deleted and added again");

    String renamed = delayed.replace("name: logo", "name: brand").replace("lower-third, logo]", "lower-third, brand]");
    assertEquals(Map.of("ModifyCasterComponent", 1L), callsFor(name, id, renamed), "an overlay renamed: modified in place");
    assertEquals(List.of("lower-third", "brand"),
        fixture.emulator().studio(id).orElseThrow().components().stream().map(c -> c.componentName()).toList());

    String cam1 = "  - {name: cam1, locationId: RV01, liveStreamUrl: \"rtmp://push.example.com/live/cam1\"}\n";
    String cam2 = "  - {name: cam2, locationId: RV02, liveStreamUrl: \"rtmp://push.example.com/live/cam2\", fixedDelayDuration: 500}\n";
    assertTrue(renamed.contains(cam1 + cam2));
    String reordered = renamed.replace(cam1 + cam2, cam2 + cam1);
    assertEquals(Map.of(), callsFor(name, id, reordered), "the same lists in another order");
  }

  @Test
  void theConsolesEditsAndDeletionsAreSetBack() {
    String name = OperatorFixture.uniqueName("console");
    fixture.apply(withDriftInterval(name, "casterName: " + name + "\n" + STUDIO));
    String id = fixture.awaitReady(name).getCasterId();
    StudioSnapshot built = fixture.emulator().studio(id).orElseThrow();
    String logo = built.components().stream().filter(c -> c.componentName().equals("logo")).findFirst().orElseThrow().componentId();
    String layout = built.layouts().get(0).layoutId();

    fixture.emulator().studioConsole().deleteComponent(id, logo);
    // The inset moved in the console (the console sends the whole list of layers).
    fixture.emulator().studioConsole().modifyLayout(id, layout, Map.ofEntries(Map.entry("VideoLayer.1.FillMode", "fit"),
        Map.entry("VideoLayer.1.HeightNormalized", "1"), Map.entry("VideoLayer.1.WidthNormalized", "1"),
        Map.entry("VideoLayer.2.FillMode", "fit"), Map.entry("VideoLayer.2.HeightNormalized", "0.3"),
        Map.entry("VideoLayer.2.WidthNormalized", "0.3"), Map.entry("VideoLayer.2.PositionNormalized.1", "0.5"),
        Map.entry("VideoLayer.2.PositionNormalized.2", "0.5")));
    assertEquals(List.of(0.5, 0.5), fixture.emulator().studio(id).orElseThrow().layouts().get(0).videoLayers().get(1).positionNormalized());

    await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> {
      StudioSnapshot now = fixture.emulator().studio(id).orElseThrow();
      assertEquals(List.of("lower-third", "logo"), now.components().stream().map(c -> c.componentName()).toList());
      assertEquals(List.of(0.65, 0.65), now.layouts().get(0).videoLayers().get(1).positionNormalized());
    });
    // The event comes with the status, after the calls that set the studio back.
    await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> assertTrue(fixture.events(name).stream()
        .anyMatch(e -> "DriftCorrected".equals(e.getReason())
            && e.getMessage().contains("layouts[pip].videoLayers[1].positionNormalized")), "the event names the layer"));
    await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> {
      var program = fixture.emulator().studio(id).orElseThrow().scenes().stream().filter(s -> s.program()).findFirst().orElseThrow();
      assertEquals(2, program.componentIds().size(), "the programme shows the logo again (its new id)");
    });
  }

  @Test
  void aRefusedLayoutHoldsBackNothingElse() {
    String name = OperatorFixture.uniqueName("refused");
    fixture.emulator().faults(FaultSettings.builder().errorRate(1.0).errorActions("AddCasterLayout")
        .errorCodes("InvalidParameter.Malformed").build());
    try {
      fixture.apply(name, "casterName: " + name + "\n" + withoutLayoutInScenes(STUDIO));
      CasterStatus refused = fixture.awaitReady(name, "False", Conditions.Reason.STUDIO_INCOMPLETE);
      String message = OperatorFixture.condition(refused, Conditions.READY).getMessage();
      assertTrue(message.contains("0 of 1 layouts applied") && message.contains("layout pip: AddCasterLayout failed: InvalidParameter.Malformed"), message);
      String id = refused.getCasterId();
      // The overlays go on (each add at its slot in the budget) while the layout stays refused.
      await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> {
        StudioSnapshot studio = fixture.emulator().studio(id).orElseThrow();
        assertEquals(2, studio.videoResources().size(), "the inputs are there");
        assertEquals(2, studio.components().size(), "the overlays are there");
      });
      String after = OperatorFixture.condition(fixture.awaitReady(name, "False", Conditions.Reason.STUDIO_INCOMPLETE),
          Conditions.READY).getMessage();
      assertTrue(after.startsWith("0 of 1 layouts applied;"), "only the layout is missing: " + after);
      assertTrue(fixture.events(name).stream().anyMatch(e -> "StudioItemFailed".equals(e.getReason())));
    } finally {
      fixture.emulator().clearFaults();
    }
  }

  private static String withoutLayoutInScenes(String studio) {
    String scenes = "  program: {layout: pip, components: [lower-third, logo]}\n  preview: {layout: pip}\n";
    assertTrue(studio.contains(scenes));
    return studio.replace(scenes, "  program: {components: [lower-third, logo]}\n");
  }

  /** The studio calls of one caster while the Caster goes to its next spec and is Ready again. */
  private static Map<String, Long> callsFor(String name, String id, String studio) {
    Map<String, Long> before = studioCalls(id);
    fixture.apply(name, "casterName: " + name + "\n" + studio);
    fixture.awaitReady(name);
    Map<String, Long> after = studioCalls(id);
    Map<String, Long> made = new TreeMap<>();
    after.forEach((action, n) -> {
      long delta = n - before.getOrDefault(action, 0L);
      if (delta > 0) {
        made.put(action, delta);
      }
    });
    return made;
  }

  private static Map<String, Long> studioCalls(String id) {
    return new TreeMap<>(fixture.emulator().callLog(null, id, null, Integer.MAX_VALUE).stream()
        .filter(c -> STUDIO_ACTIONS.contains(c.action())).collect(Collectors.groupingBy(CallRecord::action, Collectors.counting())));
  }

  private static String withDriftInterval(String name, String spec) {
    return """
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata:
          name: %s
          annotations: {"live.caster-operator.io/drift-interval": "1s"}
        spec:
        %s""".formatted(name, spec.stripTrailing().indent(2));
  }
}
