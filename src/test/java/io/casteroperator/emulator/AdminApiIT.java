package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The admin API's JSON shapes, as a script or a person would use them. */
class AdminApiIT extends EmulatorFixture {

  @Test
  void callsAndPeaksPerActionAndCodeNarrowedByAccount() throws Exception {
    String id = createCaster("counted");
    DescribeCasterConfigRequest unknown = new DescribeCasterConfigRequest();
    unknown.setCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
    failure(clientB, unknown);
    call(clientC, new DescribeCastersRequest());

    JsonNode all = adminGet("calls");
    assertEquals(1, all.at("/CreateCaster/OK").asInt());
    assertEquals(1, all.at("/DescribeCasterConfig/InvalidCaster.NotFound").asInt());
    assertEquals(1, all.at("/DescribeCasters/OK").asInt());

    JsonNode account1 = adminGet("calls?account=" + KEY_B); // key B's account includes key A's calls
    assertEquals(1, account1.at("/CreateCaster/OK").asInt());
    assertTrue(account1.at("/DescribeCasters").isMissingNode());
    assertEquals(1, adminGet("calls?account=" + ACCOUNT_2).at("/DescribeCasters/OK").asInt());

    JsonNode peaks = adminGet("peaks");
    assertEquals(1, peaks.get("CreateCaster").asInt());
    assertEquals(1, adminGet("peaks?account=" + KEY_C).get("DescribeCasters").asInt());
    assertTrue(adminGet("peaks?account=" + KEY_A).path("DescribeCasters").isMissingNode());
    assertTrue(emulator.caster(id).isPresent());
  }

  @Test
  void castersCanBePreCreatedChangedAndListed() throws Exception {
    JsonNode created = adminPost("casters", "{\"accessKeyId\":\"" + KEY_A + "\",\"casterName\":\"from admin\"}");
    String id = created.get("casterId").asText();
    assertEquals(ACCOUNT_1, created.get("account").asText());
    JsonNode fixed = adminPost("casters", "{\"account\":\"" + ACCOUNT_1 + "\",\"casterId\":\"LIVEPRODUCER_POST-cn-fixed01\",\"casterName\":\"fixed\"}");
    assertEquals("LIVEPRODUCER_POST-cn-fixed01", fixed.get("casterId").asText());

    adminPost("casters/" + id + "/config",
        "{\"DomainName\":\"console.example.com\",\"TranscodeConfig\":{\"CasterTemplate\":\"lp_sd\"},\"Delay\":2.5}");
    JsonNode running = adminPost("casters/" + id + "/state", "{\"status\":1}");
    assertEquals(1, running.get("status").asInt());

    JsonNode list = adminGet("casters");
    assertEquals(2, list.get("casters").size());
    JsonNode caster = adminGet("casters/" + id);
    assertEquals("from admin", caster.get("casterName").asText());
    assertEquals(0, caster.get("channelEnable").asInt());
    assertEquals("console.example.com", caster.at("/config/DomainName").asText());
    assertEquals("{\"CasterTemplate\":\"lp_sd\"}", caster.at("/config/TranscodeConfig").asText(), "raw value as set");
    assertEquals("2.5", caster.at("/config/Delay").asText());
    assertEquals("from admin", caster.at("/config/CasterName").asText());

    DescribeCastersRequest viaSdk = new DescribeCastersRequest();
    viaSdk.setCasterId(id);
    assertEquals(1, call(viaSdk).getCasterList().get(0).getStatus());

    HttpResponse<String> bad = rawPost(LiveEmulator.ADMIN_PATH + "casters/" + id + "/config", "application/json", "{\"Delay\":\"999\"}");
    assertEquals(400, bad.statusCode());
    assertEquals(404, rawPost(LiveEmulator.ADMIN_PATH + "casters/nope/state", "application/json", "{\"status\":1}").statusCode());
  }

