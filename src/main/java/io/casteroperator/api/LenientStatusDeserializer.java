package io.casteroperator.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a status without ever failing: a status someone else broke reads as no status, which the
 * operator simply rewrites, instead of stopping the watch of every Caster.
 */
public final class LenientStatusDeserializer extends JsonDeserializer<CasterStatus> {

  private static final Logger LOG = LoggerFactory.getLogger(LenientStatusDeserializer.class);
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Override
  public CasterStatus deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode tree = parser.readValueAsTree();
    try {
      return MAPPER.treeToValue(tree, CasterStatus.class);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Ignoring a Caster status that cannot be read: {}", e.getMessage());
      return null;
    }
  }
}
