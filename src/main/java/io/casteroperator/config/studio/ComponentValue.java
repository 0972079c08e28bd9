package io.casteroperator.config.studio;

import io.casteroperator.config.FieldDifference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An overlay (AddCasterComponent) as the spec wants it or the cloud reports it. The JSON-string
 * parameters are kept as maps with the API's keys (ComponentLayer as {@code layer}; the
 * TextLayerContent, ImageLayerContent or CaptionLayerContent of its type as {@code content}):
 * strings, Double, Long and Boolean values, and PositionNormalized as a list of two Doubles.
 *
 * @param name the spec's name, sent as ComponentName
 * @param type text, image or caption (ComponentType)
 * @param layerOrder cover or background; null when the spec leaves it out, and in what the cloud
 *     reports (it cannot be read back)
 */
public record ComponentValue(String name, String locationId, String type, String effect, String layerOrder,
    Map<String, Object> layer, Map<String, Object> content) {

  /** Caption fields that can be set but are not in DescribeCasterComponents' answer. */
  public static final Set<String> UNREADABLE_CAPTION_FIELDS = Set.of("Truncation", "SourceLanPerLineWordCount",
      "TargetLanPerLineWordCount", "SourceLanReservePages", "TargetLanReservePages");

  public ComponentValue {
    layer = Collections.unmodifiableMap(new TreeMap<>(layer));
    content = Collections.unmodifiableMap(new TreeMap<>(content));
  }

  /** The name of the content parameter of this type: TextLayerContent, ImageLayerContent or CaptionLayerContent. */
  public String contentParameter() {
    return switch (type) {
      case "text" -> "TextLayerContent";
      case "image" -> "ImageLayerContent";
      default -> "CaptionLayerContent";
    };
  }

  /** What only adding the overlay again can change: where it sits and whether it covers the video. */
  public Object fixedPart() {
    return java.util.Arrays.asList(locationId, layerOrder);
  }

  /**
   * Where the cloud's overlay differs from this one, in what a read can show. Content fields the
   * spec leaves out are not compared (the service fills in its own), except that a caption's or
   * text's content of another type is.
   */
  public List<FieldDifference> differencesFrom(ComponentValue observed, String prefix) {
    List<FieldDifference> out = new ArrayList<>();
    InputValue.diff(out, prefix + ".name", name, observed.name);
    InputValue.diff(out, prefix + ".locationId", locationId, observed.locationId);
    InputValue.diff(out, prefix + ".type", type, observed.type);
    InputValue.diff(out, prefix + ".effect", effect, observed.effect);
    fields(out, prefix + ".layer", layer, observed.layer);
    String contentPath = prefix + "." + (type.equals("caption") ? "caption" : type);
    Map<String, Object> readable = new TreeMap<>(content);
    readable.keySet().removeAll(UNREADABLE_CAPTION_FIELDS);
    fields(out, contentPath, readable, observed.content);
    return out;
  }

  private static void fields(List<FieldDifference> out, String prefix, Map<String, Object> desired, Map<String, Object> observed) {
    for (Map.Entry<String, Object> field : desired.entrySet()) {
      Object seen = observed.get(field.getKey());
      if (!same(field.getValue(), seen)) {
        out.add(new FieldDifference(prefix + "." + lowerFirst(field.getKey()), field.getValue(), seen));
      }
    }
  }

  /** Numbers compare by value (the service reports 1 for 1.0); lists element by element. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(a, b);
  }

  private static String lowerFirst(String key) {
    return Character.toLowerCase(key.charAt(0)) + key.substring(1);
  }
}
