package io.casteroperator.reconciler;

import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.SceneValue;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.ErrorClassifier;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.live.LiveCredentials;
import io.casteroperator.live.LiveError;
import io.casteroperator.live.LiveResult;
import io.casteroperator.live.NewCaster;
import io.casteroperator.live.ObservedConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A plain, in-memory Live API for the reconciler's table tests: casters that live in one account
 * and one region (any other account or region does not find them, as the service answers), the
 * channel rules, answers scripted per action, and a log of every call with where it went.
 */
final class FakeCloud implements LiveClientFactory {

  /** One call as the cloud received it. */
  record Call(String action, String casterId, String account, String region) {
    @Override
    public String toString() {
      return action + (casterId == null ? "" : " " + casterId) + " @" + region + "/" + account;
    }
  }

  /** A caster in the fake cloud. */
  static final class Caster {
    final String id;
    final String account;
    final String region;
    DesiredConfig config = DesiredConfig.EMPTY;
    boolean running;
    final Map<String, InputValue> inputs = new LinkedHashMap<>();
    final Map<String, String> channels = new LinkedHashMap<>();
    final Map<String, LayoutValue> layouts = new LinkedHashMap<>();
    final Map<String, ComponentValue> components = new LinkedHashMap<>();
    final List<SceneValue> scenes = new ArrayList<>();

    Caster(String id, String account, String region) {
      this.id = id;
      this.account = account;
      this.region = region;
    }
  }

  final Map<String, Caster> casters = new LinkedHashMap<>();
  final List<Call> calls = new ArrayList<>();
  private final Map<String, Supplier<LiveError>> scripted = new HashMap<>();
  private int requests;
  private int ids;

  Caster add(String id, String account, String region) {
    Caster caster = new Caster(id, account, region);
    casters.put(id, caster);
    return caster;
  }

  /** Every call of {@code action} fails with {@code code} (HTTP status as the service gives it). */
  FakeCloud failing(String action, String code, int httpStatus) {
    scripted.put(action, () -> ErrorClassifier.error(code, httpStatus, "scripted " + code, nextRequestId(), false));
    return this;
  }

  /** DescribeCasters answers without a caster list. */
  FakeCloud incompleteListing() {
    scripted.put("DescribeCasters", () -> ErrorClassifier.error(LiveError.INCOMPLETE_ANSWER, 200,
        "DescribeCasters answered without a caster list", nextRequestId(), false));
    return this;
  }

  List<String> actions() {
    return calls.stream().map(Call::action).toList();
  }

  @Override
  public LiveClient client(LiveCredentials credentials, String regionId) {
    return new Client(credentials.accountId(), regionId);
  }

  private String nextRequestId() {
    return "REQ-" + (++requests);
  }

  private final class Client implements LiveClient {
    private final String account;
    private final String region;

    Client(String account, String region) {
      this.account = account;
      this.region = region;
    }

    private <T> LiveResult<T> answer(String action, String casterId, Supplier<T> body) {
      calls.add(new Call(action, casterId, account, region));
      Supplier<LiveError> failure = scripted.get(action);
      if (failure != null) {
        return LiveResult.failed(failure.get(), Duration.ofMillis(1));
      }
      if (casterId != null) {
        Caster c = casters.get(casterId);
        if (c == null || !c.account.equals(account) || !c.region.equals(region)) {
          return LiveResult.failed(ErrorClassifier.error("InvalidCaster.NotFound", 404,
              "The specified caster " + casterId + " does not exist.", nextRequestId(), false), Duration.ofMillis(1));
        }
      }
      try {
        return LiveResult.ok(body.get(), nextRequestId(), Duration.ofMillis(1));
      } catch (Refusal refusal) {
        return LiveResult.failed(ErrorClassifier.error(refusal.code, 400, refusal.code, nextRequestId(), false),
            Duration.ofMillis(1));
      }
    }

    @Override
    public LiveResult<ObservedConfig> observeConfig(String casterId) {
      return answer("DescribeCasterConfig", casterId, () -> new ObservedConfig(casterId, casters.get(casterId).config));
    }

