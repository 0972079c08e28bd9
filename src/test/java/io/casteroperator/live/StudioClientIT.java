package io.casteroperator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.InputValue.Source;
import io.casteroperator.config.studio.InputValue.SourceKind;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.LayoutValue.AudioLayerValue;
import io.casteroperator.config.studio.LayoutValue.VideoLayerValue;
import io.casteroperator.config.studio.SceneValue;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.StudioSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The studio's calls of the cloud seam over the real SDK and real HTTP, against the emulator: what
 * is added reads back as the same value (the reconciler compares the two, and a false difference
 * would rewrite the studio forever), a modify changes what the API lets it change, and refusals
 * arrive with their code and meaning.
 */
class StudioClientIT extends SdkClientFixture {

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- inputs ----

  private static Source sourceOf(SourceKind kind) {
    return new Source(kind, switch (kind) {
      case LiveStreamUrl -> "rtmp://push.example.com/live/cam1?auth_key=1-0-0-abc";
      case MaterialId -> "a1b2c3d4e5f6";
      case VodUrl -> "https://media.example.com/intro.mp4";
      case ImageId -> "f6e5d4c3b2a1";
      case ImageUrl -> "https://media.example.com/slate.png";
    });
  }

  @ParameterizedTest
  @EnumSource(SourceKind.class)
  void anInputOfEveryKindReadsBackAsAdded(SourceKind kind) {
    String caster = caster();
    InputValue plain = new InputValue("cam-" + kind, "RV01", sourceOf(kind), 0, 0, 0, 0, 0L);
    InputValue everything = new InputValue("file-" + kind, "RV02", sourceOf(kind), 1500, -2000, -1, 40, 1200L);

    String plainId = ok(client.addInput(caster, plain));
    String everythingId = ok(client.addInput(caster, everything));
    List<CloudItem<InputValue>> read = ok(client.inputs(caster));

    assertEquals(List.of(new CloudItem<>(plainId, withoutDelay(plain)), new CloudItem<>(everythingId, withoutDelay(everything))),
        read, "what was added, all but the fixed delay, which cannot be read");
    assertEquals(List.of(), plain.differencesFrom(read.get(0).value(), "videoResources[plain]"));
    assertEquals(List.of(), everything.differencesFrom(read.get(1).value(), "videoResources[everything]"));
    assertEquals(1200, studio(caster).videoResources().get(1).fixedDelayDuration(), "the fixed delay was sent");
  }

  @Test
  void anInputGoesOnTheWireAsItsValueSays() {
    String caster = caster();
    InputValue input = new InputValue("clip", "RV03", sourceOf(SourceKind.VodUrl), 1000, -500, 2, 20, 300L);

    String id = ok(client.addInput(caster, input));
    ok(client.modifyInput(caster, id, input));

    assertEquals(Map.of("CasterId", caster, "ResourceName", "clip", "LocationId", "RV03", "VodUrl", input.source().value(),
        "BeginOffset", "1000", "EndOffset", "-500", "RepeatNum", "2", "PtsCallbackInterval", "20", "FixedDelayDuration", "300"),
        lastCall("AddCasterVideoResource", caster).params());
    assertEquals(Map.of("CasterId", caster, "ResourceId", id, "ResourceName", "clip", "VodUrl", input.source().value(),
        "BeginOffset", "1000", "EndOffset", "-500", "RepeatNum", "2", "PtsCallbackInterval", "20"),
        lastCall("ModifyCasterVideoResource", caster).params(), "Modify has no LocationId and no FixedDelayDuration");
  }

