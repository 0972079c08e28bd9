package io.casteroperator.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's checks, in the order that gives a client the most useful answer: signature
 * parameters, other system parameters, key, signature, time stamp, nonce.
 */
final class Authenticator {
  static final String API_VERSION = "2016-11-01";
  static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(15);
  private static final List<String> SIGNATURE_PARAMETERS =
      List.of("Signature", "AccessKeyId", "SignatureMethod", "SignatureVersion");
  private static final List<String> REQUIRED_SYSTEM_PARAMETERS =
      List.of("Action", "Version", "Timestamp", "SignatureNonce");

  private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();
  private final Clock clock;
  private final NonceRegistry nonces;

  Authenticator(Clock clock, int maxRememberedNonces) {
    this.clock = clock;
    this.nonces = new NonceRegistry(clock, TIMESTAMP_TOLERANCE.toMillis(), maxRememberedNonces);
  }

  void add(AccessKey key) {
    keys.put(key.id(), key);
  }

  Optional<AccessKey> key(String accessKeyId) {
    return accessKeyId == null ? Optional.empty() : Optional.ofNullable(keys.get(accessKeyId));
  }

  boolean hasAccount(String account) {
    return keys.values().stream().anyMatch(k -> k.account().equals(account));
  }

  /** The key the call is signed with, or the gateway's refusal. */
  AccessKey authenticate(String httpMethod, Map<String, String> parameters) {
    for (String name : SIGNATURE_PARAMETERS) {
      if (isBlank(parameters.get(name))) {
        throw ApiError.INCOMPLETE_SIGNATURE.exception(
            "The request signature does not conform to Aliyun standards: " + name + " is missing.");
      }
    }
    // The gateway knows one algorithm for version 1.0; anything else cannot be verified. (guess: code)
    if (!"HMAC-SHA1".equals(parameters.get("SignatureMethod")) || !"1.0".equals(parameters.get("SignatureVersion"))) {
      throw ApiError.INCOMPLETE_SIGNATURE.exception(
          "The request signature does not conform to Aliyun standards: only HMAC-SHA1 version 1.0 is supported.");
    }
    for (String name : REQUIRED_SYSTEM_PARAMETERS) {
      if (isBlank(parameters.get(name))) {
        throw ApiError.MISSING_PARAMETER.exception("The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
      }
    }
    AccessKey key =
        key(parameters.get("AccessKeyId"))
            .orElseThrow(ApiError.INVALID_ACCESS_KEY_ID_NOT_FOUND::exception);
    String stringToSign = SignatureVerifier.stringToSign(httpMethod, parameters);
    String expected = SignatureVerifier.sign(stringToSign, key.secret());
    if (!SignatureVerifier.matches(expected, parameters.get("Signature"))) {
      // The SDK compares what follows "string to sign is:" with its own to tell a wrong secret apart.
      throw ApiError.SIGNATURE_DOES_NOT_MATCH.exception(
          "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
    }
    if (key.securityToken() != null && !key.securityToken().equals(parameters.get("SecurityToken"))) {
      throw ApiError.INVALID_SECURITY_TOKEN.exception();
    }
    checkTimestamp(parameters.get("Timestamp"));
    if (!nonces.firstUse(key.id(), parameters.get("SignatureNonce"))) {
      throw ApiError.SIGNATURE_NONCE_USED.exception();
    }
    if (!API_VERSION.equals(parameters.get("Version"))) {
      throw ApiError.INVALID_VERSION.exception();
    }
    return key;
  }

  private void checkTimestamp(String timestamp) {
    Instant at;
    try {
      at = Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw ApiError.INVALID_TIMESTAMP_FORMAT.exception(
          "Specified time stamp or date value is not well formatted: " + timestamp);
    }
    Duration off = Duration.between(clock.instant(), at).abs();
    if (off.compareTo(TIMESTAMP_TOLERANCE) > 0) {
      throw ApiError.INVALID_TIMESTAMP_EXPIRED.exception(
          "Specified time stamp or date value is expired: " + timestamp);
    }
  }

  int rememberedNonces() {
    return nonces.size();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }
}