    @Override
    public LiveResult<CasterInfo> observeState(String casterId) {
      return answer("DescribeCasters", casterId, () -> {
        Caster c = casters.get(casterId);
        return new CasterInfo(casterId, c.config.casterName(), c.running, c.config.wantsChannels());
      });
    }

    @Override
    public LiveResult<io.casteroperator.live.CasterPage> listCasters(int pageNum, int pageSize) {
      return answer("DescribeCasters", null, () -> {
        List<CasterInfo> all = casters.values().stream().filter(c -> c.account.equals(account) && c.region.equals(region))
            .map(c -> new CasterInfo(c.id, c.config.casterName(), c.running, c.config.wantsChannels())).toList();
        return new io.casteroperator.live.CasterPage(
            all.stream().skip((long) (pageNum - 1) * pageSize).limit(pageSize).toList(), all.size());
      });
    }

    @Override
    public LiveResult<String> create(NewCaster request) {
      return answer("CreateCaster", null, () -> {
        String id = casters.values().stream().filter(c -> request.clientToken().equals(c.id + "-token"))
            .map(c -> c.id).findFirst().orElse(UUID.randomUUID().toString());
        casters.computeIfAbsent(id, i -> new Caster(i, account, region));
        return id;
      });
    }

    @Override
    public LiveResult<Void> update(String casterId, DesiredConfig config) {
      return answer("SetCasterConfig", casterId, () -> {
        Caster c = casters.get(casterId);
        if (c.config.wantsChannels() && !config.wantsChannels()) {
          throw new Refusal("InvalidCaster.ChannelDisableUnsupported");
        }
        if (!c.config.wantsChannels() && config.wantsChannels() && c.running) {
          throw new Refusal("IncorrectCasterStatus.EnableChannel");
        }
        c.config = config;
        return null;
      });
    }

    @Override
    public LiveResult<List<io.casteroperator.live.CasterStream>> start(String casterId) {
      return answer("StartCaster", casterId, () -> {
        Caster c = casters.get(casterId);
        if (c.config.domainName() == null) {
          throw new Refusal("InvalidDomainName.NotFound");
        }
        c.running = true;
        if (c.scenes.isEmpty()) {
          c.scenes.add(new SceneValue(c.id + "-pvw", false, null, List.of()));
          c.scenes.add(new SceneValue(c.id + "-pgm", true, null, List.of()));
        }
        return scenes(c, false);
      });
    }

    @Override
    public LiveResult<Void> stop(String casterId) {
      return answer("StopCaster", casterId, () -> {
        if (!casters.get(casterId).running) {
          throw new Refusal("IncorrectSceneStatus");
        }
        casters.get(casterId).running = false;
        return null;
      });
    }

    @Override
    public LiveResult<List<io.casteroperator.live.CasterStream>> streams(String casterId) {
      return answer("DescribeCasterStreamUrl", casterId, () -> scenes(casters.get(casterId), true));
    }

    private List<io.casteroperator.live.CasterStream> scenes(Caster c, boolean withRtmp) {
      String host = "rtmp://" + c.config.domainName() + "/caster/";
      // The scenes' ids as the caster has them (created at its first start).
      String pvw = c.scenes.stream().filter(sc -> !sc.program()).map(SceneValue::sceneId).findFirst().orElse(c.id + "-pvw");
      String pgm = c.scenes.stream().filter(SceneValue::program).map(SceneValue::sceneId).findFirst().orElse(c.id + "-pgm");
      return List.of(
          new io.casteroperator.live.CasterStream(pvw, false, "http://" + c.config.domainName() + "/caster/pvw.flv?auth_key=1-0-0-abc",
              withRtmp ? host + "pvw?auth_key=1-0-0-abc" : null, List.of()),
          new io.casteroperator.live.CasterStream(pgm, true, "http://" + c.config.domainName() + "/caster/pgm.flv?auth_key=1-0-0-def",
              withRtmp ? host + "pgm?auth_key=1-0-0-def" : null,
              List.of(new io.casteroperator.live.CasterStream.Output("http://" + c.config.domainName() + "/caster/pgm_lhd.m3u8?auth_key=1-0-0-ghi", "lhd", "m3u8"))));
    }

