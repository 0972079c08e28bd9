package io.casteroperator.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Decodes the RPC parameters of a request: the query string and a form-encoded body. */
final class RequestParameters {
  /** Gateway parameters: signed, but never part of an action's own parameters. */
  static final Set<String> SYSTEM =
      Set.of(
          "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
          "SignatureNonce", "SignatureType", "Timestamp", "RegionId", "SecurityToken", "OwnerId");

  private RequestParameters() {}

  /**
   * Query parameters win over body parameters of the same name, which is also how the Java SDK
   * merges them when it signs.
   */
  static Map<String, String> decode(String rawQuery, String formBody) {
    Map<String, String> parameters = new LinkedHashMap<>();
    decodeInto(formBody, parameters);
    decodeInto(rawQuery, parameters);
    return parameters;
  }

  private static void decodeInto(String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        into.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ApiError.INVALID_PARAMETER_MALFORMED.exception("The request is not well-formed URL encoding: " + key);
      }
    }
  }

  /** What a log may show: the action's parameters, never the signature or a token. */
  static Map<String, String> apiOnly(Map<String, String> parameters) {
    Map<String, String> api = new LinkedHashMap<>();
    parameters.forEach(
        (k, v) -> {
          if (!SYSTEM.contains(k)) {
            api.put(k, v);
          }
        });
    return api;
  }
}
