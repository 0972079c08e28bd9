package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.DescribeCasterChannelsRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterChannelsResponse;
import com.aliyuncs.live.model.v20161101.SetCasterChannelRequest;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Channel mode (studio-api-notes §3): DescribeCasterChannels and SetCasterChannel through the real SDK. */
class ChannelsIT extends EmulatorFixture {

  static void enableChannels(String casterId) throws ClientException {
    SetCasterConfigRequest set = new SetCasterConfigRequest();
    set.setCasterId(casterId);
    set.setDomainName("example.com");
    set.setTranscodeConfig(READY_TRANSCODE);
    set.setChannelEnable(1);
    call(set);
  }

  static SetCasterChannelRequest bind(String casterId, String channelId, String resourceId) {
    SetCasterChannelRequest r = new SetCasterChannelRequest();
    r.setCasterId(casterId);
    r.setChannelId(channelId);
    r.setResourceId(resourceId);
    return r;
  }

  static List<DescribeCasterChannelsResponse.Channel> channels(String casterId) throws ClientException {
    DescribeCasterChannelsRequest r = new DescribeCasterChannelsRequest();
    r.setCasterId(casterId);
    DescribeCasterChannelsResponse response = call(r);
    assertEquals(response.getChannels().size(), response.getTotal());
    return response.getChannels();
  }

  @Test
  void channelsOfAStudioInChannelMode() throws ClientException {
    String id = createCaster("channels");
    assertTrue(channels(id).isEmpty(), "no channel mode, no channels");
    String camera = VideoResourcesIT.addLive(id, "RV01");
    assertEquals("InvalidParameter.Malformed", code(bind(id, "RV01", camera)), "guess: channels must be enabled first");

    emulator.setStudioInputs(4);
    enableChannels(id);
    List<DescribeCasterChannelsResponse.Channel> empty = channels(id);
    assertEquals(List.of("RV01", "RV02", "RV03", "RV04"), empty.stream().map(DescribeCasterChannelsResponse.Channel::getChannelId).toList());
    assertNull(empty.get(0).getResourceId());

    SetCasterChannelRequest first = bind(id, "RV02", camera);
    first.setFaceBeauty("1");
    first.setSeekOffset(0);
    first.setPlayStatus(1);
    call(first);
    call(first); // idempotent
    DescribeCasterChannelsResponse.Channel bound = channels(id).get(1);
    assertEquals(camera, bound.getResourceId());
    assertEquals("1", bound.getFaceBeauty());

    assertEquals("ResourceOfChannelExist", code(bind(id, "RV03", camera)), "a resource plays on one channel only");
    assertEquals("InvalidResource.NotFound", code(bind(id, "RV03", "f0000000-0000-0000-0000-000000000000")));
    assertEquals("InvalidParameter.Malformed", code(bind(id, "RV05", camera)), "beyond the studio's inputs");
    assertEquals("InvalidParameter.Malformed", code(bind(id, "CH01", camera)));
    assertEquals("MissingParameter", code(bind(id, null, camera)));
    SetCasterChannelRequest pause = bind(id, "RV02", camera);
    pause.setPlayStatus(2);
    assertEquals("InvalidParameter.Malformed", code(pause));

    // Moving the resource: empty its channel first (no ResourceId), then bind it elsewhere.
    call(bind(id, "RV02", null));
    assertNull(channels(id).get(1).getResourceId());
    assertEquals("1", channels(id).get(1).getFaceBeauty(), "the channel keeps its settings");
    call(bind(id, "RV03", camera));
    assertEquals(camera, channels(id).get(2).getResourceId());
  }

  @Test
  void channelOutputsExistOnceTheStudioHasStarted() throws ClientException {
    String id = createCaster("channel outputs");
    enableChannels(id);
    String camera = VideoResourcesIT.addLive(id, "RV01");
    call(bind(id, "RV01", camera));
    assertEquals(camera, channels(id).get(0).getResourceId());
    String before = common(clientA, commonRequest("DescribeCasterChannels", com.aliyuncs.http.MethodType.POST,
        java.util.Map.of("CasterId", id), java.util.Map.of())).getData();
    assertTrue(Json.parse(before).orElseThrow().at("/Channels/Channel/0/StreamUrl").isMissingNode(), "no output before a start");
    start(id);
    String raw = common(clientA, commonRequest("DescribeCasterChannels", com.aliyuncs.http.MethodType.POST,
        java.util.Map.of("CasterId", id), java.util.Map.of())).getData();
    var channel = Json.parse(raw).orElseThrow().at("/Channels/Channel/0");
    assertTrue(channel.get("StreamUrl").asText().matches("http://example\\.com/caster/[0-9a-f]{32}_RV01\\.flv\\?auth_key=.+"), channel.toString());
    assertTrue(channel.get("RtmpUrl").asText().startsWith("rtmp://example.com/caster/"), channel.toString());
    assertTrue(Json.parse(raw).orElseThrow().at("/Channels/Channel/1/StreamUrl").isMissingNode(), "an empty channel has no output");
  }

  @Test
  void enablingChannelsDiscardsTheLayouts() throws ClientException {
    String id = createCaster("discard");
    call(LayoutsIT.pictureInPicture(id));
    assertEquals(1, LayoutsIT.layouts(id).size());
    enableChannels(id);
    assertTrue(LayoutsIT.layouts(id).isEmpty());
    call(LayoutsIT.pictureInPicture(id));
    enableChannels(id); // already on: nothing more is discarded
    assertEquals(1, LayoutsIT.layouts(id).size(), "layouts made in channel mode stay");
  }
}
