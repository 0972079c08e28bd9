package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.live.model.v20161101.CreateCasterRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.StartCasterRequest;
import com.aliyuncs.live.model.v20161101.StopCasterRequest;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each documented error code, as the real SDK surfaces it. */
class SdkErrorsIT extends EmulatorFixture {

  private static SetCasterConfigRequest set(String casterId, Consumer<SetCasterConfigRequest> fields) {
    SetCasterConfigRequest request = new SetCasterConfigRequest();
    request.setCasterId(casterId);
    fields.accept(request);
    return request;
  }

  private static String code(SetCasterConfigRequest request) {
    return failure(request).getErrCode();
  }

  @Test
  void wrongSecretBecomesTheSdksInvalidAccessKeySecret() {
    ClientException e = failure(client(KEY_A, "not-the-secret"), new DescribeCastersRequest());
    assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
    assertNotNull(e.getRequestId());
  }

  @Test
  void unknownAccessKey() {
    ClientException e = failure(client("LTAInobody", "x"), new DescribeCastersRequest());
    assertEquals("InvalidAccessKeyId.NotFound", e.getErrCode());
    assertFalse(e instanceof ServerException);
  }

  @Test
  void unsignedCallIsAnIncompleteSignature() {
    IAcsClient anonymous = new DefaultAcsClient(DefaultProfile.getProfile(REGION));
    assertEquals("IncompleteSignature", failure(anonymous, new DescribeCastersRequest()).getErrCode());
  }

  @Test
  void expiredTimestamp() {
    CLOCK.advance(Duration.ofMinutes(16));
    assertEquals("InvalidTimeStamp.Expired", failure(new DescribeCastersRequest()).getErrCode());
    CLOCK.resetOffset();
    CLOCK.advance(Duration.ofMinutes(-16));
    assertEquals("InvalidTimeStamp.Expired", failure(new DescribeCastersRequest()).getErrCode());
  }

  @Test
  void replayedSdkRequestIsANonceReuse() throws Exception {
    DescribeCastersRequest request = new DescribeCastersRequest();
    request.setSysMethod(MethodType.GET);
    call(request);
    String signedUrl = request.getSysUrl(); // exactly what the SDK sent, nonce and signature included
    HttpResponse<String> replay = rawGet(signedUrl.substring(signedUrl.indexOf('/', "http://".length())));
    assertEquals(400, replay.statusCode());
    assertEquals("SignatureNonceUsed", Json.parse(replay.body()).orElseThrow().get("Code").asText());
  }

  @Test
  void unknownAction() {
    ClientException e =
        assertThrows(ClientException.class,
            () -> common(clientA, commonRequest("DescribeLiveStreamsOnlineList", MethodType.POST, Map.of(), Map.of())));
    assertEquals("InvalidApi.NotFound", e.getErrCode());
  }

  @Test
  void casterIds() {
    StartCasterRequest missing = new StartCasterRequest();
    assertEquals("MissingParameter", failure(missing).getErrCode());
    StopCasterRequest malformed = new StopCasterRequest();
    malformed.setCasterId("not a caster id");
    assertEquals("InvalidCasterId.Malformed", failure(malformed).getErrCode());
    DescribeCasterConfigRequest unknown = new DescribeCasterConfigRequest();
    unknown.setCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
    assertEquals("InvalidCaster.NotFound", failure(unknown).getErrCode());
    DeleteCasterRequest producer = new DeleteCasterRequest();
    producer.setCasterId("LIVEPRODUCER_POST-cn-0pp1czt0000");
    assertEquals("InvalidCaster.NotFound", failure(producer).getErrCode(), "well-formed, just not there");
  }