  @Test
  void modifyingAnInputChangesAllButWhereItSitsAndItsDelay() {
    String caster = caster();
    String id = ok(client.addInput(caster, new InputValue("intro", "RV01", sourceOf(SourceKind.VodUrl), 1000, -500, 3, 20, 300L)));
    InputValue wanted = new InputValue("camera", "RV07", sourceOf(SourceKind.LiveStreamUrl), 0, 0, 0, 0, 900L);

    ok(client.modifyInput(caster, id, wanted));

    InputValue read = only(ok(client.inputs(caster))).value();
    assertEquals(new InputValue("camera", "RV01", sourceOf(SourceKind.LiveStreamUrl), 0, 0, 0, 0, null), read,
        "name, source and offsets changed (offsets back to 0 too); the location did not");
    assertEquals(300, studio(caster).videoResources().get(0).fixedDelayDuration(), "the fixed delay is what the add set");
    assertEquals(List.of("videoResources[camera].locationId"),
        wanted.differencesFrom(read, "videoResources[camera]").stream().map(FieldDifference::field).toList(),
        "the reconciler sees that only an add can move it");
  }

  @Test
  void aDeletedInputIsGoneAndCallsNamingItSayItIsNotFound() {
    String caster = caster();
    InputValue input = new InputValue("cam", "RV01", sourceOf(SourceKind.LiveStreamUrl), 0, 0, 0, 0, 0L);
    String id = ok(client.addInput(caster, input));

    ok(client.deleteInput(caster, id));

    assertEquals(List.of(), ok(client.inputs(caster)));
    for (LiveResult<Void> gone : List.of(client.deleteInput(caster, id), client.modifyInput(caster, id, input))) {
      LiveError error = gone.error();
      assertEquals("InvalidResource.NotFound", error.code());
      assertEquals(404, error.httpStatus());
      assertTrue(error.means(ErrorMeaning.ITEM_NOT_FOUND), error.toString());
      assertEquals(ErrorClass.TERMINAL, error.errorClass());
    }
  }

  @Test
  void aTakenLocationOrAFullStudioRefusesTheInput() {
    String caster = caster();
    ok(client.addInput(caster, new InputValue("a", "RV01", sourceOf(SourceKind.LiveStreamUrl), 0, 0, 0, 0, 0L)));

    LiveError duplicate = client.addInput(caster, new InputValue("b", "RV01", sourceOf(SourceKind.MaterialId), 0, 0, 0, 0, 0L)).error();
    assertEquals("DuplicateLocationID", duplicate.code());
    assertEquals(ErrorClass.TERMINAL, duplicate.errorClass());

    emulator.setStudioInputs(2);
    try {
      ok(client.addInput(caster, new InputValue("b", "RV02", sourceOf(SourceKind.MaterialId), 0, 0, 0, 0, 0L)));
      LiveError full = client.addInput(caster, new InputValue("c", "RV03", sourceOf(SourceKind.VodUrl), 0, 0, 0, 0, 0L)).error();
      assertEquals("ResourceNumberExceed", full.code());
      assertEquals(ErrorClass.TERMINAL, full.errorClass());
    } finally {
      emulator.setStudioInputs(12);
    }
    assertEquals(List.of("a", "b"), ok(client.inputs(caster)).stream().map(i -> i.value().name()).toList());
  }

  @Test
  void studioCallsOnAnUnknownCasterSayTheCasterIsNotFound() {
    String unknown = "a2b8e671-2fe5-4642-a2ec-bf93880effff";
    for (LiveResult<?> result : List.of(client.inputs(unknown), client.layouts(unknown), client.components(unknown),
        client.channels(unknown), client.scenes(unknown))) {
      assertEquals("InvalidCaster.NotFound", result.code());
      assertTrue(result.error().means(ErrorMeaning.NOT_FOUND));
    }
  }

  // ---- channels ----