    // ---- the studio: ids as the cloud gives them, locations unique, scenes only while running

    private String newId(String kind) {
      return kind + "-" + (++ids);
    }

    @Override
    public LiveResult<List<CloudItem<InputValue>>> inputs(String casterId) {
      return answer("DescribeCasterVideoResources", casterId, () -> casters.get(casterId).inputs.entrySet().stream()
          .map(e -> new CloudItem<>(e.getKey(), withoutFixedDelay(e.getValue()))).toList());
    }

    @Override
    public LiveResult<String> addInput(String casterId, InputValue input) {
      return answer("AddCasterVideoResource", casterId, () -> {
        Caster c = casters.get(casterId);
        if (c.inputs.values().stream().anyMatch(i -> i.locationId().equals(input.locationId()))) {
          throw new Refusal("DuplicateLocationID");
        }
        String id = newId("res");
        c.inputs.put(id, input);
        return id;
      });
    }

    @Override
    public LiveResult<Void> modifyInput(String casterId, String resourceId, InputValue input) {
      return answer("ModifyCasterVideoResource", casterId, () -> {
        InputValue old = known(casters.get(casterId).inputs, resourceId, "InvalidResource.NotFound");
        casters.get(casterId).inputs.put(resourceId, new InputValue(input.name(), old.locationId(), input.source(),
            input.beginOffset(), input.endOffset(), input.repeatNum(), input.ptsCallbackInterval(), old.fixedDelayDuration()));
        return null;
      });
    }

    @Override
    public LiveResult<Void> deleteInput(String casterId, String resourceId) {
      return answer("DeleteCasterVideoResource", casterId, () -> {
        known(casters.get(casterId).inputs, resourceId, "InvalidResource.NotFound");
        casters.get(casterId).inputs.remove(resourceId);
        return null;
      });
    }

    @Override
    public LiveResult<List<ChannelValue>> channels(String casterId) {
      return answer("DescribeCasterChannels", casterId, () -> casters.get(casterId).channels.entrySet().stream()
          .map(e -> new ChannelValue(e.getKey(), e.getValue())).toList());
    }

    @Override
    public LiveResult<Void> setChannel(String casterId, String channelId, String resourceId) {
      return answer("SetCasterChannel", casterId, () -> {
        Caster c = casters.get(casterId);
        if (resourceId != null) {
          known(c.inputs, resourceId, "InvalidResource.NotFound");
          if (c.channels.entrySet().stream().anyMatch(e -> resourceId.equals(e.getValue()) && !e.getKey().equals(channelId))) {
            throw new Refusal("ResourceOfChannelExist");
          }
        }
        c.channels.put(channelId, resourceId);
        return null;
      });
    }

    @Override
    public LiveResult<List<CloudItem<LayoutValue>>> layouts(String casterId) {
      return answer("DescribeCasterLayouts", casterId, () -> casters.get(casterId).layouts.entrySet().stream()
          .map(e -> new CloudItem<>(e.getKey(), e.getValue())).toList());
    }

    @Override
    public LiveResult<String> addLayout(String casterId, LayoutValue layout) {
      return answer("AddCasterLayout", casterId, () -> {
        String id = newId("layout");
        casters.get(casterId).layouts.put(id, layout);
        return id;
      });
    }

    @Override
    public LiveResult<Void> modifyLayout(String casterId, String layoutId, LayoutValue layout) {
      return answer("ModifyCasterLayout", casterId, () -> {
        known(casters.get(casterId).layouts, layoutId, "InvalidLayout.NotFound");
        casters.get(casterId).layouts.put(layoutId, layout);
        return null;
      });
    }

    @Override
    public LiveResult<Void> deleteLayout(String casterId, String layoutId) {
      return answer("DeleteCasterLayout", casterId, () -> {
        known(casters.get(casterId).layouts, layoutId, "InvalidLayout.NotFound");
        casters.get(casterId).layouts.remove(layoutId);
        return null;
      });
    }

