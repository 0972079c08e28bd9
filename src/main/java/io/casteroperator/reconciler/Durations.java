package io.casteroperator.reconciler;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Kubernetes users write them: {@code 30s}, {@code 10m}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** The duration, or {@code null} if the text is not one (ISO-8601 such as PT30S is accepted too). */
  public static Duration parse(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim();
    if (value.startsWith("PT") || value.startsWith("pt")) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long amount = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      });
      end = m.end();
    }
    return end == value.length() && end > 0 ? total : null;
  }
}