  @Test
  void aChannelPlaysAnInputAndIsEmptiedWithoutOne() {
    String caster = caster();
    emulator.changeConfig(caster, Map.of("ChannelEnable", "1"));
    String cam = ok(client.addInput(caster, new InputValue("cam", "RV01", sourceOf(SourceKind.LiveStreamUrl), 0, 0, 0, 0, 0L)));
    List<ChannelValue> empty = ok(client.channels(caster));
    assertEquals(12, empty.size());
    assertTrue(empty.stream().allMatch(c -> c.resourceId() == null), empty.toString());

    ok(client.setChannel(caster, "RV02", cam));
    assertEquals(new ChannelValue("RV02", cam), ok(client.channels(caster)).get(1));

    LiveError elsewhere = client.setChannel(caster, "RV03", cam).error();
    assertEquals("ResourceOfChannelExist", elsewhere.code());
    assertEquals(ErrorClass.TERMINAL, elsewhere.errorClass());
    LiveError unknown = client.setChannel(caster, "RV04", "a2b8e671-2fe5-4642-a2ec-bf93880e0000").error();
    assertTrue(unknown.means(ErrorMeaning.ITEM_NOT_FOUND), unknown.code());

    ok(client.setChannel(caster, "RV02", null));
    assertEquals(new ChannelValue("RV02", null), ok(client.channels(caster)).get(1));
    assertFalse(lastCall("SetCasterChannel", caster).params().containsKey("ResourceId"));
  }

  // ---- layouts ----

  /** Every field of both kinds of layer set away from its default; sizes a float cannot hold exactly. */
  private static LayoutValue pictureInPicture() {
    return new LayoutValue(List.of("RV01", "RV02"), List.of("RV01", "RV02"),
        List.of(new VideoLayerValue("fit", 1.0, 1.0, List.of(0.0, 0.0), "topLeft", 200),
            new VideoLayerValue("none", 0.333333, 0.3, List.of(0.65, 0.7), "bottomRight", 0)),
        List.of(new AudioLayerValue(0.8, "leftChannel", 120), new AudioLayerValue(1.5, "rightChannel", 0)));
  }

  /** As the spec's defaults fill a layout in. */
  private static LayoutValue defaults() {
    return new LayoutValue(List.of("RV01"), List.of("RV01"),
        List.of(new VideoLayerValue("none", 0, 0, List.of(0.0, 0.0), "topLeft", 0)),
        List.of(new AudioLayerValue(1.0, "all", 0)));
  }

  @Test
  void aLayoutWithTwoVideoAndTwoAudioLayersReadsBackEqual() {
    String caster = caster();
    LayoutValue sent = pictureInPicture();

    String id = ok(client.addLayout(caster, sent));

    CloudItem<LayoutValue> read = only(ok(client.layouts(caster)));
    assertEquals(id, read.id());
    assertEquals(sent, read.value());
    assertEquals(List.of(), sent.differencesFrom(read.value(), "layouts[pip]"));
  }

  @Test
  void aLayoutOfDefaultsReadsBackEqual() {
    String caster = caster();
    String id = ok(client.addLayout(caster, defaults()));

    assertEquals(new CloudItem<>(id, defaults()), only(ok(client.layouts(caster))));
  }

  @Test
  void aLayoutGoesOnTheWireWholeEvenWhenEveryFieldIsItsDefault() {
    String caster = caster();
    String id = ok(client.addLayout(caster, defaults()));
    ok(client.modifyLayout(caster, id, defaults()));

    Map<String, String> layout = Map.ofEntries(Map.entry("BlendList.1", "RV01"), Map.entry("MixList.1", "RV01"),
        Map.entry("VideoLayer.1.FillMode", "none"), Map.entry("VideoLayer.1.HeightNormalized", "0.0"),
        Map.entry("VideoLayer.1.WidthNormalized", "0.0"), Map.entry("VideoLayer.1.PositionNormalized.1", "0.0"),
        Map.entry("VideoLayer.1.PositionNormalized.2", "0.0"), Map.entry("VideoLayer.1.PositionRefer", "topLeft"),
        Map.entry("VideoLayer.1.FixedDelayDuration", "0"), Map.entry("AudioLayer.1.VolumeRate", "1.0"),
        Map.entry("AudioLayer.1.ValidChannel", "all"), Map.entry("AudioLayer.1.FixedDelayDuration", "0"));
    Map<String, String> added = new TreeMap<>(layout);
    added.put("CasterId", caster);
    assertEquals(added, new TreeMap<>(lastCall("AddCasterLayout", caster).params()));
    Map<String, String> modified = new TreeMap<>(added);
    modified.put("LayoutId", id);
    assertEquals(modified, new TreeMap<>(lastCall("ModifyCasterLayout", caster).params()));
  }

