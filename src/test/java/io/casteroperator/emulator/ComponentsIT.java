package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.AddCasterComponentRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterComponentRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterComponentResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterComponentsRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterComponentsResponse;
import com.aliyuncs.live.model.v20161101.ModifyCasterComponentRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Add/Modify/Delete/DescribeCasterComponent(s) (studio-api-notes §6) through the real SDK. */
class ComponentsIT extends EmulatorFixture {
  /** As the pages' examples write it: numbers quoted. */
  static final String LOWER_THIRD_LAYER = "{\"HeightNormalized\":\"0.1\",\"WidthNormalized\":\"0\",\"PositionNormalized\":[\"0.05\",\"0.85\"],\"PositionRefer\":\"bottomLeft\"}";

  static AddCasterComponentRequest text(String casterId, String location, Consumer<AddCasterComponentRequest> more) {
    AddCasterComponentRequest r = new AddCasterComponentRequest();
    r.setCasterId(casterId);
    r.setLocationId(location);
    r.setComponentType("text");
    r.setComponentName("lower third");
    r.setComponentLayer(LOWER_THIRD_LAYER);
    r.setTextLayerContent("{\"Text\":\"Breaking\",\"Color\":\"0xffffff\",\"SizeNormalized\":\"0.05\",\"BorderWidthNormalized\":0.1,\"BorderColor\":\"0x000000\"}");
    more.accept(r);
    return r;
  }

  static List<DescribeCasterComponentsResponse.Component> components(String casterId) throws ClientException {
    DescribeCasterComponentsRequest r = new DescribeCasterComponentsRequest();
    r.setCasterId(casterId);
    DescribeCasterComponentsResponse response = call(r);
    assertEquals(response.getComponents().size(), response.getTotal());
    return response.getComponents();
  }

  @Test
  void textImageAndCaptionReadBackWithNumericTypes() throws ClientException {
    String id = createCaster("overlays");
    String text = call(text(id, "RC01", r -> {
      r.setEffect("animateH");
      r.setLayerOrder("cover");
      r.setHtmlLayerContent("<b>x</b>");
    })).getComponentId();
    AddCasterComponentRequest logo = new AddCasterComponentRequest();
    logo.setCasterId(id);
    logo.setLocationId("RC02");
    logo.setComponentType("image");
    logo.setComponentLayer("{\"HeightNormalized\":0.2,\"PositionNormalized\":[0.9,0.1],\"PositionRefer\":\"topRight\"}");
    logo.setImageLayerContent("{\"MaterialId\":\"logo-material\"}");
    String image = call(logo).getComponentId();
    AddCasterComponentRequest caption = new AddCasterComponentRequest();
    caption.setCasterId(id);
    caption.setLocationId("RV01");
    caption.setComponentType("caption");
    caption.setComponentLayer("{\"HeightNormalized\":\"0.1\",\"PositionNormalized\":[\"0.1\",\"0.9\"]}");
    caption.setCaptionLayerContent("{\"LocationId\":\"RV01\",\"SourceLan\":\"en\",\"TargetLan\":\"cn\",\"ShowSourceLan\":\"true\","
        + "\"Truncation\":true,\"SourceLanPerLineWordCount\":\"30\",\"PtsOffset\":\"-500\",\"WordsCount\":\"40\",\"Color\":\"0xffff00\"}");
    String captionId = call(caption).getComponentId();

    List<DescribeCasterComponentsResponse.Component> all = components(id);
    assertEquals(List.of(text, image, captionId), all.stream().map(DescribeCasterComponentsResponse.Component::getComponentId).toList());
    DescribeCasterComponentsResponse.Component t = all.get(0);
    assertEquals("lower third", t.getComponentName());
    assertEquals("text", t.getComponentType());
    assertEquals("RC01", t.getLocationId());
    assertEquals("animateH", t.getEffect());
    assertEquals(0.1f, t.getComponentLayer().getHeightNormalized(), "a quoted number reads back as a number");
    assertEquals(List.of(0.05f, 0.85f), t.getComponentLayer().getPositionNormalizeds());
    assertEquals("bottomLeft", t.getComponentLayer().getPositionRefer());
    assertEquals(255, t.getComponentLayer().getTransparency());
    assertEquals("Breaking", t.getTextLayerContent().getText());
    assertEquals("0xffffff", t.getTextLayerContent().getColor());
    assertEquals("KaiTi", t.getTextLayerContent().getFontName(), "the default font");
    assertEquals(0.05f, t.getTextLayerContent().getSizeNormalized());
    assertEquals(0.1f, t.getTextLayerContent().getBorderWidthNormalized());

    DescribeCasterComponentsResponse.Component i = all.get(1);
    assertEquals(i.getComponentId(), i.getComponentName(), "no name: named after its id");
    assertEquals("none", i.getEffect());
    assertEquals("logo-material", i.getImageLayerContent().getMaterialId());
    assertEquals(List.of(0.9f, 0.1f), i.getComponentLayer().getPositionNormalizeds());

    DescribeCasterComponentsResponse.Component.CaptionLayerContent cap = all.get(2).getCaptionLayerContent();
    assertEquals("RV01", cap.getLocationId());
    assertEquals(true, cap.getShowSourceLan());
    assertEquals(-500, cap.getPtsOffset());
    assertEquals(40, cap.getWordsCount());
    assertEquals("cn", cap.getTargetLan());
  }

