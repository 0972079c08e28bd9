package io.casteroperator.reconciler;

import io.casteroperator.config.DesiredConfig;
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
      return List.of(
          new io.casteroperator.live.CasterStream(c.id + "-pvw", false, "http://" + c.config.domainName() + "/caster/pvw.flv?auth_key=1-0-0-abc",
              withRtmp ? host + "pvw?auth_key=1-0-0-abc" : null, List.of()),
          new io.casteroperator.live.CasterStream(c.id + "-pgm", true, "http://" + c.config.domainName() + "/caster/pgm.flv?auth_key=1-0-0-def",
              withRtmp ? host + "pgm?auth_key=1-0-0-def" : null,
              List.of(new io.casteroperator.live.CasterStream.Output("http://" + c.config.domainName() + "/caster/pgm_lhd.m3u8?auth_key=1-0-0-ghi", "lhd", "m3u8"))));
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

  private static final class Refusal extends RuntimeException {
    final String code;

    Refusal(String code) {
      super(code, null, false, false);
      this.code = code;
    }
  }
}
