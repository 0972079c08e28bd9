package io.casteroperator.reconciler;

import static io.casteroperator.reconciler.TableWorld.ACCOUNT;
import static io.casteroperator.reconciler.TableWorld.REGION;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.api.StudioItemState;
import io.casteroperator.api.StudioItemStatus;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.SceneValue;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The studio's decisions as a table, as {@link ReconcilerTableTest} has them for the rest: a
 * situation, then one reconcile, and the calls it made (fewest possible), Ready, and status.studio.
 */
class StudioTableTest {

  private static final String ID = "a2b8e671-2fe5-4642-a2ec-bf93880e0002";
  private static final String AT = " @" + REGION + "/" + ACCOUNT;

  /** The studio of {@link StudioIT}: two live inputs, a picture-in-picture layout, a text overlay and a logo. */
  private static final String STUDIO = StudioIT.STUDIO;

  record Row(String name, UnaryOperator<TableWorld> situation, String ready, List<String> calls, Consumer<TableWorld> also) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("a whole studio from nothing: one read of each list, one call per item, then the start and the scenes",
            w -> adopted(w).spec(spec(STUDIO)).reconcile(),
            "True/Applied", List.of("DescribeCasterConfig", "SetCasterConfig", "DescribeCasterVideoResources",
                "DescribeCasterLayouts", "DescribeCasterComponents", "AddCasterVideoResource", "AddCasterVideoResource",
                "AddCasterLayout", "AddCasterComponent", "AddCasterComponent", "DescribeCasters", "StartCaster",
                "DescribeCasterStreamUrl", "SetCasterSceneConfig", "SetCasterSceneConfig"),
            w -> assertAll(
                () -> assertEquals(2, w.cloud.casters.get(ID).inputs.size()),
                () -> assertEquals(List.of("cam1", "cam2"), names(w.status().getStudio().getVideoResources())),
                () -> assertTrue(w.status().getStudio().getLayouts().get(0).getId().startsWith("layout-")),
                () -> assertTrue(all(w, StudioItemState.APPLIED)),
                () -> assertEquals(List.of("layout-3", "layout-3"),
                    w.cloud.casters.get(ID).scenes.stream().map(s -> s.layoutId()).toList()))),

        new Row("nothing changed: not a single call",
            w -> built(w).later(Duration.ofMinutes(1)).reconcile(),
            "True/Applied", List.of(), w -> { }),

        new Row("a layer moved: one ModifyCasterLayout",
            w -> built(w).spec(spec(STUDIO.replace("positionNormalized: [0.65, 0.65]", "positionNormalized: [0.05, 0.65]"))).reconcile(),
            "True/Applied", List.of("ModifyCasterLayout"),
            w -> assertEquals(0.05, w.cloud.casters.get(ID).layouts.values().iterator().next().videoLayers().get(1)
                .positionNormalized().get(0))),

        new Row("an input's stream changed: one ModifyCasterVideoResource",
            w -> built(w).spec(spec(STUDIO.replace("live/cam2", "live/cam2b"))).reconcile(),
            "True/Applied", List.of("ModifyCasterVideoResource"), w -> { }),

        new Row("an input's fixedDelayDuration changed (cannot be modified): deleted and added again",
            w -> built(w).spec(spec(STUDIO.replace("live/cam2\"}", "live/cam2\", fixedDelayDuration: 500}"))).reconcile(),
            "True/Applied", List.of("DeleteCasterVideoResource", "AddCasterVideoResource"),
            w -> assertEquals(500L, w.cloud.casters.get(ID).inputs.values().stream().filter(i -> i.name().equals("cam2"))
                .map(InputValue::fixedDelayDuration).findFirst().orElseThrow())),

        new Row("an overlay renamed: modified in place (its new name), the scene keeps its id",
            w -> built(w).spec(spec(STUDIO.replace("name: logo", "name: brand").replace("lower-third, logo]", "lower-third, brand]")))
                .reconcile(),
            "True/Applied", List.of("ModifyCasterComponent"),
            w -> assertEquals(List.of("lower-third", "brand"), names(w.status().getStudio().getComponents()))),