  @Test
  void writeOnlyFieldsAreNeverReported() throws Exception {
    String id = createCaster("write only");
    call(text(id, "RC01", r -> {
      r.setLayerOrder("background");
      r.setHtmlLayerContent("<i>html</i>");
    }));
    AddCasterComponentRequest caption = new AddCasterComponentRequest();
    caption.setCasterId(id);
    caption.setLocationId("RV02");
    caption.setComponentType("caption");
    caption.setComponentLayer("{}");
    caption.setCaptionLayerContent("{\"LocationId\":\"RV02\",\"Truncation\":\"true\",\"TargetLanPerLineWordCount\":25,\"TargetLanReservePages\":3}");
    call(caption);
    String raw = common(clientA, commonRequest("DescribeCasterComponents", com.aliyuncs.http.MethodType.POST,
        java.util.Map.of("CasterId", id), java.util.Map.of())).getData();
    for (String hidden : List.of("LayerOrder", "HtmlLayerContent", "Truncation", "PerLineWordCount", "ReservePages", "background", "html")) {
      assertFalse(raw.contains(hidden), hidden + " in " + raw);
    }
    JsonNode body = Json.parse(raw).orElseThrow();
    JsonNode first = body.at("/Components/Component/0");
    assertTrue(first.at("/ComponentLayer/HeightNormalized").isNumber());
    assertTrue(first.at("/ComponentLayer/PositionNormalizeds/Position/0").isNumber());
    assertTrue(body.at("/Components/Component/1/CaptionLayerContent/ShowSourceLan").isBoolean());
    assertTrue(body.at("/Components/Component/1/CaptionLayerContent/WordsCount").isInt());
    assertTrue(first.path("CaptionLayerContent").isMissingNode(), "only the content of the component's type");
    // The cloud keeps them: the console (and the admin API) shows them.
    Component stored = emulator.studio(id).orElseThrow().components().get(0);
    assertEquals("background", stored.layerOrder());
    assertEquals("<i>html</i>", stored.htmlLayerContent());
  }

  @Test
  void modifyKeepsWhatItIsNotGivenAndCannotMoveAComponent() throws ClientException {
    String id = createCaster("modify");
    String text = call(text(id, "RC01", r -> {})).getComponentId();
    ModifyCasterComponentRequest modify = new ModifyCasterComponentRequest();
    modify.setCasterId(id);
    modify.setComponentId(text);
    modify.setComponentName("headline");
    modify.setTextLayerContent("{\"Text\":\"Updated\"}");
    assertEquals(text, call(modify).getComponentId());
    DescribeCasterComponentsResponse.Component after = components(id).get(0);
    assertEquals("headline", after.getComponentName());
    assertEquals("Updated", after.getTextLayerContent().getText());
    assertEquals("0xff0000", after.getTextLayerContent().getColor(), "the whole JSON parameter is replaced: default colour again");
    assertEquals(0.1f, after.getComponentLayer().getHeightNormalized(), "ComponentLayer not given: kept");
    assertEquals("RC01", after.getLocationId());

    modify.setComponentType("image");
    assertEquals("MissingParameter", code(modify), "an image needs ImageLayerContent");
    modify.setImageLayerContent("{\"MaterialId\":\"m1\"}");
    call(modify);
    assertEquals("image", components(id).get(0).getComponentType());
    assertNull(components(id).get(0).getTextLayerContent().getText(), "only the content of the component's type is reported");
    modify.setComponentType("caption");
    modify.setCaptionLayerContent("{\"LocationId\":\"RV01\"}");
    assertEquals("InvalidParameter.Malformed", code(modify), "a caption needs an RVnn location, which cannot be changed");

    modify.setComponentId("f0000000-0000-0000-0000-000000000000");
    assertEquals("InvalidComponent.NotFound", code(modify));
  }