  @Test
  void modifyingALayoutReplacesEveryListAndLayer() {
    String caster = caster();
    String id = ok(client.addLayout(caster, pictureInPicture()));
    LayoutValue single = new LayoutValue(List.of("RV03"), List.of("RV04"),
        List.of(new VideoLayerValue("fit", 0.5, 0.5, List.of(0.25, 0.25), "center", 50)),
        List.of(new AudioLayerValue(2.0, "all", 10)));

    ok(client.modifyLayout(caster, id, single));
    assertEquals(new CloudItem<>(id, single), only(ok(client.layouts(caster))), "two layers each became one");

    ok(client.modifyLayout(caster, id, pictureInPicture()));
    assertEquals(new CloudItem<>(id, pictureInPicture()), only(ok(client.layouts(caster))), "and two again");
  }

  @Test
  void aBadLayoutIsRefusedAndAGoneOneIsNotFound() {
    String caster = caster();
    LayoutValue mismatch = new LayoutValue(List.of("RV01", "RV02"), List.of("RV01"),
        List.of(new VideoLayerValue("none", 0, 0, List.of(0.0, 0.0), "topLeft", 0)), List.of(new AudioLayerValue(1.0, "all", 0)));
    LiveError sizes = client.addLayout(caster, mismatch).error();
    assertEquals("InvalidVideoLayersAndBlendListSize.Mismatch", sizes.code());
    assertEquals(ErrorClass.TERMINAL, sizes.errorClass());

    LayoutValue badPosition = new LayoutValue(List.of("RV01"), List.of("RV01"),
        List.of(new VideoLayerValue("none", 0, 0, List.of(0.1, 0.2, 0.3), "topLeft", 0)), List.of(new AudioLayerValue(1.0, "all", 0)));
    LiveError position = client.addLayout(caster, badPosition).error();
    assertEquals("InvalidPositionNormalized.Malformed", position.code());
    assertEquals(ErrorClass.TERMINAL, position.errorClass());
    assertEquals(List.of(), ok(client.layouts(caster)), "nothing was added");

    String id = ok(client.addLayout(caster, defaults()));
    ok(client.deleteLayout(caster, id));
    assertEquals(List.of(), ok(client.layouts(caster)));
    for (LiveResult<Void> gone : List.of(client.deleteLayout(caster, id), client.modifyLayout(caster, id, defaults()))) {
      assertEquals("InvalidLayout.NotFound", gone.code());
      assertTrue(gone.error().means(ErrorMeaning.ITEM_NOT_FOUND));
    }
  }

  // ---- components ----

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> cornerLayer() {
    return map("HeightNormalized", 0.1, "WidthNormalized", 0.3, "PositionNormalized", List.of(0.05, 0.85),
        "PositionRefer", "bottomLeft");
  }

  private static Map<String, Object> defaultLayer() {
    return map("PositionNormalized", List.of(0.0, 0.0), "PositionRefer", "topLeft");
  }

  private static ComponentValue lowerThird() {
    return new ComponentValue("lower-third", "RC01", "text", "animateH", "cover", cornerLayer(),
        map("Text", "Breaking: studio as code", "Color", "0x00ff00", "FontName", "AlibabaPuHuiTi-Bold", "SizeNormalized", 0.05,
            "BorderWidthNormalized", 0.1, "BorderColor", "0x000000"));
  }

