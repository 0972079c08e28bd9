package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A studio's run state, its scenes and their outputs (studio-api-notes §1, §2): StartCaster,
 * StopCaster, DescribeCasterStreamUrl, DescribeCasterScenes, Set/UpdateCasterSceneConfig,
 * Start/StopCasterScene. The first start creates a preview (PVW) and a programme (PGM) scene; they
 * keep their ids across stop and start, and exist for no call before it.
 */
final class SceneActions {
  /** guess: scene ids are UUIDs; anything else than id characters is malformed, not unknown. */
  private static final Pattern SCENE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final CasterStore store;
  private final EmulatorSettings settings;
  private final Clock clock;
  private final StreamUrls urls;

  SceneActions(CasterStore store, EmulatorSettings settings, Clock clock, StreamUrls urls) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.urls = urls;
  }

  // ---- run state ----

  ObjectNode startCaster(Caller who, Map<String, String> p) {
    Instant now = now();
    return read(who, p, c -> {
      if (c.running) {
        // guess: undocumented; idempotent by default, IncorrectCasterStatus with the switch.
        if (settings.rejectStartWhileRunning()) {
          throw ApiError.INCORRECT_CASTER_STATUS.exception("Caster " + c.id + " is running already.");
        }
        return startAnswer(c);
      }
      if (Params.emptyToNull(c.config.get(CasterParameters.DOMAIN_NAME)) == null) {
        throw ApiError.INVALID_DOMAIN_NAME_NOT_FOUND.exception("Caster " + c.id + " has no DomainName.");
      }
      if (casterTemplate(c) == null) {
        // guess: the page only says "an error is reported"; the code is our pick.
        throw ApiError.MISSING_PARAMETER.exception(
            "Caster " + c.id + " has no transcoding template: set TranscodeConfig with a CasterTemplate.");
      }
      start(c, now);
      return startAnswer(c);
    });
  }

  /**
   * Stopping an idle studio: the page lists InvalidScene.NotFound and IncorrectSceneStatus for
   * StopCaster; read as "no scenes yet" and "scenes not started" (guess), refused unless the
   * {@code rejectStopWhileIdle} switch is off.
   */
  ObjectNode stopCaster(Caller who, Map<String, String> p) {
    Instant now = now();
    read(who, p, c -> {
      if (!c.running) {
        if (!settings.rejectStopWhileIdle()) {
          return null;
        }
        if (c.studio.scenes.isEmpty()) {
          throw ApiError.INVALID_SCENE_NOT_FOUND.exception("Caster " + c.id + " has never been started: it has no scenes.");
        }
        throw ApiError.INCORRECT_SCENE_STATUS.exception("Caster " + c.id + " is not started: its scenes are stopped.");
      }
      stop(c, now);
      return null;
    });
    return Json.object();
  }

  /** The effect of a start, also from the console: scenes created if absent, both started, URLs signed. */
  void start(StoredCaster c, Instant now) {
    Studio studio = c.studio;
    if (studio.scenes.isEmpty()) {
      studio.scenes.add(new Studio.SceneState(StudioAccess.newId(), Scene.PREVIEW));
      studio.scenes.add(new Studio.SceneState(StudioAccess.newId(), Scene.PROGRAM));
    }
    studio.scenes.forEach(s -> s.status = 1);
    studio.signing = urls.sign(Params.emptyToNull(c.config.get(CasterParameters.DOMAIN_NAME)), casterTemplate(c), now);
    c.running = true;
    c.lastModified = now;
  }

  void stop(StoredCaster c, Instant now) {
    c.studio.scenes.forEach(s -> s.status = 0);
    c.running = false;
    c.lastModified = now;
  }

  private ObjectNode startAnswer(StoredCaster c) {
    ObjectNode out = Json.object();
    ArrayNode pvw = out.putObject("PvwSceneInfos").putArray("SceneInfo");
    ArrayNode pgm = out.putObject("PgmSceneInfos").putArray("SceneInfo");
    for (Scene s : views(c)) {
      ObjectNode info = (s.program() ? pgm : pvw).addObject();
      info.put("SceneId", s.sceneId());
      info.put("StreamUrl", s.streamUrl());
      if (s.program()) {
        info.set("StreamInfos", streamInfos(s));
      }
    }
    return out;
  }

  // ---- outputs ----

  ObjectNode describeStreamUrl(Caller who, Map<String, String> p) {
    return read(who, p, c -> {
      List<Scene> scenes = startedScenes(c);
      ObjectNode out = Json.object();
      out.put("CasterId", c.id);
      out.put("Total", scenes.size());
      ArrayNode list = out.putObject("CasterStreams").putArray("CasterStream");
      for (Scene s : scenes) {
        ObjectNode stream = list.addObject();
        stream.put("SceneId", s.sceneId());
        stream.put("OutputType", s.outputType());
        stream.put("StreamUrl", s.streamUrl());
        stream.put("RtmpUrl", s.rtmpUrl());
        if (s.program()) {
          stream.set("StreamInfos", streamInfos(s));
        }
      }
      return out;
    });
  }

  ObjectNode describeScenes(Caller who, Map<String, String> p) {
    String filter = sceneIdOrNull(p);
    return read(who, p, c -> {
      List<Scene> scenes = startedScenes(c);
      if (filter != null) {
        c.studio.scene(filter);
        scenes = scenes.stream().filter(s -> s.sceneId().equals(filter)).toList();
      }
      ObjectNode out = Json.object();
      out.put("Total", scenes.size());
      ArrayNode list = out.putObject("SceneList").putArray("Scene");
      scenes.forEach(s -> list.add(view(s)));
      return out;
    });
  }

  /** A scene as DescribeCasterScenes reports it. */
  static ObjectNode view(Scene s) {
    ObjectNode scene = Json.object();
    scene.put("SceneId", s.sceneId());
    scene.put("SceneName", s.sceneName());
    if (s.layoutId() != null) {
      scene.put("LayoutId", s.layoutId());
    }
    scene.put("OutputType", Integer.toString(s.outputType())); // a string here, an integer in DescribeCasterStreamUrl
    scene.put("Status", s.status());
    scene.put("StreamUrl", s.streamUrl());
    ArrayNode ids = scene.putObject("ComponentIds").putArray("componentId"); // lower-case c, as the Tea model has it
    s.componentIds().forEach(ids::add);
    if (s.program()) {
      scene.set("StreamInfos", streamInfos(s));
    }
    return scene;
  }

  /** guess: the notes tie InvalidScene.NotFound to a studio never set up; scenes exist from the first start. */
  private List<Scene> startedScenes(StoredCaster c) {
    if (c.studio.scenes.isEmpty()) {
      throw ApiError.INVALID_SCENE_NOT_FOUND.exception("Caster " + c.id + " has no scenes before its first start.");
    }
    return views(c);
  }

  List<Scene> views(StoredCaster c) {
    List<Scene> scenes = new ArrayList<>();
    c.studio.scenes.forEach(s -> scenes.add(urls.scene(s, c.studio.signing)));
    return scenes;
  }

  private static ObjectNode streamInfos(Scene s) {
    ObjectNode wrapper = Json.object();
    ArrayNode list = wrapper.putArray("StreamInfo");
    s.streamInfos().forEach(i -> list.addObject()
        .put("OutputStreamUrl", i.outputStreamUrl()).put("TranscodeConfig", i.transcodeConfig()).put("VideoFormat", i.videoFormat()));
    return wrapper;
  }

  // ---- scene configuration ----

  /**
   * SetCasterSceneConfig replaces what the scene shows (layout and components; no LayoutId clears
   * it). UpdateCasterSceneConfig needs a LayoutId and keeps the components when it gives none
   * (guess: undocumented). Both need the scene started ("Scene is not started.").
   */
  ObjectNode setSceneConfig(Caller who, Map<String, String> p, boolean update) {
    String sceneId = sceneId(p);
    String layoutId = update ? Params.required(p, "LayoutId") : Params.optional(p, "LayoutId");
    List<String> componentIds = Params.indexed(p, "ComponentId");
    boolean keepComponents = update && componentIds.isEmpty();
    read(who, p, c -> {
      Studio.SceneState scene = c.studio.scene(sceneId);
      if (scene.status != 1) {
        throw ApiError.INCORRECT_SCENE_STATUS.exception("Scene " + sceneId + " is not started.");
      }
      configure(c, scene, layoutId, keepComponents ? scene.componentIds : componentIds);
      return null;
    });
    return Json.object();
  }

  private static void configure(StoredCaster c, Studio.SceneState scene, String layoutId, List<String> componentIds) {
    if (layoutId != null) {
      c.studio.layout(layoutId);
    }
    // guess: unknown components are refused like an unknown layout, with the component code.
    componentIds.forEach(c.studio::component);
    scene.layoutId = layoutId;
    scene.componentIds = List.copyOf(componentIds);
  }

  /** The PVW scene on a running studio only; the PGM scene runs with the studio. */
  ObjectNode startScene(Caller who, Map<String, String> p) {
    String sceneId = sceneId(p);
    String streamUrl = read(who, p, c -> {
      if (!c.running) {
        throw ApiError.INCORRECT_CASTER_STATUS_IDLE.exception("Caster " + c.id + " is not started.");
      }
      Studio.SceneState scene = previewScene(c, sceneId);
      if (scene.status == 1) {
        throw ApiError.INCORRECT_SCENE_STATUS_INUSE.exception("Scene " + sceneId + " is started already.");
      }
      scene.status = 1;
      return urls.scene(scene, c.studio.signing).streamUrl();
    });
    return Json.object().put("StreamUrl", streamUrl);
  }

  ObjectNode stopScene(Caller who, Map<String, String> p) {
    String sceneId = sceneId(p);
    read(who, p, c -> {
      Studio.SceneState scene = previewScene(c, sceneId);
      if (scene.status != 1) {
        throw ApiError.INCORRECT_SCENE_STATUS_IDLE.exception("Scene " + sceneId + " is not started.");
      }
      scene.status = 0;
      return null;
    });
    return Json.object();
  }

  private static Studio.SceneState previewScene(StoredCaster c, String sceneId) {
    Studio.SceneState scene = c.studio.scene(sceneId);
    if (scene.outputType != Scene.PREVIEW) {
      throw ApiError.INCORRECT_SCENE_STATUS.exception("Scene " + sceneId + " is a programme scene; only preview scenes start and stop alone.");
    }
    return scene;
  }

  // ---- the console ----

  /** As the console does: any scene, started or not; the references must exist. */
  void consoleConfigure(String casterId, String sceneId, String layoutIdOrNull, List<String> componentIds) {
    CloudConsole.unwrap(() -> store.withCaster(null, null, casterId, c -> {
      configure(c, c.studio.scene(sceneId), layoutIdOrNull, componentIds);
      return null;
    }));
  }

  void consoleSceneStatus(String casterId, String sceneId, boolean running) {
    CloudConsole.unwrap(() -> store.withCaster(null, null, casterId, c -> {
      c.studio.scene(sceneId).status = running && c.running ? 1 : 0;
      return null;
    }));
  }

  // ---- helpers ----

  private <R> R read(Caller who, Map<String, String> p, java.util.function.Function<StoredCaster, R> work) {
    return store.withCaster(who.account(), who.region(), Params.casterId(p), work);
  }

  private static String sceneId(Map<String, String> p) {
    String id = sceneIdOrNull(p);
    if (id == null) {
      throw Params.missing("SceneId");
    }
    return id;
  }

  private static String sceneIdOrNull(Map<String, String> p) {
    String id = Params.optional(p, "SceneId");
    if (id != null && !SCENE_ID.matcher(id).matches()) {
      throw ApiError.INVALID_SCENE_ID_MALFORMED.exception("The specified SceneId " + id + " is malformed.");
    }
    return id;
  }

  static String casterTemplate(StoredCaster c) {
    String transcode = c.config.get(CasterParameters.TRANSCODE_CONFIG);
    return transcode == null ? null : Json.parse(transcode).map(n -> CasterParameters.text(n, "CasterTemplate")).orElse(null);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