  @Test
  void malformedParameters() throws ClientException {
    String id = createCaster("m");
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setTranscodeConfig("{\"CasterTemplate\":"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setTranscodeConfig("{\"CasterTemplate\":\"lp_4k\"}"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setRecordConfig("{\"videoFormat\":[{\"Format\":\"avi\"}]}"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setRecordConfig("[oops"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setSyncGroupsConfig("[{\"mode\":0,\"resourceIds\":[\"r1\"]}]"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setSyncGroupsConfig("[{\"mode\":3,\"resourceIds\":[]}]"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setAutoSwitchUrgentConfig("{eofThres:3}"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setSideOutputUrlList("[\"http://a/b\"]"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setSideOutputUrl("http://a/b"))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setDelay(300.5f))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setDelay(-1f))));
    assertEquals("InvalidParameter.Malformed", code(set(id, r -> r.setChannelEnable(2))));
    assertEquals(Map.of("CasterName", "m"), emulator.caster(id).orElseThrow().config(), "refused calls change nothing");
  }

  @Test
  void startNeedsDomainAndTemplate() throws ClientException {
    String id = createCaster("s");
    StartCasterRequest start = new StartCasterRequest();
    start.setCasterId(id);
    assertEquals("InvalidDomainName.NotFound", failure(start).getErrCode());
    call(set(id, r -> r.setDomainName("example.com")));
    ClientException noTemplate = failure(start);
    assertEquals("MissingParameter", noTemplate.getErrCode());
    assertTrue(noTemplate.getErrMsg().contains("TranscodeConfig"), noTemplate.getErrMsg());
  }

  @Test
  void channelRules() throws ClientException {
    String id = readyCaster("ch");
    StartCasterRequest start = new StartCasterRequest();
    start.setCasterId(id);
    call(start);
    assertEquals("IncorrectCasterStatus.EnableChannel", code(set(id, r -> {
      r.setDomainName("example.com");
      r.setTranscodeConfig(READY_TRANSCODE);
      r.setChannelEnable(1);
    })));
    StopCasterRequest stop = new StopCasterRequest();
    stop.setCasterId(id);
    call(stop);
    call(set(id, r -> {
      r.setDomainName("example.com");
      r.setTranscodeConfig(READY_TRANSCODE);
      r.setChannelEnable(1);
    }));
    assertEquals("InvalidCaster.ChannelDisableUnsupported", code(set(id, r -> r.setDomainName("example.com"))));
    assertEquals("InvalidCaster.ChannelDisableUnsupported", code(set(id, r -> r.setChannelEnable(0))));
  }

  @Test
  void runningCasterInUse() throws ClientException {
    String id = readyCaster("busy");
    StartCasterRequest start = new StartCasterRequest();
    start.setCasterId(id);
    call(start);
    DeleteCasterRequest delete = new DeleteCasterRequest();
    delete.setCasterId(id);
    assertEquals("IncorrectCasterStatus.Inuse", failure(delete).getErrCode());

    // Off by default: changing a running caster is allowed...
    call(set(id, r -> {
      r.setDomainName("other.example.com");
      r.setTranscodeConfig(READY_TRANSCODE);
    }));
    // ...and refused with the switch on, unless nothing changes.
    emulator.setRejectChangesWhileRunning(true);
    assertEquals("IncorrectCasterStatus.Inuse", code(set(id, r -> r.setDomainName("third.example.com"))));
    call(set(id, r -> {
      r.setDomainName("other.example.com");
      r.setTranscodeConfig(READY_TRANSCODE);
    }));
  }

  @Test
  void casterNumberExceed() throws ClientException {
    emulator.setMaxCastersPerAccount(2);
    createCaster("1");
    createCaster("2");
    CreateCasterRequest third = new CreateCasterRequest();
    third.setCasterName("3");
    assertEquals("CasterNumberExceed", failure(third).getErrCode());
    CreateCasterRequest otherAccount = new CreateCasterRequest();
    otherAccount.setCasterName("elsewhere");
    call(clientC, otherAccount);
  }

  @Test
  void injectedServerErrorsAreServerExceptions() {
    emulator.faults(FaultSettings.builder().errorRate(1).errorCodes("InternalError").build());
    ClientException internal = failure(new DescribeCastersRequest());
    assertInstanceOf(ServerException.class, internal);
    assertEquals("InternalError", internal.getErrCode());
    emulator.faults(FaultSettings.builder().errorRate(1).errorCodes("ServiceUnavailable").build());
    ClientException unavailable = failure(new DescribeCastersRequest());
    assertInstanceOf(ServerException.class, unavailable);
    assertEquals("ServiceUnavailable", unavailable.getErrCode());
  }

  @Test
  void errorBodiesHaveTheServiceShape() throws Exception {
    HttpResponse<String> response = rawGet("/?Action=DescribeCasters");
    assertEquals(400, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonNode body = Json.parse(response.body()).orElseThrow();
    for (String field : new String[] {"RequestId", "HostId", "Code", "Message", "Recommend"}) {
      assertTrue(body.hasNonNull(field), field + " in " + body);
    }
    assertEquals("IncompleteSignature", body.get("Code").asText());
  }
}
