package io.casteroperator.emulator;

import com.aliyuncs.auth.HmacSHA1Signer;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.http.MethodType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds signed RPC parameter sets with the SDK's own composer and signer (not the emulator's code),
 * for requests the SDK itself cannot be made to send: replays, tampering, odd encodings.
 */
@SuppressWarnings("deprecation") // the SDK marks its signer deprecated; it is still what it signs with
final class RawSigner {
  private RawSigner() {}

  static Map<String, String> signed(
      String method, String action, String accessKeyId, String secret, Map<String, String> apiParameters) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", action);
    p.put("Version", "2016-11-01");
    p.put("Format", "JSON");
    p.put("AccessKeyId", accessKeyId);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", UUID.randomUUID().toString());
    p.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    p.putAll(apiParameters);
    return sign(method, secret, p);
  }

  static Map<String, String> sign(String method, String secret, Map<String, String> parameters) {
    Map<String, String> p = new LinkedHashMap<>(parameters);
    p.remove("Signature");
    String stringToSign =
        RpcSignatureComposer.getComposer().composeStringToSign(MethodType.valueOf(method), null, null, p, null, null);
    p.put("Signature", new HmacSHA1Signer().signString(stringToSign, secret + "&"));
    return p;
  }

  /** Form encoding: '+' for spaces, '*' left alone, '~' escaped — not the canonical encoding. */
  static String formEncode(Map<String, String> parameters) {
    StringBuilder out = new StringBuilder();
    parameters.forEach(
        (k, v) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return out.toString();
  }
}
