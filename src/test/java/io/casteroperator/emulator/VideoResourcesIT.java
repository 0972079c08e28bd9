package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.AddCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterVideoResourcesRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterVideoResourcesResponse;
import com.aliyuncs.live.model.v20161101.ModifyCasterVideoResourceRequest;
import com.aliyuncs.live.model.v20161101.ModifyCasterVideoResourceResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Add/Modify/Delete/DescribeCasterVideoResource(s) (studio-api-notes §4) through the real SDK. */
class VideoResourcesIT extends EmulatorFixture {
  static final String LIVE = "rtmp://push.example.com/app/camera1";

  static AddCasterVideoResourceRequest add(String casterId, String location, Consumer<AddCasterVideoResourceRequest> more) {
    AddCasterVideoResourceRequest r = new AddCasterVideoResourceRequest();
    r.setCasterId(casterId);
    r.setResourceName("input " + location);
    r.setLocationId(location);
    more.accept(r);
    return r;
  }

  static String addLive(String casterId, String location) throws ClientException {
    return call(add(casterId, location, r -> r.setLiveStreamUrl(LIVE + location))).getResourceId();
  }

  static List<DescribeCasterVideoResourcesResponse.VideoResource> resources(String casterId) throws ClientException {
    DescribeCasterVideoResourcesRequest r = new DescribeCasterVideoResourcesRequest();
    r.setCasterId(casterId);
    DescribeCasterVideoResourcesResponse response = call(r);
    assertEquals(response.getVideoResources().size(), response.getTotal());
    return response.getVideoResources();
  }

  @Test
  void addDescribeModifyDelete() throws ClientException {
    String id = createCaster("inputs");
    String live = addLive(id, "RV01");
    String vod = call(add(id, "RV02", r -> {
      r.setVodUrl("https://vod.example.com/intro.mp4");
      r.setBeginOffset(1000);
      r.setEndOffset(-2000);
      r.setRepeatNum(-1);
      r.setPtsCallbackInterval(500);
      r.setFixedDelayDuration(300);
    })).getResourceId();
    String material = call(add(id, "RV03", r -> r.setMaterialId("material-1"))).getResourceId();
    assertTrue(CasterParameters.isWellFormedCasterId(live), "the cloud assigns UUIDs: " + live);

    List<DescribeCasterVideoResourcesResponse.VideoResource> all = resources(id);
    assertEquals(List.of(live, vod, material), all.stream().map(DescribeCasterVideoResourcesResponse.VideoResource::getResourceId).toList());
    DescribeCasterVideoResourcesResponse.VideoResource first = all.get(0);
    assertEquals("input RV01", first.getResourceName());
    assertEquals("RV01", first.getLocationId());
    assertEquals(LIVE + "RV01", first.getLiveStreamUrl());
    assertNull(first.getVodUrl());
    assertEquals(0, first.getRepeatNum());
    DescribeCasterVideoResourcesResponse.VideoResource file = all.get(1);
    assertEquals("https://vod.example.com/intro.mp4", file.getVodUrl());
    assertEquals(List.of(1000, -2000, -1, 500), List.of(file.getBeginOffset(), file.getEndOffset(), file.getRepeatNum(), file.getPtsCallbackInterval()));
    assertEquals("material-1", all.get(2).getMaterialId());
    // FixedDelayDuration is write-only: kept by the cloud, never reported.
    assertEquals(300, emulator.studio(id).orElseThrow().videoResources().get(1).fixedDelayDuration());

    ModifyCasterVideoResourceRequest modify = new ModifyCasterVideoResourceRequest();
    modify.setCasterId(id);
    modify.setResourceId(live);
    modify.setResourceName("renamed");
    modify.setImageUrl("https://img.example.com/slate.png");
    ModifyCasterVideoResourceResponse modified = call(modify);
    assertEquals(live, modified.getResourceId());
    assertEquals(id, modified.getCasterId());
    DescribeCasterVideoResourcesResponse.VideoResource changed = resources(id).get(0);
    assertEquals("renamed", changed.getResourceName());
    assertEquals("RV01", changed.getLocationId(), "a location cannot be modified");
    assertNull(changed.getLiveStreamUrl(), "the source is replaced");
    assertEquals("https://img.example.com/slate.png", changed.getImageUrl());

    DeleteCasterVideoResourceRequest delete = new DeleteCasterVideoResourceRequest();
    delete.setCasterId(id);
    delete.setResourceId(vod);
    call(delete);
    assertEquals(List.of(live, material), resources(id).stream().map(DescribeCasterVideoResourcesResponse.VideoResource::getResourceId).toList());
    assertEquals("InvalidResource.NotFound", code(delete));
    modify.setResourceId(vod);
    assertEquals("InvalidResource.NotFound", code(modify));
  }

