package io.casteroperator.config;

import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.EachItem;
import io.casteroperator.api.ListKey;
import io.casteroperator.api.SyncGroup;
import io.casteroperator.api.UnreadableSpec;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's own check of a spec, because the API server may not have checked it (an older
 * CRD, a cluster without the schema, the mock API server of tests). The schema rules are read from
 * the same annotations the CRD is generated from, so the two cannot disagree; the CEL rules of the
 * CRD are mirrored by hand below, and a table test proves both agree case by case.
 */
public final class SpecValidator {

  private static final String API_PACKAGE = "io.casteroperator.api";
  private static final int MAX_REPORTED = 20;
  private static final Map<String, java.util.regex.Pattern> PATTERNS = new ConcurrentHashMap<>();
  /** The key of a list item that has none, in {@link #checkKeys}. */
  private static final Object UNSPECIFIED_KEY = new Object();

  private SpecValidator() {}

  /** Every rule the spec breaks; empty when it is valid. */
  public static List<Violation> validate(CasterSpec spec) {
    if (spec instanceof UnreadableSpec unreadable) {
      return List.of(new Violation(unreadable.path(), unreadable.rule(), unreadable.problem()));
    }
    if (spec == null) {
      return List.of(new Violation("spec", "required", "spec: required"));
    }
    List<Violation> violations = new ArrayList<>();
    checkObject("spec", spec, violations);
    checkSyncGroups(spec, violations);
    checkRunning(spec, violations);
    StudioRules.check(spec, violations);
    return violations.size() > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations;
  }

  /** Mirror of the CEL rule on the spec: a caster that should run needs what StartCaster needs. */
  private static void checkRunning(CasterSpec spec, List<Violation> violations) {
    if (!Boolean.TRUE.equals(spec.getRunning())) {
      return;
    }
    List<String> missing = new ArrayList<>();
    if (spec.getDomainName() == null) {
      missing.add("spec.domainName");
    }
    if (spec.getTranscodeConfig() == null || spec.getTranscodeConfig().getCasterTemplate() == null) {
      missing.add("spec.transcodeConfig.casterTemplate");
    }
    if (!missing.isEmpty()) {
      violations.add(new Violation("spec.running", "cel", "spec.running: true needs " + String.join(" and ", missing)
          + ": StartCaster refuses a caster without them"));
    }
  }

  /**
   * The transition rules of the CRD (they run on updates only): channels cannot be turned off once
   * they are on in the cloud ({@code channelsEnabled}, from the previous status), and casterId
   * cannot change once set.
   */
  public static List<Violation> validateUpdate(CasterSpec previous, Boolean channelsEnabled, CasterSpec next) {
    List<Violation> violations = new ArrayList<>();
    // An unreadable spec has no field values (they all read as null): comparing it would invent
    // "channelEnable turned off" and "casterId removed". validate(next) already refuses it, and the
    // API server evaluates no CEL rule after such a (type) error either.
    if (previous == null || next == null || previous instanceof UnreadableSpec || next instanceof UnreadableSpec) {
      return violations;
    }
    if (Boolean.TRUE.equals(channelsEnabled) && Boolean.TRUE.equals(previous.getChannelEnable())
        && !Boolean.TRUE.equals(next.getChannelEnable())) {
      violations.add(new Violation("spec.channelEnable", "cel",
          "spec.channelEnable: cannot be turned off once channels are enabled on the caster: the Live API can never disable them"));
    }
    if (previous.getCasterId() != null && !Objects.equals(previous.getCasterId(), next.getCasterId())) {
      violations.add(new Violation("spec.casterId", "cel",
          "spec.casterId: cannot be changed or removed once set"));
    }
    return violations;
  }

