package io.casteroperator.live;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.CreateCasterRequest;
import com.aliyuncs.live.model.v20161101.CreateCasterResponse;
import com.aliyuncs.live.model.v20161101.DeleteCasterRequest;
import com.aliyuncs.live.model.v20161101.DeleteCasterResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigResponse;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersResponse;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.SetCasterConfigResponse;
import com.aliyuncs.live.model.v20161101.DescribeCasterStreamUrlRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterStreamUrlResponse;
import com.aliyuncs.live.model.v20161101.StartCasterRequest;
import com.aliyuncs.live.model.v20161101.StartCasterResponse;
import com.aliyuncs.live.model.v20161101.StopCasterRequest;
import com.aliyuncs.live.model.v20161101.StopCasterResponse;
import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.SetCasterConfigParameters;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.SceneValue;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link LiveClient} over the official Java SDK ({@code DefaultAcsClient}). */
final class SdkLiveClient implements LiveClient {

  /** What every caster action but DescribeCasters answers for a caster it does not find. */
  private static final String NOT_LISTED = "InvalidCaster.NotFound";

  private final StatusKeepingAcsClient acs;
  private final String regionId;
  private final LiveSettings settings;
  private final SdkStudio studio = new SdkStudio(this);

  SdkLiveClient(StatusKeepingAcsClient acs, String regionId, LiveSettings settings) {
    this.acs = acs;
    this.regionId = regionId;
    this.settings = settings;
  }

  @Override
  public LiveResult<ObservedConfig> observeConfig(String casterId) {
    DescribeCasterConfigRequest request = new DescribeCasterConfigRequest();
    request.setCasterId(casterId);
    return call(request, DescribeCasterConfigResponse::getRequestId,
        r -> new ObservedConfig(casterId, CasterConfigReading.fromResponse(r)));
  }

  @Override
  public LiveResult<CasterInfo> observeState(String casterId) {
    DescribeCastersRequest request = new DescribeCastersRequest();
    request.setCasterId(casterId);
    LiveResult<DescribeCastersResponse> answer = call(request, DescribeCastersResponse::getRequestId, r -> r);
    if (!answer.isOk()) {
      return LiveResult.failed(answer.error(), answer.latency());
    }
    DescribeCastersResponse r = answer.value();
    // The SDK reads a missing list as an empty one; only Total tells an answer that lists nothing
    // from an answer that lists no caster. The first must never be taken for "not there".
    if (r.getTotal() == null || r.getCasterList() == null) {
      return LiveResult.failed(ErrorClassifier.error(LiveError.INCOMPLETE_ANSWER, 200,
          "DescribeCasters answered without a caster list", r.getRequestId(), false), answer.latency());
    }
    return r.getCasterList().stream()
        .filter(c -> casterId.equals(c.getCasterId()))
        .findFirst()
        .map(c -> LiveResult.ok(info(c), r.getRequestId(), answer.latency()))
        .orElseGet(() -> LiveResult.failed(ErrorClassifier.error(NOT_LISTED, 200,
            "DescribeCasters does not list caster " + casterId, r.getRequestId(), false), answer.latency()));
  }

  @Override
  public LiveResult<CasterPage> listCasters(int pageNum, int pageSize) {
    DescribeCastersRequest request = new DescribeCastersRequest();
    request.setPageNum(pageNum);
    request.setPageSize(pageSize);
    LiveResult<DescribeCastersResponse> answer = call(request, DescribeCastersResponse::getRequestId, r -> r);
    if (!answer.isOk()) {
      return LiveResult.failed(answer.error(), answer.latency());
    }
    DescribeCastersResponse r = answer.value();
    if (r.getTotal() == null || r.getCasterList() == null) {
      return LiveResult.failed(ErrorClassifier.error(LiveError.INCOMPLETE_ANSWER, 200,
          "DescribeCasters answered without a caster list", r.getRequestId(), false), answer.latency());
    }
    return LiveResult.ok(new CasterPage(r.getCasterList().stream().map(SdkLiveClient::info).toList(), r.getTotal()),
        r.getRequestId(), answer.latency());
  }

