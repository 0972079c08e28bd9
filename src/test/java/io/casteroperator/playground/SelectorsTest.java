package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Field and label selectors select what kube-apiserver selects, and refuse what it refuses. */
class SelectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void describeFindsACastersEventsByInvolvedObject() throws Exception {
    JsonNode event = json("""
        {"metadata": {"name": "e1", "namespace": "default"}, "reason": "Applied", "type": "Normal",
         "source": {"component": "caster-operator"},
         "involvedObject": {"kind": "Caster", "name": "morning-show", "namespace": "default", "uid": "u1"}}""");
    // What kubectl describe sends.
    FieldSelectors describe = FieldSelectors.parse(
        "involvedObject.namespace=default,involvedObject.kind=Caster,involvedObject.uid=u1,involvedObject.name=morning-show", "events");
    assertTrue(describe.matches(event));
    assertFalse(FieldSelectors.parse("involvedObject.name=evening-news", "events").matches(event));
    assertTrue(FieldSelectors.parse("reason!=Failed,type==Normal,source=caster-operator", "events").matches(event));
  }

  @Test
  void aFieldTheKindDoesNotSupportIsRefused() {
    ApiException refused = assertThrows(ApiException.class, () -> FieldSelectors.parse("spec.delay=3", "casters"));
    assertEquals(400, refused.response().code());
    assertTrue(refused.getMessage().contains("field label not supported: spec.delay"), refused.getMessage());
    assertThrows(ApiException.class, () -> FieldSelectors.parse("involvedObject.name=x", "casters"));
  }

  @Test
  void escapedCommasAndEqualsSignsArePartOfTheValue() throws Exception {
    JsonNode object = json("{\"metadata\": {\"name\": \"a,b=c\"}}");
    assertTrue(FieldSelectors.parse("metadata.name=a\\,b\\=c", "secrets").matches(object));
  }

  @Test
  void labelSelectorsSupportTheWholeGrammar() throws Exception {
    JsonNode news = json("{\"metadata\": {\"labels\": {\"team\": \"news\", \"tier\": \"gold\"}}}");
    JsonNode bare = json("{\"metadata\": {}}");
    assertTrue(LabelSelectors.parse("team=news").matches(news));
    assertTrue(LabelSelectors.parse("team==news,tier!=silver").matches(news));
    assertTrue(LabelSelectors.parse("team in (news, sports)").matches(news));
    assertFalse(LabelSelectors.parse("team notin (news,sports)").matches(news));
    assertTrue(LabelSelectors.parse("team notin (news,sports)").matches(bare));
    assertTrue(LabelSelectors.parse("tier,!paused").matches(news));
    assertFalse(LabelSelectors.parse("tier").matches(bare));
    assertTrue(LabelSelectors.parse("tier!=gold").matches(bare), "!= selects objects without the label, as in Kubernetes");
  }

  @Test
  void aMalformedLabelSelectorIsRefused() {
    ApiException refused = assertThrows(ApiException.class, () -> LabelSelectors.parse("team in news"));
    assertEquals(400, refused.response().code());
  }
}