    @Override
    public LiveResult<List<CloudItem<ComponentValue>>> components(String casterId) {
      return answer("DescribeCasterComponents", casterId, () -> casters.get(casterId).components.entrySet().stream()
          .map(e -> new CloudItem<>(e.getKey(), asRead(e.getValue()))).toList());
    }

    @Override
    public LiveResult<String> addComponent(String casterId, ComponentValue component) {
      return answer("AddCasterComponent", casterId, () -> {
        Caster c = casters.get(casterId);
        if (component.locationId().startsWith("RC")
            && c.components.values().stream().anyMatch(x -> x.locationId().equals(component.locationId()))) {
          throw new Refusal("DuplicateLocationID");
        }
        String id = newId("comp");
        c.components.put(id, component);
        return id;
      });
    }

    @Override
    public LiveResult<Void> modifyComponent(String casterId, String componentId, ComponentValue component) {
      return answer("ModifyCasterComponent", casterId, () -> {
        ComponentValue old = known(casters.get(casterId).components, componentId, "InvalidComponent.NotFound");
        casters.get(casterId).components.put(componentId, new ComponentValue(component.name(), old.locationId(), component.type(),
            component.effect(), old.layerOrder(), component.layer(), component.content()));
        return null;
      });
    }

    @Override
    public LiveResult<Void> deleteComponent(String casterId, String componentId) {
      return answer("DeleteCasterComponent", casterId, () -> {
        known(casters.get(casterId).components, componentId, "InvalidComponent.NotFound");
        casters.get(casterId).components.remove(componentId);
        return null;
      });
    }

    @Override
    public LiveResult<List<SceneValue>> scenes(String casterId) {
      return answer("DescribeCasterScenes", casterId, () -> List.copyOf(casters.get(casterId).scenes));
    }

    @Override
    public LiveResult<Void> setScene(String casterId, SceneValue scene) {
      return answer("SetCasterSceneConfig", casterId, () -> {
        Caster c = casters.get(casterId);
        int at = -1;
        for (int i = 0; i < c.scenes.size(); i++) {
          if (c.scenes.get(i).sceneId().equals(scene.sceneId())) {
            at = i;
          }
        }
        if (at < 0) {
          throw new Refusal("InvalidScene.NotFound");
        }
        if (!c.running) {
          throw new Refusal("IncorrectSceneStatus");
        }
        if (scene.layoutId() != null) {
          known(c.layouts, scene.layoutId(), "InvalidLayout.NotFound");
        }
        c.scenes.set(at, new SceneValue(scene.sceneId(), c.scenes.get(at).program(), scene.layoutId(), scene.componentIds()));
        return null;
      });
    }

    @Override
    public LiveResult<Void> delete(String casterId) {
      return answer("DeleteCaster", casterId, () -> {
        if (casters.get(casterId).running) {
          throw new Refusal("IncorrectCasterStatus.Inuse");
        }
        casters.remove(casterId);
        return null;
      });
    }
  }

  private static <V> V known(Map<String, V> items, String id, String notFound) {
    V value = items.get(id);
    if (value == null) {
      throw new Refusal(notFound);
    }
    return value;
  }

  private static InputValue withoutFixedDelay(InputValue v) {
    return new InputValue(v.name(), v.locationId(), v.source(), v.beginOffset(), v.endOffset(), v.repeatNum(),
        v.ptsCallbackInterval(), null);
  }

  /** What DescribeCasterComponents shows: no layerOrder, no caption fields that cannot be read back. */
  private static ComponentValue asRead(ComponentValue v) {
    Map<String, Object> content = new LinkedHashMap<>(v.content());
    content.keySet().removeAll(ComponentValue.UNREADABLE_CAPTION_FIELDS);
    return new ComponentValue(v.name(), v.locationId(), v.type(), v.effect(), null, v.layer(), content);
  }

  private static final class Refusal extends RuntimeException {
    final String code;

    Refusal(String code) {
      super(code, null, false, false);
      this.code = code;
    }
  }
}