  @Test
  void locationsAreRequiredUniqueAndLimitedByTheInputCount() throws ClientException {
    String id = createCaster("locations");
    emulator.setStudioInputs(2);
    addLive(id, "RV01");
    assertEquals("DuplicateLocationID", code(add(id, "RV01", r -> r.setLiveStreamUrl(LIVE))));
    assertEquals("InvalidParameter.Malformed", code(add(id, "RC01", r -> r.setLiveStreamUrl(LIVE))));
    assertEquals("InvalidParameter.Malformed", code(add(id, "RV00", r -> r.setLiveStreamUrl(LIVE))));
    assertEquals("MissingParameter", code(add(id, null, r -> r.setLiveStreamUrl(LIVE))));
    AddCasterVideoResourceRequest unnamed = new AddCasterVideoResourceRequest(); // the SDK cannot unset a parameter
    unnamed.setCasterId(id);
    unnamed.setLocationId("RV03");
    unnamed.setLiveStreamUrl(LIVE);
    assertEquals("MissingParameter", code(unnamed));
    addLive(id, "RV42");
    assertEquals("ResourceNumberExceed", code(add(id, "RV03", r -> r.setLiveStreamUrl(LIVE))));
  }

  @Test
  void exactlyOneSource() throws ClientException {
    String id = createCaster("sources");
    assertEquals("InvalidParameter.Malformed", code(add(id, "RV01", r -> {})), "LiveStreamUrl, MaterialId can't be both empty");
    assertEquals("InvalidParameter.Malformed", code(add(id, "RV01", r -> {
      r.setLiveStreamUrl(LIVE);
      r.setMaterialId("m");
    })));
    assertEquals("InvalidLiveStreamUrl.Malformed", code(add(id, "RV01", r -> r.setLiveStreamUrl(""))));
    assertEquals("InvalidLiveStreamUrl.Malformed", code(add(id, "RV01", r -> r.setLiveStreamUrl("not a url"))));
    assertEquals("InvalidMaterialId.Malformed", code(add(id, "RV01", r -> r.setMaterialId(""))));
    assertEquals("InvalidParameter.Malformed", code(add(id, "RV01", r -> r.setVodUrl("ftp://x/y.mp4"))));
    assertEquals("InvalidParameter.Malformed", code(add(id, "RV01", r -> {
      r.setLiveStreamUrl(LIVE);
      r.setRepeatNum(-2);
    })));
    assertEquals("InvalidParameter.Malformed", code(add(id, "RV01", r -> {
      r.setLiveStreamUrl(LIVE);
      r.setFixedDelayDuration(5001);
    })));
    assertTrue(resources(id).isEmpty(), "refused calls add nothing");

    String ok = addLive(id, "RV01");
    ModifyCasterVideoResourceRequest nameOnly = new ModifyCasterVideoResourceRequest();
    nameOnly.setCasterId(id);
    nameOnly.setResourceId(ok);
    nameOnly.setResourceName("no source given");
    assertEquals("InvalidParameter.Malformed", code(nameOnly), "Modify asks for the source on every call (old error list)");
  }

  @Test
  void unknownCasterAndMissingIds() throws Exception {
    AddCasterVideoResourceRequest unknown = add("a2b8e671-2fe5-4642-a2ec-bf93880e0000", "RV01", r -> r.setLiveStreamUrl(LIVE));
    assertEquals("InvalidCaster.NotFound", code(unknown));
    DeleteCasterVideoResourceRequest noId = new DeleteCasterVideoResourceRequest();
    noId.setCasterId(createCaster("ids"));
    assertEquals("MissingParameter", code(noId));
    assertEquals(404, httpStatus("DeleteCasterVideoResource", Map.of("CasterId", noId.getCasterId(), "ResourceId", "nope")));
  }
}
