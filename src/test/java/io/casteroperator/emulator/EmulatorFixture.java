package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.CreateCasterRequest;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.StartCasterRequest;
import com.aliyuncs.live.model.v20161101.StartCasterResponse;
import com.aliyuncs.live.model.v20161101.StopCasterRequest;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One emulator per test class, started on a free port and reset before each test, with clients of
 * the real Alibaba Cloud SDK pointed at it. Quotas are generous unless a test sets them: tests that
 * are not about flow control must not be flaky because of it.
 *
 * <p>Accounts: {@code account-1} has keys A and B; {@code account-2} has key C and an STS key.
 */
abstract class EmulatorFixture {
  static final String REGION = "cn-shanghai";
  static final String KEY_A = "LTAItestKeyA";
  static final String SECRET_A = "secret-A/+=";
  static final String KEY_B = "LTAItestKeyB";
  static final String SECRET_B = "secret-B";
  static final String ACCOUNT_1 = "account-1";
  static final String KEY_C = "LTAItestKeyC";
  static final String SECRET_C = "secret-C";
  static final String ACCOUNT_2 = "account-2";
  static final String STS_KEY = "STS.testKey";
  static final String STS_SECRET = "sts-secret";
  static final String STS_TOKEN = "sts-token-value";
  static final String READY_TRANSCODE = "{\"CasterTemplate\":\"lp_hd\"}";

  static final MutableClock CLOCK = MutableClock.followingSystemTime();
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  static LiveEmulator emulator;
  static IAcsClient clientA;
  static IAcsClient clientB;
  static IAcsClient clientC;

  @BeforeAll
  static void startEmulator() {
    emulator =
        LiveEmulator.builder()
            .port(0)
            .account(KEY_A, SECRET_A, ACCOUNT_1)
            .account(KEY_B, SECRET_B, ACCOUNT_1)
            .account(KEY_C, SECRET_C, ACCOUNT_2)
            .stsAccount(STS_KEY, STS_SECRET, ACCOUNT_2, STS_TOKEN)
            .clock(CLOCK)
            .ticker(System::nanoTime)
            .seed(42)
            .build()
            .start();
    clientA = client(KEY_A, SECRET_A);
    clientB = client(KEY_B, SECRET_B);
    clientC = client(KEY_C, SECRET_C);
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void cleanSlate() {
    emulator.reset();
    emulator.setAllQuotas(1000);
    emulator.setMaxCastersPerAccount(1000);
    emulator.setRejectChangesWhileRunning(false);
    emulator.setDefaultRegion(REGION);
    emulator.setNormalizeOnWrite(Map.of());
    emulator.setStudioInputs(12);
    emulator.setRejectStartWhileRunning(false);
    emulator.setRejectStopWhileIdle(true);
    emulator.setRejectStudioChangesWhileRunning(false);
    emulator.setStrictReferences(false);
    CLOCK.resetOffset();
  }

  static IAcsClient client(String accessKeyId, String secret) {
    return new DefaultAcsClient(DefaultProfile.getProfile(REGION, accessKeyId, secret));
  }

  static void restoreDocumentedQuotas() {
    for (LiveAction action : LiveAction.values()) {
      emulator.setQuota(action.actionName(), action.documentedQuota());
    }
  }

  /** Sends a typed SDK request to the emulator, the way the operator will. */
  static <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) throws ClientException {
    request.setSysEndpoint(emulator.endpoint());
    request.setSysProtocol(ProtocolType.HTTP);
    return client.getAcsResponse(request);
  }

  static <T extends AcsResponse> T call(AcsRequest<T> request) throws ClientException {
    return call(clientA, request);
  }

  /** The error the SDK raises for this request. */
  static ClientException failure(IAcsClient client, AcsRequest<?> request) {
    request.setSysEndpoint(emulator.endpoint());
    request.setSysProtocol(ProtocolType.HTTP);
    return assertThrows(ClientException.class, () -> client.getAcsResponse(request));
  }

  static ClientException failure(AcsRequest<?> request) {
    return failure(clientA, request);
  }

  /** A generic RPC request; with POST, {@code bodyParameters} travel in a form body. */
  static CommonRequest commonRequest(String action, MethodType method, Map<String, String> queryParameters,
      Map<String, String> bodyParameters) {
    CommonRequest request = new CommonRequest();
    request.setSysDomain(emulator.endpoint());
    request.setSysProtocol(ProtocolType.HTTP);
    request.setSysVersion("2016-11-01");
    request.setSysAction(action);
    request.setSysMethod(method);
    queryParameters.forEach(request::putQueryParameter);
    bodyParameters.forEach(request::putBodyParameter);
    return request;
  }

  static CommonResponse common(IAcsClient client, CommonRequest request) throws ClientException {
    return client.getCommonResponse(request);
  }

  static String createCaster(String name) throws ClientException {
    CreateCasterRequest request = new CreateCasterRequest();
    request.setCasterName(name);
    request.setChargeType("PostPaid");
    request.setNormType(1);
    return call(request).getCasterId();
  }

  /** A caster that StartCaster accepts. */
  static String readyCaster(String name) throws ClientException {
    String id = createCaster(name);
    SetCasterConfigRequest set = new SetCasterConfigRequest();
    set.setCasterId(id);
    set.setDomainName("example.com");
    set.setTranscodeConfig(READY_TRANSCODE);
    call(set);
    return id;
  }

  static StartCasterResponse start(String casterId) throws ClientException {
    StartCasterRequest start = new StartCasterRequest();
    start.setCasterId(casterId);
    return call(start);
  }

  static void stop(String casterId) throws ClientException {
    StopCasterRequest stop = new StopCasterRequest();
    stop.setCasterId(casterId);
    call(stop);
  }

  /** A caster started once through the API: it has its PVW and PGM scenes. */
  static String startedCaster(String name) throws ClientException {
    String id = readyCaster(name);
    start(id);
    return id;
  }

  /** The error code the SDK raises, or "OK". */
  static String code(AcsRequest<?> request) {
    try {
      call(request);
      return "OK";
    } catch (ClientException e) {
      return e.getErrCode();
    }
  }

  /** Sends {@code n} requests at once behind a start gate; "OK" or the error code of each. */
  static List<String> burst(int n, Supplier<AcsRequest<?>> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        AcsRequest<?> r = request.get();
        results.add(pool.submit(() -> {
          gate.await();
          return code(r);
        }));
      }
      gate.countDown();
      List<String> codes = new ArrayList<>();
      for (Future<String> f : results) {
        codes.add(f.get());
      }
      return codes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The HTTP status a signed request gets, sent raw (the SDK does not expose it on errors). */
  static int httpStatus(String action, Map<String, String> parameters) throws IOException, InterruptedException {
    Map<String, String> p = RawSigner.signed("GET", action, KEY_A, SECRET_A, parameters);
    return rawGet("/?" + RawSigner.formEncode(p)).statusCode();
  }

  // ---- raw HTTP, for what the SDK cannot be made to send ----

  static HttpResponse<String> rawGet(String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://" + emulator.endpoint() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> rawPost(String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://" + emulator.endpoint() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode adminGet(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = rawGet(LiveEmulator.ADMIN_PATH + path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return Json.parse(response.body()).orElseThrow();
  }

  static JsonNode adminPost(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = rawPost(LiveEmulator.ADMIN_PATH + path, "application/json", json);
    if (response.statusCode() != 200) {
      throw new AssertionError("POST " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return Json.parse(response.body()).orElseThrow();
  }
}