  private static CasterInfo info(DescribeCastersResponse.Caster c) {
    return new CasterInfo(c.getCasterId(), c.getCasterName(),
        Integer.valueOf(1).equals(c.getStatus()), Integer.valueOf(1).equals(c.getChannelEnable()));
  }

  @Override
  public LiveResult<String> create(NewCaster caster) {
    CreateCasterRequest request = new CreateCasterRequest();
    request.setClientToken(caster.clientToken());
    request.setCasterName(caster.casterName());
    request.setNormType(caster.normType());
    request.setChargeType("PostPaid");
    request.setResourceGroupId(caster.resourceGroupId());
    if (!caster.tags().isEmpty()) {
      List<CreateCasterRequest.Tag> tags = new ArrayList<>();
      for (Map.Entry<String, String> entry : caster.tags().entrySet()) {
        CreateCasterRequest.Tag tag = new CreateCasterRequest.Tag();
        tag.setKey(entry.getKey());
        tag.setValue(entry.getValue());
        tags.add(tag);
      }
      request.setTags(tags);
    }
    return call(request, CreateCasterResponse::getRequestId, CreateCasterResponse::getCasterId);
  }

  @Override
  public LiveResult<Void> update(String casterId, DesiredConfig config) {
    SetCasterConfigRequest request = new SetCasterConfigRequest();
    request.setCasterId(casterId);
    // The project's own encoding goes on the wire as it is: what is sent is what ConfigHash hashed.
    SetCasterConfigParameters.of(config).forEach(request::putQueryParameter);
    return call(request, SetCasterConfigResponse::getRequestId, r -> null);
  }

  @Override
  public LiveResult<List<CasterStream>> start(String casterId) {
    StartCasterRequest request = new StartCasterRequest();
    request.setCasterId(casterId);
    return call(request, StartCasterResponse::getRequestId, r -> {
      List<CasterStream> scenes = new ArrayList<>();
      for (StartCasterResponse.SceneInfo1 pvw : nonNull(r.getPvwSceneInfos())) {
        scenes.add(new CasterStream(pvw.getSceneId(), false, pvw.getStreamUrl(), null, List.of()));
      }
      for (StartCasterResponse.SceneInfo pgm : nonNull(r.getPgmSceneInfos())) {
        scenes.add(new CasterStream(pgm.getSceneId(), true, pgm.getStreamUrl(), null, nonNull(pgm.getStreamInfos()).stream()
            .map(i -> new CasterStream.Output(i.getOutputStreamUrl(), i.getTranscodeConfig(), i.getVideoFormat())).toList()));
      }
      return scenes;
    });
  }

