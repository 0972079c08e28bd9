package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.auth.HmacSHA1Signer;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.http.MethodType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonicalization and signing, checked against the SDK's own composer and signer. */
@SuppressWarnings("deprecation") // the SDK marks its signer deprecated; it is still what it signs with
class SignatureVerifierTest {

  private static final String TRICKY_JSON =
      "{\"CasterTemplate\":\"lp_hd\",\"LiveTemplateIds\":[\"a b\"],\"x\":\"*~+ é/?&=\"}";

  private static Map<String, String> trickyParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "SetCasterConfig");
    p.put("Version", "2016-11-01");
    p.put("AccessKeyId", "LTAIkey");
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", "n-1");
    p.put("Timestamp", "2025-01-02T03:04:05Z");
    p.put("CasterName", "my caster * with ~tilde+plus and 中文 ünïcode");
    p.put("TranscodeConfig", TRICKY_JSON);
    p.put("Tag.1.Key", "a=b&c");
    p.put("Signature", "ignored");
    return p;
  }

  @Test
  void percentEncodingFollowsTheSdkRules() {
    assertEquals("a%20b", SignatureVerifier.percentEncode("a b"));
    assertEquals("%2A", SignatureVerifier.percentEncode("*"));
    assertEquals("~", SignatureVerifier.percentEncode("~"));
    assertEquals("%2B", SignatureVerifier.percentEncode("+"));
    assertEquals("%C3%A9%E4%B8%AD", SignatureVerifier.percentEncode("é中"));
    assertEquals("%7B%22a%22%3A%5B1%5D%7D", SignatureVerifier.percentEncode("{\"a\":[1]}"));
    assertEquals("-_.", SignatureVerifier.percentEncode("-_."));
  }

  @Test
  void canonicalFormIsSortedAndLeavesOutTheSignature() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("b", "2");
    p.put("Signature", "x");
    p.put("a", "1 2");
    p.put("B", "3");
    assertEquals("B=3&a=1%202&b=2", SignatureVerifier.canonicalize(p));
  }

  @Test
  void stringToSignEqualsTheSdkComposerForTrickyValues() {
    Map<String, String> p = trickyParameters();
    Map<String, String> withoutSignature = new HashMap<>(p);
    withoutSignature.remove("Signature");
    String sdk =
        RpcSignatureComposer.getComposer()
            .composeStringToSign(MethodType.POST, null, null, withoutSignature, null, null);
    assertEquals(sdk, SignatureVerifier.stringToSign("POST", p));
  }

  @Test
  void signatureEqualsTheSdkSigner() {
    String stringToSign = SignatureVerifier.stringToSign("GET", trickyParameters());
    String sdk = new HmacSHA1Signer().signString(stringToSign, "s3cret&");
    assertEquals(sdk, SignatureVerifier.sign(stringToSign, "s3cret"));
  }

  @Test
  void anyValidWireEncodingDecodesToTheSameCanonicalForm() {
    Map<String, String> p = trickyParameters();
    StringBuilder sdkStyle = new StringBuilder();
    StringBuilder formStyle = new StringBuilder();
    for (Map.Entry<String, String> e : p.entrySet()) {
      sdkStyle.append('&').append(SignatureVerifier.percentEncode(e.getKey())).append('=')
          .append(SignatureVerifier.percentEncode(e.getValue()));
      // URLEncoder writes spaces as '+', leaves '*' alone and escapes '~': different bytes, same parameters.
      formStyle.append('&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    Map<String, String> fromSdkStyle = RequestParameters.decode(sdkStyle.substring(1), null);
    Map<String, String> fromFormStyle = RequestParameters.decode(null, formStyle.substring(1));
    assertEquals(p, fromSdkStyle);
    assertEquals(SignatureVerifier.canonicalize(fromSdkStyle), SignatureVerifier.canonicalize(fromFormStyle));
  }

  @Test
  void queryParametersWinOverBodyParametersOfTheSameName() {
    Map<String, String> p = RequestParameters.decode("A=query&B=2", "A=body&C=3");
    assertEquals(Map.of("A", "query", "B", "2", "C", "3"), p);
  }

  @Test
  void comparisonIsExact() {
    String sig = SignatureVerifier.sign("x", "k");
    assertTrue(SignatureVerifier.matches(sig, sig));
    assertFalse(SignatureVerifier.matches(sig, sig.substring(1)));
  }

  @Test
  void logsKeepOnlyTheActionsOwnParameters() {
    Map<String, String> p = trickyParameters();
    p.put("SecurityToken", "secret-token");
    Map<String, String> api = RequestParameters.apiOnly(p);
    assertEquals(Map.of("CasterName", p.get("CasterName"), "TranscodeConfig", TRICKY_JSON, "Tag.1.Key", "a=b&c"), api);
  }
}