  @Test
  void refusals() throws ClientException {
    String id = createCaster("refusals");
    call(text(id, "RC01", r -> {}));
    assertEquals("DuplicateLocationID", code(text(id, "RC01", r -> {})));
    assertEquals("InvalidParameter.Malformed", code(text(id, "RV01", r -> {})), "text goes on RCnn");
    // The SDK cannot unset a parameter once set: build these from nothing.
    AddCasterComponentRequest noContent = new AddCasterComponentRequest();
    noContent.setCasterId(id);
    noContent.setLocationId("RC02");
    noContent.setComponentType("text");
    noContent.setComponentLayer("{}");
    assertEquals("MissingParameter", code(noContent));
    AddCasterComponentRequest noLayer = new AddCasterComponentRequest();
    noLayer.setCasterId(id);
    noLayer.setLocationId("RC02");
    noLayer.setComponentType("text");
    noLayer.setTextLayerContent("{\"Text\":\"x\"}");
    assertEquals("MissingParameter", code(noLayer));
    assertEquals("MissingParameter", code(text(id, null, r -> {})));
    assertEquals("InvalidParameter.Malformed", code(text(id, "RC02", r -> r.setComponentType("video"))));
    assertEquals("InvalidParameter.Malformed", code(text(id, "RC02", r -> r.setEffect("spin"))));
    assertEquals("InvalidParameter.Malformed", code(text(id, "RC02", r -> r.setComponentLayer("{\"HeightNormalized\":"))));
    assertEquals("InvalidParameter.Malformed", code(text(id, "RC02", r -> r.setComponentLayer("{\"HeightNormalized\":\"tall\"}"))));
    assertEquals("InvalidParameter.Malformed", code(text(id, "RC02", r -> r.setComponentLayer("{\"PositionRefer\":\"center\"}"))),
        "components anchor on corners only");
    assertEquals("InvalidPositionNormalized.Malformed", code(text(id, "RC02", r -> r.setComponentLayer("{\"PositionNormalized\":[0.1]}"))));
    assertEquals("InvalidParameter.Malformed", code(text(id, "RC02", r -> r.setTextLayerContent("{\"Color\":\"red\"}"))));
    AddCasterComponentRequest noMaterial = text(id, "RC02", r -> {
      r.setComponentType("image");
      r.setImageLayerContent("{}");
    });
    assertEquals("InvalidParameter.Malformed", code(noMaterial), "MaterialId is not found");
    assertEquals(1, components(id).size(), "refused calls add nothing");

    DescribeCasterComponentsRequest unknown = new DescribeCasterComponentsRequest();
    unknown.setCasterId(id);
    unknown.setComponentId("nope");
    assertEquals("InvalidComponent.NotFound", code(unknown));
  }

  @Test
  void captionsShareTheirInputsLocationAndDeleteAnswersTheIds() throws ClientException {
    String id = createCaster("captions");
    AddCasterComponentRequest caption = new AddCasterComponentRequest();
    caption.setCasterId(id);
    caption.setLocationId("RV01");
    caption.setComponentType("caption");
    caption.setComponentLayer("{}");
    caption.setCaptionLayerContent("{\"LocationId\":\"RV01\",\"SourceLan\":\"es\"}");
    String first = call(caption).getComponentId();
    caption.setCaptionLayerContent("{\"LocationId\":\"RV01\",\"SourceLan\":\"en\",\"TargetLan\":\"ru\"}");
    String second = call(caption).getComponentId();
    assertEquals(2, components(id).size(), "two captions of one input: locations of captions are not unique");
    caption.setCaptionLayerContent("{\"SourceLan\":\"fr\"}");
    assertEquals("InvalidParameter.Malformed", code(caption));

    DeleteCasterComponentRequest delete = new DeleteCasterComponentRequest();
    delete.setCasterId(id);
    delete.setComponentId(first);
    DeleteCasterComponentResponse deleted = call(delete);
    assertEquals(id, deleted.getCasterId());
    assertEquals(first, deleted.getComponentId());
    assertEquals(List.of(second), components(id).stream().map(DescribeCasterComponentsResponse.Component::getComponentId).toList());
    assertEquals("InvalidComponent.NotFound", code(delete));
  }
}
