package io.casteroperator.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature version 1.0 (HMAC-SHA1) of the RPC gateway. The wire encoding of a URL is not the
 * canonical one (clients differ in what they escape), so the string to sign is always rebuilt
 * from the decoded parameters, as the service does.
 */
public final class SignatureVerifier {
  static final String SIGNATURE = "Signature";

  private SignatureVerifier() {}

  /** RFC 3986 encoding as the SDK's {@code AcsURLEncoder.percentEncode}. */
  public static String percentEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  /** Every parameter but {@code Signature}, sorted by key in plain string order. */
  public static String canonicalize(Map<String, String> decodedParameters) {
    StringBuilder canonical = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(decodedParameters).entrySet()) {
      if (SIGNATURE.equals(e.getKey())) {
        continue;
      }
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
    }
    return canonical.toString();
  }

  public static String stringToSign(String httpMethod, Map<String, String> decodedParameters) {
    return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalize(decodedParameters));
  }

  public static String sign(String stringToSign, String accessKeySecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /** Constant-time comparison: the emulator should not teach clients a timing oracle. */
  static boolean matches(String expectedSignature, String givenSignature) {
    return MessageDigest.isEqual(
        expectedSignature.getBytes(StandardCharsets.UTF_8), givenSignature.getBytes(StandardCharsets.UTF_8));
  }
}