  @Test
  void faultsAndQuotasRoundTrip() throws Exception {
    JsonNode faults = adminPost("faults",
        "{\"errorRate\":0.5,\"errorCodes\":[\"InternalError\"],\"errorActions\":[\"StartCaster\"],\"latencyMinMs\":1,\"latencyMaxMs\":2,\"dropBeforeRate\":0.1,\"dropAfterRate\":0.2,\"throttleRate\":0.3,\"seed\":7}");
    assertEquals(0.5, faults.get("errorRate").asDouble());
    assertEquals("StartCaster", adminGet("faults").at("/errorActions/0").asText());
    assertEquals(0.3, emulator.faults().throttleRate());
    adminPost("faults", "{}");
    assertTrue(emulator.faults().isNone());

    JsonNode quotas = adminPost("quotas", "{\"default\":5,\"SetCasterConfig\":3}");
    assertEquals(5, quotas.get("CreateCaster").asInt());
    assertEquals(3, quotas.get("SetCasterConfig").asInt());
    assertEquals(3, adminGet("quotas").get("SetCasterConfig").asInt());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "quotas", "application/json", "{\"NoSuchAction\":3}").statusCode());

    JsonNode settings = adminPost("settings", "{\"rejectChangesWhileRunning\":true,\"maxCastersPerAccount\":7}");
    assertTrue(settings.get("rejectChangesWhileRunning").asBoolean());
    assertEquals(7, emulator.maxCastersPerAccount());
  }

  @Test
  void logShowsParametersButNeverSignaturesOrTokens() throws Exception {
    String id = createCaster("logged");
    SetCasterConfigRequest set = new SetCasterConfigRequest();
    set.setCasterId(id);
    set.setDomainName("example.com");
    set.setTranscodeConfig(READY_TRANSCODE);
    call(set);
    failure(client(STS_KEY, STS_SECRET), new DescribeCastersRequest()); // refused: no token; still logged
    JsonNode log = adminGet("log?action=SetCasterConfig&casterId=" + id + "&limit=5");
    assertEquals(1, log.get("calls").size());
    JsonNode entry = log.at("/calls/0");
    assertEquals("SetCasterConfig", entry.get("action").asText());
    assertEquals(ACCOUNT_1, entry.get("account").asText());
    assertEquals(KEY_A, entry.get("accessKeyId").asText());
    assertEquals(id, entry.get("casterId").asText());
    assertEquals("OK", entry.get("code").asText());
    assertEquals("applied", entry.get("outcome").asText());
    assertTrue(entry.get("time").asLong() > 0);
    assertEquals("example.com", entry.at("/params/DomainName").asText());
    assertEquals(READY_TRANSCODE, entry.at("/params/TranscodeConfig").asText());

    String everything = rawGet(LiveEmulator.ADMIN_PATH + "log?limit=1000").body();
    for (String secret : new String[] {"\"Signature\"", "\"SecurityToken\"", "\"SignatureNonce\"", SECRET_A, STS_SECRET, STS_TOKEN}) {
      assertFalse(everything.contains(secret), secret + " leaked into " + everything);
    }
    JsonNode refused = adminGet("log?action=DescribeCasters&limit=1").at("/calls/0");
    assertEquals("InvalidSecurityToken.MismatchWithAccessKey", refused.get("code").asText());
    assertEquals("rejected", refused.get("outcome").asText());
  }

  @Test
  void resetKeepsAccountsAndQuotas() throws Exception {
    createCaster("to be forgotten");
    emulator.setQuota("StopCaster", 4);
    emulator.faults(FaultSettings.builder().errorRate(0.5).build());
    assertEquals(true, adminPost("reset", "").get("reset").asBoolean());
    assertEquals(0, adminGet("casters").get("casters").size());
    assertEquals(0, adminGet("calls").size());
    assertEquals(0, adminGet("peaks").size());
    assertEquals(0, adminGet("log").get("calls").size());
    assertTrue(emulator.faults().isNone());
    assertEquals(4, emulator.quotas().get("StopCaster"));
    assertEquals(0, call(new DescribeCastersRequest()).getTotal());
  }

  @Test
  void unknownPathsAndMethods() throws Exception {
    assertEquals(404, rawGet(LiveEmulator.ADMIN_PATH + "nothing").statusCode());
    assertEquals(405, rawGet(LiveEmulator.ADMIN_PATH + "reset").statusCode());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "faults", "application/json", "{not json").statusCode());
    assertTrue(adminGet("").get("endpoints").size() > 5);
  }

  @Test
  void staysConsistentUnderConcurrentLoad() throws Exception {
    String id = createCaster("load");
    int threads = 8;
    int rounds = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(pool.submit(() -> {
          gate.await();
          for (int i = 0; i < rounds; i++) {
            SetCasterConfigRequest set = new SetCasterConfigRequest();
            set.setCasterId(id);
            set.setDomainName("d" + thread + "-" + i + ".example.com");
            call(thread % 2 == 0 ? clientA : clientB, set);
            adminGet("casters");
            adminGet("calls");
            adminGet("log?limit=10");
            if (i % 5 == 0) {
              adminPost("casters/" + id + "/config", "{\"ProgramName\":\"p" + i + "\"}");
            }
          }
          return null;
        }));
      }
      gate.countDown();
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * rounds, adminGet("calls").at("/SetCasterConfig/OK").asInt());
    assertEquals(1 + threads * rounds, emulator.callLog().size());
  }
}
