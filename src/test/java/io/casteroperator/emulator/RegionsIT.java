package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.CreateCasterRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterVideoResourcesRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersResponse;
import com.aliyuncs.live.model.v20161101.StartCasterRequest;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A caster lives in one region (issue 11): what a client in another region sees, through the real SDK. */
class RegionsIT extends EmulatorFixture {
  static final String BEIJING = "cn-beijing";

  private static IAcsClient beijing() {
    return new DefaultAcsClient(DefaultProfile.getProfile(BEIJING, KEY_A, SECRET_A));
  }

  private static String createIn(IAcsClient client, String name, String clientToken) throws ClientException {
    CreateCasterRequest create = new CreateCasterRequest();
    create.setCasterName(name);
    create.setClientToken(clientToken);
    return call(client, create).getCasterId();
  }

  @Test
  void aCasterIsFoundOnlyInItsRegion() throws Exception {
    IAcsClient beijing = beijing();
    String id = createIn(beijing, "in beijing", null);
    String local = createCaster("in shanghai");
    assertEquals(BEIJING, emulator.caster(id).orElseThrow().regionId());
    assertEquals(BEIJING, emulator.callLog("CreateCaster", id, null, 1).get(0).regionId(), "the SDK sends its profile's region");

    // A fresh request per client: the SDK writes its profile's region into the request the first time.
    DescribeCasterConfigRequest config = new DescribeCasterConfigRequest();
    config.setCasterId(id);
    assertEquals("in beijing", call(beijing, config).getCasterName());
    DescribeCasterConfigRequest fromShanghai = new DescribeCasterConfigRequest();
    fromShanghai.setCasterId(id);
    assertEquals("InvalidCaster.NotFound", failure(clientA, fromShanghai).getErrCode(), "same account, other region");
    StartCasterRequest start = new StartCasterRequest();
    start.setCasterId(id);
    assertEquals("InvalidCaster.NotFound", failure(clientA, start).getErrCode());
    DescribeCasterVideoResourcesRequest studio = new DescribeCasterVideoResourcesRequest();
    studio.setCasterId(id);
    assertEquals("InvalidCaster.NotFound", failure(clientA, studio).getErrCode(), "studio actions too");

    DescribeCastersRequest byId = new DescribeCastersRequest();
    byId.setCasterId(id);
    DescribeCastersResponse none = call(clientA, byId);
    assertEquals(0, none.getTotal(), "as for an unknown id");
    assertTrue(none.getCasterList().isEmpty());
    DescribeCastersResponse shanghai = call(clientA, new DescribeCastersRequest());
    assertEquals(1, shanghai.getTotal());
    assertEquals(local, shanghai.getCasterList().get(0).getCasterId());
    assertEquals(id, call(beijing, new DescribeCastersRequest()).getCasterList().get(0).getCasterId());

    DeleteCasterRequest delete = new DeleteCasterRequest();
    delete.setCasterId(id);
    assertEquals("InvalidCaster.NotFound", failure(clientA, delete).getErrCode());
    assertTrue(emulator.caster(id).isPresent(), "a delete sent to the wrong region deletes nothing");
    DeleteCasterRequest deleteThere = new DeleteCasterRequest();
    deleteThere.setCasterId(id);
    call(beijing, deleteThere);
    assertTrue(emulator.caster(id).isEmpty());
  }

  @Test
  void clientTokensArePerRegion() throws ClientException {
    String here = createIn(clientA, "token", "same-token");
    String there = createIn(beijing(), "token", "same-token");
    assertNotEquals(here, there);
    assertEquals(there, createIn(beijing(), "token", "same-token"), "a retry in the same region finds its caster");
  }

  @Test
  void callsWithoutRegionIdGoToTheDefaultRegion() throws Exception {
    Map<String, String> create = RawSigner.signed("GET", "CreateCaster", KEY_A, SECRET_A, Map.of("CasterName", "no region"));
    assertTrue(!create.containsKey("RegionId"));
    JsonNode created = Json.parse(rawGet("/?" + RawSigner.formEncode(create)).body()).orElseThrow();
    String id = created.get("CasterId").asText();
    assertEquals(REGION, emulator.caster(id).orElseThrow().regionId());

    adminPost("settings", "{\"defaultRegion\":\"cn-hangzhou\"}");
    assertEquals("cn-hangzhou", adminGet("settings").get("defaultRegion").asText());
    Map<String, String> read = RawSigner.signed("GET", "DescribeCasterConfig", KEY_A, SECRET_A, Map.of("CasterId", id));
    HttpResponse<String> elsewhere = rawGet("/?" + RawSigner.formEncode(read));
    assertEquals(404, elsewhere.statusCode());
    assertEquals("InvalidCaster.NotFound", Json.parse(elsewhere.body()).orElseThrow().get("Code").asText());
    assertEquals("cn-hangzhou", adminGet("log?action=DescribeCasterConfig&limit=1").at("/calls/0/regionId").asText());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "settings", "application/json", "{\"defaultRegion\":\"Not a region\"}").statusCode());
  }

  @Test
  void adminShowsAndPreCreatesInARegion() throws Exception {
    JsonNode created = adminPost("casters", "{\"account\":\"" + ACCOUNT_1 + "\",\"regionId\":\"" + BEIJING + "\",\"casterName\":\"pre\"}");
    assertEquals(BEIJING, created.get("regionId").asText());
    String id = created.get("casterId").asText();
    DescribeCastersRequest byId = new DescribeCastersRequest();
    byId.setCasterId(id);
    assertEquals(1, call(beijing(), byId).getTotal());
    DescribeCastersRequest byIdHere = new DescribeCastersRequest();
    byIdHere.setCasterId(id);
    assertEquals(0, call(clientA, byIdHere).getTotal());

    String java = emulator.createCaster(ACCOUNT_1, "cn-shenzhen", null, "from java");
    String defaulted = emulator.createCaster(ACCOUNT_1, null, "default region");
    assertEquals("cn-shenzhen", adminGet("casters/" + java).get("regionId").asText());
    assertEquals(REGION, adminGet("casters/" + defaulted).get("regionId").asText());
    assertEquals(3, adminGet("casters").get("casters").size());
    assertEquals(400, rawPost(LiveEmulator.ADMIN_PATH + "casters", "application/json",
        "{\"account\":\"" + ACCOUNT_1 + "\",\"regionId\":\"../x\"}").statusCode());
  }
}