        new Row("the lists reordered: nothing to do",
            w -> built(w).spec(spec(STUDIO.replace(
                "  - {name: cam1, locationId: RV01, liveStreamUrl: \"rtmp://push.example.com/live/cam1\"}\n"
                    + "  - {name: cam2, locationId: RV02, liveStreamUrl: \"rtmp://push.example.com/live/cam2\"}",
                "  - {name: cam2, locationId: RV02, liveStreamUrl: \"rtmp://push.example.com/live/cam2\"}\n"
                    + "  - {name: cam1, locationId: RV01, liveStreamUrl: \"rtmp://push.example.com/live/cam1\"}"))).reconcile(),
            "True/Applied", List.of(), w -> { }),

        new Row("an overlay removed: the scene stops showing it first, then it is deleted",
            w -> built(w).spec(spec(STUDIO.replace("lower-third, logo]", "lower-third]")
                .replace(STUDIO.substring(STUDIO.indexOf("  - name: logo"), STUDIO.indexOf("scenes:")), ""))).reconcile(),
            "True/Applied", List.of("SetCasterSceneConfig", "DeleteCasterComponent"),
            w -> assertEquals(1, w.cloud.casters.get(ID).components.size())),

        new Row("a refused layout does not hold back the overlays; Ready says which and why",
            w -> adopted(w).failing("AddCasterLayout", "InvalidParameter.Malformed", 400).spec(spec(STUDIO)).reconcile(),
            "False/StudioIncomplete", List.of("DescribeCasterConfig", "SetCasterConfig", "DescribeCasterVideoResources",
                "DescribeCasterLayouts", "DescribeCasterComponents", "AddCasterVideoResource", "AddCasterVideoResource",
                "AddCasterLayout", "AddCasterComponent", "AddCasterComponent", "DescribeCasters", "StartCaster",
                "DescribeCasterStreamUrl"),
            w -> assertAll(
                () -> assertTrue(w.condition("Ready").getMessage().contains("0 of 1 layouts applied"), w.condition("Ready").getMessage()),
                () -> assertTrue(w.condition("Ready").getMessage().contains("layout pip: AddCasterLayout failed: InvalidParameter.Malformed")),
                () -> assertEquals(2, w.cloud.casters.get(ID).components.size()),
                () -> assertEquals("InvalidParameter.Malformed", item(w.status().getStudio().getLayouts(), "pip").getLastErrorCode()))),

        new Row("the refused layout is not tried again before the spec changes (no hot loop)",
            w -> adopted(w).failing("AddCasterLayout", "InvalidParameter.Malformed", 400).spec(spec(STUDIO)).reconcile()
                .later(Duration.ofSeconds(5)).reconcile(),
            "False/StudioIncomplete", List.of(), w -> assertNotNull(w.wakeUp)),

        new Row("an add answered just before a crash (its id never written): found again by location, not added twice",
            w -> built(w).editStatus(s -> s.getStudio().setVideoResources(s.getStudio().getVideoResources().subList(0, 1)))
                .restarted().reconcile(),
            "True/Applied", List.of("DescribeCasterVideoResources", "DescribeCasterLayouts", "DescribeCasterComponents",
                "DescribeCasterScenes", "DescribeCasters"),
            w -> assertAll(
                () -> assertEquals(2, w.cloud.casters.get(ID).inputs.size()),
                () -> assertEquals(List.of("cam1", "cam2"), names(w.status().getStudio().getVideoResources())))),

        new Row("an overlay deleted in the console: found at the drift check and added again",
            w -> built(w).consoleDeletesComponent(ID, "logo").later(Duration.ofHours(2)).reconcile(),
            "True/Applied", List.of("DescribeCasterConfig", "DescribeCasters", "DescribeCasterVideoResources",
                "DescribeCasterLayouts", "DescribeCasterComponents", "DescribeCasterScenes", "AddCasterComponent",
                "SetCasterSceneConfig"),
            w -> assertAll(
                () -> assertEquals(2, w.cloud.casters.get(ID).components.size()),
                () -> assertTrue(w.eventReasons().contains("DriftCorrected"), w.eventReasons().toString()),
                () -> assertNull(w.status().getDrift()))),

