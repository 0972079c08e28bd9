package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway checks, with a hand-moved clock. */
class AuthenticatorTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private MutableClock clock;
  private Authenticator authenticator;
  private int nonce;

  @BeforeEach
  void setUp() {
    clock = MutableClock.fixedAt(NOW);
    authenticator = new Authenticator(clock, 1000);
    authenticator.add(new AccessKey("key", "secret", "acct", null));
    authenticator.add(new AccessKey("STS.key", "stsSecret", "acct", "token"));
  }

  private Map<String, String> signed(String method, String keyId, String secret, Map<String, String> extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "DescribeCasters");
    p.put("Version", "2016-11-01");
    p.put("Format", "JSON");
    p.put("AccessKeyId", keyId);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", "nonce-" + nonce++);
    p.put("Timestamp", "2025-06-01T12:00:00Z");
    p.putAll(extra);
    p.put("Signature", SignatureVerifier.sign(SignatureVerifier.stringToSign(method, p), secret));
    return p;
  }

  private ApiError refusal(String method, Map<String, String> p) {
    return assertThrows(ApiException.class, () -> authenticator.authenticate(method, p)).error();
  }

  @Test
  void acceptsAWellSignedCallWithTrickyValues() {
    Map<String, String> p = signed("GET", "key", "secret", Map.of("CasterName", "a b*c~d+e 中 {\"x\":[1]}"));
    assertEquals("acct", authenticator.authenticate("GET", p).account());
  }

  @Test
  void theMethodIsPartOfTheSignature() {
    Map<String, String> p = signed("GET", "key", "secret", Map.of());
    assertEquals(ApiError.SIGNATURE_DOES_NOT_MATCH, refusal("POST", p));
  }

  @Test
  void wrongSecretNamesTheStringToSignAtTheEndOfTheMessage() {
    Map<String, String> p = signed("POST", "key", "wrong", Map.of());
    ApiException e = assertThrows(ApiException.class, () -> authenticator.authenticate("POST", p));
    assertEquals(ApiError.SIGNATURE_DOES_NOT_MATCH, e.error());
    assertTrue(e.getMessage().endsWith("string to sign is:" + SignatureVerifier.stringToSign("POST", p)), e.getMessage());
  }

  @Test
  void unknownKey() {
    assertEquals(ApiError.INVALID_ACCESS_KEY_ID_NOT_FOUND, refusal("GET", signed("GET", "nobody", "x", Map.of())));
  }

  @Test
  void missingSignatureParametersAreAnIncompleteSignature() {
    for (String name : new String[] {"Signature", "AccessKeyId", "SignatureMethod", "SignatureVersion"}) {
      Map<String, String> p = signed("GET", "key", "secret", Map.of());
      p.remove(name);
      assertEquals(ApiError.INCOMPLETE_SIGNATURE, refusal("GET", p), name);
    }
  }

  @Test
  void missingSystemParametersAreMissingParameters() {
    for (String name : new String[] {"Action", "Version", "Timestamp", "SignatureNonce"}) {
      Map<String, String> p = signed("GET", "key", "secret", Map.of());
      p.remove(name);
      assertEquals(ApiError.MISSING_PARAMETER, refusal("GET", p), name);
    }
  }

  @Test
  void formatAndRegionAreOptional() {
    Map<String, String> p = signed("GET", "key", "secret", Map.of());
    p.remove("Format");
    p.put("Signature", SignatureVerifier.sign(SignatureVerifier.stringToSign("GET", p), "secret"));
    assertEquals("key", authenticator.authenticate("GET", p).id());
  }

  @Test
  void timestampsMoreThanFifteenMinutesOffAreExpired() {
    Map<String, String> p = signed("GET", "key", "secret", Map.of());
    clock.advance(Duration.ofMinutes(15));
    assertEquals("key", authenticator.authenticate("GET", p).id());
    Map<String, String> q = signed("GET", "key", "secret", Map.of());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(ApiError.INVALID_TIMESTAMP_EXPIRED, refusal("GET", q));
    Map<String, String> future = signed("GET", "key", "secret", Map.of("Timestamp", "2025-06-01T12:31:00Z"));
    assertEquals(ApiError.INVALID_TIMESTAMP_EXPIRED, refusal("GET", future));
  }

  @Test
  void unreadableTimestamp() {
    assertEquals(ApiError.INVALID_TIMESTAMP_FORMAT, refusal("GET", signed("GET", "key", "secret", Map.of("Timestamp", "yesterday"))));
  }

  @Test
  void aNonceIsRefusedWithinTheWindowAndForgottenAfterIt() {
    Map<String, String> p = signed("GET", "key", "secret", Map.of());
    authenticator.authenticate("GET", p);
    assertEquals(ApiError.SIGNATURE_NONCE_USED, refusal("GET", p));
    assertEquals(1, authenticator.rememberedNonces());
    // A fresh nonce 15 minutes later pushes the old one out; the memory stays bounded.
    clock.advance(Duration.ofMinutes(15));
    authenticator.authenticate("GET", signed("GET", "key", "secret", Map.of("Timestamp", "2025-06-01T12:15:00Z")));
    assertEquals(1, authenticator.rememberedNonces());
  }

  @Test
  void wrongVersion() {
    assertEquals(ApiError.INVALID_VERSION, refusal("GET", signed("GET", "key", "secret", Map.of("Version", "2014-01-01"))));
  }

  @Test
  void stsKeysNeedTheirToken() {
    assertEquals("STS.key", authenticator.authenticate("GET", signed("GET", "STS.key", "stsSecret", Map.of("SecurityToken", "token"))).id());
    assertEquals(ApiError.INVALID_SECURITY_TOKEN, refusal("GET", signed("GET", "STS.key", "stsSecret", Map.of())));
    assertEquals(ApiError.INVALID_SECURITY_TOKEN, refusal("GET", signed("GET", "STS.key", "stsSecret", Map.of("SecurityToken", "other"))));
  }

  @Test
  void theSecurityTokenIsSignedLikeAnyOtherParameter() {
    Map<String, String> p = signed("GET", "STS.key", "stsSecret", Map.of("SecurityToken", "token"));
    p.put("SecurityToken", "tampered");
    assertEquals(ApiError.SIGNATURE_DOES_NOT_MATCH, refusal("GET", p));
  }
}
