package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void arraysAreReplacedNullsRemoveAndObjectsMerge() throws Exception {
    JsonNode target = json("{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}],\"lastErrorCode\":\"X\",\"keep\":1}}");
    JsonNode patch = json("{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],\"lastErrorCode\":null}}");

    assertEquals(json("{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],\"keep\":1}}"),
        JsonMergePatch.apply(target, patch));
  }

  @Test
  void theExamplesOfRfc7386() throws Exception {
    assertEquals(json("{\"a\":\"z\",\"c\":{\"d\":\"e\"}}"), JsonMergePatch.apply(json("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"}}"),
        json("{\"a\":\"z\",\"c\":{\"f\":null}}")));
    assertEquals(json("[\"c\"]"), JsonMergePatch.apply(json("{\"a\":[\"b\"]}"), json("[\"c\"]")));
    assertEquals(json("{\"a\":{\"bb\":{}}}"), JsonMergePatch.apply(json("{}"), json("{\"a\":{\"bb\":{\"ccc\":null}}}")));
  }
}