  /** Mirror of the CEL rule on SyncGroup: streamer mode needs a host. */
  private static void checkSyncGroups(CasterSpec spec, List<Violation> violations) {
    List<SyncGroup> groups = spec.getSyncGroupsConfig();
    if (groups == null) {
      return;
    }
    for (int i = 0; i < groups.size(); i++) {
      SyncGroup group = groups.get(i);
      if (group != null && group.getMode() != null && group.getMode() == 0 && group.getHostResourceId() == null) {
        String path = "spec.syncGroupsConfig[" + i + "].hostResourceId";
        violations.add(new Violation(path, "cel", path + ": required in streamer mode (mode 0)"));
      }
    }
  }

  private static void checkObject(String path, Object object, List<Violation> violations) {
    for (Class<?> c = object.getClass(); c != null && c.getPackageName().equals(API_PACKAGE); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
          continue;
        }
        checkField(path + "." + field.getName(), field, read(field, object), violations);
      }
    }
  }

  private static void checkField(String path, Field field, Object value, List<Violation> violations) {
    if (value == null) {
      if (field.isAnnotationPresent(Required.class)) {
        violations.add(new Violation(path, "required", path + ": required"));
      }
      return;
    }
    Size size = field.getAnnotation(Size.class);
    if (value instanceof String text) {
      checkText(path, text, size == null ? Long.MAX_VALUE : size.max(), pattern(field), violations);
    } else if (value instanceof Number number) {
      checkNumber(path, number.doubleValue(), field, violations);
    } else if (value instanceof List<?> list) {
      if (size != null && list.size() > size.max()) {
        violations.add(new Violation(path, "maxItems", path + ": at most " + size.max() + " entries, got " + list.size()));
      }
      if (size != null && list.size() < size.min()) {
        violations.add(new Violation(path, "minItems", path + ": at least " + size.min() + " entries, got " + list.size()));
      }
      ListKey key = field.getAnnotation(ListKey.class);
      if (key != null) {
        checkKeys(path, list, key.value(), violations);
      }
      EachItem each = field.getAnnotation(EachItem.class);
      for (int i = 0; i < list.size(); i++) {
        checkItem(path + "[" + i + "]", list.get(i), each, violations);
      }
    } else if (value.getClass().getPackageName().equals(API_PACKAGE) && !value.getClass().isEnum()) {
      checkObject(path, value, violations);
    }
  }

  /**
   * A list keyed by a field (x-kubernetes-list-type: map): two items with the same key are refused,
   * as kube-apiserver refuses them. Like it, this reports the second item of each key only (a third
   * is not reported again), and counts an item without the key (or a null item) as the key
   * "unspecified", so two such items are duplicates too.
   */
  private static void checkKeys(String path, List<?> list, String keyField, List<Violation> violations) {
    java.util.Map<Object, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      Object key = item == null ? null : readField(item, keyField);
      int times = seen.merge(key == null ? UNSPECIFIED_KEY : key, 1, Integer::sum);
      if (times == 2) {
        violations.add(new Violation(path + "[" + i + "]", "listMapKeys", path + "[" + i + "]: "
            + (key == null ? "another entry has no " + keyField + " either" : "another entry already has " + keyField + " " + key)
            + " (each " + keyField + " is unique in " + path + ")"));
      }
    }
  }

  private static Object readField(Object object, String name) {
    for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return read(c.getDeclaredField(name), object);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }

  private static void checkItem(String path, Object item, EachItem each, List<Violation> violations) {
    if (item == null) {
      violations.add(new Violation(path, "type", path + ": must not be null"));
    } else if (item instanceof String text) {
      checkText(path, text, each == null ? Long.MAX_VALUE : each.maxLength(),
          each == null || each.pattern().isEmpty() ? null : each.pattern(), violations);
    } else if (item.getClass().getPackageName().equals(API_PACKAGE)) {
      checkObject(path, item, violations);
    }
  }

  private static void checkText(String path, String text, long maxLength, String pattern, List<Violation> violations) {
    // Kubernetes counts characters, not UTF-16 units.
    long length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      violations.add(new Violation(path, "maxLength", path + ": at most " + maxLength + " characters, got " + length));
    }
    // Every pattern is anchored and linear, so even an over-long value is cheap to match.
    if (pattern != null && !compiled(pattern).matcher(text).find()) {
      violations.add(new Violation(path, "pattern", path + ": " + describe(pattern)));
    }
  }

  private static void checkNumber(String path, double value, Field field, List<Violation> violations) {
    if (!Double.isFinite(value)) {
      // JSON has no NaN or Infinity: Jackson made it from a string such as "NaN", which the API
      // server refuses as a wrong type.
      violations.add(new Violation(path, "type", path + ": wrong type, expected a number"));
      return;
    }
    Min min = field.getAnnotation(Min.class);
    Max max = field.getAnnotation(Max.class);
    if (min != null && value < min.value()) {
      violations.add(new Violation(path, "minimum", path + ": must be at least " + plain(min.value())));
    }
    if (max != null && value > max.value()) {
      violations.add(new Violation(path, "maximum", path + ": must be at most " + plain(max.value())));
    }
  }

  private static String pattern(Field field) {
    Pattern pattern = field.getAnnotation(Pattern.class);
    return pattern == null ? null : pattern.value();
  }

  private static java.util.regex.Pattern compiled(String regex) {
    return PATTERNS.computeIfAbsent(regex, r -> java.util.regex.Pattern.compile(endOfTextAnchors(r)));
  }

  /**
   * The regex with every {@code $} anchor made to match at the very end of the text only, as in
   * RE2 (the API server's engine): in Java, {@code $} also matches before a final line terminator,
   * so {@code "live.example.com\n"} would pass {@code ^...$} here and be refused by Kubernetes.
   */
  private static String endOfTextAnchors(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
      } else if (c == '[' && !inClass) {
        inClass = true;
        out.append(c);
        // A ']' right after '[' or '[^' is a literal, not the end of the class.
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          out.append(regex.charAt(++i));
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          out.append(regex.charAt(++i));
        }
      } else if (c == ']' && inClass) {
        inClass = false;
        out.append(c);
      } else if (c == '$' && !inClass) {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A pattern in words, for the patterns users meet most. */
  private static String describe(String pattern) {
    return switch (pattern) {
      case io.casteroperator.api.Patterns.RTMP_URL -> "must be an rtmp:// URL without spaces or control characters";
      case io.casteroperator.api.Patterns.STREAM_URL -> "must be an rtmp://, http:// or https:// URL without spaces or control characters";
      case io.casteroperator.api.Patterns.HTTP_URL -> "must be an http:// or https:// URL without spaces or control characters";
      case io.casteroperator.api.Patterns.NO_SPACE_TEXT -> "must not contain spaces or control characters";
      case io.casteroperator.api.Patterns.DNS_NAME -> "must be a DNS name (RFC 1123)";
      case io.casteroperator.api.Patterns.CASTER_ID -> "must be a caster id (a UUID or LIVEPRODUCER_...)";
      case io.casteroperator.api.Patterns.K8S_NAME -> "must be a Kubernetes object name (lower case RFC 1123)";
      case io.casteroperator.api.Patterns.REGION_ID -> "must be a region id such as cn-shanghai";
      case io.casteroperator.api.Patterns.RESOURCE_GROUP_ID -> "must be a resource group id such as rg-acfm...";
      case io.casteroperator.api.Patterns.STUDIO_NAME -> "must be a name of lower-case letters, digits and dashes (a DNS label), such as camera-1";
      case io.casteroperator.api.Patterns.INPUT_LOCATION -> "must be RV01 to RV99";
      case io.casteroperator.api.Patterns.COMPONENT_LOCATION -> "must be RC01 to RC99 (for a caption, the RV01 to RV99 of its input)";
      case io.casteroperator.api.Patterns.LAYOUT_SOURCE -> "must be the name of an input (with channelEnable: true, a channel id RV01 to RV99)";
      case io.casteroperator.api.Patterns.COLOR -> "must be a colour 0x000000 to 0xffffff";
      default -> "must match " + pattern;
    };
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static Object read(Field field, Object object) {
    try {
      field.setAccessible(true);
      return field.get(object);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