  private static ComponentValue captions() {
    return new ComponentValue("subtitles", "RV01", "caption", "none", "background", cornerLayer(),
        map("LocationId", "RV01", "SourceLan", "cn", "TargetLan", "en", "ShowSourceLan", true, "Truncation", true,
            "SourceLanPerLineWordCount", 20L, "TargetLanPerLineWordCount", 30L, "SourceLanReservePages", 2L,
            "TargetLanReservePages", 3L, "PtsOffset", -500L, "WordsCount", 40L, "Color", "0xffffff", "FontName", "KaiTi",
            "SizeNormalized", 0.04, "BorderWidthNormalized", 0.2, "BorderColor", "0x101010"));
  }

  static Stream<Arguments> components() {
    return Stream.of(
        Arguments.of("text, every field", lowerThird()),
        Arguments.of("text, defaults", new ComponentValue("title", "RC02", "text", "none", null, defaultLayer(), map("Text", "Hello"))),
        Arguments.of("image", new ComponentValue("logo", "RC03", "image", "none", "cover", cornerLayer(), map("MaterialId", "a1b2c3d4"))),
        Arguments.of("image, defaults", new ComponentValue("badge", "RC04", "image", "none", null, defaultLayer(), map("MaterialId", "b2"))),
        Arguments.of("caption, every field", captions()),
        Arguments.of("caption, defaults", new ComponentValue("cc", "RV02", "caption", "none", null, defaultLayer(),
            map("LocationId", "RV02"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("components")
  void anOverlayReadsBackEqualInWhatAReadCanShow(String description, ComponentValue sent) {
    String caster = caster();

    String id = ok(client.addComponent(caster, sent));

    CloudItem<ComponentValue> read = only(ok(client.components(caster)));
    assertEquals(id, read.id());
    assertEquals(List.of(), sent.differencesFrom(read.value(), "components[" + sent.name() + "]"));
    assertNull(read.value().layerOrder(), "the layer order cannot be read");
    assertEquals(sent.layerOrder(), studio(caster).components().get(0).layerOrder(), "the layer order was sent");
  }

  @Test
  void anOverlayReadsBackWithTheKeysAndTypesOfTheValues() {
    String caster = caster();
    ok(client.addComponent(caster, lowerThird()));
    ok(client.addComponent(caster, captions()));

    List<CloudItem<ComponentValue>> read = ok(client.components(caster));

    ComponentValue text = lowerThird();
    assertEquals(new ComponentValue(text.name(), text.locationId(), "text", "animateH", null, text.layer(), text.content()),
        read.get(0).value(), "every field as sent; Transparency (which no request sets) is not in the layer");
    Map<String, Object> readable = new TreeMap<>(captions().content());
    readable.keySet().removeAll(ComponentValue.UNREADABLE_CAPTION_FIELDS);
    assertEquals(new ComponentValue("subtitles", "RV01", "caption", "none", null, cornerLayer(), readable), read.get(1).value(),
        "Long integers, a Boolean and Doubles, as sent; not the write-only caption fields");
    JsonNode stored = json(studio(caster).components().get(1).captionLayerContent());
    assertEquals(30, stored.path("TargetLanPerLineWordCount").asInt(), "the write-only caption fields were sent: " + stored);
    assertTrue(stored.path("Truncation").asBoolean(), stored.toString());
  }

  @Test
  void serviceDefaultsForFieldsTheSpecLeavesOutAreNotDifferences() {
    String caster = caster();
    ComponentValue title = new ComponentValue("title", "RC02", "text", "none", null, defaultLayer(), map("Text", "Hello"));
    ok(client.addComponent(caster, title));

    ComponentValue read = only(ok(client.components(caster))).value();

    assertEquals(map("Text", "Hello", "Color", "0xff0000", "FontName", "KaiTi", "SizeNormalized", -1.0,
        "BorderWidthNormalized", 0.0), new LinkedHashMap<>(read.content()), "the page's defaults, as Doubles");
    assertEquals(List.of(), title.differencesFrom(read, "components[title]"));
  }

  @Test
  void anOverlayGoesOnTheWireAsJsonOfItsMaps() {
    String caster = caster();
    String id = ok(client.addComponent(caster, lowerThird()));
    ok(client.modifyComponent(caster, id, lowerThird()));

    Map<String, String> added = lastCall("AddCasterComponent", caster).params();
    assertEquals(new TreeMap<>(Map.of("CasterId", caster, "ComponentName", "lower-third", "LocationId", "RC01",
        "ComponentType", "text", "Effect", "animateH", "LayerOrder", "cover", "ComponentLayer", added.get("ComponentLayer"),
        "TextLayerContent", added.get("TextLayerContent"))), new TreeMap<>(added));
    assertEquals(JSON.valueToTree(lowerThird().layer()), json(added.get("ComponentLayer")), "numbers as JSON numbers");
    assertEquals(JSON.valueToTree(lowerThird().content()), json(added.get("TextLayerContent")));
    Map<String, String> modified = lastCall("ModifyCasterComponent", caster).params();
    assertEquals(new TreeMap<>(Map.of("CasterId", caster, "ComponentId", id, "ComponentName", "lower-third",
        "ComponentType", "text", "Effect", "animateH", "ComponentLayer", added.get("ComponentLayer"),
        "TextLayerContent", added.get("TextLayerContent"))), new TreeMap<>(modified), "Modify has no LocationId and no LayerOrder");
  }

  @Test
  void modifyingAnOverlayChangesAllButItsLocationAndLayerOrder() {
    String caster = caster();
    String id = ok(client.addComponent(caster, lowerThird()));
    ComponentValue wanted = new ComponentValue("headline", "RC09", "text", "animateV", "background", defaultLayer(),
        map("Text", "Later: the weather", "Color", "0x0000ff", "FontName", "KaiTi", "SizeNormalized", 0.08,
            "BorderWidthNormalized", 0.0, "BorderColor", "0xffffff"));

    ok(client.modifyComponent(caster, id, wanted));

    ComponentValue read = only(ok(client.components(caster))).value();
    assertEquals(List.of("components[headline].locationId"),
        wanted.differencesFrom(read, "components[headline]").stream().map(FieldDifference::field).toList());
    assertEquals("RC01", read.locationId());
    assertEquals("cover", studio(caster).components().get(0).layerOrder());
  }

  @Test
  void aBadOverlayIsRefusedAndAGoneOneIsNotFound() {
    String caster = caster();
    ok(client.addComponent(caster, lowerThird()));
    ComponentValue sameCorner = new ComponentValue("logo", "RC01", "image", "none", null, defaultLayer(), map("MaterialId", "a1"));
    LiveError duplicate = client.addComponent(caster, sameCorner).error();
    assertEquals("DuplicateLocationID", duplicate.code());
    assertEquals(ErrorClass.TERMINAL, duplicate.errorClass());

    Map<String, Object> threePoints = map("PositionNormalized", List.of(0.1, 0.2, 0.3), "PositionRefer", "topLeft");
    LiveError position = client.addComponent(caster,
        new ComponentValue("logo", "RC02", "image", "none", null, threePoints, map("MaterialId", "a1"))).error();
    assertEquals("InvalidPositionNormalized.Malformed", position.code());
    LiveError noMaterial = client.addComponent(caster,
        new ComponentValue("logo", "RC02", "image", "none", null, defaultLayer(), map("MaterialId", ""))).error();
    assertEquals("InvalidParameter.Malformed", noMaterial.code());
    assertEquals(ErrorClass.TERMINAL, noMaterial.errorClass());

    String id = only(ok(client.components(caster))).id();
    ok(client.deleteComponent(caster, id));
    assertEquals(List.of(), ok(client.components(caster)));
    for (LiveResult<Void> gone : List.of(client.deleteComponent(caster, id), client.modifyComponent(caster, id, lowerThird()))) {
      assertEquals("InvalidComponent.NotFound", gone.code());
      assertTrue(gone.error().means(ErrorMeaning.ITEM_NOT_FOUND));
    }
  }

  // ---- scenes ----

  @Test
  void scenesAppearAtTheFirstStartAndShowWhatTheyAreSetTo() {
    String caster = caster();
    LiveResult<List<SceneValue>> before = client.scenes(caster);
    assertEquals("InvalidScene.NotFound", before.code());
    assertTrue(before.error().means(ErrorMeaning.NO_SCENES), "no scenes before the first start");

    emulator.setRunning(caster, true);
    List<SceneValue> scenes = ok(client.scenes(caster));
    assertEquals(2, scenes.size());
    SceneValue program = scenes.stream().filter(SceneValue::program).findFirst().orElseThrow();
    SceneValue preview = scenes.stream().filter(s -> !s.program()).findFirst().orElseThrow();
    assertEquals(new SceneValue(program.sceneId(), true, null, List.of()), program, "nothing shown yet");
    String layout = ok(client.addLayout(caster, pictureInPicture()));
    String logo = ok(client.addComponent(caster, new ComponentValue("logo", "RC02", "image", "none", null, cornerLayer(),
        map("MaterialId", "a1"))));
    String text = ok(client.addComponent(caster, lowerThird()));

    SceneValue shown = new SceneValue(program.sceneId(), true, layout, List.of(text, logo));
    ok(client.setScene(caster, shown));

    assertEquals(List.of(shown, preview), ok(client.scenes(caster)).stream()
        .sorted((a, b) -> Boolean.compare(b.program(), a.program())).toList(), "the overlays in the order set; the preview untouched");
    assertEquals(List.of("ComponentId.1", "ComponentId.2"), lastCall("SetCasterSceneConfig", caster).params().keySet().stream()
        .filter(k -> k.startsWith("ComponentId")).sorted().toList());

    SceneValue cleared = new SceneValue(program.sceneId(), true, null, List.of());
    ok(client.setScene(caster, cleared));
    assertEquals(cleared, ok(client.scenes(caster)).stream().filter(SceneValue::program).findFirst().orElseThrow());
  }

  @Test
  void aSceneCanBeSetOnlyWhileTheCasterRunsAndOnlyToItemsThatExist() {
    String caster = caster();
    emulator.setRunning(caster, true);
    SceneValue program = ok(client.scenes(caster)).stream().filter(SceneValue::program).findFirst().orElseThrow();

    LiveError gone = client.setScene(caster, new SceneValue(program.sceneId(), true, "a2b8e671-2fe5-4642-a2ec-bf93880e0000",
        List.of())).error();
    assertEquals("InvalidLayout.NotFound", gone.code());
    assertTrue(gone.means(ErrorMeaning.ITEM_NOT_FOUND));

    emulator.setRunning(caster, false);
    LiveError idle = client.setScene(caster, new SceneValue(program.sceneId(), true, null, List.of())).error();
    assertEquals("IncorrectSceneStatus", idle.code());
    assertEquals(ErrorClass.PRECONDITION, idle.errorClass());
    assertTrue(idle.means(ErrorMeaning.CASTER_IDLE), "needs a running caster: " + idle.meaning());
  }

  // ---- answers the SDK reads without their list ----

  static Stream<Arguments> describeCalls() {
    return Stream.of(
        Arguments.of("DescribeCasterVideoResources", "VideoResources", "{\"ResourceId\":\"r1\",\"ResourceName\":\"cam\"}",
            (Function<LiveClient, LiveResult<?>>) c -> c.inputs("c1")),
        Arguments.of("DescribeCasterChannels", "Channels", "{\"ChannelId\":\"RV01\"}",
            (Function<LiveClient, LiveResult<?>>) c -> c.channels("c1")),
        Arguments.of("DescribeCasterLayouts", "Layouts", "{\"LayoutId\":\"l1\"}",
            (Function<LiveClient, LiveResult<?>>) c -> c.layouts("c1")),
        Arguments.of("DescribeCasterComponents", "Components", "{\"ComponentId\":\"o1\",\"ComponentType\":\"text\"}",
            (Function<LiveClient, LiveResult<?>>) c -> c.components("c1")),
        Arguments.of("DescribeCasterScenes", "SceneList", "{\"SceneId\":\"s1\",\"OutputType\":\"1\"}",
            (Function<LiveClient, LiveResult<?>>) c -> c.scenes("c1")));
  }

  /**
   * The old doc examples show bare arrays, which the v1 SDK reads as empty lists; taken for "the
   * studio has nothing", such an answer would make the reconciler add everything again.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("describeCalls")
  void anAnswerWhoseListTheSdkCannotReadIsIncompleteNotEmpty(String action, String list, String item,
      Function<LiveClient, LiveResult<?>> call) throws IOException {
    String bare = "{\"RequestId\":\"req-bare\",\"Total\":1,\"" + list + "\":[" + item + "]}";
    String wrapped = "{\"RequestId\":\"req-ok\",\"Total\":1,\"" + list + "\":{\"Item\":[" + item + "]}}";
    for (String body : List.of(bare, "{\"RequestId\":\"req-none\"}")) {
      LiveResult<?> answer = answeredBy(body, call);
      assertEquals(LiveError.INCOMPLETE_ANSWER, answer.code(), action + " answering " + body);
      assertEquals(ErrorClass.RETRYABLE, answer.error().errorClass());
      assertNotEquals(null, answer.requestId());
    }
    LiveResult<?> fine = answeredBy(wrapped, call);
    assertTrue(fine.isOk(), fine.code());
    assertEquals(1, ((List<?>) fine.value()).size(), "the same item, wrapped, is read");
  }

  @Test
  void anEmptyStudioReadsAsEmptyLists() {
    String caster = caster();
    assertEquals(List.of(), ok(client.inputs(caster)));
    assertEquals(List.of(), ok(client.layouts(caster)));
    assertEquals(List.of(), ok(client.components(caster)));
    assertEquals(List.of(), ok(client.channels(caster)), "no channels without channel mode");
  }

  // ---- helpers ----

  private static <T> T ok(LiveResult<T> result) {
    assertTrue(result.isOk(), () -> result.error().describe());
    return result.value();
  }

  private static <T> T only(List<T> items) {
    assertEquals(1, items.size(), items.toString());
    return items.get(0);
  }

  private static String caster() {
    return emulator.createCaster(ACCOUNT, null, "studio");
  }

  private static StudioSnapshot studio(String caster) {
    return emulator.studio(caster).orElseThrow();
  }

  private static CallRecord lastCall(String action, String caster) {
    List<CallRecord> calls = emulator.callLog(action, caster, null, 1);
    assertEquals(1, calls.size(), action);
    return calls.get(0);
  }

  private static InputValue withoutDelay(InputValue v) {
    return new InputValue(v.name(), v.locationId(), v.source(), v.beginOffset(), v.endOffset(), v.repeatNum(),
        v.ptsCallbackInterval(), null);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(text, e);
    }
  }

  /** One call of the real SDK to a server that answers {@code body} with 200, whatever was asked. */
  private static LiveResult<?> answeredBy(String body, Function<LiveClient, LiveResult<?>> call) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    try {
      LiveClient stubbed = new SdkLiveClientFactory(new LiveSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
          Duration.ofSeconds(2), Duration.ofSeconds(5))).client(new LiveCredentials.AccessKey(KEY, SECRET, null, ACCOUNT), "cn-shanghai");
      return call.apply(stubbed);
    } finally {
      server.stop(0);
    }
  }
}
