package io.casteroperator.emulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading an action's parameters as the service does: required ones, numbers with their ranges, and
 * repeated parameters flattened 1-based ({@code BlendList.1}, {@code VideoLayer.2.PositionNormalized.1}).
 * Every refusal is one of the documented codes, never a crash.
 */
final class Params {
  /** More list items than any studio has; a larger index is a malformed request, not a huge list. */
  static final int MAX_INDEX = 1000;
  /** Float.toString, which the v1 SDK uses, writes small values as 1.0E-5. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");

  private Params() {}

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  static String optional(Map<String, String> p, String name) {
    return emptyToNull(p.get(name));
  }

  static String required(Map<String, String> p, String name) {
    String value = optional(p, name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  static ApiException missing(String name) {
    return ApiError.MISSING_PARAMETER.exception(
        "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
  }

  static ApiException malformed(String name, String why) {
    return ApiError.INVALID_PARAMETER_MALFORMED.exception("The parameter " + name + " is malformed: " + why + ".");
  }

  /** The CasterId every caster action needs, checked for one of the two shapes the service issues. */
  static String casterId(Map<String, String> p) {
    String id = required(p, "CasterId");
    requireWellFormedCasterId(id);
    return id;
  }

  static void requireWellFormedCasterId(String id) {
    if (!CasterParameters.isWellFormedCasterId(id)) {
      throw ApiError.INVALID_CASTER_ID_MALFORMED.exception("The specified CasterId " + id + " is malformed.");
    }
  }

  /** Null when absent or empty. */
  static Integer integer(Map<String, String> p, String name, long min, long max) {
    String value = optional(p, name);
    return value == null ? null : integerValue(name, value, min, max);
  }

  static int integerValue(String name, String value, long min, long max) {
    if (!INTEGER.matcher(value).matches()) {
      throw malformed(name, "must be an integer");
    }
    long n = Long.parseLong(value);
    if (n < min || n > max) {
      throw malformed(name, "must be between " + min + " and " + max);
    }
    return (int) n;
  }

  /** Null when absent or empty. */
  static Double decimal(Map<String, String> p, String name, double min, double max) {
    String value = optional(p, name);
    return value == null ? null : decimalValue(name, value, min, max);
  }

  static double decimalValue(String name, String value, double min, double max) {
    if (!DECIMAL.matcher(value).matches()) {
      throw malformed(name, "must be a number");
    }
    double d = new BigDecimal(value).doubleValue();
    if (d < min || d > max) {
      throw malformed(name, "must be between " + min + " and " + max);
    }
    return d;
  }

  static String oneOf(Map<String, String> p, String name, List<String> allowed) {
    String value = optional(p, name);
    if (value != null && !allowed.contains(value)) {
      throw malformed(name, "must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  /**
   * The values of {@code prefix.1 .. prefix.n}; empty when none is given. A gap (".1" and ".3"
   * without ".2") is malformed: the SDKs never send one.
   */
  static List<String> indexed(Map<String, String> p, String prefix) {
    int count = highestIndex(p, prefix);
    List<String> values = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String value = p.get(prefix + "." + i);
      if (value == null) {
        throw malformed(prefix, "item " + i + " is missing");
      }
      values.add(value);
    }
    return values;
  }

  /**
   * The highest N of any parameter named {@code prefix.N} or {@code prefix.N.<field>}: a list of
   * objects travels as its fields only, so an item with no field set does not exist on the wire.
   */
  static int highestIndex(Map<String, String> p, String prefix) {
    Pattern item = Pattern.compile(Pattern.quote(prefix) + "\\.(\\d{1,9})(\\..*)?");
    int highest = 0;
    for (String key : p.keySet()) {
      Matcher m = item.matcher(key);
      if (m.matches()) {
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > MAX_INDEX) {
          throw malformed(prefix, "index " + m.group(1) + " is out of range");
        }
        highest = Math.max(highest, n);
      }
    }
    return highest;
  }

  /** Whether any parameter of the list {@code prefix} was sent. */
  static boolean hasList(Map<String, String> p, String prefix) {
    return highestIndex(p, prefix) > 0;
  }
}
