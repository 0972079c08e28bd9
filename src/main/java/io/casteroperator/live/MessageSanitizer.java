package io.casteroperator.live;

import java.util.regex.Pattern;

/**
 * Cleans the messages of SDK and service errors before anyone sees them. The SDK puts the whole
 * signed request URL (with the STS SecurityToken) into timeout messages, and the service quotes the
 * string to sign (with the same parameters) in SignatureDoesNotMatch.
 */
final class MessageSanitizer {

  private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s?]+)\\?\\S*");
  private static final Pattern STRING_TO_SIGN = Pattern.compile("(?i)(string to sign is:).*", Pattern.DOTALL);
  private static final int MAX_LENGTH = 1024;

  private MessageSanitizer() {}

  static String clean(String message) {
    if (message == null) {
      return "";
    }
    String clean = STRING_TO_SIGN.matcher(message).replaceAll("$1 <omitted>");
    clean = URL_QUERY.matcher(clean).replaceAll("$1?<omitted>");
    return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "..." : clean;
  }
}
