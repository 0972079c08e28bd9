package io.casteroperator.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;

/**
 * A spec that does not bind to {@link CasterSpec} (a wrong type, an unknown field). It keeps the
 * original JSON, so that copying the resource (JOSDK clones it) never turns a broken spec into an
 * empty, seemingly valid one that would clear the cloud caster.
 */
@JsonSerialize(using = UnreadableSpec.RawSerializer.class)
public final class UnreadableSpec extends CasterSpec {

  private final transient JsonNode raw;
  private final transient String path;
  private final transient String rule;
  private final transient String problem;

  /**
   * @param raw the spec as it was read
   * @param path the offending field, such as {@code spec.delay}
   * @param rule {@code type}, {@code enum} or {@code unknownField}
   * @param problem a sentence for the user
   */
  public UnreadableSpec(JsonNode raw, String path, String rule, String problem) {
    this.raw = raw;
    this.path = path;
    this.rule = rule;
    this.problem = problem;
  }

  public JsonNode raw() {
    return raw;
  }

  public String path() {
    return path;
  }

  public String rule() {
    return rule;
  }

  public String problem() {
    return problem;
  }

  /** Writes the spec back exactly as it was read. */
  public static final class RawSerializer extends JsonSerializer<UnreadableSpec> {
    @Override
    public void serialize(UnreadableSpec value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeTree(value.raw);
    }
  }
}
