package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.http.MethodType;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests written by hand, signed with the SDK's composer: encodings and transports other clients
 * use (form bodies with '+' for spaces, everything in the body, no RegionId), and the raw JSON.
 */
class WireFormatIT extends EmulatorFixture {
  static final String TRICKY = "a b*c~d+e/f?g=h&i 中文 {\"k\":[1,2]}";

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body()).orElseThrow();
  }

  @Test
  void everythingInAFormBodyAsOtherSdksSendIt() throws Exception {
    Map<String, String> p =
        RawSigner.signed("POST", "CreateCaster", KEY_A, SECRET_A, Map.of("CasterName", TRICKY, "ClientToken", "form-1"));
    HttpResponse<String> response = rawPost("/", "application/x-www-form-urlencoded", RawSigner.formEncode(p));
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    String id = json(response).get("CasterId").asText();
    assertEquals(TRICKY, emulator.caster(id).orElseThrow().casterName());
  }

  @Test
  void queryStringWithNonCanonicalEncoding() throws Exception {
    Map<String, String> p = RawSigner.signed("GET", "DescribeCasters", KEY_A, SECRET_A, Map.of("CasterName", TRICKY));
    HttpResponse<String> response = rawGet("/?" + RawSigner.formEncode(p));
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void parametersSplitBetweenQueryAndBody() throws Exception {
    Map<String, String> p = RawSigner.signed("POST", "CreateCaster", KEY_A, SECRET_A, Map.of("CasterName", TRICKY));
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, String> body = new LinkedHashMap<>();
    p.forEach((k, v) -> (k.startsWith("Signature") || k.equals("CasterName") ? body : query).put(k, v));
    HttpResponse<String> response =
        rawPost("/?" + RawSigner.formEncode(query), "application/x-www-form-urlencoded; charset=UTF-8", RawSigner.formEncode(body));
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void numbersAreJsonNumbersAndListsAreWrapped() throws Exception {
    String id = createCaster("numbers");
    Map<String, String> set = RawSigner.signed("POST", "SetCasterConfig", KEY_A, SECRET_A,
        Map.of("CasterId", id, "Delay", "1.5", "ProgramEffect", "1"));
    assertEquals(200, rawPost("/", "application/x-www-form-urlencoded", RawSigner.formEncode(set)).statusCode());

    JsonNode list = json(rawGet("/?" + RawSigner.formEncode(RawSigner.signed("GET", "DescribeCasters", KEY_A, SECRET_A, Map.of()))));
    assertTrue(list.get("Total").isInt());
    JsonNode caster = list.at("/CasterList/Caster/0");
    assertTrue(caster.get("Status").isInt() && caster.get("ChannelEnable").isInt() && caster.get("NormType").isInt(), caster.toString());
    assertTrue(list.get("RequestId").isTextual());

    JsonNode config = json(rawGet("/?" + RawSigner.formEncode(
        RawSigner.signed("GET", "DescribeCasterConfig", KEY_A, SECRET_A, Map.of("CasterId", id)))));
    assertEquals(1.5, config.get("Delay").asDouble());
    assertTrue(config.get("Delay").isNumber() && config.get("ProgramEffect").isInt() && config.get("ChannelEnable").isInt(), config.toString());
  }

  @Test
  @SuppressWarnings("deprecation")
  void tamperedParameterNamesTheServersStringToSign() throws Exception {
    Map<String, String> p = RawSigner.signed("GET", "DescribeCasters", KEY_A, SECRET_A, Map.of("CasterName", "original"));
    p.put("CasterName", "tampered");
    HttpResponse<String> response = rawGet("/?" + RawSigner.formEncode(p));
    assertEquals(400, response.statusCode());
    JsonNode error = json(response);
    assertEquals("SignatureDoesNotMatch", error.get("Code").asText());
    Map<String, String> unsigned = new LinkedHashMap<>(p);
    unsigned.remove("Signature");
    String expected = RpcSignatureComposer.getComposer().composeStringToSign(MethodType.GET, null, null, unsigned, null, null);
    assertTrue(error.get("Message").asText().endsWith("string to sign is:" + expected), error.get("Message").asText());
  }

  @Test
  void missingSystemParameters() throws Exception {
    for (String name : new String[] {"Timestamp", "SignatureNonce", "Action", "Version"}) {
      Map<String, String> p = RawSigner.signed("GET", "DescribeCasters", KEY_A, SECRET_A, Map.of());
      p.remove(name);
      HttpResponse<String> response = rawGet("/?" + RawSigner.formEncode(RawSigner.sign("GET", SECRET_A, p)));
      assertEquals(400, response.statusCode(), name);
      assertEquals("MissingParameter", json(response).get("Code").asText(), name);
    }
  }

  @Test
  void unknownActionIsNotFound() throws Exception {
    Map<String, String> p = RawSigner.signed("GET", "DescribeLiveDomains", KEY_A, SECRET_A, Map.of());
    HttpResponse<String> response = rawGet("/?" + RawSigner.formEncode(p));
    assertEquals(404, response.statusCode());
    assertEquals("InvalidApi.NotFound", json(response).get("Code").asText());
  }
}