        new Row("the scenes have new ids at the drift check: the outputs are read again and the scenes set under the new ids",
            w -> {
              built(w);
              var scenes = w.cloud.casters.get(ID).scenes;
              scenes.replaceAll(sc -> new SceneValue(sc.sceneId() + "-new", sc.program(), null, List.of()));
              return w.later(Duration.ofHours(2)).reconcile();
            },
            "True/Applied", List.of("DescribeCasterConfig", "DescribeCasters", "DescribeCasterVideoResources",
                "DescribeCasterLayouts", "DescribeCasterComponents", "DescribeCasterScenes", "DescribeCasterStreamUrl",
                "SetCasterSceneConfig", "SetCasterSceneConfig"),
            w -> assertAll(
                () -> assertTrue(w.status().getOutputs().stream().allMatch(o -> o.getSceneId().endsWith("-new")),
                    String.valueOf(w.status().getOutputs())),
                () -> assertTrue(w.status().getStudio().getScenes().stream().allMatch(sc -> sc.getId().endsWith("-new")),
                    String.valueOf(w.status().getStudio().getScenes())))),

        new Row("the scenes have new ids but show what the spec asks: no call but the outputs' read, the new ids recorded",
            w -> {
              built(w);
              var scenes = w.cloud.casters.get(ID).scenes;
              scenes.replaceAll(sc -> new SceneValue(sc.sceneId() + "-new", sc.program(), sc.layoutId(), sc.componentIds()));
              return w.later(Duration.ofHours(2)).reconcile();
            },
            "True/Applied", List.of("DescribeCasterConfig", "DescribeCasters", "DescribeCasterVideoResources",
                "DescribeCasterLayouts", "DescribeCasterComponents", "DescribeCasterScenes", "DescribeCasterStreamUrl"),
            w -> assertTrue(w.status().getStudio().getScenes().stream().allMatch(sc -> sc.getId().endsWith("-new")),
                String.valueOf(w.status().getStudio().getScenes()))),

        new Row("ObserveOnly: a layer moved in the console shows in status.drift by name, nothing is written",
            w -> built(w).consoleMovesLayer(ID, 1, 0.5).spec(spec(STUDIO + "managementPolicy: ObserveOnly\n"))
                .later(Duration.ofHours(2)).reconcile(),
            "False/DriftDetected", List.of("DescribeCasterConfig", "DescribeCasters", "DescribeCasterVideoResources",
                "DescribeCasterLayouts", "DescribeCasterComponents", "DescribeCasterScenes"),
            w -> assertTrue(w.status().getDrift().stream().anyMatch(d -> d.getField().equals("layouts[pip].videoLayers[1].positionNormalized")),
                String.valueOf(w.status().getDrift())))
    );
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void table(Row row) {
    TableWorld w = row.situation().apply(new TableWorld());
    assertAll(row.name(),
        () -> assertEquals(row.ready(), w.ready(), "Ready"),
        () -> assertEquals(row.calls(), w.cloud.calls.stream().map(c -> c.toString().replace(AT, "")
            .replaceAll(" " + ID, "")).toList(), "calls"),
        () -> row.also().accept(w));
  }

  private static String spec(String studio) {
    return "casterId: " + ID + "\n" + studio;
  }

  private static TableWorld adopted(TableWorld w) {
    w.cloud.add(ID, ACCOUNT, REGION);
    return w;
  }

  /** The whole studio applied and running. */
  private static TableWorld built(TableWorld w) {
    adopted(w).spec(spec(STUDIO)).reconcile();
    assertEquals("True/Applied", w.ready(), "the studio is built: " + w.warnings);
    return w;
  }

  private static boolean all(TableWorld w, StudioItemState state) {
    var s = w.status().getStudio();
    return Stream.of(s.getVideoResources(), s.getLayouts(), s.getComponents(), s.getScenes())
        .flatMap(List::stream).allMatch(i -> i.getState() == state);
  }

  private static List<String> names(List<StudioItemStatus> items) {
    return items.stream().map(StudioItemStatus::getName).toList();
  }

  private static StudioItemStatus item(List<StudioItemStatus> items, String name) {
    return items.stream().filter(i -> i.getName().equals(name)).findFirst().orElseThrow();
  }
}