  @Override
  public LiveResult<List<CasterStream>> streams(String casterId) {
    DescribeCasterStreamUrlRequest request = new DescribeCasterStreamUrlRequest();
    request.setCasterId(casterId);
    return call(request, DescribeCasterStreamUrlResponse::getRequestId, r -> nonNull(r.getCasterStreams()).stream()
        .map(s -> new CasterStream(s.getSceneId(), Integer.valueOf(1).equals(s.getOutputType()), s.getStreamUrl(),
            s.getRtmpUrl(), nonNull(s.getStreamInfos()).stream()
                .map(i -> new CasterStream.Output(i.getOutputStreamUrl(), i.getTranscodeConfig(), i.getVideoFormat())).toList()))
        .toList());
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public LiveResult<Void> stop(String casterId) {
    StopCasterRequest request = new StopCasterRequest();
    request.setCasterId(casterId);
    return call(request, StopCasterResponse::getRequestId, r -> null);
  }

  @Override
  public LiveResult<Void> delete(String casterId) {
    DeleteCasterRequest request = new DeleteCasterRequest();
    request.setCasterId(casterId);
    return call(request, DeleteCasterResponse::getRequestId, r -> null);
  }

  // ---- the studio: SdkStudio maps its values to the SDK's requests and answers

  @Override
  public LiveResult<List<CloudItem<InputValue>>> inputs(String casterId) {
    return studio.inputs(casterId);
  }

  @Override
  public LiveResult<String> addInput(String casterId, InputValue input) {
    return studio.addInput(casterId, input);
  }

  @Override
  public LiveResult<Void> modifyInput(String casterId, String resourceId, InputValue input) {
    return studio.modifyInput(casterId, resourceId, input);
  }

  @Override
  public LiveResult<Void> deleteInput(String casterId, String resourceId) {
    return studio.deleteInput(casterId, resourceId);
  }

  @Override
  public LiveResult<List<ChannelValue>> channels(String casterId) {
    return studio.channels(casterId);
  }

  @Override
  public LiveResult<Void> setChannel(String casterId, String channelId, String resourceId) {
    return studio.setChannel(casterId, channelId, resourceId);
  }

  @Override
  public LiveResult<List<CloudItem<LayoutValue>>> layouts(String casterId) {
    return studio.layouts(casterId);
  }

  @Override
  public LiveResult<String> addLayout(String casterId, LayoutValue layout) {
    return studio.addLayout(casterId, layout);
  }

  @Override
  public LiveResult<Void> modifyLayout(String casterId, String layoutId, LayoutValue layout) {
    return studio.modifyLayout(casterId, layoutId, layout);
  }

  @Override
  public LiveResult<Void> deleteLayout(String casterId, String layoutId) {
    return studio.deleteLayout(casterId, layoutId);
  }

  @Override
  public LiveResult<List<CloudItem<ComponentValue>>> components(String casterId) {
    return studio.components(casterId);
  }

  @Override
  public LiveResult<String> addComponent(String casterId, ComponentValue component) {
    return studio.addComponent(casterId, component);
  }

  @Override
  public LiveResult<Void> modifyComponent(String casterId, String componentId, ComponentValue component) {
    return studio.modifyComponent(casterId, componentId, component);
  }

  @Override
  public LiveResult<Void> deleteComponent(String casterId, String componentId) {
    return studio.deleteComponent(casterId, componentId);
  }

  @Override
  public LiveResult<List<SceneValue>> scenes(String casterId) {
    return studio.scenes(casterId);
  }

  @Override
  public LiveResult<Void> setScene(String casterId, SceneValue scene) {
    return studio.setScene(casterId, scene);
  }

  <R extends AcsResponse, T> LiveResult<T> call(
      AcsRequest<R> request, Function<R, String> requestId, Function<R, T> value) {
    prepare(request);
    long start = System.nanoTime();
    try {
      R response = acs.getAcsResponse(request);
      StatusKeepingAcsClient.takeLastStatus();
      return LiveResult.ok(value.apply(response), requestId.apply(response), since(start));
    } catch (ClientException e) {
      Integer status = StatusKeepingAcsClient.takeLastStatus();
      return LiveResult.failed(error(e, status), since(start));
    } catch (RuntimeException e) {
      // A response the SDK could not read: the call may well have been applied.
      StatusKeepingAcsClient.takeLastStatus();
      return LiveResult.failed(ErrorClassifier.error("SDK.UnexpectedError", null,
          MessageSanitizer.clean(String.valueOf(e.getMessage())), null, true), since(start));
    }
  }

  private void prepare(AcsRequest<?> request) {
    if (regionId != null) {
      request.setSysRegionId(regionId);
    }
    request.setSysConnectTimeout((int) settings.connectTimeout().toMillis());
    request.setSysReadTimeout((int) settings.readTimeout().toMillis());
    if (settings.endpoint() != null) {
      request.setSysEndpoint(settings.endpointAuthority());
      request.setSysProtocol("https".equalsIgnoreCase(settings.endpoint().getScheme()) ? ProtocolType.HTTPS : ProtocolType.HTTP);
    } else {
      request.setSysProtocol(ProtocolType.HTTPS);
    }
  }

  static LiveError error(ClientException e, Integer status) {
    String code = e.getErrCode() == null ? "SDK.UnknownError" : e.getErrCode();
    return ErrorClassifier.error(code, status, MessageSanitizer.clean(e.getErrMsg()), e.getRequestId(),
        status == null && mayHaveBeenSent(e));
  }

  /** A connection that was never made cannot have applied anything; any other silence might have. */
  private static boolean mayHaveBeenSent(ClientException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause.getClass().getName().equals("org.apache.http.conn.ConnectTimeoutException")) {
        return false;
      }
    }
    return "SDK.ReadTimeout".equals(e.getErrCode()) || "SDK.ServerUnreachable".equals(e.getErrCode());
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
