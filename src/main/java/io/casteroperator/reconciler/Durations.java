package io.casteroperator.reconciler;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Kubernetes users write them: {@code 30s}, {@code 10m}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * The duration, or {@code null} if the text is not one, or is negative (ISO-8601 such as PT30S is
   * accepted too).
   */
  public static Duration parse(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim();
    if (value.startsWith("PT") || value.startsWith("pt")) {
      try {
        Duration iso = Duration.parse(value);
        return iso.isNegative() ? null : iso;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    try {
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
    } catch (NumberFormatException | ArithmeticException tooLong) {
      return null;
    }
    return end == value.length() && end > 0 ? total : null;
  }

  /** The duration as {@link #parse} reads it back: {@code 10m}, {@code 1h30m}, {@code 1500ms}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.isNegative() || duration.toNanosPart() % 1_000_000 != 0) {
      return duration.toString(); // ISO-8601, which parse reads too (a negative one it refuses)
    }
    StringBuilder text = new StringBuilder();
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    int millis = duration.toMillisPart();
    if (millis != 0) {
      return text.append(duration.toMillis()).append("ms").toString();
    }
    if (hours != 0) {
      text.append(hours).append('h');
    }
    if (minutes != 0) {
      text.append(minutes).append('m');
    }
    if (seconds != 0) {
      text.append(seconds).append('s');
    }
    return text.toString();
  }
}
